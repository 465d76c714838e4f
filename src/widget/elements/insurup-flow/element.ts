/**
 * `<insurup-flow>`: the whole web sale under one tag. It owns one FlowSession (its own steps,
 * asset, proposal and purchase, saved for this tab), shares the page's login for its proxy,
 * shows only the current step's element, and moves focus to each new step's heading.
 */
import './messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { ProductName } from '../../../contract/index.js';
import { defineElement } from '../../define.js';
import type { StepName } from '../../events.js';
import { authSessionFor, normalizeProxyUrl, type AuthStatus } from '../../session/auth-session.js';
import { ensureSaleOpportunityCase } from '../../session/cases.js';
import { sessionContext } from '../../session/context.js';
import { FlowSession } from '../../session/flow-session.js';
import { STEPS } from '../../session/flow-state.js';
import { storageKey } from '../../session/persistence.js';
import { elementStyles } from '../../styles/shared.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { renderError, renderPending } from '../shared/status.js';
import { renderForeignReturn } from '../shared/payment-return-notice.js';
import { flowIdOf } from './flow-id.js';
import { focusStepHeading } from './focus-step.js';
import { loadElement } from '../registry.js';
import { backTarget, EXPORTED_PARTS, FORWARDED, stepLabelKey, tagFor, type ForwardedAttribute } from './steps.js';
import { flowStyles } from './styles.js';

/**
 * The whole web-sales flow: login, the asset form for the product, quotes, checkout and the
 * policy, one step at a time.
 *
 * @summary One tag for InsurUp's web sale: each step in turn, with progress, Back and focus management.
 *
 * @fires insurup-step-change - `{ step, previousStep, product }` when another step is shown (also the first one).
 * @fires insurup-logout - `{ reason: 'user' | 'expired' }` after Log out, or when the session ended.
 * @fires insurup-error - `{ step, code, status }` when a background request (the sales case) fails.
 * The step elements' own events (`insurup-login`, `insurup-asset-ready`, `insurup-quote-selected`, ...)
 * bubble out of the flow too.
 *
 * @csspart flow - The flow's wrapper.
 * @csspart account - The "logged in as" line with Log out.
 * @csspart logout-button - Log out.
 * @csspart progress - The ordered list of steps.
 * @csspart progress-step - Each step of the list (also `done`, `current`, `upcoming`).
 * @csspart step - The region that holds the current step's element.
 * @csspart back-button - Back to the previous step (on quotes and checkout).
 * @csspart heading - Re-exported from the current step element (as are form, field, label,
 *   input, select, hint, field-error, notice, error-alert, retry-button, pending, submit-button).
 *
 * @cssprop --insurup-color-primary - The current and completed steps, buttons, links.
 * @cssprop --insurup-color-divider - The upcoming steps.
 */
export class InsurupFlow extends InsurupElement {
  static override styles = [...elementStyles, flowStyles];

  /** Coverage group ids for the quotes, comma separated (1–3 of InsurUp's 24-hex ids). */
  @property({ attribute: 'coverage-group-ids' }) coverageGroupIds?: string;
  /** Where the bank or the insurer sends the customer back after paying; default this page. */
  @property({ attribute: 'callback-url' }) callbackUrl?: string;
  /** The agency branch (a GUID): sent with the login and the sales-opportunity case. */
  @property({ attribute: 'agent-branch-id' }) agentBranchId?: string;
  /** The agency's KVKK notice, linked from the login's consent box. */
  @property({ attribute: 'kvkk-url' }) kvkkUrl?: string;
  /** Payment types to offer, comma separated (see `<insurup-checkout>`); quotes that take none of them are completed with the agency. */
  @property({ attribute: 'payment-types' }) paymentTypes?: string;
  /** The agency's phone number, shown where the customer may need help. */
  @property({ attribute: 'agency-phone' }) agencyPhone?: string;
  /** The agency's contact page. */
  @property({ attribute: 'contact-url' }) contactUrl?: string;
  /** Seconds before the login offers a new SMS code (default 60). */
  @property({ attribute: 'resend-seconds' }) resendSeconds?: string;

  private readonly provider = new ContextProvider(this, { context: sessionContext });
  private flowSession: FlowSession | undefined;
  private sessionKey = '';
  private releaseSession: (() => void) | undefined;
  private shownStep: StepName | null = null;
  private focusPending = false;
  /** The tag whose chunk failed to load (offered again with Retry). */
  private stepLoadFailed: string | null = null;
  private caseRequestedFor: string | null = null;
  private lastAuthStatus: AuthStatus | null = null;

  /** Waits for the page's silent login restore (shared with every element on the proxy). */
  private readonly restoreTask = new Task(this, {
    task: async ([auth]: readonly [FlowSession['auth'] | undefined]) => {
      if (auth) await auth.restore();
    },
    args: () => [this.flowSession?.auth] as const,
  });

  constructor() {
    super();
    // The flow provides its own session; it does not ask the page for one.
    this.removeController(this.sessionController);
  }

  /** This flow's session (its own steps and ids; the login is the page's). */
  override get session(): FlowSession | undefined {
    return this.flowSession;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseSession?.();
    this.releaseSession = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move: listen to the same session again.
    if (this.flowSession && !this.releaseSession) this.releaseSession = this.flowSession.subscribe(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.ensureSession();
    const auth = this.flowSession?.auth;
    if (auth) {
      if (this.lastAuthStatus === 'authenticated' && auth.status === 'anonymous' && auth.endReason === 'expired') {
        if (auth.claimAnnouncement('logout')) this.emit('insurup-logout', { reason: 'expired' });
      }
      this.lastAuthStatus = auth.status;
    }
  }

  /** Creates (or replaces, when proxy-url or product change) this flow's session. */
  private ensureSession(): void {
    const product = ProductName.safeParse(this.product);
    const proxy = this.proxyUrl?.trim();
    if (!proxy || !product.success) {
      this.dropSession();
      return;
    }
    const url = normalizeProxyUrl(proxy);
    const key = storageKey(url, product.data, flowIdOf(this));
    if (key === this.sessionKey && this.flowSession) return;
    this.dropSession();
    const session = new FlowSession({
      auth: authSessionFor(url, () => this.language),
      product: product.data,
      storageKey: key,
    });
    this.sessionKey = key;
    this.flowSession = session;
    this.releaseSession = session.subscribe(() => this.requestUpdate());
    this.provider.setValue(session);
    this.shownStep = null;
    // Back from the bank or the insurer: this flow's own return lands on checkout; a return
    // this tab did not start is checked with the API (the policy, or a message, once known).
    if (session.takePaymentReturn() === 'foreign') {
      session.claimReturnNotice(this);
      this.focusPending = true;
    }
  }

  private dropSession(): void {
    this.releaseSession?.();
    this.releaseSession = undefined;
    this.flowSession?.dispose();
    this.flowSession = undefined;
    this.sessionKey = '';
  }

  /** The step to show, or null while the page's login is still being restored. */
  private get currentStep(): StepName | null {
    const session = this.flowSession;
    if (!session) return null;
    const status = session.auth.status;
    if (status === 'unknown' || status === 'restoring') return null;
    // A payment return from another tab is being checked: no step until the answer.
    if (session.foreignReturn?.status === 'checking') return null;
    return session.step;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const session = this.flowSession;
    const step = this.currentStep;
    if (!session || !step) return;
    if (step !== this.shownStep) {
      const previousStep = this.shownStep;
      this.shownStep = step;
      // The first step shown on load keeps the page's focus where it is.
      if (previousStep !== null || this.focusPending) void this.moveFocus();
      this.emit('insurup-step-change', { step, previousStep, product: session.product });
    }
    this.requestSaleCase(session, step);
  }

  private async moveFocus(): Promise<void> {
    this.focusPending = false;
    const session = this.flowSession;
    const step = this.currentStep;
    if (session && step) {
      // A step's element may still be loading: focus its heading once it is rendered.
      await loadElement(tagFor(step, session.product)).catch(() => undefined);
      if (step !== this.currentStep) return;
      this.requestUpdate();
      await this.updateComplete;
    }
    const region = this.renderRoot.querySelector<HTMLElement>('.step');
    if (!region) return;
    await focusStepHeading(region.firstElementChild, region);
  }

  /**
   * The integration guide wants the sales-opportunity case open before the asset is entered:
   * asked once the customer is past the login, without holding them up. A failure is reported
   * (`insurup-error`) and tried again on the next page load.
   */
  private requestSaleCase(session: FlowSession, step: StepName): void {
    const customer = session.auth.customer;
    if (step === 'login' || !customer || !session.auth.isAuthenticated || session.state.caseId) return;
    const key = `${customer.id}|${this.sessionKey}`;
    if (this.caseRequestedFor === key) return;
    this.caseRequestedFor = key;
    ensureSaleOpportunityCase(session, { agentBranchId: this.agentBranchId }).catch((error: unknown) =>
      this.reportError(error, 'asset'),
    );
  }

  private retryStepLoad(): void {
    this.stepLoadFailed = null;
    this.requestUpdate();
  }

  /** While the customer works on a step, the next step's chunk loads in idle time. */
  private prefetchNextStep(session: FlowSession, step: StepName): void {
    const next = STEPS[STEPS.indexOf(step) + 1];
    if (!next) return;
    const tag = tagFor(next, session.product);
    if (customElements.get(tag)) return;
    const load = () => void loadElement(tag).catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 500);
  }

  private goBack(to: StepName): void {
    this.flowSession?.goTo(to);
  }

  private async logout(): Promise<void> {
    const auth = this.flowSession?.auth;
    if (!auth) return;
    this.focusPending = true;
    // The page forgets the customer at once (the flow starts over); the proxy is told meanwhile.
    const told = auth.logout();
    this.emit('insurup-logout', { reason: 'user' });
    await told.catch(() => undefined);
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.proxyUrl?.trim()) return renderError(this.t('common.missingProxy'));
    const session = this.flowSession;
    if (!session) return renderError(this.t('flow.badProduct'));
    const step = this.currentStep;
    const checking = session.foreignReturn?.status === 'checking';
    return html`<div class="flow" part="flow">
      ${this.renderAccount(session)} ${this.renderProgress(session, step)}
      ${checking ? nothing : renderForeignReturn(this, session)}
      <div class="step" part="step" role="group" tabindex="-1" aria-label=${step ? this.t(stepLabelKey(step, session.product)) : nothing}>
        ${step
          ? this.renderStep(session, step)
          : renderPending(this.t(checking ? 'common.paymentReturn.checking' : 'flow.resuming'))}
      </div>
      ${this.renderBack(session, step)}
    </div>`;
  }

  private renderAccount(session: FlowSession): TemplateResult | typeof nothing {
    const auth = session.auth;
    if (!auth.isAuthenticated) return nothing;
    const name = auth.customer?.type === 'COMPANY' ? auth.customer.title ?? '' : (auth.customer?.fullName ?? '').split(/\s+/)[0] ?? '';
    return html`<div class="account" part="account">
      <span>${name ? this.t('flow.loggedInAs', { name }) : this.t('flow.loggedIn')}</span>
      <button type="button" class="button link" part="logout-button" @click=${this.logout}>${this.t('flow.logout')}</button>
    </div>`;
  }

  private renderProgress(session: FlowSession, step: StepName | null): TemplateResult {
    const current = step ? STEPS.indexOf(step) : -1;
    return html`<ol class="progress" part="progress" aria-label=${this.t('flow.progress')}>
      ${STEPS.map((name, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return html`<li
          class=${state}
          part="progress-step ${state}"
          aria-current=${ifDefined(state === 'current' ? 'step' : undefined)}
        >
          <span class="marker" aria-hidden="true">${state === 'done' ? '✓' : index + 1}</span>
          <span class="step-label">${this.t(stepLabelKey(name, session.product))}</span>
          ${state === 'done' ? html`<span class="visually-hidden">${this.t('flow.done')}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private forwarded(step: StepName, name: ForwardedAttribute): string | undefined {
    if (!FORWARDED[step].includes(name)) return undefined;
    const value = {
      'kvkk-url': this.kvkkUrl,
      'resend-seconds': this.resendSeconds,
      'agent-branch-id': this.agentBranchId,
      'coverage-group-ids': this.coverageGroupIds,
      'agency-phone': this.agencyPhone,
      'contact-url': this.contactUrl,
      'payment-types': this.paymentTypes,
      'callback-url': this.callbackUrl,
    }[name];
    return value?.trim() ? value : undefined;
  }

  private renderStep(session: FlowSession, step: StepName): TemplateResult {
    const tagName = tagFor(step, session.product);
    if (!customElements.get(tagName)) {
      // Its chunk has not loaded (yet): show progress and render again once it is defined.
      if (this.stepLoadFailed === tagName) {
        return renderError(this.t('errors.network'), { label: this.t('common.retry'), onRetry: () => this.retryStepLoad() });
      }
      loadElement(tagName).then(
        () => this.requestUpdate(),
        () => {
          this.stepLoadFailed = tagName;
          this.requestUpdate();
        },
      );
      return renderPending(this.t('flow.stepLoading'));
    }
    this.prefetchNextStep(session, step);
    const tag = unsafeStatic(tagName);
    const f = (name: ForwardedAttribute) => ifDefined(this.forwarded(step, name));
    return staticHtml`<${tag}
      product=${session.product}
      theme=${ifDefined(this.theme)}
      exportparts=${EXPORTED_PARTS}
      kvkk-url=${f('kvkk-url')}
      resend-seconds=${f('resend-seconds')}
      agent-branch-id=${f('agent-branch-id')}
      coverage-group-ids=${f('coverage-group-ids')}
      agency-phone=${f('agency-phone')}
      contact-url=${f('contact-url')}
      payment-types=${f('payment-types')}
      callback-url=${f('callback-url')}
    ></${tag}>`;
  }

  private renderBack(session: FlowSession, step: StepName | null): TemplateResult | typeof nothing {
    const to = step ? backTarget(step, session.state) : null;
    if (!to) return nothing;
    return html`<div class="flow-actions">
      <button type="button" class="button link" part="back-button" @click=${() => this.goBack(to)}>
        <span aria-hidden="true">←</span> ${this.t('flow.back')}
      </button>
    </div>`;
  }
}

defineElement('insurup-flow', InsurupFlow);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-flow': InsurupFlow;
  }
}
