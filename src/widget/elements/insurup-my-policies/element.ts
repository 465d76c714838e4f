import './messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus } from '@lit/task';
import {
  GRAPHQL_MAX_TAKE,
  productOf,
  type PolicySummary,
  type ProposalSummary,
} from '../../../contract/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { renderError, renderPending } from '../shared/status.js';
import { elementStyles } from '../../styles/shared.js';
import { defineElement } from '../../define.js';
import { openInNewTab } from '../shared/open-document.js';
import { breakableId, money } from '../shared/text.js';
import { myPoliciesStyles } from './styles.js';
import { documentKey, headlinePremium, ProposalOffers, type OfferDocument } from './proposal-offers.js';
import type { ProposalProduct } from '../../../contract/proposals.js';

interface Page<T> {
  items: T[];
  totalCount?: number | undefined;
}

type ListName = 'policies' | 'proposals';

/**
 * A "my account" block: the logged-in customer's policies (each with its PDF) and past
 * quotes, newest first, a page at a time, over the widget's fixed GraphQL operations. A quote
 * opens to show its offers: each insurer's price with its product document and pre-contract
 * information form. Placed on its own with `proxy-url`; when nobody is logged in it shows
 * `<insurup-login>` first.
 *
 * @summary The customer's past policies (with PDFs) and quotes (with their offers and documents).
 *
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: null, code, status }`.
 *
 * @csspart heading - The block's heading.
 * @csspart policies - The policies section; `proposals` is the quotes section.
 * @csspart policy-item - One policy card.
 * @csspart proposal-item - One quote card.
 * @csspart offers-button - Opens or closes a quote's offers (`aria-expanded`).
 * @csspart offers - A quote's list of offers.
 * @csspart offer - One offer: insurer, product, price and documents.
 * @csspart offer-document-button - An offer's product document or information form button.
 * @csspart download-button - A policy's Download PDF button.
 * @csspart document-link - A document's link (a policy's PDF, an offer's document), shown after it was fetched.
 * @csspart pager - A list's previous / next navigation.
 * @csspart notice - The "log in first" message.
 * @csspart pending - A loading status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons and links.
 * @cssprop --insurup-color-success - The "in force" state.
 * @cssprop --insurup-color-danger - Errors and the "cancelled" state.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius of the cards and buttons.
 */
export class InsurupMyPolicies extends InsurupElement {
  static override styles = [...elementStyles, myPoliciesStyles];

  /** Items per page in each list (1–50, default 10). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Opens a PDF link; answers false when blocked. Replaceable (tests, in-app browsers). */
  openDocument: (url: string) => boolean = openInNewTab;

  @state() private policiesSkip = 0;
  @state() private proposalsSkip = 0;
  /** The policy whose PDF was asked for last. */
  @state() private pdfFor: string | null = null;

  /** The quotes opened to show their offers, and the offer documents asked for. */
  private readonly offers = new ProposalOffers(this, {
    client: () => (this.session?.auth.isAuthenticated ? this.session.client : undefined),
    openDocument: (url) => this.openDocument(url),
    onError: (error) => this.reportError(error, null),
  });

  private get take(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(Math.max(size, 1), GRAPHQL_MAX_TAKE) : 10;
  }

  private get customerId(): string | undefined {
    const session = this.session;
    return session?.auth.isAuthenticated ? (session.auth.customer?.id ?? undefined) : undefined;
  }

  private readonly policies = new Task(this, {
    task: async ([customerId, skip, take], { signal }): Promise<Page<PolicySummary> | undefined> => {
      if (!customerId) return undefined;
      const data = await this.session!.client.graphql('CustomerPolicies', { customerId, skip, take }, { signal });
      return data.policies;
    },
    args: () => [this.customerId, this.policiesSkip, this.take] as const,
    onError: (error) => this.reportError(error, null),
  });

  private readonly proposals = new Task(this, {
    task: async ([customerId, skip, take], { signal }): Promise<Page<ProposalSummary> | undefined> => {
      if (!customerId) return undefined;
      const data = await this.session!.client.graphql('CustomerProposals', { customerId, skip, take }, { signal });
      return data.proposals;
    },
    args: () => [this.customerId, this.proposalsSkip, this.take] as const,
    onError: (error) => this.reportError(error, null),
  });

  private readonly pdf = new Task(this, {
    autoRun: false,
    task: async ([policyId]: readonly [string], { signal }) => {
      const { url } = await this.session!.client.request('getPolicyDocument', { params: { policyId } }, { signal });
      this.openDocument(url);
      return url;
    },
    onError: (error) => this.reportError(error, null),
  });

  override render(): TemplateResult {
    return html`<section class="surface" part="my-policies" aria-labelledby="my-policies-heading">
      <h2 id="my-policies-heading" part="heading" tabindex="-1">${this.t('myPolicies.title')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const session = this.session;
    if (!session) return renderError(this.t('common.missingProxy'));
    const auth = session.auth;
    if (auth.status === 'unknown' || auth.status === 'restoring') return renderPending(this.t('common.loading'));
    if (!auth.isAuthenticated) {
      // Log in right here; the page-wide login (same proxy) then fills this block.
      return html`<p class="alert info" part="notice">${this.t('myPolicies.loginFirst')}</p>
        <insurup-login proxy-url=${ifDefined(this.proxyUrl)} product=${ifDefined(this.product)}></insurup-login>`;
    }
    if (!auth.customer) return renderPending(this.t('common.loading'));
    return html`${this.renderPolicies()} ${this.renderProposals()}`;
  }

  private renderPolicies(): TemplateResult {
    return html`<section class="list-section" part="policies" aria-labelledby="policies-heading">
      <h3 id="policies-heading" tabindex="-1">${this.t('myPolicies.policies.heading')}</h3>
      ${this.policies.render({
        pending: () => renderPending(this.t('myPolicies.policies.loading')),
        error: (error) =>
          renderError(this.describeError(error), { label: this.t('common.retry'), onRetry: () => void this.policies.run() }),
        complete: (page) =>
          page
            ? page.items.length
              ? html`<ul class="items">
                    ${page.items.map((policy) => this.renderPolicy(policy))}
                  </ul>
                  ${this.renderPager('policies', page)}`
              : html`<p class="muted">${this.t('myPolicies.policies.empty')}</p>`
            : nothing,
      })}
    </section>`;
  }

  private renderPolicy(policy: PolicySummary): TemplateResult {
    const number = policy.insuranceCompanyPolicyNumber ?? policy.id;
    const mine = this.pdfFor === policy.id;
    const busy = mine && this.pdf.status === TaskStatus.PENDING;
    return html`<li class="card item" part="policy-item" data-policy-id=${policy.id}>
      <h4>${this.t(`policy.branch.${productOf(policy.productBranch)}` as MessageKey)}</h4>
      ${policy.insuranceCompanyName ? html`<p class="insurer muted">${policy.insuranceCompanyName}</p>` : nothing}
      <dl>
        <dt>${this.t('myPolicies.policy.number')}</dt>
        <dd>${breakableId(number)}</dd>
        <dt>${this.t('myPolicies.policy.period')}</dt>
        <dd>${this.t('policy.periodValue', { start: this.date(policy.startDate), end: this.date(policy.endDate) })}</dd>
        <dt>${this.t('myPolicies.policy.premium')}</dt>
        <dd>${money(this.money(policy.grossPremium, policy.currency))}</dd>
        <dt>${this.t('myPolicies.policy.state')}</dt>
        <dd class=${`state-${policy.state}`}>${this.t(`policy.state.${policy.state}` as MessageKey)}</dd>
      </dl>
      <button
        type="button"
        class="button"
        part="download-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => {
          // Busy, not disabled: a disabled button drops focus, and the reader's place with it.
          if (!busy) this.downloadPdf(policy.id);
        }}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.t('myPolicies.policy.download')}<span
          class="visually-hidden"
        >
          (${number})</span
        >
      </button>
      ${mine
        ? this.pdf.render({
            error: (error) =>
              renderError(this.describeError(error), {
                label: this.t('common.retry'),
                onRetry: () => this.downloadPdf(policy.id),
              }),
            complete: (url) =>
              html`<p role="status">
                <a class="document-link" href=${url} target="_blank" rel="noopener noreferrer" part="document-link"
                  >${this.t('policy.downloadFallback')}</a
                >
              </p>`,
          })
        : nothing}
    </li>`;
  }

  private renderProposals(): TemplateResult {
    return html`<section class="list-section" part="proposals" aria-labelledby="proposals-heading">
      <h3 id="proposals-heading" tabindex="-1">${this.t('myPolicies.proposals.heading')}</h3>
      ${this.proposals.render({
        pending: () => renderPending(this.t('myPolicies.proposals.loading')),
        error: (error) =>
          renderError(this.describeError(error), { label: this.t('common.retry'), onRetry: () => void this.proposals.run() }),
        complete: (page) =>
          page
            ? page.items.length
              ? html`<ul class="items">
                    ${page.items.map((proposal) => this.renderProposal(proposal))}
                  </ul>
                  ${this.renderPager('proposals', page)}`
              : html`<p class="muted">${this.t('myPolicies.proposals.empty')}</p>`
            : nothing,
      })}
    </section>`;
  }

  private renderProposal(proposal: ProposalSummary): TemplateResult {
    const stateKey = ['WAITING', 'COMPLETED'].includes(proposal.state)
      ? (`myPolicies.proposal.state.${proposal.state}` as MessageKey)
      : 'myPolicies.proposal.state.other';
    return html`<li class="card item" part="proposal-item" data-proposal-id=${proposal.id}>
      <h4>${this.t(`policy.branch.${productOf(proposal.productBranch)}` as MessageKey)}</h4>
      <dl>
        <dt>${this.t('myPolicies.proposal.date')}</dt>
        <dd>${this.date(proposal.createdAt)}</dd>
        <dt>${this.t('myPolicies.proposal.state')}</dt>
        <dd>${this.t(stateKey)}</dd>
        ${proposal.lowestPremium != null
          ? html`<dt>${this.t('myPolicies.proposal.lowest')}</dt>
              <dd>${money(this.money(proposal.lowestPremium))}</dd>`
          : nothing}
        <dt>${this.t('myPolicies.proposal.offers')}</dt>
        <dd>
          ${this.t('myPolicies.proposal.offersValue', {
            succeeded: proposal.succeedProductsCount,
            total: proposal.totalProductsCount,
          })}
        </dd>
      </dl>
      ${proposal.succeedProductsCount > 0 ? this.renderOffers(proposal) : nothing}
    </li>`;
  }

  /** The quote's "show prices and documents" disclosure and, when open, its offers. */
  private renderOffers(proposal: ProposalSummary): TemplateResult {
    const open = this.offers.isOpen(proposal.id);
    const listId = `offers-${proposal.id}`;
    const action = this.t(open ? 'myPolicies.proposal.hideOffers' : 'myPolicies.proposal.showOffers');
    const what = this.t('myPolicies.proposal.offersFor', {
      action,
      branch: this.t(`policy.branch.${productOf(proposal.productBranch)}` as MessageKey),
      date: this.date(proposal.createdAt),
    });
    return html`<button
        type="button"
        class="button offers-toggle"
        part="offers-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-label=${what}
        @click=${() => this.offers.toggle(proposal.id)}
      >
        ${action}<span class="chevron" aria-hidden="true"></span>
      </button>
      <div id=${listId} class="offers" part="offers" ?hidden=${!open}>${open ? this.renderOfferList(proposal.id) : nothing}</div>`;
  }

  private renderOfferList(proposalId: string): TemplateResult {
    const load = this.offers.load(proposalId);
    if (!load || load.status === 'pending') return renderPending(this.t('myPolicies.offers.loading'));
    if (load.status === 'error') {
      return renderError(this.describeError(load.error), {
        label: this.t('common.retry'),
        onRetry: () => this.offers.retry(proposalId),
      });
    }
    if (load.offers.length === 0) return html`<p class="muted">${this.t('myPolicies.offers.none')}</p>`;
    return html`<ul class="offer-list" aria-label=${this.t('myPolicies.offers.label')}>
      ${load.offers.map((offer) => this.renderOffer(proposalId, offer))}
    </ul>`;
  }

  private renderOffer(proposalId: string, offer: ProposalProduct): TemplateResult {
    const premium = headlinePremium(offer);
    const most = Math.max(1, ...offer.premiums.map((p) => p.installmentNumber));
    const product = offer.coverageGroupName ? `${offer.productName} · ${offer.coverageGroupName}` : offer.productName;
    const document = this.offers.document;
    const mine = document && [documentKey(proposalId, offer.id, 'product'), documentKey(proposalId, offer.id, 'information')].includes(document.key)
      ? document
      : null;
    return html`<li class="offer" part="offer" data-proposal-product-id=${offer.id}>
      <p class="offer-name"><strong>${offer.insuranceCompanyName}</strong> <span class="muted">${product}</span></p>
      ${premium
        ? html`<p class="offer-price">
            <span class="muted">${this.t('myPolicies.offer.price')}</span>
            <strong>${money(this.money(premium.grossPremium, premium.currency))}</strong>
            ${most > 1 ? html`<span class="muted">· ${this.t('myPolicies.offer.installments', { count: most })}</span>` : nothing}
          </p>`
        : nothing}
      <div class="offer-documents">
        ${this.renderDocumentButton(proposalId, offer, 'product')} ${this.renderDocumentButton(proposalId, offer, 'information')}
      </div>
      ${mine?.status === 'error'
        ? renderError(this.describeError(mine.error), {
            label: this.t('common.retry'),
            onRetry: () => void this.offers.openDocument(proposalId, offer.id, mine.key.endsWith('|product') ? 'product' : 'information'),
          })
        : mine?.status === 'complete'
          ? html`<p role="status">
              <a class="document-link" href=${mine.url} target="_blank" rel="noopener noreferrer" part="document-link"
                >${this.t('myPolicies.offer.documentFallback', {
                  document: this.t(mine.key.endsWith('|product') ? 'myPolicies.offer.productDocument' : 'myPolicies.offer.informationForm'),
                })}</a
              >
            </p>`
          : nothing}
    </li>`;
  }

  private renderDocumentButton(proposalId: string, offer: ProposalProduct, kind: OfferDocument): TemplateResult {
    const label = this.t(kind === 'product' ? 'myPolicies.offer.productDocument' : 'myPolicies.offer.informationForm');
    const state = this.offers.document;
    const busy = state?.status === 'pending' && state.key === documentKey(proposalId, offer.id, kind);
    return html`<button
      type="button"
      class="button link"
      part="offer-document-button"
      data-document=${kind}
      aria-disabled=${state?.status === 'pending' ? 'true' : 'false'}
      aria-label=${this.t('myPolicies.offer.documentFor', { document: label, insurer: offer.insuranceCompanyName })}
      @click=${() => void this.offers.openDocument(proposalId, offer.id, kind)}
    >
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${label}
    </button>`;
  }

  private renderPager(list: ListName, page: Page<unknown>): TemplateResult | typeof nothing {
    const skip = list === 'policies' ? this.policiesSkip : this.proposalsSkip;
    const take = this.take;
    // Without a total, a full page means there may be more.
    const hasMore = page.totalCount !== undefined ? skip + page.items.length < page.totalCount : page.items.length === take;
    if (skip === 0 && !hasMore) return nothing;
    const label = this.t(list === 'policies' ? 'myPolicies.policies.pages' : 'myPolicies.proposals.pages');
    return html`<nav class="pager" part="pager" aria-label=${label}>
      <button type="button" class="button" ?disabled=${skip === 0} @click=${() => this.turnPage(list, -1)}>
        ${this.t('myPolicies.previous')}
      </button>
      ${page.totalCount !== undefined
        ? html`<span>${this.t('myPolicies.range', {
            from: skip + 1,
            to: skip + page.items.length,
            total: page.totalCount,
          })}</span>`
        : nothing}
      <button type="button" class="button" ?disabled=${!hasMore} @click=${() => this.turnPage(list, 1)}>
        ${this.t('myPolicies.next')}
      </button>
    </nav>`;
  }

  /** Another page; focus goes to the list's heading so reading starts at the new items. */
  private turnPage(list: ListName, direction: 1 | -1): void {
    const delta = direction * this.take;
    if (list === 'policies') this.policiesSkip = Math.max(0, this.policiesSkip + delta);
    else this.proposalsSkip = Math.max(0, this.proposalsSkip + delta);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${list}-heading`)?.focus(),
    );
  }

  private downloadPdf(policyId: string): void {
    this.pdfFor = policyId;
    void this.pdf.run([policyId]);
  }
}

defineElement('insurup-my-policies', InsurupMyPolicies);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-my-policies': InsurupMyPolicies;
  }
}
