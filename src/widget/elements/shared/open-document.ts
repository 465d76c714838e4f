/**
 * Opening a document link (absolute, signed, short-lived, needs no token) in a new tab, and the
 * link to tap instead when the browser blocked the tab. Used by the quotes (offer documents,
 * the comparison), the checkout (the pre-contract form), the policy and my policies (PDFs).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../../i18n/index.js';

/** Opens `url` in a new tab; answers false when a popup blocker stopped it. */
export function openInNewTab(url: string): boolean {
  const opened = window.open(url, '_blank');
  if (!opened) return false;
  try {
    // The document must not be able to navigate this page (reverse tabnabbing).
    opened.opener = null;
  } catch {
    // cross-origin already: nothing to cut
  }
  return true;
}

/** After trying to open a quote document: nothing when the tab opened, else its link to tap. */
export function renderBlockedDocument(
  { url, opened }: { url: string; opened: boolean },
  t: (key: MessageKey) => string,
): TemplateResult | typeof nothing {
  return opened
    ? nothing
    : html`<p class="alert info" part="document-link">
        ${t('quotes.card.documentBlocked')}
        <a href=${url} target="_blank" rel="noopener">${t('quotes.card.documentLink')}</a>
      </p>`;
}
