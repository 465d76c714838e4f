export const quotes = {
  'quotes.title': 'Teklifler',
} as const;
