export const property = {
  'property.title': 'Konutunuz',
} as const;
