export const checkout = {
  'checkout.title': 'Ödeme',
} as const;
