/**
 * The one-script-tag entry: `<script type="module" src=".../insurup-elements.js">`.
 *
 * It is safe to include twice (every tag is defined once, guarded) and does nothing where
 * there is no DOM (server rendering): the elements themselves load from chunks beside this
 * file, `<insurup-flow>` at once and every other element when its tag is on the page.
 *
 * TypeScript users get the element classes' and events' types from here.
 */
if (typeof window !== 'undefined' && typeof customElements !== 'undefined') {
  void import('./bootstrap.js');
  // Asked for at once, so they download in parallel with the bootstrap chunk instead of after
  // it: the shared chunk (Lit, zod, the contract, the client), and the login form when the
  // page shows a flow or a login (a module script runs after the page is parsed).
  void import('./define.js');
  if (document.querySelector('insurup-flow, insurup-login')) void import('./elements/insurup-login/element.js');
}

export type { InsurupLogin } from './elements/insurup-login/element.js';
export type { InsurupFlow } from './elements/insurup-flow/element.js';
export type { InsurupVehicleForm } from './elements/insurup-vehicle-form/element.js';
export type { InsurupPropertyForm } from './elements/insurup-property-form/element.js';
export type { InsurupHealthForm } from './elements/insurup-health-form/element.js';
export type { InsurupQuotes } from './elements/insurup-quotes/element.js';
export type { InsurupCheckout } from './elements/insurup-checkout/element.js';
export type { InsurupPolicy } from './elements/insurup-policy/element.js';
export type { InsurupMyPolicies } from './elements/insurup-my-policies/element.js';
export type { InsurupEventMap, InsurupEventName, InsurupEvent, StepName } from './events.js';
export type { InsurupTag } from './elements/registry.js';
