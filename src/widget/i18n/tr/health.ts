export const health = {
  'health.title': 'Sağlık bilgileriniz',
} as const;
