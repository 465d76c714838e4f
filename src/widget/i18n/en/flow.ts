import type { flow as tr } from '../tr/flow.js';

export const flow = {
  'flow.step.login': 'Log in',
  'flow.step.asset': 'Details',
  'flow.step.quotes': 'Quotes',
  'flow.step.checkout': 'Payment',
  'flow.step.policy': 'Policy',
} as const satisfies Record<keyof typeof tr, string>;
