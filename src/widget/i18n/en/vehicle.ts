import type { vehicle as tr } from '../tr/vehicle.js';

export const vehicle = {
  'vehicle.title': 'Your vehicle',
} as const satisfies Record<keyof typeof tr, string>;
