/**
 * "Call the agency / contact the agency" links, shown where a customer may be stuck (an offer
 * that cannot be bought online, a payment that did not go through or has not been confirmed,
 * a question about the policy). The links themselves, and what they accept, are the shared
 * `agencyLinks` (a mistyped attribute never becomes a `javascript:` link).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { agencyLinks } from '../shared/agency-links.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export function renderAgencyHelp(t: Translate, agencyPhone?: string, contactUrl?: string): TemplateResult | typeof nothing {
  const links = agencyLinks(agencyPhone, contactUrl, {
    linkClass: 'button',
    call: (phone) => t('checkout.help.call', { phone }),
    contact: () => t('checkout.help.contact'),
  });
  return links ? html`<p class="agency-help" part="agency-help">${links}</p>` : nothing;
}
