export const policy = {
  'policy.title': 'Poliçeniz',
} as const;
