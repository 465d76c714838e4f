/**
 * Which element shows each step of a flow, which of the flow's attributes it is given, and
 * where Back goes. The other elements are defined by their own modules; the flow renders
 * them by tag.
 */
import type { ProductName } from '../../../contract/index.js';
import { assetTypeOf } from '../../../contract/index.js';
import type { StepName } from '../../events.js';
import type { MessageKey } from '../../i18n/index.js';
import type { FlowState } from '../../session/flow-state.js';

export type StepTag =
  | 'insurup-login'
  | 'insurup-vehicle-form'
  | 'insurup-property-form'
  | 'insurup-health-form'
  | 'insurup-quotes'
  | 'insurup-checkout'
  | 'insurup-policy';

function assetTagFor(product: ProductName): StepTag {
  const asset = assetTypeOf(product);
  return asset === 'VEHICLE' ? 'insurup-vehicle-form' : asset === 'PROPERTY' ? 'insurup-property-form' : 'insurup-health-form';
}

export function tagFor(step: StepName, product: ProductName): StepTag {
  switch (step) {
    case 'login':
      return 'insurup-login';
    case 'asset':
      return assetTagFor(product);
    case 'quotes':
      return 'insurup-quotes';
    case 'checkout':
      return 'insurup-checkout';
    case 'policy':
      return 'insurup-policy';
  }
}

/** The progress label of a step; the asset step says what is insured. */
export function stepLabelKey(step: StepName, product: ProductName): MessageKey {
  if (step !== 'asset') return `flow.step.${step}`;
  const asset = assetTypeOf(product);
  return asset === 'VEHICLE' ? 'flow.step.asset.vehicle' : asset === 'PROPERTY' ? 'flow.step.asset.property' : 'flow.step.asset.health';
}

/** The flow's attributes that it hands down to the step elements. */
export type ForwardedAttribute =
  | 'kvkk-url'
  | 'resend-seconds'
  | 'agent-branch-id'
  | 'coverage-group-ids'
  | 'agency-phone'
  | 'contact-url'
  | 'payment-types'
  | 'callback-url';

export const FORWARDED: Record<StepName, readonly ForwardedAttribute[]> = {
  login: ['kvkk-url', 'resend-seconds', 'agent-branch-id'],
  asset: ['agent-branch-id'],
  quotes: ['coverage-group-ids', 'agency-phone', 'contact-url', 'payment-types'],
  checkout: ['payment-types', 'callback-url', 'agency-phone', 'contact-url'],
  policy: ['agency-phone', 'contact-url'],
};

/**
 * Where Back goes, or null where going back makes no sense: not to the login (log out
 * instead), not away from a payment in progress, and not from a bought policy.
 */
export function backTarget(step: StepName, state: Readonly<FlowState>): StepName | null {
  switch (step) {
    case 'quotes':
      return 'asset';
    case 'checkout':
      return state.purchase ? null : 'quotes';
    default:
      return null;
  }
}

/**
 * Parts of the step elements re-exported by the flow (`exportparts`), so a page styles them
 * as `insurup-flow::part(heading)`. Each element's own parts are listed in its JSDoc.
 */
export const EXPORTED_PARTS = [
  'heading',
  'form',
  'field',
  'label',
  'input',
  'select',
  'hint',
  'field-error',
  'notice',
  'error-alert',
  'retry-button',
  'pending',
  'submit-button',
].join(', ');
