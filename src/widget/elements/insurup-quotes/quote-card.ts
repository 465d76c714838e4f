/**
 * One insurer's product in the quotes list (internal to `<insurup-quotes>`). A card of its own,
 * so that when one quote changes only its card re-renders: Lit updates an element only when a
 * property changed, and the list hands every card the same object until that product changes.
 *
 * States: WAITING is a placeholder with the insurer's name and logo, about as tall as a quote;
 * ACTIVE shows the gross premium once, an instalment picker and Buy — or, for a product this
 * site cannot sell (ROBOT, or no payment type the agency allows), "complete with the agency" —
 * then one row with Details (documents and coverage) and the compare box; FAILED is folded,
 * with the reason and Retry. Compact on purpose: a 360 px phone shows about two quotes.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus } from '@lit/task';
import type { Coverage } from '../../../contract/coverage.js';
import type { Premium, ProposalProduct } from '../../../contract/proposals.js';
import { errorMessage } from '../../api/errors.js';
import { formatMoney, translate, type Lang, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { elementStyles } from '../../styles/shared.js';
import { agencyLinks } from '../shared/agency-links.js';
import { renderError, renderPending } from '../shared/status.js';
import { defineElement } from '../../define.js';
import { coverageRows } from './coverage-text.js';
import { openInNewTab, renderBlockedDocument } from '../shared/open-document.js';
import { perInstallment, premiumFor, premiumsByInstallment } from './premiums.js';
import { quoteCardStyles } from './quote-card-styles.js';

export type DocumentKind = 'product' | 'information';

/** What a card asks of its list. One object for every card, so it never triggers a re-render. */
export interface QuoteCardActions {
  coverage(proposalProductId: string, signal: AbortSignal): Promise<Coverage>;
  document(proposalProductId: string, kind: DocumentKind, signal: AbortSignal): Promise<string>;
  retry(proposalProductId: string): Promise<void>;
  buy(product: ProposalProduct, premium: Premium): void;
  toggleCompare(proposalProductId: string, chosen: boolean): void;
  /** A control of the card took focus (focus moving inside a card is not seen outside it). */
  focused(control: Element): void;
}

/** The card's parts, re-exported by the list so pages can style them with `::part()`. */
export const QUOTE_CARD_PARTS = [
  'card', 'card-waiting', 'card-active', 'card-failed', 'card-header', 'logo', 'insurer',
  'product-name', 'best-price', 'card-status', 'price', 'per-installment', 'installment-select',
  'buy-button', 'agency-note', 'agency-phone', 'agency-contact', 'state-badge', 'card-actions',
  'details-button', 'details', 'documents', 'document-button', 'document-link', 'compare', 'coverage',
  'coverage-list', 'failure-reason', 'retry-button', 'pending', 'error-alert',
] as const;

export class InsurupQuoteCard extends LitElement {
  static override styles = [elementStyles, quoteCardStyles];

  @property({ attribute: false }) product!: ProposalProduct;
  @property({ attribute: false }) language: Lang = 'tr';
  @property({ attribute: false }) actions!: QuoteCardActions;
  /** The cheapest quote in the list that can be bought here. */
  @property({ type: Boolean, attribute: false }) best = false;
  /**
   * This site sells the product: not ROBOT, and a payment type the agency allows. Otherwise the
   * card offers the agency instead of Buy.
   */
  @property({ type: Boolean, attribute: false }) sellable = true;
  @property({ type: Boolean, attribute: false }) compared = false;
  /** Three others are already chosen for comparison. */
  @property({ type: Boolean, attribute: false }) compareFull = false;
  /** The list stopped waiting: a WAITING card says the insurer did not answer in time. */
  @property({ type: Boolean, attribute: false }) expired = false;
  @property({ attribute: false }) agencyPhone: string | undefined;
  @property({ attribute: false }) contactUrl: string | undefined;

  @state() private installment: number | null = null;
  @state() private detailsOpen = false;

  @query('h3') private heading!: HTMLHeadingElement;
  private focusHeadingNext = false;

  /** The coverage from its own endpoint, read again when a coverage event changes it. */
  private readonly coverageTask = new Task(this, {
    task: async ([open, id], { signal }) => (open ? this.actions.coverage(id, signal) : null),
    args: () => [this.detailsOpen, this.product.id, this.product.coverage] as const,
  });

  private readonly documentTask = new Task(this, {
    autoRun: false,
    task: async ([kind]: [DocumentKind], { signal }) => {
      const url = await this.actions.document(this.product.id, kind, signal);
      return { kind, url, opened: openInNewTab(url) };
    },
  });

  private readonly retryTask = new Task(this, {
    autoRun: false,
    task: async () => {
      await this.actions.retry(this.product.id);
      // The Retry button goes away with the failed state: keep focus in the card.
      this.focusHeadingNext = true;
    },
  });

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(this.language, key, params);
  }

  private money(amount: number, premium?: Premium): string {
    return formatMoney(amount, premium?.currency ?? 'TURKISH_LIRA', this.language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Leaving the details of a product that has none to show closes them.
    if (changed.has('product') && this.product.state !== 'ACTIVE' && this.detailsOpen) this.detailsOpen = false;
  }

  protected override updated(): void {
    if (this.focusHeadingNext && this.product.state !== 'FAILED') {
      this.focusHeadingNext = false;
      this.heading?.focus();
    }
  }

  /**
   * One article for every state, so its header (and the heading that may have focus, e.g.
   * after Retry) stays the same element when a placeholder becomes a quote or a failure.
   */
  override render(): TemplateResult {
    const p = this.product;
    const state = p.state === 'WAITING' ? 'waiting' : p.state === 'FAILED' ? 'failed' : 'active';
    return html`<article
      class="card ${state} ${state === 'active' && this.best ? 'best' : ''}"
      part="card card-${state}"
      aria-labelledby="insurer"
      aria-busy=${ifDefined(state === 'waiting' ? String(!this.expired) : undefined)}
      @focusin=${(event: FocusEvent) => this.actions.focused(event.target as Element)}
    >
      ${this.renderHeader(p)}
      ${state === 'waiting' ? this.renderWaiting() : state === 'failed' ? this.renderFailed(p) : this.renderQuote(p)}
    </article>`;
  }

  /**
   * The accessible name of a card's control: its visible text first (what voice control users
   * say), then the insurer and package, so every control in the list has a distinct name —
   * "Satın al: Doğa Sigorta, Kasko Dar Paket".
   */
  private named(visible: string): string {
    const { insuranceCompanyName: insurer, coverageGroupName } = this.product;
    return coverageGroupName
      ? this.t('quotes.card.namePackage', { action: visible, insurer, package: coverageGroupName })
      : this.t('quotes.card.name', { action: visible, insurer });
  }

  private renderHeader(p: ProposalProduct): TemplateResult {
    return html`<header class="card-header" part="card-header">
      ${p.insuranceCompanyLogo
        ? html`<img class="logo" part="logo" src=${p.insuranceCompanyLogo} alt="" width="40" height="40" />`
        : html`<span class="logo initials" part="logo" aria-hidden="true">${p.insuranceCompanyName.slice(0, 2)}</span>`}
      <div class="names">
        <h3 id="insurer" part="insurer" tabindex="-1" lang="tr">${p.insuranceCompanyName}</h3>
        <p class="product-name" part="product-name" lang="tr">
          ${p.productName}${p.coverageGroupName ? html` · ${p.coverageGroupName}` : nothing}
        </p>
        ${this.best ? html`<p class="badge best" part="best-price">${this.t('quotes.card.bestPrice')}</p>` : nothing}
      </div>
    </header>`;
  }

  private renderWaiting(): TemplateResult {
    return html`<p class="card-status" part="card-status">
        ${this.expired
          ? this.t('quotes.card.noAnswer')
          : html`<span class="spinner" aria-hidden="true"></span> ${this.t('quotes.card.waiting')}`}
      </p>
      <div class="skeleton" aria-hidden="true">
        <span class="price"></span><span class="line"></span><span class="control"></span><span class="control"></span>
      </div>`;
  }

  private renderFailed(p: ProposalProduct): TemplateResult {
    const retry = this.retryTask;
    return html`<p class="card-status failed-text" part="card-status">${this.t('quotes.card.failed')}</p>
      <details class="reason" part="failure-reason">
        <summary>${this.t('quotes.card.failedReason')}</summary>
        ${p.errorMessage ? html`<p lang="tr">${p.errorMessage}</p>` : html`<p>${this.t('quotes.card.noReason')}</p>`}
      </details>
      ${retry.status === TaskStatus.ERROR
        ? html`<div class="alert error-alert" role="alert" part="error-alert">${errorMessage(retry.error, this.language)}</div>`
        : nothing}
      <div class="actions">
        <button
          type="button"
          class="button"
          part="retry-button"
          ?disabled=${retry.status === TaskStatus.PENDING}
          aria-label=${this.named(this.t('common.retry'))}
          @click=${() => void retry.run()}
        >
          ${this.t('common.retry')}
        </button>
        ${retry.status === TaskStatus.PENDING ? renderPending(this.t('common.loading')) : nothing}
      </div>`;
  }

  private renderQuote(p: ProposalProduct): TemplateResult {
    // Only a quote bought here has plans to choose from; the agency quotes its own terms.
    const plans = this.sellable ? premiumsByInstallment(p) : [];
    const premium = premiumFor(p, this.sellable ? this.installment : null);
    return html`${premium ? this.renderPrice(premium) : nothing}
      ${plans.length > 1
        ? html`<div class="field installments">
            <label for="installment">${this.t('quotes.card.installments')}</label>
            <select
              id="installment"
              name="installment"
              part="installment-select"
              aria-label=${this.named(this.t('quotes.card.installments'))}
              aria-describedby="price"
              @change=${(e: Event) => (this.installment = Number((e.target as HTMLSelectElement).value))}
            >
              ${plans.map(
                (plan) => html`<option value=${plan.installmentNumber} ?selected=${plan === premium}>
                  ${this.planName(plan)}
                </option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${this.renderPurchase(p, premium)}
      <div class="card-actions" part="card-actions">
        <button
          type="button"
          class="button link"
          part="details-button"
          aria-expanded=${this.detailsOpen ? 'true' : 'false'}
          aria-controls="details"
          aria-label=${this.named(this.t('quotes.card.details'))}
          @click=${() => (this.detailsOpen = !this.detailsOpen)}
        >
          ${this.t('quotes.card.details')}
        </button>
        <label class="compare" part="compare">
          <input
            type="checkbox"
            name="compare"
            .checked=${this.compared}
            ?disabled=${!this.compared && this.compareFull}
            aria-label=${this.named(this.t('quotes.card.compare'))}
            @change=${(e: Event) => this.actions.toggleCompare(p.id, (e.target as HTMLInputElement).checked)}
          />
          ${this.t('quotes.card.compare')}
        </label>
      </div>
      <div id="details" class="details" part="details" ?hidden=${!this.detailsOpen}>
        ${this.detailsOpen
          ? html`<div class="documents" part="documents">
                ${this.renderDocumentButton('product', 'quotes.card.productDocument')}
                ${this.renderDocumentButton('information', 'quotes.card.informationForm')}
              </div>
              ${this.renderDocumentState()}
              <div class="coverage" part="coverage">${this.renderCoverage()}</div>`
          : nothing}
      </div>`;
  }

  /** "Peşin", "3 taksit": the price is shown once, above, for the chosen plan. */
  private planName(plan: Premium): string {
    return plan.installmentNumber === 1
      ? this.t('quotes.card.cash')
      : this.t('quotes.card.installmentCount', { count: plan.installmentNumber });
  }

  private renderPrice(premium: Premium): TemplateResult {
    return html`<div class="price-block" id="price">
      <p class="price" part="price">${this.money(premium.grossPremium, premium)}</p>
      <p class="per-installment muted" part="per-installment">
        ${premium.installmentNumber > 1
          ? this.t('quotes.card.perInstallment', {
              count: premium.installmentNumber,
              amount: this.money(perInstallment(premium), premium),
            })
          : this.t('quotes.card.cash')}
      </p>
    </div>`;
  }

  private renderPurchase(p: ProposalProduct, premium: Premium | undefined): TemplateResult {
    if (p.state === 'PURCHASING' || p.state === 'PURCHASED') {
      return html`<p class="badge state" part="state-badge">
        ${this.t(p.state === 'PURCHASED' ? 'quotes.card.purchased' : 'quotes.card.purchasing')}
      </p>`;
    }
    if (this.sellable && p.state === 'ACTIVE' && premium) {
      return html`<button
        type="button"
        class="button primary buy"
        part="buy-button"
        aria-label=${this.named(this.t('quotes.card.buy'))}
        @click=${() => this.actions.buy(p, premium)}
      >
        ${this.t('quotes.card.buy')}
      </button>`;
    }
    // ROBOT products, and those taking no payment type the agency allows, are completed by
    // the agency: its phone and contact page when the page gave them, else plain advice.
    const links = agencyLinks(this.agencyPhone, this.contactUrl, {
      call: (phone) => this.t('quotes.card.callAgency', { phone: phone.replace(/\s+/g, '\u00a0') }),
      contact: () => this.t('quotes.card.contactAgency'),
    });
    return html`<div class="agency" part="agency-note">
      <p>${this.t(links ? 'quotes.card.agencyOnly' : 'quotes.card.agencyOnlyNoContact')}</p>
      ${links ? html`<p class="agency-links">${links}</p>` : nothing}
    </div>`;
  }

  private renderDocumentButton(kind: DocumentKind, label: MessageKey): TemplateResult {
    const busy = this.documentTask.status === TaskStatus.PENDING;
    return html`<button
      type="button"
      class="button link"
      part="document-button"
      data-document=${kind}
      aria-disabled=${busy ? 'true' : 'false'}
      aria-label=${this.t('quotes.card.nameNewTab', { name: this.named(this.t(label)) })}
      @click=${() => {
        // aria-disabled, not disabled: a disabled button loses focus, and the reader their place.
        if (!busy) void this.documentTask.run([kind]);
      }}
    >
      ${this.t(label)}
    </button>`;
  }

  private renderDocumentState(): TemplateResult | typeof nothing {
    return this.documentTask.render({
      pending: () => renderPending(this.t('quotes.card.documentOpening')),
      error: (error) =>
        renderError(errorMessage(error, this.language), {
          label: this.t('common.retry'),
          onRetry: () => void this.documentTask.run(),
        }),
      complete: (attempt) => renderBlockedDocument(attempt, (key) => this.t(key)),
    }) as TemplateResult | typeof nothing;
  }

  private renderCoverage(): unknown {
    return this.coverageTask.render({
      // A quote that already carries its coverage shows it while the endpoint answers.
      pending: () =>
        this.product.coverage ? this.renderCoverageList(this.product.coverage) : renderPending(this.t('quotes.coverage.loading')),
      error: (error) =>
        renderError(errorMessage(error, this.language), {
          label: this.t('common.retry'),
          onRetry: () => void this.coverageTask.run(),
        }),
      complete: (coverage) => this.renderCoverageList(coverage),
    });
  }

  private renderCoverageList(coverage: Coverage | null): TemplateResult {
    const rows = coverage ? coverageRows(coverage, this.language) : [];
    if (rows.length === 0) return html`<p class="muted">${this.t('quotes.coverage.empty')}</p>`;
    return html`<dl class="coverage-list" part="coverage-list">
      ${rows.map(
        (row) => html`<div class="coverage-row" data-field=${row.field}>
          <dt>${row.label}</dt>
          <dd class=${row.included ? 'included' : 'excluded'}>
            <span aria-hidden="true">${row.included ? '✓' : '–'}</span> ${row.value}
          </dd>
        </div>`,
      )}
    </dl>`;
  }
}

defineElement('insurup-quote-card', InsurupQuoteCard);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-quote-card': InsurupQuoteCard;
  }
}
