/**
 * Reading a widget element's shadow DOM in the browser tests, and the Turkish text of a message
 * key to compare with.
 */
import { translate } from '../../../src/widget/i18n/index.js';

export const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('tr', key, params);

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The first match in the element's shadow root; throws when there is none. */
export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** The shadow root's text, white space folded. */
export function text(el: Element): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ');
}
