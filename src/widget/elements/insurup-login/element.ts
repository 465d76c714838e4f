/**
 * `<insurup-login>`: the customer logs in (or registers) with an identity number, a birth date
 * and a Turkish mobile, accepts the KVKK notice, and confirms with the 6-digit SMS code. The
 * login completes the page-wide AuthSession, so every element and flow using the same proxy
 * continues as this customer. Once logged in it shows who, with a Log out button.
 */
import './messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import type { BrowserLoginOrRegisterRequest, Customer } from '../../../contract/index.js';
import { defineElement } from '../../define.js';
import { InsurupElement } from '../shared/insurup-element.js';
import { blurUnlessSubmitting } from '../shared/field-blur.js';
import { focusField } from '../shared/focus-field.js';
import { textField } from '../shared/field.js';
import { errorKey, FormState, type FieldError } from '../shared/form-state.js';
import { renderError, renderPending } from '../shared/status.js';
import { elementStyles } from '../../styles/shared.js';
import { formatTurkishDateInput } from '../../validation/dates.js';
import { formatMobile } from '../../validation/phone.js';
import { digitsOnly } from '../../validation/result.js';
import type { MessageKey } from '../../i18n/index.js';
import type { AuthStatus } from '../../session/auth-session.js';
import {
  buildLoginRequest,
  codeValidators,
  CUSTOMER_KINDS,
  EMPTY_LOGIN,
  LOGIN_FIELDS,
  loginValidators,
  needsBirthDate,
  type CustomerKind,
  type LoginValues,
} from './login-form.js';
import { classifySendError, classifyVerifyError } from './mfa-errors.js';
import { Countdown } from './countdown.js';
import { loginStyles } from './styles.js';

/** InsurUp burns an SMS code after this many wrong guesses. */
const MFA_ATTEMPTS = 5;

type LoginField = (typeof LOGIN_FIELDS)[number];
type FocusTarget = LoginField | 'code' | 'heading';

const FIELD_IDS: Record<LoginField | 'code', string> = {
  identity: 'identity',
  birthDate: 'birth-date',
  phone: 'phone',
  consent: 'consent',
  code: 'code',
};

/** First name for the greeting; a company's title. */
function displayName(customer: Customer | null): string {
  if (!customer) return '';
  if (customer.type === 'COMPANY') return (customer.title ?? customer.fullName ?? '').trim();
  return (customer.fullName ?? '').trim().split(/\s+/)[0] ?? '';
}

/**
 * SMS login for InsurUp customers: identity, birth date, mobile and KVKK consent, then the
 * 6-digit code, with a resend countdown.
 *
 * @summary Logs the customer in with an SMS code; shows who is logged in, with Log out.
 *
 * @fires insurup-login - `{ customerType }` once the code is verified and the customer is loaded.
 * @fires insurup-logout - `{ reason: 'user' | 'expired' }` after Log out, or when the session ended.
 * @fires insurup-error - `{ step: 'login', code, status }` when a request fails in a way the customer sees.
 *
 * @csspart heading - The `h2` of each view (focusable, `tabindex="-1"`).
 * @csspart intro - The sentence under the heading.
 * @csspart form - The login and the code forms.
 * @csspart customer-type - The customer-type radio group (`fieldset`).
 * @csspart choice - Each customer-type option.
 * @csspart field - Each field's wrapper.
 * @csspart label - A field's label.
 * @csspart input - A field's input.
 * @csspart hint - A field's format hint.
 * @csspart field-error - A field's error message.
 * @csspart phone-prefix - The fixed `+90` before the mobile number.
 * @csspart consent - The KVKK consent row.
 * @csspart kvkk-link - The link to the KVKK notice (opens in a new tab).
 * @csspart submit-button - "Send verification code".
 * @csspart code-sent - The sentence naming the number the code went to.
 * @csspart verify-button - "Verify and continue".
 * @csspart resend-button - "Send the code again".
 * @csspart countdown - The seconds until a new code may be asked for.
 * @csspart change-number-button - "Change number".
 * @csspart new-code-button - "Send a new code" after a lockout or an expired code.
 * @csspart notice - Status messages ("We sent a new code", "Your session has expired").
 * @csspart logout-button - "Log out".
 * @csspart error-alert - A failed request's message (role="alert").
 * @csspart retry-button - The alert's Retry.
 * @csspart pending - The "checking your session" state.
 *
 * @cssprop --insurup-color-primary - Buttons and links.
 * @cssprop --insurup-color-danger - Field errors and alerts.
 * @cssprop --insurup-font-size - The base size every em size follows (default: the reader's browser text size, 16px unless they chose larger).
 */
export class InsurupLogin extends InsurupElement {
  static override styles = [...elementStyles, loginStyles];

  /** Address of the agency's KVKK notice (Aydınlatma Metni), linked from the consent box. */
  @property({ attribute: 'kvkk-url' }) kvkkUrl?: string;

  /** Seconds before "Send the code again" is offered (InsurUp: 60). */
  @property({ attribute: 'resend-seconds', type: Number }) resendSeconds = 60;

  /** The agency branch (a GUID) the customer logs in through; sent with login-or-register. */
  @property({ attribute: 'agent-branch-id' }) agentBranchId?: string;

  @state() private view: 'form' | 'code' = 'form';
  /** The outcome that stops the code from being used: a lockout or an expired code. */
  @state() private codeBlocked: 'locked' | 'expired' | null = null;
  /** Server-side messages shown on a field until its value changes. */
  @state() private serverErrors: Partial<Record<LoginField | 'code', string>> = {};
  @state() private notice = '';

  private readonly form = new FormState<LoginValues>(this, EMPTY_LOGIN, loginValidators);
  private readonly codeForm = new FormState<{ code: string }>(this, { code: '' }, codeValidators);
  private readonly countdown = new Countdown(this);
  /** The MFA token of the code on its way: memory only, never stored. */
  private mfaToken: string | null = null;
  private sentTo = '';
  private wrongAttempts = 0;
  private tokensAccepted = false;
  private focusTarget: FocusTarget | null = null;
  private lastAuthStatus: AuthStatus | null = null;

  private readonly sendTask = new Task(this, {
    autoRun: false,
    task: async ([body]: [BrowserLoginOrRegisterRequest], { signal }) =>
      this.requireSession().client.request('loginOrRegister', { body }, { signal }),
  });

  private readonly verifyTask = new Task(this, {
    autoRun: false,
    task: async ([code]: [string], { signal }) => {
      const auth = this.requireSession().auth;
      if (!this.tokensAccepted) {
        const tokens = await auth.client.request('verifyMfa', { body: { token: this.mfaToken ?? '', code } }, { signal });
        this.tokensAccepted = true;
        return auth.completeLogin(tokens);
      }
      // The code was right but loading the customer failed: retry only that.
      return auth.completeLogin();
    },
  });

  private readonly logoutTask = new Task(this, {
    autoRun: false,
    task: async () => this.requireSession().auth.logout(),
  });

  private requireSession() {
    const session = this.session;
    if (!session) throw new Error('insurup-login: no session (proxy-url missing)');
    return session;
  }

  private get busy(): boolean {
    return [this.sendTask, this.verifyTask, this.logoutTask].some((task) => task.status === TaskStatus.PENDING);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const auth = this.session?.auth;
    if (!auth) return;
    if (this.lastAuthStatus === 'authenticated' && auth.status === 'anonymous' && auth.endReason === 'expired') {
      if (auth.claimAnnouncement('logout')) this.emit('insurup-logout', { reason: 'expired' });
    }
    this.lastAuthStatus = auth.status;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusTarget) {
      const target = this.focusTarget;
      this.focusTarget = null;
      const selector = target === 'heading' ? '[part~="heading"]' : `#${FIELD_IDS[target]}`;
      focusField(this.renderRoot.querySelector<HTMLElement>(selector));
    }
  }

  // ---- actions --------------------------------------------------------------------------------

  private setField<K extends keyof LoginValues>(name: K, value: LoginValues[K]): void {
    this.form.set(name, value);
    if (name !== 'customerType' && this.serverErrors[name as LoginField]) {
      this.serverErrors = { ...this.serverErrors, [name]: undefined };
    }
  }

  private chooseType(kind: CustomerKind): void {
    this.setField('customerType', kind);
    // The identity field now means something else (TCKN, VKN or YKN): judge it afresh.
    this.serverErrors = {};
  }

  private onSubmitLogin(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    const invalid = this.form.submit(LOGIN_FIELDS);
    if (invalid) {
      this.focusTarget = invalid as LoginField;
      this.requestUpdate();
      return;
    }
    void this.sendCode('login');
  }

  private async sendCode(purpose: 'login' | 'resend'): Promise<void> {
    if (!this.session) return;
    this.notice = '';
    const body = buildLoginRequest(this.form.values, this.agentBranchId);
    await this.sendTask.run([body]);
    if (this.sendTask.status === TaskStatus.ERROR) {
      this.onSendError(this.sendTask.error);
      return;
    }
    if (this.sendTask.status !== TaskStatus.COMPLETE || !this.sendTask.value) return;
    this.mfaToken = this.sendTask.value.token;
    this.tokensAccepted = false;
    this.wrongAttempts = 0;
    this.codeBlocked = null;
    this.serverErrors = {};
    this.codeForm.set('code', '');
    this.codeForm.resetVisibility();
    this.verifyTask.abort();
    this.sentTo = formatMobile(this.form.values.phone);
    this.countdown.start(this.resendSeconds);
    this.view = 'code';
    if (purpose === 'resend') this.notice = this.t('login.resent');
    this.focusTarget = 'code';
  }

  private onSendError(error: unknown): void {
    this.reportError(error, 'login');
    if (this.view !== 'form') return; // a failed resend shows in the code view's alert
    const { outcome, field } = classifySendError(error);
    if (!field) return; // rendered as an alert with Retry where it helps
    const message =
      outcome === 'phone-mismatch'
        ? this.t('login.phoneMismatch')
        : outcome === 'underage'
          ? this.t('login.underage')
          : this.fieldMessage(field, field === 'identity' ? identityKey(this.form.values.customerType) : field === 'phone' ? 'phone' : 'birthDate');
    this.serverErrors = { ...this.serverErrors, [field]: message };
    this.focusTarget = field;
  }

  private onSubmitCode(event: Event): void {
    event.preventDefault();
    if (this.busy || this.codeBlocked) return;
    if (this.codeForm.submit(['code'])) {
      this.focusTarget = 'code';
      this.requestUpdate();
      return;
    }
    void this.verify();
  }

  private async verify(): Promise<void> {
    this.notice = '';
    this.serverErrors = {};
    await this.verifyTask.run([this.codeForm.values.code]);
    if (this.verifyTask.status === TaskStatus.COMPLETE && this.verifyTask.value) {
      const customer = this.verifyTask.value;
      this.resetAfterLogin();
      this.emit('insurup-login', { customerType: customer.type });
      this.focusTarget = 'heading';
      return;
    }
    if (this.verifyTask.status !== TaskStatus.ERROR) return;
    const error = this.verifyTask.error;
    this.reportError(error, 'login');
    if (this.tokensAccepted) return; // loading the customer failed: the alert offers Retry
    switch (classifyVerifyError(error)) {
      case 'wrong-code': {
        this.wrongAttempts++;
        const left = Math.max(1, MFA_ATTEMPTS - this.wrongAttempts);
        this.serverErrors = { code: this.t('login.codeWrong', { left }) };
        this.codeForm.set('code', '');
        this.focusTarget = 'code';
        break;
      }
      case 'locked':
        this.codeBlocked = 'locked';
        this.countdown.stop();
        break;
      case 'expired':
        this.codeBlocked = 'expired';
        this.countdown.stop();
        break;
      default:
        break; // the alert shows InsurUp's message, with Retry when it may help
    }
  }

  private changeNumber(): void {
    this.view = 'form';
    this.mfaToken = null;
    this.codeBlocked = null;
    this.notice = '';
    this.serverErrors = {};
    this.countdown.stop();
    this.verifyTask.abort();
    this.focusTarget = 'phone';
  }

  private async logout(): Promise<void> {
    if (this.busy) return;
    await this.logoutTask.run([]);
    // The page has forgotten the customer even when the proxy could not be told.
    this.emit('insurup-logout', { reason: 'user' });
    this.form.values = { ...EMPTY_LOGIN, customerType: this.form.values.customerType };
    this.form.resetVisibility();
    this.view = 'form';
    this.focusTarget = 'heading';
  }

  private resetAfterLogin(): void {
    this.mfaToken = null;
    this.tokensAccepted = false;
    this.view = 'form';
    this.codeBlocked = null;
    this.countdown.stop();
    // Nothing personal stays in memory once it has done its job.
    this.form.values = { ...EMPTY_LOGIN, customerType: this.form.values.customerType };
    this.form.resetVisibility();
    this.codeForm.set('code', '');
    this.codeForm.resetVisibility();
  }

  // ---- rendering ------------------------------------------------------------------------------

  private fieldMessage(field: LoginField | 'code', key: FieldError | string): string {
    const error = typeof key === 'string' ? { key } : errorKey(key);
    if (!error) return '';
    if (field === 'consent') return this.t('login.consentRequired');
    if (field === 'code') return this.t('login.codeInvalid');
    return this.t(`validation.${error.key}` as MessageKey, 'params' in error ? error.params : undefined);
  }

  private errorFor(field: LoginField): string | null {
    const server = this.serverErrors[field];
    if (server) return server;
    const error = this.form.visibleError(field);
    return error ? this.fieldMessage(field, error) : null;
  }

  override render(): TemplateResult {
    const session = this.session;
    if (!session) {
      return html`<div class="alert info" part="notice">${this.t('common.missingProxy')}</div>`;
    }
    const auth = session.auth;
    if (auth.isAuthenticated) return this.renderLoggedIn(auth.customer);
    if (auth.status === 'unknown' || auth.status === 'restoring') {
      return html`<h2 part="heading" tabindex="-1">${this.t('login.title')}</h2>
        ${renderPending(this.t('login.restoring'))}`;
    }
    return this.view === 'code' ? this.renderCodeStep() : this.renderForm(auth.endReason === 'expired');
  }

  /** Resuming the session failed for a passing reason: offer to try again (or just log in). */
  private renderRestoreError(): TemplateResult {
    return renderError(this.t('login.restoreError'), {
      label: this.t('common.retry'),
      onRetry: () => void this.session?.auth.restore(),
    });
  }

  private renderForm(expired: boolean): TemplateResult {
    const values = this.form.values;
    const kind = values.customerType;
    const sending = this.sendTask.status === TaskStatus.PENDING;
    const identityLabel = kind === 'company' ? 'login.vkn' : kind === 'foreign' ? 'login.ykn' : 'login.tckn';
    const identityHint = kind === 'company' ? 'login.vknHint' : kind === 'foreign' ? 'login.yknHint' : 'login.tcknHint';
    const sendError =
      this.sendTask.status === TaskStatus.ERROR && !classifySendError(this.sendTask.error).field ? this.sendTask.error : null;
    return html`
      <h2 part="heading" tabindex="-1">${this.t('login.title')}</h2>
      ${expired ? html`<div class="alert info" role="status" part="notice">${this.t('login.expired')}</div>` : nothing}
      ${this.session?.auth.endReason === 'restore-error' ? this.renderRestoreError() : nothing}
      <p class="muted" part="intro">${this.t('login.intro')}</p>
      <form part="form" novalidate @submit=${this.onSubmitLogin} aria-busy=${sending ? 'true' : 'false'}>
        <fieldset part="customer-type">
          <legend>${this.t('login.customerType')}</legend>
          <div class="choices">
            ${CUSTOMER_KINDS.map(
              (option) => html`<label class="choice" part="choice">
                <input
                  type="radio"
                  name="customerType"
                  value=${option}
                  .checked=${live(kind === option)}
                  @change=${() => this.chooseType(option)}
                />
                ${this.t(`login.type.${option}`)}
              </label>`,
            )}
          </div>
        </fieldset>
        <div class="fields-row">
          ${textField({
            id: FIELD_IDS.identity,
            name: kind === 'company' ? 'taxNumber' : 'identityNumber',
            label: this.t(identityLabel),
            hint: this.t(identityHint),
            value: values.identity,
            error: this.errorFor('identity'),
            inputmode: 'numeric',
            autocomplete: 'off',
            maxlength: kind === 'company' ? 10 : 11,
            required: true,
            spellcheck: false,
            onInput: (value) => this.setField('identity', digitsOnly(value)),
            onBlur: () => this.form.touch('identity'),
          })}
          ${needsBirthDate(kind)
            ? textField({
                id: FIELD_IDS.birthDate,
                name: 'birthDate',
                label: this.t('login.birthDate'),
                hint: this.t('login.birthDateHint'),
                value: values.birthDate,
                error: this.errorFor('birthDate'),
                inputmode: 'numeric',
                autocomplete: 'bday',
                maxlength: 10,
                required: true,
                onInput: (value) => this.setField('birthDate', formatTurkishDateInput(value)),
                onBlur: () => this.form.touch('birthDate'),
              })
            : nothing}
        </div>
        ${this.renderPhoneField()} ${this.renderConsent()}
        ${sendError
          ? renderError(
              this.describeError(sendError),
              isRetryable(sendError) ? { label: this.t('common.retry'), onRetry: () => void this.sendCode('login') } : undefined,
            )
          : nothing}
        <div class="actions">
          <button class="button primary" part="submit-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending
              ? html`<span class="spinner" aria-hidden="true"></span>${this.t('login.sending')}`
              : this.t('login.sendCode')}
          </button>
        </div>
      </form>
    `;
  }

  private renderPhoneField(): TemplateResult {
    const error = this.errorFor('phone');
    const id = FIELD_IDS.phone;
    return html`<div class="field" part="field">
      <label for=${id} part="label">${this.t('login.phone')}</label>
      <span class="hint" id="${id}-hint" part="hint">${this.t('login.phoneHint')}</span>
      <div class="phone-group">
        <span class="phone-prefix" part="phone-prefix" aria-hidden="true">+90</span>
        <input
          id=${id}
          name="phone"
          part="input"
          type="tel"
          inputmode="tel"
          autocomplete="tel-national"
          required
          .value=${live(this.form.values.phone)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
          @input=${(event: Event) => this.setField('phone', formatMobile((event.target as HTMLInputElement).value))}
          @blur=${blurUnlessSubmitting(() => this.form.touch('phone'))}
        />
      </div>
      <span class="error" id="${id}-error" part="field-error" aria-live="polite">${error ?? nothing}</span>
    </div>`;
  }

  private renderConsent(): TemplateResult {
    const error = this.errorFor('consent');
    const id = FIELD_IDS.consent;
    const link = this.kvkkUrl?.trim();
    return html`<div class="field consent" part="field consent">
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          name="consent"
          required
          .checked=${live(this.form.values.consent === 'yes')}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
          @change=${(event: Event) => {
            this.setField('consent', (event.target as HTMLInputElement).checked ? 'yes' : '');
            this.form.touch('consent');
          }}
        />
        <label for=${id} part="label">
          ${link
            ? html`${this.t('login.consentBefore')}<a href=${link} target="_blank" rel="noopener noreferrer" part="kvkk-link"
                  >${this.t('login.consentLink')}<span class="visually-hidden"> ${this.t('login.newTab')}</span></a
                >${this.t('login.consentAfter')}`
            : this.t('login.consentPlain')}
        </label>
      </div>
      <span class="error" id="${id}-error" part="field-error" aria-live="polite">${error ?? nothing}</span>
    </div>`;
  }

  private renderCodeStep(): TemplateResult {
    const verifying = this.verifyTask.status === TaskStatus.PENDING;
    const resending = this.sendTask.status === TaskStatus.PENDING;
    const codeError = this.serverErrors.code ?? (this.codeForm.visibleError('code') ? this.t('login.codeInvalid') : null);
    const verifyError =
      this.verifyTask.status === TaskStatus.ERROR &&
      (this.tokensAccepted || classifyVerifyError(this.verifyTask.error) === 'other')
        ? this.verifyTask.error
        : null;
    const resendError = this.sendTask.status === TaskStatus.ERROR ? this.sendTask.error : null;
    const seconds = this.countdown.remaining;
    return html`
      <h2 part="heading" tabindex="-1">${this.t('login.codeTitle')}</h2>
      <p part="code-sent">${this.t('login.codeSent', { phone: this.sentTo })}</p>
      <form part="form" novalidate @submit=${this.onSubmitCode} aria-busy=${verifying ? 'true' : 'false'}>
        ${textField({
          id: FIELD_IDS.code,
          name: 'code',
          label: this.t('login.code'),
          hint: this.t('login.codeHint'),
          value: this.codeForm.values.code,
          error: codeError,
          inputmode: 'numeric',
          autocomplete: 'one-time-code',
          maxlength: 6,
          required: true,
          disabled: this.codeBlocked !== null,
          onInput: (value) => {
            this.codeForm.set('code', digitsOnly(value).slice(0, 6));
            if (this.serverErrors.code) this.serverErrors = {};
          },
          onBlur: () => this.codeForm.touch('code'),
        })}
        ${this.codeBlocked
          ? html`<div class="alert error-alert" role="alert" part="error-alert">
              <span class="message">${this.t(this.codeBlocked === 'locked' ? 'login.locked' : 'login.codeExpired')}</span>
              <button type="button" class="button" part="new-code-button" @click=${() => void this.sendCode('resend')}>
                ${this.t('login.newCode')}
              </button>
            </div>`
          : nothing}
        ${verifyError
          ? renderError(
              this.describeError(verifyError),
              isRetryable(verifyError) ? { label: this.t('common.retry'), onRetry: () => void this.verify() } : undefined,
            )
          : nothing}
        ${resendError ? renderError(this.describeError(resendError)) : nothing}
        <div class="actions">
          <button
            class="button primary"
            part="verify-button"
            type="submit"
            ?disabled=${this.codeBlocked !== null}
            aria-disabled=${verifying ? 'true' : 'false'}
          >
            ${verifying ? html`<span class="spinner" aria-hidden="true"></span>${this.t('login.verifying')}` : this.t('login.verify')}
          </button>
        </div>
        <div class="code-actions">
          <button
            type="button"
            class="button link"
            part="resend-button"
            ?disabled=${seconds > 0 || resending || this.codeBlocked !== null}
            aria-describedby=${ifDefined(seconds > 0 ? 'resend-countdown' : undefined)}
            @click=${() => void this.sendCode('resend')}
          >
            ${this.t('login.resend')}
          </button>
          <button type="button" class="button link" part="change-number-button" @click=${this.changeNumber}>
            ${this.t('login.changeNumber')}
          </button>
          ${seconds > 0
            ? html`<span class="countdown muted" id="resend-countdown" part="countdown">${this.t('login.resendIn', { seconds })}</span>`
            : nothing}
        </div>
        <p class="notice" role="status" part="notice">${this.notice}</p>
      </form>
    `;
  }

  private renderLoggedIn(customer: Customer | null): TemplateResult {
    const name = displayName(customer);
    const leaving = this.logoutTask.status === TaskStatus.PENDING;
    return html`
      <h2 part="heading" tabindex="-1">${name ? this.t('login.welcome', { name }) : this.t('login.welcomeNoName')}</h2>
      <p>${name ? this.t('login.loggedInAs', { name }) : this.t('login.loggedIn')}</p>
      <div class="actions">
        <button type="button" class="button" part="logout-button" aria-disabled=${leaving ? 'true' : 'false'} @click=${this.logout}>
          ${leaving ? html`<span class="spinner" aria-hidden="true"></span>${this.t('login.loggingOut')}` : this.t('login.logout')}
        </button>
      </div>
    `;
  }
}

function identityKey(kind: CustomerKind): 'tckn' | 'vkn' | 'ykn' {
  return kind === 'company' ? 'vkn' : kind === 'foreign' ? 'ykn' : 'tckn';
}

function isRetryable(error: unknown): boolean {
  return (error as { retryable?: boolean } | null)?.retryable === true;
}

defineElement('insurup-login', InsurupLogin);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-login': InsurupLogin;
  }
}
