/**
 * Test helpers that act and look as a person would: by labels and visible text, through
 * shadow roots, with real key presses (sendKeys) where typing matters.
 */
import { sendKeys } from '@web/test-runner-commands';

/** The element focused on the page, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every element matching `selector` in `root` and in every shadow root below it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  // An element given as the root is searched in its shadow root first (what it renders).
  if (root instanceof Element && root.shadowRoot) {
    return [...deepQueryAll<T>(root.shadowRoot, selector), ...lightQueryAll<T>(root, selector)];
  }
  return lightQueryAll<T>(root, selector);
}

function lightQueryAll<T extends Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepQueryAll<T>(el.shadowRoot, selector));
  }
  return found;
}

export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** The visible text of an element and its shadow content, whitespace collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element && (n.hasAttribute('hidden') || getComputedStyle(n).display === 'none')) return;
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    else n.childNodes.forEach(walk);
    if (n instanceof HTMLElement && n.shadowRoot === null && n.tagName === 'SLOT') return;
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The form control whose `<label>` reads exactly `text` (whitespace collapsed), as a person
 * reads it: 'Model' finds "Model", never "Model yılı". Pass a RegExp to match part of a label,
 * e.g. `/KVKK/`.
 */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string | RegExp): T {
  const labels = deepQueryAll<HTMLLabelElement>(root, 'label');
  const match = (label: HTMLLabelElement) => {
    const own = (label.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof text === 'string' ? own === text : text.test(own);
  };
  const label = labels.find(match);
  if (!label) throw new Error(`no label ${String(text)} (labels: ${labels.map((l) => l.textContent?.trim()).join(' | ')})`);
  const control = (label.control ?? label.querySelector('input, select, textarea')) as T | null;
  if (!control) throw new Error(`label ${String(text)} has no control`);
  return control;
}

/** The button whose visible text matches. */
export function byRole(root: ParentNode, role: 'button' | 'link' | 'heading' | 'alert' | 'status', text?: string | RegExp): HTMLElement {
  const selector = {
    button: 'button',
    link: 'a[href]',
    heading: 'h1, h2, h3, [role="heading"]',
    alert: '[role="alert"]',
    status: '[role="status"]',
  }[role];
  const all = deepQueryAll<HTMLElement>(root, selector);
  const found = all.find((el) => {
    if (text === undefined) return true;
    const own = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof text === 'string' ? own.includes(text) : text.test(own);
  });
  if (!found) {
    throw new Error(`no ${role} ${String(text ?? '')} (found: ${all.map((el) => el.textContent?.replace(/\s+/g, ' ').trim()).join(' | ')})`);
  }
  return found;
}

export function queryByRole(root: ParentNode, role: Parameters<typeof byRole>[1], text?: string | RegExp): HTMLElement | null {
  try {
    return byRole(root, role, text);
  } catch {
    return null;
  }
}

/** Focuses a control and types into it with real key presses. */
export async function typeInto(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** The error text linked to a control by aria-describedby (empty when none). */
export function describedErrors(control: HTMLElement): string {
  const root = control.getRootNode() as ShadowRoot | Document;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id))
    .filter((el): el is HTMLElement => !!el && el.classList.contains('error'))
    .map((el) => el.textContent?.trim() ?? '')
    .join(' ');
}
