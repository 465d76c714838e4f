export const vehicle = {
  'vehicle.title': 'Aracınız',
} as const;
