import type { checkout as tr } from '../tr/checkout.js';

export const checkout = {
  'checkout.title': 'Payment',
  'checkout.loading': 'Loading payment details…',
  'checkout.verifying': 'Checking your payment, please wait…',

  'checkout.summary.heading': 'Your chosen offer',
  'checkout.summary.insurer': 'Insurer',
  'checkout.summary.product': 'Product',
  'checkout.summary.coverageGroup': 'Coverage package',
  'checkout.summary.plan': 'Payment plan',
  'checkout.summary.singlePayment': 'Single payment',
  'checkout.summary.installments': '{count} instalments × {amount}',
  'checkout.summary.total': 'Total',

  'checkout.type.legend': 'Payment method',
  'checkout.type.3d-secure': 'Pay by card (your bank’s 3-D Secure check)',
  'checkout.type.3d-secure.hint': 'You enter your card here, then your bank’s verification page opens.',
  'checkout.type.third-party-3d-secure': 'Pay by card (3-D Secure through a payment provider)',
  'checkout.type.third-party-3d-secure.hint': 'You enter your card here; it is verified on a contracted payment provider’s page.',
  'checkout.type.insurance-company-redirect': 'Pay on the insurer’s payment page',
  'checkout.type.insurance-company-redirect.hint': 'You enter your card on the insurer’s secure payment page.',
  'checkout.type.required': 'Choose a payment method.',
  'checkout.type.none': 'This offer cannot be bought online. Choose another offer or contact our agency.',

  'checkout.unavailable': 'This offer cannot be bought right now. Please choose another offer.',
  'checkout.chooseAnother': 'Choose another offer',

  'checkout.card.legend': 'Card details',
  'checkout.card.holderName': 'Name on card',
  'checkout.card.number': 'Card number',
  'checkout.card.expiry': 'Expiry date',
  'checkout.card.expiryHint': 'MM/YY, e.g. 08/29',
  'checkout.card.cvc': 'Security code (CVC)',
  'checkout.card.cvcHint': 'The 3-digit code on the back (American Express: the 4-digit code on the front)',
  'checkout.card.brand': 'Card type: {brand}',
  'checkout.card.brand.visa': 'Visa',
  'checkout.card.brand.mastercard': 'Mastercard',
  'checkout.card.brand.amex': 'American Express',
  'checkout.card.brand.troy': 'Troy',
  'checkout.card.holderIsOther': 'The card belongs to someone else',
  'checkout.card.holderIdentity': 'Card holder’s Turkish ID number',
  'checkout.card.privacy': 'Your card details are not stored; they are sent once, for this payment only.',
  'checkout.card.cleared': 'For your security the card details were cleared; please enter them again.',

  'checkout.infoForm.link': 'Read the pre-contract information form (PDF, opens in a new tab)',
  'checkout.infoForm.confirm': 'I have read and accept the pre-contract information form.',
  'checkout.infoForm.required': 'Accept the pre-contract information form to continue to payment.',

  'checkout.pay': 'Pay {amount}',
  'checkout.paying': 'Starting the payment…',
  'checkout.redirecting': 'Taking you to the payment page…',
  'checkout.redirectLink': 'If nothing happens, go to the payment page',

  'checkout.notPaid.title': 'Your payment was not completed',
  'checkout.notPaid.body': 'No policy was issued. You can try again or pay another way.',
  'checkout.notPaid.reason': 'Reason: {reason}',
  'checkout.tryAgain': 'Try again',
  'checkout.payAnotherWay': 'Pay another way',

  'checkout.timeout.title': 'The payment result has not arrived yet',
  'checkout.timeout.body': 'We are waiting for the payment provider. To avoid paying twice, do not pay again; check the status again in a few minutes.',
  'checkout.checkAgain': 'Check the status again',

  'checkout.help.call': 'Call the agency: {phone}',
  'checkout.help.contact': 'Contact the agency',

  'checkout.done.title': 'Payment received',
  'checkout.done.body': 'Your policy has been issued.',
} as const satisfies Record<keyof typeof tr, string>;
