/**
 * What the three asset steps (`<insurup-vehicle-form>`, `<insurup-property-form>`,
 * `<insurup-health-form>`) share: the gate in front of the form (not configured, restoring the
 * login, "log in first"), the sales-opportunity case when the form stands on its own, finishing
 * the step through the session, and moving focus inside the form when its view changes.
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Customer, ProductName } from '../../../contract/index.js';
import type { InsurUpClient } from '../../api/client.js';
import { InsurUpError, isAbort } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import { ensureSaleOpportunityCase } from '../../session/cases.js';
import type { FlowState } from '../../session/flow-state.js';
import { errorKey, type FormState } from './form-state.js';
import { focusField } from './focus-field.js';
import { InsurupElement } from './insurup-element.js';
import { renderError, renderPending } from './status.js';

/** Whether `element` sits inside an `<insurup-flow>`, also across the flow's shadow root. */
function isInsideFlow(element: Element): boolean {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  while (node) {
    if (node.localName === 'insurup-flow') return true;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return false;
}

export class AssetFormElement extends InsurupElement {
  /**
   * The agency branch (a GUID) the sales-opportunity case is attributed to, when the form is
   * placed on its own. Inside `<insurup-flow>` the flow's own attribute is used.
   */
  @property({ attribute: 'agent-branch-id' }) agentBranchId?: string;

  /** The customer and product the standalone case was asked for, so it is asked once each. */
  private caseRequestedFor: string | null = null;

  /** The API client, once a customer is logged in. */
  protected get client(): InsurUpClient | undefined {
    return this.session?.auth.isAuthenticated ? this.session.client : undefined;
  }

  /** The logged-in customer, or null. */
  protected get customer(): Customer | null {
    const auth = this.session?.auth;
    return auth?.isAuthenticated ? auth.customer : null;
  }

  protected get productName(): ProductName {
    return this.session?.product ?? this.product ?? 'kasko';
  }

  /**
   * What to show instead of the form, or null when the form can be used: the element is not
   * configured (no proxy and no flow), the login is being restored, or nobody is logged in.
   */
  protected renderGate(): TemplateResult | null {
    const session = this.session;
    if (!session) return this.proxyUrl ? renderPending(this.t('common.loading')) : renderError(this.t('common.missingProxy'));
    const auth = session.auth;
    if (auth.status === 'unknown' || auth.status === 'restoring') return renderPending(this.t('common.loading'));
    if (!auth.isAuthenticated || !auth.customer) {
      return html`<p class="alert info" part="notice needs-login">${this.t('common.needsLogin')}</p>`;
    }
    return null;
  }

  /**
   * Whose typing the form holds. A standalone form outlives a logout: when someone else logs
   * in on the same page, or the customer logs out, what was typed is forgotten (`resetForm`).
   * After a mere expiry the same customer logs in again and finds everything still there.
   */
  private formOwner: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const auth = this.session?.auth;
    const id = this.customer?.id ?? null;
    const loggedOut = auth?.status === 'anonymous' && auth.endReason === 'logout';
    if (this.formOwner !== null && (loggedOut || (id !== null && id !== this.formOwner))) {
      this.formOwner = null;
      this.resetForm();
    }
    if (id !== null) this.formOwner = id;
  }

  /** Forgets everything typed and chosen (another customer, or a logout). */
  protected resetForm(): void {}

  /** Puts `values` into a form and hides its errors again. */
  protected refill<T extends Record<string, string>>(form: FormState<T>, values: T): void {
    for (const name of Object.keys(values) as Array<keyof T>) form.set(name, values[name]);
    form.resetVisibility();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.requestSaleCase();
  }

  /**
   * The integration guide wants the sales-opportunity case to exist before the asset is
   * entered. `<insurup-flow>` asks for it when its asset step begins; a form on its own asks
   * once when it first shows for a logged-in customer. It does not hold the customer up: a
   * failure is reported (`insurup-error`) and the next page load tries again.
   */
  private requestSaleCase(): void {
    const session = this.session;
    const customer = this.customer;
    if (!session || !customer || session.state.caseId) return;
    const key = `${customer.id}|${session.product}`;
    if (this.caseRequestedFor === key || isInsideFlow(this)) return;
    this.caseRequestedFor = key;
    ensureSaleOpportunityCase(session, { agentBranchId: this.agentBranchId }).catch((error: unknown) =>
      this.reportError(error, 'asset'),
    );
  }

  /** Finishes the asset step: the session moves on to quotes, and the page hears of it. */
  protected finishAsset(asset: FlowState['asset']): void {
    const session = this.session;
    if (!session) return;
    session.completeAsset(asset);
    this.emit('insurup-asset-ready', { product: session.product, assetType: asset?.type ?? null });
  }

  /** The localized message of a field's visible error, or null. */
  protected fieldError<T extends Record<string, string>>(form: FormState<T>, name: keyof T): string | null {
    const error = errorKey(form.visibleError(name));
    return error ? this.t(`validation.${error.key}` as MessageKey, error.params) : null;
  }

  /** Runs a request the user waits for; a failure they will see is reported (`insurup-error`). */
  protected async reported<R>(request: Promise<R>): Promise<R> {
    try {
      return await request;
    } catch (error) {
      if (!isAbort(error)) this.reportError(error, 'asset');
      throw error;
    }
  }

  /** A failed request's message, with Retry only when retrying may help (a network error, a 5xx). */
  protected renderRequestError(error: unknown, retry: () => void): TemplateResult {
    const retryable = error instanceof InsurUpError && error.retryable;
    return renderError(this.describeError(error), retryable ? { label: this.t('common.retry'), onRetry: retry } : undefined);
  }

  /** Focuses an element of this form after the next render (a view's heading, an invalid field). */
  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    focusField(this.renderRoot.querySelector<HTMLElement>(selector));
  }
}
