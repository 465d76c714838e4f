import type { checkout as tr } from '../tr/checkout.js';

export const checkout = {
  'checkout.title': 'Payment',
} as const satisfies Record<keyof typeof tr, string>;
