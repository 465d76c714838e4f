/**
 * The one-script-tag entry: `<script type="module" src=".../insurup-elements.js">` defines
 * every `insurup-*` element (each module defines its own tag, guarded, so loading the bundle
 * twice on a page is harmless) and installs the page-level session that separately placed
 * elements share. Bundler users may import the classes and event types from here too.
 */
export { InsurupLogin } from './elements/insurup-login/element.js';
export { InsurupFlow } from './elements/insurup-flow/element.js';
export { InsurupVehicleForm } from './elements/insurup-vehicle-form/element.js';
export { InsurupPropertyForm } from './elements/insurup-property-form/element.js';
export { InsurupHealthForm } from './elements/insurup-health-form/element.js';
export { InsurupQuotes } from './elements/insurup-quotes/element.js';
export { InsurupCheckout } from './elements/insurup-checkout/element.js';
export { InsurupPolicy } from './elements/insurup-policy/element.js';
export { InsurupMyPolicies } from './elements/insurup-my-policies/element.js';

export type { InsurupEventMap, InsurupEventName, InsurupEvent, StepName } from './events.js';
export { ensureSaleOpportunityCase, pageUtm } from './session/cases.js';
