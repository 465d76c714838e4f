import type { property as tr } from '../tr/property.js';

export const property = {
  'property.title': 'Your home',
} as const satisfies Record<keyof typeof tr, string>;
