/**
 * Text that must not break in the wrong place on a narrow phone: amounts stay on one line
 * (`.money`, `white-space: nowrap` in the element's styles), and long ids such as policy
 * numbers break only after their separators, never inside a group.
 */
import { html, type TemplateResult } from 'lit';

/** An amount on its own: one unbreakable span. */
export function money(amount: string): TemplateResult {
  return html`<span class="money">${amount}</span>`;
}

/** A sentence with `amount` in it ("3 taksit × ₺1.234,56"): the amount never breaks. */
export function withMoney(sentence: string, amount: string): TemplateResult {
  const at = sentence.indexOf(amount);
  if (at < 0) return html`${sentence}`;
  return html`${sentence.slice(0, at)}${money(amount)}${sentence.slice(at + amount.length)}`;
}

/** An id ("KRV-2026-EE7DAB9E0001") with a break opportunity after each separator (- / . _) only. */
export function breakableId(id: string): TemplateResult {
  const groups = id.split(/(?<=[-/._])/);
  return html`${groups.map((group, i) => (i === 0 ? group : html`<wbr />${group}`))}`;
}
