/**
 * "Call the agency / contact the agency" links, shown where a customer may be stuck (an offer
 * that cannot be bought online, a payment that did not go through or has not been confirmed,
 * a question about the policy). Only plain phone digits and http(s) links are rendered, so a
 * mistyped attribute can never become a `javascript:` link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, MessageParams } from '../../i18n/index.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

function telHref(phone: string | undefined): string | null {
  const digits = phone?.replace(/[^\d+]/g, '') ?? '';
  return /^\+?\d{7,15}$/.test(digits) ? `tel:${digits}` : null;
}

function httpHref(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim(), location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function renderAgencyHelp(t: Translate, agencyPhone?: string, contactUrl?: string): TemplateResult | typeof nothing {
  const tel = telHref(agencyPhone);
  const contact = httpHref(contactUrl);
  if (!tel && !contact) return nothing;
  return html`<p class="agency-help" part="agency-help">
    ${tel
      ? html`<a class="button" part="agency-phone" href=${tel}>${t('checkout.help.call', { phone: agencyPhone!.trim() })}</a>`
      : nothing}
    ${contact
      ? html`<a class="button" part="agency-contact" href=${contact} target="_blank" rel="noopener noreferrer"
          >${t('checkout.help.contact')}</a
        >`
      : nothing}
  </p>`;
}
