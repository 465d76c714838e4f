import type { health as tr } from '../tr/health.js';

export const health = {
  'health.title': 'Your health details',
} as const satisfies Record<keyof typeof tr, string>;
