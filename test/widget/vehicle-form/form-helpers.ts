/**
 * Helpers for the asset-form tests (vehicle, property, health): typing over a field, native
 * selects, the searchable lists and Tab navigation, all as a person would use them.
 */
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../support/env.js';
import { byLabel, deepActiveElement, press } from '../core/dom.js';

/** Picks an option of a native select as a pointer user would (the change event included). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Selects what a field holds and types over it (or deletes it), with real key presses. */
export async function retype(control: HTMLInputElement, text: string): Promise<void> {
  control.focus();
  control.select();
  if (text) await sendKeys({ type: text });
  else await press('Backspace');
}

export async function sendText(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** A searchable list's search box, by its accessible name. */
export function searchBox(root: ShadowRoot, name: string): HTMLInputElement {
  const box = root.querySelector<HTMLInputElement>(`input[type="search"][aria-label="${name}"]`);
  if (!box) throw new Error(`no search box ${name}`);
  return box;
}

/** A list (native select) by its label, once it has options. */
export async function listOptions(root: ShadowRoot, label: string | RegExp, timeoutMs?: number): Promise<HTMLSelectElement> {
  return until(
    () => {
      try {
        const control = byLabel<HTMLSelectElement>(root, label);
        return control.options.length > 0 ? control : null;
      } catch {
        return null;
      }
    },
    `the ${String(label)} list`,
    timeoutMs,
  );
}

export function optionValueByText(select: HTMLSelectElement, text: string): string {
  const option = [...select.options].find((o) => o.text.trim() === text);
  if (!option) throw new Error(`no option ${text} in ${[...select.options].map((o) => o.text).join(', ')}`);
  return option.value;
}

/** Presses Tab until `target` has focus (at most 25 times). */
export async function tabTo(target: () => Element): Promise<void> {
  for (let i = 0; i < 25; i++) {
    if (deepActiveElement() === target()) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${target().outerHTML.slice(0, 80)}`);
}
