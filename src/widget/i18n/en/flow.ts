import type { flow as tr } from '../tr/flow.js';

export const flow = {
  'flow.step.login': 'Log in',
  'flow.step.asset': 'Details',
  'flow.step.quotes': 'Quotes',
  'flow.step.checkout': 'Payment',
  'flow.step.policy': 'Policy',
  'flow.step.asset.vehicle': 'Vehicle',
  'flow.step.asset.property': 'Home',
  'flow.step.asset.health': 'Health',
  'flow.progress': 'Purchase steps',
  'flow.done': '(done)',
  'flow.back': 'Back',
  'flow.loggedInAs': 'Logged in as {name}',
  'flow.loggedIn': 'Logged in',
  'flow.logout': 'Log out',
  'flow.resuming': 'Loading where you left off…',
  'flow.stepLoading': 'Loading this step…',
  'flow.badProduct': 'This flow is not configured: the product attribute must be kasko, trafik, imm, konut, dask or tss.',
} as const satisfies Record<keyof typeof tr, string>;
