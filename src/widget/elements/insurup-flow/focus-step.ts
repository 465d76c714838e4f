/**
 * Moves focus to a newly shown step's heading, so keyboard and screen-reader users land at
 * the start of the new step. Every step element renders an `h2` with `part="heading"` and
 * `tabindex="-1"`; when it has none (yet), the flow's own step region takes the focus.
 */
import type { ReactiveElement } from 'lit';

export async function focusStepHeading(step: Element | null, fallback: HTMLElement): Promise<void> {
  if (!step) return fallback.focus();
  const defined = customElements.get(step.localName);
  if (defined) await (step as ReactiveElement).updateComplete;
  if (!step.isConnected) return;
  const heading = step.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]');
  (heading ?? fallback).focus();
}
