import type { quotes as tr } from '../tr/quotes.js';

export const quotes = {
  'quotes.title': 'Quotes',
} as const satisfies Record<keyof typeof tr, string>;
