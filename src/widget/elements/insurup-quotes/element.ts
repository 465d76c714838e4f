/**
 * `<insurup-quotes>`: asks InsurUp for quotes for the flow's asset and shows every insurer's
 * answer the moment it exists (SignalR, with a polling fallback), sorted and compared.
 */
import './messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { assetTypeOf } from '../../../contract/branches.js';
import type { Premium, ProposalProduct } from '../../../contract/proposals.js';
import { InsurUpError } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import type { InsurUpClient } from '../../api/client.js';
import { defineElement } from '../../define.js';
import { DEFAULT_FEED_TIMING, ProposalFeedController, type FeedStatus, type FeedTiming } from '../../realtime/proposal-feed.js';
import { loadSignalR } from '../../realtime/proposal-hub.js';
import type { FlowSession } from '../../session/flow-session.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { renderError, renderPending } from '../shared/status.js';
import { selectField } from '../shared/field.js';
import { BatchedAnnouncer } from './batched-announcer.js';
import { inheritedAttribute, parseCoverageGroupIds } from './coverage-groups.js';
import { openInNewTab, renderBlockedDocument } from '../shared/open-document.js';
import { ensureProposal, proposalRequestFor } from './proposal-request.js';
import { parsePaymentTypes } from '../insurup-checkout/payment-types.js';
import { bestPriceId, displayOrder, sellableUnder, SORT_KEYS, type SellableTest, type SortKey } from './quote-order.js';
import { QUOTE_CARD_PARTS, type QuoteCardActions } from './quote-card.js';
import { quotesStyles } from './styles.js';

const CARD_EXPORT_PARTS = QUOTE_CARD_PARTS.join(', ');
const COMPARE_MAX = 3;
const COMPARABLE = new Set(['ACTIVE', 'PURCHASING', 'PURCHASED']);
const STATUS_TEXT: Record<FeedStatus, MessageKey | null> = {
  idle: null,
  connecting: 'quotes.status.connecting',
  live: 'quotes.status.live',
  polling: 'quotes.status.polling',
  complete: 'quotes.status.complete',
  timedOut: null,
};

/** The element's parent in the flat tree: its slot, its parent, or its shadow root's host. */
function flatParent(node: Element): Element | null {
  return node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
}

/** The nearest ancestor that scrolls (across shadow roots), else the page. */
function scrollerOf(element: Element): Element {
  for (let node = flatParent(element); node; node = flatParent(node)) {
    if (node === document.documentElement || node === document.body) break;
    const { overflowY } = getComputedStyle(node);
    if (/auto|scroll|overlay/.test(overflowY) && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement ?? document.documentElement;
}

/** Rejects when `signal` aborts, leaving `promise` itself to finish (a POST must not be lost). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Live quotes from many insurers for the flow's vehicle, home or person. On entry it creates
 * the proposal (once per flow: a reload re-attaches to the same one), then shows a card per
 * insurer product as soon as it is known — a placeholder while the insurer works, the price
 * with an instalment picker when it answers, the reason and Retry when it fails. Sort by
 * price or insurer; the best price is marked; the coverage, product documents and a compare
 * PDF of 2 or 3 quotes are one tap away. ROBOT products, and products taking none of the
 * payment types in `payment-types`, are shown but completed with the agency: no Buy, never
 * the best price. Choosing a quote stores it in the flow and moves on to checkout.
 *
 * A quote arriving never moves the card the customer is on: while the pointer or focus is on
 * the list the order is frozen, and the card keeps its place on screen even when cards above
 * it change height (the scroll is corrected, also where the browser has no scroll anchoring).
 *
 * Updates come over SignalR the instant an insurer answers; when the hub can't be reached the
 * proposal is polled (every `poll-interval` ms, backing off to `poll-max-interval`). Waiting
 * stops when every insurer has answered or after `quote-timeout` ms, and the customer is told.
 *
 * @summary Live insurance quotes that stream in, compared and explained.
 *
 * @fires insurup-quotes-requested - A proposal was created: `{ product, coverageGroupCount }`.
 * @fires insurup-quote-selected - A quote and instalment plan were chosen: `{ product, insuranceCompanyId, productId, installmentNumber, grossPremium, currency }`.
 * @fires insurup-error - A request the customer saw failed: `{ step: 'quotes', code, status }`.
 *
 * @csspart quotes - The section around everything.
 * @csspart heading - The "Teklifler" heading (focused by `<insurup-flow>` on entry).
 * @csspart notice - Configuration and missing-step messages.
 * @csspart toolbar - Progress, status and the sort control.
 * @csspart progress - The "Quotes coming in: 5 of 9" text and bar.
 * @csspart status - How the list is kept current (live, polling, complete).
 * @csspart field - The sort control's field wrapper; also `label`, `select`, `hint`, `field-error`.
 * @csspart timeout-notice - "Some insurers did not answer in time" and its Check again button.
 * @csspart check-again-button - Resumes waiting after a timeout.
 * @csspart list - The list of cards.
 * @csspart card - Every card; also `card-waiting`, `card-active`, `card-failed` by state.
 * @csspart card-header - Logo, insurer and product name, best-price badge.
 * @csspart logo - The insurer's logo.
 * @csspart insurer - The insurer's name (a heading).
 * @csspart product-name - The product and coverage group names.
 * @csspart best-price - The best-price badge.
 * @csspart card-status - "Waiting for the quote…", "No quote".
 * @csspart price - The gross premium of the chosen plan (the only place a card shows it).
 * @csspart per-installment - "3 instalments × ₺4.120,00" or "Single payment".
 * @csspart installment-select - The instalment plan picker ("Single payment", "3 instalments", …).
 * @csspart buy-button - Buy.
 * @csspart agency-note - "Complete with the agency" on a quote this site cannot sell.
 * @csspart agency-phone - The agency's `tel:` link.
 * @csspart agency-contact - The agency's contact page link.
 * @csspart state-badge - "Payment in progress", "Bought".
 * @csspart card-actions - The row with Details and Compare.
 * @csspart details-button - Shows or hides the details (documents and coverage).
 * @csspart details - The details panel: `documents`, then `coverage`.
 * @csspart documents - The row of document buttons in the details.
 * @csspart document-button - Product document and information form buttons.
 * @csspart document-link - The link shown when the browser blocked the new tab.
 * @csspart compare - The compare checkbox and its label.
 * @csspart coverage - The coverage in the details; `coverage-list` is its list of fields.
 * @csspart failure-reason - The folded reason of a failed quote.
 * @csspart retry-button - Retry (failed quote, failed load).
 * @csspart compare-bar - The bar of chosen quotes with the compare button.
 * @csspart compare-button - Opens the compare PDF.
 * @csspart compare-clear - Clears the compare choice.
 * @csspart pending - A spinner and its text.
 * @csspart error-alert - A failure (role="alert").
 *
 * @cssprop --insurup-color-primary - Buttons, links, focus of choice controls.
 * @cssprop --insurup-color-success - The best-price badge and border.
 * @cssprop --insurup-color-danger - Failed quotes and errors.
 * @cssprop --insurup-color-surface - Card background.
 * @cssprop --insurup-color-background - Failed cards, notices, the compare bar.
 * @cssprop --insurup-color-divider - Card borders, placeholders, coverage rows.
 * @cssprop --insurup-radius - Corner radius.
 * @cssprop --insurup-spacing - Card padding and gaps.
 * @cssprop --insurup-font-size - Base size; everything is in em.
 */
export class InsurupQuotes extends InsurupElement {
  static override styles = [...InsurupElement.styles, quotesStyles];

  /**
   * 1–3 comma-separated 24-hex ids of the agency's coverage groups (packages). Required to ask
   * for quotes; when absent the nearest ancestor's `coverage-group-ids` (e.g. `<insurup-flow>`)
   * is used, and without any the element says it is not configured and sends nothing.
   */
  @property({ attribute: 'coverage-group-ids' }) coverageGroupIds?: string;
  /** `price` (default: quotes cheapest first, then waiting, failed last) or `insurer` (A–Z). */
  @property({ reflect: true }) sort: SortKey = 'price';
  /** The agency's phone, offered as a `tel:` link on products that can't be bought online. */
  @property({ attribute: 'agency-phone' }) agencyPhone?: string;
  /** The agency's contact page, offered beside the phone. */
  @property({ attribute: 'contact-url' }) contactUrl?: string;
  /**
   * Payment types the agency offers, comma separated, as on `<insurup-checkout>` (e.g.
   * `insurance-company-redirect`); default all. A quote taking none of them is shown but
   * completed with the agency, like a ROBOT product: no Buy, never the best price.
   */
  @property({ attribute: 'payment-types' }) paymentTypes?: string;
  /**
   * Polling fallback: first interval in ms.
   * @default 3000
   */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval: number = DEFAULT_FEED_TIMING.baseMs;
  /**
   * Polling fallback: the interval backs off up to this (ms).
   * @default 15000
   */
  @property({ type: Number, attribute: 'poll-max-interval' }) pollMaxInterval: number = DEFAULT_FEED_TIMING.maxMs;
  /**
   * Stop waiting for insurers after this many ms, and say so.
   * @default 120000
   */
  @property({ type: Number, attribute: 'quote-timeout' }) quoteTimeout: number = DEFAULT_FEED_TIMING.timeoutMs;
  /** Quiet period (ms) that batches new-quote announcements for screen readers. */
  @property({ type: Number, attribute: 'announce-delay' }) announceDelay = 1500;
  /**
   * Waits (ms) between attempts to reach the hub; after the last, polling carries on alone.
   * @default [0, 2000, 5000, 10000, 30000]
   */
  @property({ attribute: false }) hubRetryDelays: readonly number[] = DEFAULT_FEED_TIMING.hubRetryDelaysMs;

  @state() private compared: readonly string[] = [];
  @query('.list') private list?: HTMLUListElement;

  /** The order the cards were last shown in, and a copy of it while the customer is on the list. */
  private shownOrder: string[] = [];
  private frozenOrder: string[] | null = null;
  private focusInList = false;
  private pointerInList = false;
  /** The card under the pointer (while `pointerInList`). */
  private pointerCard: Element | null = null;
  /** The held card and where it belongs on screen (its viewport top), see `keepHeldCardInPlace`. */
  private heldPlace: { card: Element; top: number } | null = null;
  private sellableFor: { setting: string | undefined; test: SellableTest } | null = null;

  private readonly announcer = new BatchedAnnouncer(
    this,
    () => this.announceDelay,
    (count) => (count === 1 ? this.t('quotes.announce.one') : this.t('quotes.announce.many', { count })),
  );

  /**
   * Keeps the products current (read by the benchmark; not part of the element's API).
   * @internal
   */
  readonly feed = new ProposalFeedController(this, () => this.timing(), {
    onChange: (change) => this.announcer.quotes(change.newQuotes.length),
    onStatus: (status) => this.onFeedStatus(status),
  });

  private readonly proposalTask = new Task(this, {
    task: async ([session, customerId, ready, savedProposalId, groups], { signal }) => {
      if (!session || !customerId || !ready) {
        this.feed.clear();
        return null;
      }
      void loadSignalR().catch(() => undefined); // in parallel with the proposal; the feed retries
      let proposalId = savedProposalId;
      if (!proposalId) {
        const ids = parseCoverageGroupIds(groups);
        const body = ids && proposalRequestFor(session.state, customerId, ids);
        if (!ids || !body) return null;
        proposalId = await untilAborted(
          ensureProposal(session, body, () =>
            this.emit('insurup-quotes-requested', { product: session.product, coverageGroupCount: ids.length }),
          ),
          signal,
        );
      }
      // The hub connects while the first snapshot is read.
      this.feed.watch(session.client, proposalId);
      const requestedAt = performance.now();
      try {
        const proposal = await session.client.request('getProposal', { params: { proposalId } }, { signal });
        this.feed.follow(session.client, proposal, requestedAt);
        return proposal.proposalId;
      } catch (error) {
        // A saved proposal the API no longer knows: ask for a new one (the rerun creates it).
        if (savedProposalId && error instanceof InsurUpError && error.status === 404) {
          session.update({ proposalId: null, selection: null });
        }
        throw error;
      }
    },
    args: () =>
      [
        this.session,
        this.session?.auth.isAuthenticated ? this.session.auth.customer?.id : undefined,
        this.assetReady,
        this.session?.state.proposalId ?? null,
        this.groupsSetting,
      ] as const,
    onError: (error) => this.reportError(error, 'quotes'),
  });

  private readonly compareTask = new Task(this, {
    autoRun: false,
    task: async ([ids]: [string[]], { signal }) => {
      const { client, proposalId } = this.target();
      const { url } = await client.request(
        'compareProducts',
        { params: { proposalId }, body: { proposalProductIds: ids } },
        { signal },
      );
      return { url, opened: openInNewTab(url) };
    },
    onError: (error) => this.reportError(error, 'quotes'),
  });

  /** One object for every card, so handing it over never re-renders a card. */
  private readonly cardActions: QuoteCardActions = {
    coverage: (proposalProductId, signal) =>
      this.reported(async () => {
        const { client, proposalId } = this.target();
        const params = { proposalId, proposalProductId };
        return (await client.request('getProductCoverage', { params }, { signal })).coverage;
      }),
    document: (proposalProductId, kind, signal) =>
      this.reported(async () => {
        const { client, proposalId } = this.target();
        const params = { proposalId, proposalProductId };
        const answer =
          kind === 'product'
            ? await client.request('getProductDocument', { params }, { signal })
            : await client.request('getProductInformationForm', { params }, { signal });
        return answer.url;
      }),
    retry: (proposalProductId) =>
      this.reported(async () => {
        const { client, proposalId } = this.target();
        await client.request('retryProduct', { params: { proposalId, proposalProductId } });
        this.feed.markWaiting(proposalProductId);
      }),
    buy: (product, premium) => this.choose(product, premium),
    focused: (control) => this.revealAboveCompareBar(control),
    toggleCompare: (proposalProductId, chosen) => {
      const others = this.compared.filter((id) => id !== proposalProductId);
      this.compared = chosen && others.length < COMPARE_MAX ? [...others, proposalProductId] : others;
      this.announceCompare(this.compared.length);
    },
  };

  /** The coverage groups setting: this element's, else the nearest ancestor's. */
  private get groupsSetting(): string | null {
    return this.coverageGroupIds || (this.isConnected ? inheritedAttribute(this, 'coverage-group-ids') : null);
  }

  /** The flow has what this product insures (for TSS: the health details step is done). */
  private get assetReady(): boolean {
    const session = this.session;
    if (!session?.state.assetReady) return false;
    const needed = assetTypeOf(session.product);
    return needed === null || session.state.asset?.type === needed;
  }

  /** Runs a card's request; a failure the card shows is also reported as `insurup-error`. */
  private async reported<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      this.reportError(error, 'quotes');
      throw error;
    }
  }

  private target(): { client: InsurUpClient; proposalId: string } {
    const session = this.session as FlowSession;
    const proposalId = this.feed.book?.proposalId ?? session.state.proposalId;
    if (!proposalId) throw new InsurUpError('unauthorized', 'no proposal', 'getProposal');
    return { client: session.client, proposalId };
  }

  private timing(): FeedTiming {
    return {
      baseMs: this.pollInterval,
      maxMs: Math.max(this.pollInterval, this.pollMaxInterval),
      factor: DEFAULT_FEED_TIMING.factor,
      timeoutMs: this.quoteTimeout,
      hubRetryDelaysMs: this.hubRetryDelays,
    };
  }

  private onFeedStatus(status: FeedStatus): void {
    if (status === 'complete') this.announcer.note(this.t('quotes.announce.complete'));
    if (status === 'timedOut') this.announcer.note(this.t('quotes.announce.timedOut'));
  }

  private choose(product: ProposalProduct, premium: Premium): void {
    const session = this.session;
    if (!session) return;
    const insuranceCompanyId = String(product.insuranceCompanyId);
    const productId = String(product.productId);
    session.selectQuote({
      proposalProductId: product.id,
      installmentNumber: premium.installmentNumber,
      insuranceCompanyId,
      insuranceCompanyName: product.insuranceCompanyName,
      productId,
      productName: product.productName,
      grossPremium: premium.grossPremium,
      currency: premium.currency,
    });
    this.emit('insurup-quote-selected', {
      product: session.product,
      insuranceCompanyId,
      productId,
      installmentNumber: premium.installmentNumber,
      grossPremium: premium.grossPremium,
      currency: premium.currency,
    });
  }

  /** Which products this site sells under `payment-types` (one test per setting). */
  private sellable(): SellableTest {
    if (!this.sellableFor || this.sellableFor.setting !== this.paymentTypes) {
      this.sellableFor = { setting: this.paymentTypes, test: sellableUnder(parsePaymentTypes(this.paymentTypes)) };
    }
    return this.sellableFor.test;
  }

  // Order freezing: while the pointer or focus is on the list, cards keep their places.

  private freeze(): void {
    this.frozenOrder ??= [...this.shownOrder];
  }

  private thaw(): void {
    if (this.focusInList || this.pointerInList || !this.frozenOrder) return;
    this.frozenOrder = null;
    this.requestUpdate();
  }

  private readonly onListFocusIn = (): void => {
    this.focusInList = true;
    this.freeze();
  };

  /**
   * The compare bar sticks to the bottom of the screen (a third of a phone's): a control that
   * focus reaches behind it scrolls up above it, so the focused control is never hidden
   * (WCAG 2.4.11). Browsers scroll focus into view by the edge of the screen, not of the bar.
   */
  private revealAboveCompareBar(target: Element | null | undefined): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.compare-bar');
    if (!bar || !(target instanceof HTMLElement)) return;
    if (target.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top) return;
    target.style.scrollMarginBlockEnd = `calc(${bar.offsetHeight}px + 0.5em)`;
    target.scrollIntoView({ block: 'nearest' });
    target.style.removeProperty('scroll-margin-block-end');
  }

  private readonly onListFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && this.list?.contains(next)) return;
    this.focusInList = false;
    this.thaw();
  };

  private readonly onListPointerMove = (event: PointerEvent): void => {
    // A finger has no hover: a tap focuses what it hits, which freezes the list. A pointer
    // that did not move (the list appeared under a resting mouse) is not pointing at anything.
    if (event.pointerType === 'touch' || (event.movementX === 0 && event.movementY === 0)) return;
    this.pointerInList = true;
    const path = event.composedPath() as Element[];
    this.pointerCard = path.find((node) => node.localName === 'insurup-quote-card') ?? null;
    this.freeze();
  };

  private readonly onListPointerLeave = (): void => {
    this.pointerInList = false;
    this.pointerCard = null;
    this.thaw();
  };

  // The held card stays put on screen. The frozen order keeps its index, but a card above it
  // that changes height (a placeholder becoming a quote, a quote failing) would still push it
  // down or pull it up. Chromium's scroll anchoring hides that; Safari has none, and a page
  // may turn it off. So the card's top is measured before each update and, once the cards
  // have rendered, the nearest scroller is moved by whatever it shifted — before the next paint.

  /** The card the customer is on: the one with focus, else the one under the pointer. */
  private heldCard(): Element | null {
    if (!this.frozenOrder) return null;
    const focused = this.focusInList ? this.shadowRoot?.activeElement : null;
    if (focused?.localName === 'insurup-quote-card') return focused;
    return this.pointerInList && this.pointerCard?.isConnected ? this.pointerCard : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const card = this.heldCard();
    if (!card) {
      this.heldPlace = null;
      return;
    }
    // Where it is now, unless that is within a pixel of where it was kept last time: the
    // scroll moves in whole pixels, and re-measuring each time would let the rest add up.
    const top = card.getBoundingClientRect().top;
    const kept = this.heldPlace;
    if (kept?.card !== card || Math.abs(kept.top - top) >= 1) this.heldPlace = { card, top };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.heldPlace) void this.keepHeldCardInPlace(this.heldPlace);
    // The first quote chosen to compare brings the bar up, over the checkbox that chose it.
    if ((changed as PropertyValues).has('compared') && this.focusInList) {
      const card = this.list?.querySelector('insurup-quote-card:focus-within');
      this.revealAboveCompareBar(card?.shadowRoot?.activeElement);
    }
  }

  private async keepHeldCardInPlace({ card, top }: { card: Element; top: number }): Promise<void> {
    // The cards update after the list (each is its own element): wait for them first.
    const cards = [...(this.list?.querySelectorAll('insurup-quote-card') ?? [])];
    await Promise.all(cards.map((c) => c.updateComplete));
    if (!card.isConnected) return;
    const shift = card.getBoundingClientRect().top - top;
    if (Math.abs(shift) >= 0.5) scrollerOf(this).scrollBy({ top: shift, behavior: 'instant' });
  }

  // Rendering

  override render(): TemplateResult {
    return html`<section class="quotes" part="quotes" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading" part="heading" tabindex="-1">${this.t('quotes.title')}</h2>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcer.message}</div>
      ${this.renderBody()}
    </section>`;
  }

  private notice(message: string, alert = false): TemplateResult {
    return html`<p class="alert ${alert ? 'error-alert' : 'info'}" part="notice" role=${alert ? 'alert' : 'status'}>
      ${message}
    </p>`;
  }

  private renderBody(): unknown {
    const session = this.session;
    if (!session) {
      return this.proxyUrl ? renderPending(this.t('common.loading')) : this.notice(this.t('common.missingProxy'), true);
    }
    const auth = session.auth;
    if (auth.status === 'unknown' || auth.status === 'restoring') return renderPending(this.t('common.loading'));
    if (!auth.isAuthenticated) return this.notice(this.t('common.needsLogin'));
    if (!this.assetReady) return this.notice(this.t('common.needsAsset'));
    if (!session.state.proposalId && !parseCoverageGroupIds(this.groupsSetting)) {
      return this.notice(this.t('quotes.missingCoverageGroups'), true);
    }
    return this.proposalTask.render({
      initial: () => renderPending(this.t('quotes.requesting')),
      pending: () => (this.feed.book?.size ? this.renderQuotes() : renderPending(this.t('quotes.requesting'))),
      error: (error) =>
        renderError(this.describeError(error), {
          label: this.t('common.retry'),
          onRetry: () => void this.proposalTask.run(),
        }),
      complete: (proposalId) => (proposalId && this.feed.book ? this.renderQuotes() : renderPending(this.t('quotes.requesting'))),
    });
  }

  private renderQuotes(): TemplateResult {
    const book = this.feed.book!;
    const products = book.products;
    const sellable = this.sellable();
    const ordered = displayOrder(products, this.sort, this.frozenOrder, sellable);
    this.shownOrder = ordered.map((p) => p.id);
    const best = bestPriceId(products, sellable);
    const status = this.feed.status;
    const expired = status === 'timedOut';
    const compared = this.compared.filter((id) => COMPARABLE.has(book.get(id)?.state ?? ''));
    const compareFull = compared.length >= COMPARE_MAX;
    const total = Math.max(book.expectedCount, book.size);
    const settled = book.settledCount;
    const lang = this.language;
    return html`
      <div class="toolbar" part="toolbar">
        <div class="progress" part="progress">
          <p id="progress-text">${this.t(this.feed.running ? 'quotes.progress' : 'quotes.progress.done', { settled, total })}</p>
          <progress max=${Math.max(total, 1)} .value=${settled} aria-labelledby="progress-text"></progress>
          ${this.renderStatus(status)}
        </div>
        ${selectField({
          id: 'sort',
          name: 'sort',
          label: this.t('quotes.sort.label'),
          value: this.sort,
          options: SORT_KEYS.map((key) => ({ value: key, label: this.t(`quotes.sort.${key}`) })),
          onChange: (value) => (this.sort = value as SortKey),
        })}
      </div>
      ${expired
        ? html`<div class="alert info" part="timeout-notice">
            <span class="message">${this.t('quotes.status.timedOut')}</span>
            <button type="button" class="button" part="check-again-button" @click=${this.checkAgain}>
              ${this.t('quotes.checkAgain')}
            </button>
          </div>`
        : nothing}
      ${products.length === 0 && (status === 'complete' || expired) ? this.notice(this.t('quotes.empty')) : nothing}
      <ul
        class="list"
        part="list"
        aria-label=${this.t('quotes.listLabel')}
        @focusin=${this.onListFocusIn}
        @focusout=${this.onListFocusOut}
        @pointermove=${this.onListPointerMove}
        @pointerleave=${this.onListPointerLeave}
      >
        ${repeat(
          ordered,
          (product) => product.id,
          (product) => html`<li data-product-id=${product.id}>
            <insurup-quote-card
              exportparts=${CARD_EXPORT_PARTS}
              .product=${product}
              .language=${lang}
              .actions=${this.cardActions}
              .best=${product.id === best}
              .sellable=${sellable(product)}
              .compared=${compared.includes(product.id)}
              .compareFull=${compareFull}
              .expired=${expired}
              .agencyPhone=${this.agencyPhone}
              .contactUrl=${this.contactUrl}
            ></insurup-quote-card>
          </li>`,
        )}
      </ul>
      ${this.renderCompareBar(compared)}
    `;
  }

  private renderStatus(status: FeedStatus): TemplateResult | typeof nothing {
    // 'timedOut' has its own notice with a button; 'idle' has nothing to say.
    const key = STATUS_TEXT[status];
    return key ? html`<p class="muted status" part="status" data-status=${status}>${this.t(key)}</p>` : nothing;
  }

  /**
   * The compare bar comes after the whole list: a screen-reader user ticking Compare on a card
   * hears how many are chosen, what is still needed, and where the button is.
   */
  private announceCompare(count: number): void {
    if (count === 0) return;
    this.announcer.note(
      [
        this.t('quotes.compare.announce', { count }),
        ...(count < 2 ? [this.t('quotes.compare.hint')] : []),
        ...(count >= COMPARE_MAX ? [this.t('quotes.compare.max')] : []),
        ...(count >= 2 ? [this.t('quotes.compare.announceReady')] : []),
      ].join(' '),
    );
  }

  /** The notice goes away with its button: focus moves to the heading rather than the page. */
  private checkAgain(): void {
    this.feed.resume();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#quotes-heading')?.focus());
  }

  /** Clear removes the bar, and the button with it: focus goes back to the last quote ticked. */
  private clearCompare(): void {
    const last = this.compared.at(-1);
    this.compared = [];
    const card = this.list?.querySelector(`li[data-product-id="${CSS.escape(last ?? '')}"] insurup-quote-card`);
    card?.shadowRoot?.querySelector<HTMLElement>('input[name="compare"]')?.focus();
  }

  private renderCompareBar(compared: string[]): TemplateResult | typeof nothing {
    if (compared.length === 0) return nothing;
    const count = compared.length;
    const task = this.compareTask;
    const hint = count < 2 ? this.t('quotes.compare.hint') : count >= COMPARE_MAX ? this.t('quotes.compare.max') : '';
    return html`<div class="compare-bar" part="compare-bar">
      <p class="compare-count">
        ${this.t('quotes.compare.selected', { count })}${hint ? html`<span class="muted"> · ${hint}</span>` : nothing}
      </p>
      <div class="actions">
        <button
          type="button"
          class="button primary"
          part="compare-button"
          ?disabled=${count < 2}
          aria-disabled=${task.status === TaskStatus.PENDING ? 'true' : 'false'}
          @click=${() => {
            // Busy: aria-disabled keeps focus on the button (a disabled one loses it).
            if (task.status !== TaskStatus.PENDING) void task.run([compared]);
          }}
        >
          ${this.t('quotes.compare.button')}
        </button>
        <button type="button" class="button link" part="compare-clear" @click=${this.clearCompare}>
          ${this.t('quotes.compare.clear')}
        </button>
      </div>
      ${task.render({
        pending: () => renderPending(this.t('quotes.compare.opening')),
        error: (error) =>
          renderError(this.describeError(error), { label: this.t('common.retry'), onRetry: () => void task.run() }),
        complete: (attempt) => renderBlockedDocument(attempt, (key) => this.t(key)),
      })}
    </div>`;
  }
}

defineElement('insurup-quotes', InsurupQuotes);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-quotes': InsurupQuotes;
  }
}
