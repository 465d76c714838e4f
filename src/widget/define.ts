/**
 * Defines a custom element once. Safe when the bundle is included twice on a page (the second
 * copy finds the tag taken and leaves it), and a no-op where there is no custom element
 * registry (server rendering, workers). Also installs the page-level session provider that
 * separately placed elements share.
 */
import { installPageSessionProvider } from './session/context.js';

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  installPageSessionProvider();
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
