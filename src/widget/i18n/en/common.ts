import type { common as trCommon, errors as trErrors, validation as trValidation } from '../tr/common.js';

export const common = {
  'common.retry': 'Try again',
  'common.back': 'Back',
  'common.continue': 'Continue',
  'common.loading': 'Loading…',
  'common.noResults': 'No results',
  'common.resultCount': 'Matches: {count}',
  'common.select': 'Select',
  'common.needsLogin': 'Please log in first to continue.',
  'common.needsAsset': 'Choose what to insure first to get quotes.',
  'common.needsQuote': 'Choose a quote first to pay.',
  'common.needsPolicy': 'There is no policy yet.',
  'common.missingProxy': 'This element is not configured: the proxy-url attribute is missing.',
  'common.paymentReturn.checking': 'Checking your payment…',
  'common.paymentReturn.login': 'Log in to see the result of your payment. Once you are logged in, your policy is shown here.',
  'common.paymentReturn.unconfirmed.title': 'We could not confirm this payment here',
  'common.paymentReturn.unconfirmed.body':
    'You came back from the payment page, but there is no policy for this payment in your account. If you started the payment in another tab, carry on there; if you have questions, contact your agency.',
} as const satisfies Record<keyof typeof trCommon, string>;

export const validation = {
  'validation.required': 'This field is required.',
  'validation.tckn': 'Enter a valid Turkish ID number (11 digits).',
  'validation.vkn': 'Enter a valid tax number (10 digits).',
  'validation.ykn': 'Enter a valid foreign ID number (11 digits starting with 99).',
  'validation.plate': 'Enter a valid plate (e.g. 34 ABC 123).',
  'validation.serial': 'The registration serial is 2 letters and 6 digits (e.g. AB 123456).',
  'validation.uavt': 'The UAVT address code has 10 digits and does not start with 0.',
  'validation.phone': 'Enter a valid mobile number (5XX XXX XX XX).',
  'validation.cardNumber': 'This card number is not valid.',
  'validation.cardExpiry': 'Enter the expiry date as MM/YY.',
  'validation.cardExpired': 'This card has expired.',
  'validation.cvc': 'The security code has 3 digits (4 for American Express).',
  'validation.email': 'Enter a valid e-mail address.',
  'validation.birthDate': 'Enter your birth date as dd.mm.yyyy (you must be over 18).',
  'validation.range': 'Enter a value between {min} and {max}.',
  'validation.integer': 'Enter a whole number.',
  'validation.decimal': 'Enter a number, e.g. 72 or 72.5.',
  'validation.holderName': 'Enter the first and last name on the card.',
} as const satisfies Record<keyof typeof trValidation, string>;

export const errors = {
  'errors.network': 'Could not connect. Check your internet connection and try again.',
  'errors.timeout': 'The request timed out. Please try again.',
  'errors.server': 'Something went wrong on the server. Please try again shortly.',
  'errors.contract': 'The server sent an unexpected answer. Please try again.',
  'errors.unauthorized': 'Your session has expired. Please log in again.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.notFound': 'The record you are looking for was not found.',
  'errors.rateLimited': 'Too many attempts. Please try again in {seconds} seconds.',
  'errors.rateLimitedMinutes': 'Too many attempts. Please try again in {minutes} minutes.',
  'errors.invalidInput': 'Please check the information you entered.',
  'errors.conflict': 'This cannot be done right now.',
  'errors.unknown': 'Something unexpected happened. Please try again.',
} as const satisfies Record<keyof typeof trErrors, string>;
