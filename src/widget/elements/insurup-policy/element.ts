import './messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { productOf, type Policy, type ProposalProduct } from '../../../contract/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { isAbort } from '../../api/errors.js';
import { validateEmail } from '../../validation/email.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { textField } from '../shared/field.js';
import { renderError, renderPending } from '../shared/status.js';
import { withForeignReturn } from '../shared/payment-return-notice.js';
import { breakableId, money } from '../shared/text.js';
import type { FlowSession } from '../../session/flow-session.js';
import { elementStyles } from '../../styles/shared.js';
import { defineElement } from '../../define.js';
import { policyStyles } from './styles.js';
import { openInNewTab } from '../shared/open-document.js';
import { claimPurchaseReport } from './purchase-report.js';
import { renderAgencyHelp } from '../insurup-checkout/agency-help.js';

interface LoadedPolicy {
  policy: Policy;
  /** The bought proposal product: insurer and product names, logo. Null when it could not be read. */
  product: ProposalProduct | null;
}

/**
 * The policy the flow just bought (the session's `policyId`): number, insurer, product, dates,
 * premium and instalments, with its PDF and sending it by e-mail.
 *
 * @summary The issued policy: details, PDF download, send by e-mail.
 *
 * @fires insurup-purchase-complete - Once per policy, when it is first shown. Detail: `{ branch, insuranceCompanyId, grossPremium, currency, policyId }`; no personal data.
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: 'policy', code, status }`.
 *
 * @csspart heading - The "Your policy" heading (focused on step changes).
 * @csspart ready - The "your policy is ready" message.
 * @csspart details - The policy details card.
 * @csspart insurer-logo - The insurer's logo.
 * @csspart download-button - The Download PDF button.
 * @csspart document-link - The PDF link shown after the document was fetched (if the new tab was blocked).
 * @csspart email-form - The send-by-e-mail form; its field has `field`, `label`, `input`, `field-error`.
 * @csspart send-button - The send-by-e-mail button (also `submit-button`).
 * @csspart sent - The "sent to …" confirmation.
 * @csspart policy-number - The policy number; `insurer` and `premium` are its neighbours in the list.
 * @csspart agency-help - The agency's phone (`agency-phone`) and contact page (`agency-contact`) links.
 * @csspart pending - A loading status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons and links.
 * @cssprop --insurup-color-success - The ready and sent messages, the "in force" state.
 * @cssprop --insurup-color-danger - Errors and the "cancelled" state.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius.
 * @cssprop --insurup-control-height - Minimum height of inputs and buttons (touch target).
 */
export class InsurupPolicy extends InsurupElement {
  static override styles = [...elementStyles, policyStyles];

  /** The agency's phone number, offered for questions about the policy. */
  @property({ attribute: 'agency-phone' }) agencyPhone?: string;

  /** The agency's contact page, offered for questions about the policy. */
  @property({ attribute: 'contact-url' }) contactUrl?: string;

  /** Opens the PDF link; answers false when blocked. Replaceable (tests, in-app browsers). */
  openDocument: (url: string) => boolean = openInNewTab;

  @state() private email = '';
  @state() private emailTouched = false;
  @state() private emailSubmitted = false;
  #emailPrefilled = false;

  private readonly policy = new Task(this, {
    task: async ([client, policyId], { signal }): Promise<LoadedPolicy | undefined> => {
      if (!client || !policyId) return undefined;
      const policy = await client.request('getPolicy', { params: { policyId } }, { signal });
      // The policy carries only the insurer's id; its name and the product's are on the proposal product.
      const product = await client
        .request(
          'getProposalProduct',
          { params: { proposalId: policy.proposalId, proposalProductId: policy.proposalProductId } },
          { signal },
        )
        .catch((error: unknown) => {
          if (isAbort(error)) throw error;
          return null;
        });
      return { policy, product };
    },
    args: () =>
      [
        this.session?.auth.isAuthenticated ? this.session.client : undefined,
        this.session?.state.policyId ?? undefined,
      ] as const,
    onComplete: (loaded) => {
      if (loaded) this.reportPurchase(loaded.policy);
    },
    onError: (error) => this.reportError(error, 'policy'),
  });

  private readonly pdf = new Task(this, {
    autoRun: false,
    task: async ([policyId]: readonly [string], { signal }) => {
      const { url } = await this.session!.client.request('getPolicyDocument', { params: { policyId } }, { signal });
      this.openDocument(url);
      return url;
    },
    onError: (error) => this.reportError(error, 'policy'),
  });

  private readonly sending = new Task(this, {
    autoRun: false,
    task: async ([policyId, email]: readonly [string, string], { signal }) => {
      await this.session!.client.request(
        'sendPolicyDocument',
        { params: { policyId }, body: { type: 'email', email } },
        { signal },
      );
      return email;
    },
    onError: (error) => this.reportError(error, 'policy'),
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Placed on its own: a payment return this tab did not start is checked in this session
    // (inside a flow, the flow has taken it already; only a session's first call counts).
    this.session?.takePaymentReturn();
    // Prefill the address once from the customer, without overwriting what the user typed.
    const known = this.session?.auth.customer?.primaryEmail;
    if (!this.#emailPrefilled && known && !this.email) {
      this.email = known;
      this.#emailPrefilled = true;
    }
  }

  override render(): TemplateResult {
    return html`<section class="surface" part="policy" aria-labelledby="policy-heading">
      <h2 id="policy-heading" part="heading" tabindex="-1">${this.t('policy.title')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session) return renderError(this.t('common.missingProxy'));
    // Placed on its own, on a page the payment returned to from another tab: that return's message.
    return withForeignReturn(this, session, () => this.renderPolicyState(session));
  }

  private renderPolicyState(session: FlowSession): TemplateResult | typeof nothing {
    const auth = session.auth;
    if (auth.status === 'unknown' || auth.status === 'restoring') return renderPending(this.t('common.loading'));
    if (!auth.isAuthenticated) return html`<p class="alert info" part="notice">${this.t('common.needsLogin')}</p>`;
    if (!session.state.policyId) return html`<p class="alert info" part="notice">${this.t('common.needsPolicy')}</p>`;
    return (
      this.policy.render({
        pending: () => renderPending(this.t('policy.loading')),
        error: (error) =>
          renderError(this.describeError(error), { label: this.t('common.retry'), onRetry: () => void this.policy.run() }),
        complete: (loaded) => (loaded ? this.renderPolicy(loaded) : nothing),
      }) ?? nothing
    );
  }

  private renderPolicy({ policy, product }: LoadedPolicy): TemplateResult {
    const selection = this.session?.state.selection;
    const insurerName =
      product?.insuranceCompanyName ??
      (selection?.proposalProductId === policy.proposalProductId ? selection.insuranceCompanyName : null);
    const branchName = this.t(`policy.branch.${productOf(policy.productBranch)}` as MessageKey);
    return html`
      <p class="alert info ready" part="ready" role="status">${this.t('policy.ready')}</p>
      <div class="card details" part="details">
        <div class="details-head">
          ${product?.insuranceCompanyLogo
            ? html`<img src=${product.insuranceCompanyLogo} alt="" part="insurer-logo" width="40" height="40" />`
            : nothing}
          <h3>${product?.productName ?? branchName}</h3>
        </div>
        <dl>
          <dt>${this.t('policy.number')}</dt>
          <dd part="policy-number">${breakableId(policy.insuranceCompanyPolicyNumber ?? policy.id)}</dd>
          ${insurerName
            ? html`<dt>${this.t('policy.insurer')}</dt>
                <dd part="insurer">${insurerName}</dd>`
            : nothing}
          <dt>${this.t('policy.product')}</dt>
          <dd>${branchName}</dd>
          <dt>${this.t('policy.period')}</dt>
          <dd>${this.t('policy.periodValue', { start: this.date(policy.startDate), end: this.date(policy.endDate) })}</dd>
          <dt>${this.t('policy.premium')}</dt>
          <dd part="premium">${money(this.money(policy.grossPremium, policy.currency))}</dd>
          <dt>${this.t('policy.plan')}</dt>
          <dd>
            ${policy.installmentNumber === 1
              ? this.t('policy.singlePayment')
              : this.t('policy.installments', { count: policy.installmentNumber })}
          </dd>
          <dt>${this.t('policy.state')}</dt>
          <dd class=${`state-${policy.state}`}>${this.t(`policy.state.${policy.state}` as MessageKey)}</dd>
        </dl>
      </div>
      ${this.renderDownload(policy.id)} ${this.renderEmailForm(policy.id)} ${this.renderHelp()}
    `;
  }

  private renderHelp(): TemplateResult | typeof nothing {
    const links = renderAgencyHelp((k, p) => this.t(k, p), this.agencyPhone, this.contactUrl);
    return links === nothing ? nothing : html`<div class="help"><p class="muted">${this.t('policy.help')}</p>${links}</div>`;
  }

  private renderDownload(policyId: string): TemplateResult {
    const busy = this.pdf.status === TaskStatus.PENDING;
    return html`<div class="download actions">
      <button
        type="button"
        class="button primary"
        part="download-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => {
          // Busy, not disabled: a disabled button drops focus, and the reader's place with it.
          if (!busy) void this.pdf.run([policyId]);
        }}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.t('policy.downloading')}` : this.t('policy.download')}
      </button>
    </div>
    ${this.pdf.render({
      error: (error) =>
        renderError(this.describeError(error), {
          label: this.t('common.retry'),
          onRetry: () => void this.pdf.run([policyId]),
        }),
      complete: (url) =>
        html`<p role="status">
          <a class="document-link" href=${url} target="_blank" rel="noopener noreferrer" part="document-link"
            >${this.t('policy.downloadFallback')}</a
          >
        </p>`,
    })}`;
  }

  private renderEmailForm(policyId: string): TemplateResult {
    const sending = this.sending.status === TaskStatus.PENDING;
    const validation = this.emailTouched || this.emailSubmitted ? validateEmail(this.email) : null;
    return html`<form class="email-form" part="email-form" novalidate @submit=${(e: Event) => this.send(e, policyId)}>
      <h3 id="email-heading">${this.t('policy.email.heading')}</h3>
      ${textField({
        id: 'policy-email',
        name: 'email',
        type: 'email',
        inputmode: 'email',
        autocomplete: 'email',
        autocapitalize: 'off',
        spellcheck: false,
        maxlength: 254,
        required: true,
        label: this.t('policy.email.label'),
        value: this.email,
        error: validation ? this.t(`validation.${validation}` as MessageKey) : null,
        onInput: (value) => (this.email = value),
        onBlur: () => (this.emailTouched = true),
      })}
      <div class="actions">
        <button type="submit" class="button" part="send-button submit-button" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? html`<span class="spinner" aria-hidden="true"></span>${this.t('policy.email.sending')}` : this.t('policy.email.send')}
        </button>
      </div>
      ${this.sending.render({
        error: (error) =>
          renderError(this.describeError(error), {
            label: this.t('common.retry'),
            onRetry: () => void this.sending.run(),
          }),
        complete: (sentTo) =>
          html`<p class="alert info sent" part="sent" role="status">${this.t('policy.email.sent', { email: sentTo })}</p>`,
      })}
    </form>`;
  }

  private send(event: Event, policyId: string): void {
    event.preventDefault();
    if (this.sending.status === TaskStatus.PENDING) return;
    this.emailSubmitted = true;
    if (validateEmail(this.email) !== null) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#policy-email')?.focus());
      return;
    }
    void this.sending.run([policyId, this.email.trim()]);
  }

  /** Conversion analytics: branch, insurer, amount, currency, policy id — nothing personal. */
  private reportPurchase(policy: Policy): void {
    if (!claimPurchaseReport(policy.id)) return;
    this.emit('insurup-purchase-complete', {
      branch: productOf(policy.productBranch),
      insuranceCompanyId: String(policy.insuranceCompanyId),
      grossPremium: policy.grossPremium,
      currency: policy.currency,
      policyId: policy.id,
    });
  }
}

defineElement('insurup-policy', InsurupPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-policy': InsurupPolicy;
  }
}
