import type { myPolicies as tr } from '../tr/myPolicies.js';

export const myPolicies = {
  'myPolicies.title': 'My quotes and policies',
} as const satisfies Record<keyof typeof tr, string>;
