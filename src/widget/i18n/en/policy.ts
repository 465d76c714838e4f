import type { policy as tr } from '../tr/policy.js';

export const policy = {
  'policy.title': 'Your policy',
} as const satisfies Record<keyof typeof tr, string>;
