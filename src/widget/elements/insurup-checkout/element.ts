import './messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import type { AsyncPaymentType, PurchaseAsyncRequest } from '../../../contract/purchase.js';
import type { MessageKey } from '../../i18n/index.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { renderError, renderPending } from '../shared/status.js';
import { withForeignReturn } from '../shared/payment-return-notice.js';
import { money, withMoney } from '../shared/text.js';
import type { Currency } from '../../../contract/z.js';
import type { FlowSession } from '../../session/flow-session.js';
import { elementStyles } from '../../styles/shared.js';
import { defineElement } from '../../define.js';
import { checkoutStyles } from './styles.js';
import { CardForm, CARD_FIELD_IDS } from './card-form.js';
import { loadCheckout, type CheckoutLoad } from './load-checkout.js';
import { listenForPurchase } from './purchase-listener.js';
import { renderAgencyHelp } from './agency-help.js';
import { isCardPayment, offeredPaymentTypes, parsePaymentTypes } from './payment-types.js';
import { buildCallbackUrl, newReturnMarker } from './payment-return.js';
import { openInNewTab } from '../shared/open-document.js';

/** Document links are short-lived (minutes); an older one is fetched again before opening. */
const LINK_FRESH_MS = 4 * 60_000;

export { detectPaymentReturn, RETURN_PARAM } from './payment-return.js';

/**
 * Sends the whole page (the top window, also from inside an iframe) to the payment page.
 * Cross-origin frames may set `top.location.href` but not call `assign`, hence the setter.
 */
export function navigateTopWindow(url: string): void {
  try {
    (window.top ?? window).location.href = url;
  } catch {
    window.location.href = url;
  }
}

type Phase = 'form' | 'paying' | 'redirecting';

/**
 * Payment for the quote chosen in the session: the product, instalment plan and total; the
 * async payment types the product supports (narrowed by `payment-types`); a card form for the
 * card types; the pre-contract information form to confirm; Pay sends one purchase/async and
 * the top window to the bank or the insurer. On the way back it asks the API (never the query
 * string) whether the product was bought, and moves the flow on to the policy.
 *
 * Card data stays in this element's memory only, and is cleared after the purchase request, on
 * an error and when the element is removed.
 *
 * @summary Checkout: payment type, card, pre-contract form, 3-D Secure / insurer redirect and the return.
 *
 * @fires insurup-payment-started - The purchase was accepted and the browser leaves for the payment page. Detail: `{ product, paymentType }`.
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: 'checkout', code, status }`.
 *
 * @csspart heading - The "Payment" heading (focused on step changes).
 * @csspart summary - The chosen offer: insurer, product, plan and total.
 * @csspart insurer-logo - The insurer's logo in the summary.
 * @csspart total - The total amount row.
 * @csspart form - The payment form.
 * @csspart payment-types - The payment method fieldset.
 * @csspart payment-type - One payment method option (label with radio).
 * @csspart card-form - The card fieldset (card payment types only).
 * @csspart card-number - The card number input.
 * @csspart card-brand - The detected card brand next to the number.
 * @csspart card-privacy - The "card details are not stored" note.
 * @csspart information-form - The pre-contract information form link and confirmation.
 * @csspart information-form-link - The link to the pre-contract information form (PDF).
 * @csspart pay-button - The Pay button (also `submit-button`).
 * @csspart redirect-status - "Taking you to the payment page…", with `redirect-link` in case nothing happens.
 * @csspart notice - A result message (payment not completed, still waiting, received).
 * @csspart try-again-button - After an unpaid return: pay again the same way.
 * @csspart pay-another-way-button - After an unpaid return: choose another payment type.
 * @csspart check-again-button - After the wait ran out: ask the API again.
 * @csspart choose-another-button - Back to the quotes when this offer cannot be bought.
 * @csspart agency-help - The agency's phone (`agency-phone`) and contact page (`agency-contact`) links.
 * @csspart field - A field wrapper; also `label`, `input`, `hint`, `field-error`, `legend`, `choice`.
 * @csspart pending - The loading / verifying status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons, links and the selected payment method.
 * @cssprop --insurup-color-success - The "payment received" message.
 * @cssprop --insurup-color-warning - The "still waiting" message.
 * @cssprop --insurup-color-danger - Errors.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius of fields, options and buttons.
 * @cssprop --insurup-control-height - Minimum height of inputs and buttons (touch target).
 */
export class InsurupCheckout extends InsurupElement {
  static override styles = [...elementStyles, checkoutStyles];

  /**
   * Allowed payment types, comma-separated: `3d-secure`, `third-party-3d-secure`,
   * `insurance-company-redirect`. Unset: every type the product supports.
   */
  @property({ attribute: 'payment-types' }) paymentTypes?: string;

  /** Where the payment page sends the customer back (default: this page). Must be on the agency's origins. */
  @property({ attribute: 'callback-url' }) callbackUrl?: string;

  /** The agency's phone number, offered where the customer may need help. */
  @property({ attribute: 'agency-phone' }) agencyPhone?: string;

  /** The agency's contact page, offered where the customer may need help. */
  @property({ attribute: 'contact-url' }) contactUrl?: string;

  /** How long to wait for a payment still in progress after the return, in ms (default 2 minutes). */
  @property({ attribute: false }) purchaseWaitMs = 120_000;

  /** First poll interval while waiting for the payment result, in ms; it backs off up to 8×. */
  @property({ attribute: false }) purchasePollMs = 1_000;

  /** Sends the browser to the payment page; replaceable (tests, single-page hosts). */
  navigate: (url: string) => void = navigateTopWindow;

  @state() private chosenType: AsyncPaymentType | null = null;
  @state() private informationFormConfirmed = false;
  @state() private submitted = false;
  @state() private phase: Phase = 'form';
  @state() private payError: unknown = null;
  @state() private redirectUrl: string | null = null;
  @state() private cardCleared = false;
  @state() private verifyingPayment = false;
  /** The pre-contract form's link and when it was fetched (links expire). */
  @state() private informationForm: { url: string; fetchedAt: number } | null = null;
  @state() private informationFormError: unknown = null;
  /** Set when a return turned out unpaid; cleared by "try again" / "pay another way". */
  @state() private notPaid: { reason: string | null } | null = null;

  // Card data: a plain private field, never reactive, never reflected, never persisted.
  #card = new CardForm(this);
  // Set synchronously before the request, so a double click or Enter never sends a second purchase.
  #purchaseInFlight = false;
  #reloads = 0;
  #loadedFor: string | null = null;
  #focusTarget: string | null = null;
  #lastOutcome: string | null | undefined = undefined;

  private readonly checkout = new Task(this, {
    task: async ([client, proposalId, proposalProductId], { signal }) => {
      if (!client || !proposalId || !proposalProductId) return undefined;
      const session = this.session!;
      if (this.#loadedFor !== proposalProductId) {
        // Another offer: its own pre-contract form must be confirmed again.
        this.#loadedFor = proposalProductId;
        this.informationFormConfirmed = false;
        this.submitted = false;
        this.notPaid = null;
        this.payError = null;
      }
      const pending = session.state.purchase?.proposalProductId === proposalProductId ? session.state.purchase : null;
      this.verifyingPayment = pending !== null;
      const result = await loadCheckout({
        client,
        proposalId,
        proposalProductId,
        signal,
        waitMs: this.purchaseWaitMs,
        pollMs: this.purchasePollMs,
        onWaiting: () => (this.verifyingPayment = true),
        listen: () => listenForPurchase(client, proposalId, proposalProductId),
      });
      this.verifyingPayment = false;
      if (result.kind === 'payable') this.informationForm = { url: result.infoFormUrl, fetchedAt: Date.now() };
      if (result.kind === 'purchased') {
        // Verified with the API: the only way a policy step is reached.
        session.completePurchase(result.policyId);
      } else if (pending && result.kind !== 'timeout') {
        // Came back (or returned without paying): the payment did not go through.
        this.notPaid = { reason: result.product.errorMessage ?? null };
        this.chosenType = pending.paymentType;
        session.update({ purchase: null });
      }
      return result;
    },
    args: () =>
      [
        this.session?.auth.isAuthenticated ? this.session.client : undefined,
        this.session?.state.proposalId ?? undefined,
        this.session?.state.selection?.proposalProductId,
        this.#reloads,
      ] as const,
    onError: (error) => this.reportError(error, 'checkout'),
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Placed on its own: a payment return this tab did not start is checked in this session
    // (inside a flow, the flow has taken it already; only a session's first call counts).
    this.session?.takePaymentReturn();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // (The return parameters left the address bar when the session read them.)
    window.addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
    this.#forgetCard();
  }

  /** Coming back with the browser's Back button from the payment page (bfcache): check again. */
  #onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    this.#purchaseInFlight = false;
    this.phase = 'form';
    this.redirectUrl = null;
    this.#forgetCard();
    this.#reloads++;
    this.requestUpdate();
  };

  /** Forgets the card in memory and in the inputs (which keep their value when detached). */
  #forgetCard(): void {
    this.#card.clear();
    this.renderRoot?.querySelectorAll?.<HTMLInputElement>('#card-fields input').forEach((input) => {
      if (input.type === 'checkbox') input.checked = false;
      else input.value = '';
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The card lives only while its form is shown: whatever hides it (another payment type, a
    // logout, another offer, a reload) forgets it, so it never comes back for someone else.
    if (!this.#card.isEmpty && !this.renderRoot.querySelector('#card-fields')) this.#card.clear();
    this.focusOnNewOutcome();
    if (this.#focusTarget) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusTarget);
      if (target) {
        this.#focusTarget = null;
        target.focus();
      }
    }
  }

  override render(): TemplateResult {
    return html`<section class="surface" part="checkout" aria-labelledby="checkout-heading">
      <h2 id="checkout-heading" part="heading" tabindex="-1">${this.t('checkout.title')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session) return renderError(this.t('common.missingProxy'));
    // Placed on its own, on a page the payment returned to from another tab: that return's message.
    return withForeignReturn(this, session, () => this.renderSteps(session));
  }

  private renderSteps(session: FlowSession): TemplateResult | typeof nothing {
    const auth = session.auth;
    if (auth.status === 'unknown' || auth.status === 'restoring') return renderPending(this.t('common.loading'));
    if (!auth.isAuthenticated) return this.info(this.t('common.needsLogin'));
    if (session.state.policyId) return this.renderDone();
    if (!session.state.proposalId || !session.state.selection) return this.info(this.t('common.needsQuote'));

    return this.checkout.render({
      pending: () => renderPending(this.t(this.verifyingPayment ? 'checkout.verifying' : 'checkout.loading')),
      error: (error) =>
        renderError(this.describeError(error), { label: this.t('common.retry'), onRetry: () => this.reload() }),
      complete: (result) => (result ? this.renderLoaded(result) : nothing),
    }) ?? nothing;
  }

  private help() {
    return renderAgencyHelp((k, p) => this.t(k, p), this.agencyPhone, this.contactUrl);
  }

  private info(message: string): TemplateResult {
    return html`<p class="alert info" part="notice">${message}</p>`;
  }

  private renderLoaded(result: CheckoutLoad): TemplateResult {
    switch (result.kind) {
      case 'purchased':
        return this.renderDone();
      case 'timeout':
        return html`<div class="alert info notice warning" part="notice" role="status">
          <div>
            <h3 id="outcome-heading" tabindex="-1">${this.t('checkout.timeout.title')}</h3>
            <p>${this.t('checkout.timeout.body')}</p>
            <button type="button" class="button" part="check-again-button" @click=${() => this.reload()}>
              ${this.t('checkout.checkAgain')}
            </button>
            ${this.help()}
          </div>
        </div>`;
      case 'unavailable':
        return this.renderUnavailable(this.t('checkout.unavailable'));
      case 'payable':
        return this.renderPayable(result);
    }
  }

  private renderDone(): TemplateResult {
    return html`<div class="alert info notice success" part="notice" role="status">
      <div>
        <h3 id="outcome-heading" tabindex="-1">${this.t('checkout.done.title')}</h3>
        <p>${this.t('checkout.done.body')}</p>
      </div>
    </div>`;
  }

  private renderUnavailable(message: string): TemplateResult {
    return html`<div class="alert info notice" part="notice">
      <span class="message">${message}</span>
      <button type="button" class="button" part="choose-another-button" @click=${() => this.session?.goTo('quotes')}>
        ${this.t('checkout.chooseAnother')}
      </button>
      ${this.help()}
    </div>`;
  }

  private renderPayable(result: Extract<CheckoutLoad, { kind: 'payable' }>): TemplateResult {
    const { product } = result;
    const selection = this.session!.state.selection!;
    const premium = product.premiums.find((p) => p.installmentNumber === selection.installmentNumber);
    if (!premium) return this.renderUnavailable(this.t('checkout.unavailable'));
    const offered = offeredPaymentTypes(product, parsePaymentTypes(this.paymentTypes));
    const type = this.currentType(offered);
    const busy = this.phase !== 'form';
    const total = this.money(premium.grossPremium, premium.currency);
    const count = premium.installmentNumber;

    return html`
      ${this.notPaid ? this.renderNotPaid(this.notPaid.reason) : nothing}
      <div class="summary card" part="summary">
        <div class="summary-head">
          ${product.insuranceCompanyLogo
            ? html`<img src=${product.insuranceCompanyLogo} alt="" part="insurer-logo" width="40" height="40" />`
            : nothing}
          <h3>${this.t('checkout.summary.heading')}</h3>
        </div>
        <dl>
          <dt>${this.t('checkout.summary.insurer')}</dt>
          <dd lang="tr">${product.insuranceCompanyName}</dd>
          <dt>${this.t('checkout.summary.product')}</dt>
          <dd lang="tr">${product.productName}</dd>
          ${product.coverageGroupName
            ? html`<dt>${this.t('checkout.summary.coverageGroup')}</dt>
                <dd lang="tr">${product.coverageGroupName}</dd>`
            : nothing}
          <dt>${this.t('checkout.summary.plan')}</dt>
          <dd>${count === 1 ? this.t('checkout.summary.singlePayment') : this.installments(count, premium)}</dd>
          <dt class="total" part="total-label">${this.t('checkout.summary.total')}</dt>
          <dd class="total" part="total">${money(total)}</dd>
        </dl>
      </div>
      ${offered.length === 0
        ? this.renderUnavailable(this.t('checkout.type.none'))
        : html`<form part="form" novalidate @submit=${this.onSubmit}>
            ${this.renderPaymentTypes(offered, type, busy)}
            ${type && isCardPayment(type) ? this.#card.render((k, p) => this.t(k, p), busy) : nothing}
            ${this.renderInformationForm(this.informationForm?.url ?? result.infoFormUrl, busy)}
            ${this.cardCleared && !this.payError
              ? html`<p class="alert info" part="notice" role="status">${this.t('checkout.card.cleared')}</p>`
              : nothing}
            ${this.payError ? this.renderPayError(type) : nothing}
            <div class="actions">
              <button type="submit" class="button primary pay-button" part="pay-button submit-button" ?disabled=${busy}>
                ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
                ${this.phase === 'paying'
                  ? this.t('checkout.paying')
                  : this.phase === 'redirecting'
                    ? this.t('checkout.redirecting')
                    : html`<span>${withMoney(this.t('checkout.pay', { amount: total }), total)}</span>`}
              </button>
            </div>
            ${this.phase === 'redirecting' && this.redirectUrl
              ? html`<p role="status" part="redirect-status">
                  ${this.t('checkout.redirecting')}
                  <a href=${this.redirectUrl} target="_top" part="redirect-link">${this.t('checkout.redirectLink')}</a>
                </p>`
              : nothing}
          </form>`}
    `;
  }

  /** "3 taksit × ₺1.234,56", the amount kept on one line. */
  private installments(count: number, premium: { grossPremium: number; currency: Currency }): TemplateResult {
    const amount = this.money(premium.grossPremium / count, premium.currency);
    return withMoney(this.t('checkout.summary.installments', { count, amount }), amount);
  }

  private renderNotPaid(reason: string | null): TemplateResult {
    return html`<div class="alert error-alert notice" part="notice" role="alert">
      <div>
        <h3 id="outcome-heading" tabindex="-1">${this.t('checkout.notPaid.title')}</h3>
        <p>${this.t('checkout.notPaid.body')}</p>
        ${reason ? html`<p>${this.t('checkout.notPaid.reason', { reason })}</p>` : nothing}
        <div class="actions">
          <button type="button" class="button primary" part="try-again-button" @click=${() => this.tryAgain(false)}>
            ${this.t('checkout.tryAgain')}
          </button>
          <button type="button" class="button" part="pay-another-way-button" @click=${() => this.tryAgain(true)}>
            ${this.t('checkout.payAnotherWay')}
          </button>
        </div>
        ${this.help()}
      </div>
    </div>`;
  }

  private renderPaymentTypes(offered: AsyncPaymentType[], type: AsyncPaymentType | null, busy: boolean): TemplateResult {
    const error = this.submitted && !type ? this.t('checkout.type.required') : null;
    return html`<fieldset part="payment-types" aria-describedby=${error ? 'payment-type-error' : nothing}>
      <legend part="legend">${this.t('checkout.type.legend')}</legend>
      ${offered.map(
        (option) => html`<label class="choice payment-type" part="payment-type">
          <input
            type="radio"
            name="payment-type"
            id=${`payment-type-${option}`}
            aria-labelledby=${`payment-type-${option}-name`}
            aria-describedby=${`payment-type-${option}-hint`}
            value=${option}
            ?disabled=${busy}
            .checked=${live(option === type)}
            @change=${() => this.choose(option)}
          />
          <span class="option-text">
            <strong id=${`payment-type-${option}-name`}>${this.t(`checkout.type.${option}` as MessageKey)}</strong>
            <span class="hint" id=${`payment-type-${option}-hint`}>${this.t(`checkout.type.${option}.hint` as MessageKey)}</span>
          </span>
        </label>`,
      )}
      <span class="error" id="payment-type-error" part="field-error" aria-live="polite">${error ?? nothing}</span>
    </fieldset>`;
  }

  private renderInformationForm(url: string, busy: boolean): TemplateResult {
    const error = this.submitted && !this.informationFormConfirmed ? this.t('checkout.infoForm.required') : null;
    return html`<div class="information-form" part="information-form">
      <a
        href=${url}
        target="_blank"
        rel="noopener noreferrer"
        part="information-form-link"
        @click=${this.onInformationFormClick}
        >${this.t('checkout.infoForm.link')}</a
      >
      <label class="choice" part="choice">
        <input
          type="checkbox"
          id="information-form-confirm"
          name="information-form-confirmed"
          required
          ?disabled=${busy}
          .checked=${live(this.informationFormConfirmed)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'information-form-error' : nothing}
          @change=${(event: Event) => (this.informationFormConfirmed = (event.target as HTMLInputElement).checked)}
        />
        <span>${this.t('checkout.infoForm.confirm')}</span>
      </label>
      <span class="error" id="information-form-error" part="field-error" aria-live="polite">${error ?? nothing}</span>
      ${this.informationFormError
        ? renderError(this.describeError(this.informationFormError), {
            label: this.t('common.retry'),
            onRetry: () => void this.onInformationFormClick(new MouseEvent('click')),
          })
        : nothing}
    </div>`;
  }

  private renderPayError(type: AsyncPaymentType | null): TemplateResult {
    const message = this.describeError(this.payError);
    const cleared = this.cardCleared ? ` ${this.t('checkout.card.cleared')}` : '';
    return html`<div id="pay-error" tabindex="-1">
      ${renderError(`${message}${cleared}`, {
        label: this.t('common.retry'),
        onRetry: () => {
          // With a card type the card must be typed again (it was cleared); otherwise pay again.
          if (type && isCardPayment(type)) {
            this.payError = null;
            this.focusSoon(`#${CARD_FIELD_IDS.holderName}`);
          } else {
            void this.submit();
          }
        },
      })}
    </div>`;
  }

  /** A link older than a few minutes has expired: fetch a fresh one, then open it. */
  private onInformationFormClick = async (event: MouseEvent): Promise<void> => {
    const link = this.informationForm;
    const session = this.session;
    const selection = session?.state.selection;
    if (!link || !session?.state.proposalId || !selection || Date.now() - link.fetchedAt < LINK_FRESH_MS) return;
    event.preventDefault();
    try {
      const { url } = await session.client.request('getProductInformationForm', {
        params: { proposalId: session.state.proposalId, proposalProductId: selection.proposalProductId },
      });
      this.informationForm = { url, fetchedAt: Date.now() };
      openInNewTab(url);
      this.informationFormError = null;
    } catch (error) {
      this.informationFormError = error;
      this.reportError(error, 'checkout');
    }
  };

  /** The chosen type if still offered, else the first offered one. */
  private currentType(offered: AsyncPaymentType[]): AsyncPaymentType | null {
    return this.chosenType && offered.includes(this.chosenType) ? this.chosenType : (offered[0] ?? null);
  }

  private choose(type: AsyncPaymentType): void {
    this.chosenType = type;
    this.payError = null;
  }

  private tryAgain(anotherWay: boolean): void {
    this.notPaid = null;
    this.payError = null;
    this.focusSoon(anotherWay ? 'input[name="payment-type"]:checked' : `#${CARD_FIELD_IDS.holderName}, button[part~="pay-button"]`);
  }

  private reload(): void {
    this.#reloads++;
    this.notPaid = null;
    this.requestUpdate();
  }

  /** Focuses the first element matching `selector` after the next render. */
  private focusSoon(selector: string): void {
    this.#focusTarget = selector;
    this.requestUpdate();
  }

  /** A return's outcome (not paid, still waiting, done) gets focus once, so it is read out. */
  private focusOnNewOutcome(): void {
    const result = this.checkout.status === TaskStatus.COMPLETE ? this.checkout.value : undefined;
    const outcome = this.session?.state.policyId
      ? 'purchased'
      : result?.kind === 'timeout'
        ? 'timeout'
        : result?.kind === 'payable' && this.notPaid
          ? 'not-paid'
          : null;
    // An outcome already there on the first render (e.g. a reload after payment) does not steal focus.
    const first = this.#lastOutcome === undefined;
    if (!first && outcome && outcome !== this.#lastOutcome && this.renderRoot.querySelector('#outcome-heading')) {
      this.#focusTarget ??= '#outcome-heading';
    }
    this.#lastOutcome = outcome;
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /** Validates, then sends exactly one purchase/async and leaves for the payment page. */
  private async submit(): Promise<void> {
    if (this.#purchaseInFlight) return;
    const session = this.session;
    const loaded = this.checkout.value;
    if (!session || loaded?.kind !== 'payable') return;
    const selection = session.state.selection!;
    const proposalId = session.state.proposalId!;
    const type = this.currentType(offeredPaymentTypes(loaded.product, parsePaymentTypes(this.paymentTypes)));

    this.submitted = true;
    const cardField = type && isCardPayment(type) ? this.#card.firstInvalid() : undefined;
    const invalid = !type
      ? 'input[name="payment-type"]'
      : cardField
        ? `#${CARD_FIELD_IDS[cardField]}`
        : !this.informationFormConfirmed
          ? '#information-form-confirm'
          : null;
    if (invalid || !type) {
      this.focusSoon(invalid ?? 'input[name="payment-type"]');
      return;
    }

    this.#purchaseInFlight = true;
    this.phase = 'paying';
    this.payError = null;
    this.cardCleared = false;
    this.notPaid = null;

    const marker = newReturnMarker();
    const base = {
      proposalId,
      proposalProductId: selection.proposalProductId,
      installmentNumber: selection.installmentNumber,
      callbackUrl: buildCallbackUrl(marker, this.callbackUrl),
    };
    let body: PurchaseAsyncRequest;
    if (type === 'insurance-company-redirect') body = { $type: type, ...base };
    else body = { $type: type, card: this.#card.toCard(), ...base };

    try {
      const { redirectUrl } = await session.client.request('purchaseAsync', {
        params: { proposalId, proposalProductId: selection.proposalProductId },
        body,
      });
      this.#forgetCard();
      session.startPurchase({
        proposalProductId: selection.proposalProductId,
        paymentType: type,
        returnMarker: marker,
        startedAt: Date.now(),
      });
      this.emit('insurup-payment-started', { product: session.product, paymentType: type });
      this.redirectUrl = redirectUrl;
      this.phase = 'redirecting';
      // #purchaseInFlight stays set: the page is leaving; a bfcache return resets it (pageshow).
      this.navigate(redirectUrl);
    } catch (error) {
      this.#forgetCard();
      this.cardCleared = isCardPayment(type);
      this.payError = error;
      this.phase = 'form';
      this.#purchaseInFlight = false;
      this.reportError(error, 'checkout');
      this.focusSoon('#pay-error');
    }
  }
}

defineElement('insurup-checkout', InsurupCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-checkout': InsurupCheckout;
  }
}
