/**
 * The agency's phone and contact-page links, wherever a customer may need the agency (checkout
 * and policy help, a quote that cannot be bought online). Only plain phone digits and http(s)
 * links are rendered, so a mistyped attribute can never become a `javascript:` link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** `tel:` with the phone's digits, or null when it does not look like a phone number. */
function telHref(phone: string | undefined): string | null {
  const digits = phone?.replace(/[^\d+]/g, '') ?? '';
  return /^\+?\d{7,15}$/.test(digits) ? `tel:${digits}` : null;
}

/** Only http(s) links, so a mistyped attribute never becomes a `javascript:` link. */
function httpHref(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim(), location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface AgencyLinkText {
  /** The phone link's text, given the phone as the page wrote it (trimmed). */
  call(phone: string): string;
  /** The contact page link's text. */
  contact(): string;
  /** A class for both links (the checkout's and the policy's are buttons). */
  linkClass?: string;
}

/**
 * The phone as a `tel:` link (part `agency-phone`) and the contact page opened in a new tab
 * (part `agency-contact`), each only when the page gave it in a usable form; null when neither.
 * The caller puts them in its own container.
 */
export function agencyLinks(
  agencyPhone: string | undefined,
  contactUrl: string | undefined,
  text: AgencyLinkText,
): TemplateResult | null {
  const tel = telHref(agencyPhone);
  const contact = httpHref(contactUrl);
  if (!tel && !contact) return null;
  const linkClass = ifDefined(text.linkClass);
  return html`
    ${tel ? html`<a class=${linkClass} part="agency-phone" href=${tel}>${text.call(agencyPhone!.trim())}</a>` : nothing}
    ${contact
      ? html`<a class=${linkClass} part="agency-contact" href=${contact} target="_blank" rel="noopener noreferrer"
          >${text.contact()}</a
        >`
      : nothing}
  `;
}
