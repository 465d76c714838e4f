import './messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { HEIGHT_RANGE_CM, WEIGHT_RANGE_KG, type HealthInfo, type UpdateHealthInfoRequest } from '../../../contract/index.js';
import { InsurUpError } from '../../api/errors.js';
import { defineElement } from '../../define.js';
import { formatNumber } from '../../i18n/index.js';
import { parseDecimal, validateDecimalInRange, validateIntegerInRange } from '../../validation/numbers.js';
import { AssetFormElement } from '../shared/asset-form.js';
import { textField } from '../shared/field.js';
import { FormState, type FieldError } from '../shared/form-state.js';
import { renderError, renderPending } from '../shared/status.js';
import { elementStyles } from '../../styles/shared.js';
import { healthFormStyles } from './styles.js';

type Values = { height: string; weight: string };

type RangeValidator = (input: string, min: number, max: number) => FieldError;

function inRange(range: { min: number; max: number }, validate: RangeValidator) {
  return (value: string): FieldError => {
    const error = validate(value, range.min, range.max);
    return error === 'range' ? { key: 'range', params: { min: range.min, max: range.max } } : error;
  };
}

/**
 * The health step for TSS (supplementary health insurance): the customer's height (cm) and
 * weight (kg), prefilled from what they saved before (none saved yet is not an error), saved
 * with PUT; the insured is the customer, so the step finishes with no asset.
 *
 * Works inside `<insurup-flow>` and on its own (`proxy-url`, product `tss` by default); on its
 * own it also opens the sales-opportunity case the first time it shows for a logged-in
 * customer.
 *
 * @summary Health step (TSS): height and weight, prefilled and saved.
 *
 * @fires insurup-asset-ready - The health details were saved. Detail: `{ product, assetType: null }`.
 * @fires insurup-error - A request failed in a way the user saw. Detail: `{ step: 'asset', code, status }`.
 *
 * @csspart base - The section around the form.
 * @csspart heading - The "Your health details" heading (focused by the flow on step changes).
 * @csspart notice - An information message (log in first, prefilled, saved).
 * @csspart form - The form.
 * @csspart field - A field wrapper; with `label`, `input`, `hint`, `field-error`.
 * @csspart actions - The row of buttons.
 * @csspart submit-button - Save and continue.
 * @csspart secondary-button - Edit the details (after saving).
 * @csspart pending - The loading or saving status.
 * @csspart error-alert - A failed request's message; `retry-button` is its Retry.
 *
 * @cssprop --insurup-color-primary - Buttons.
 * @cssprop --insurup-color-danger - Errors.
 * @cssprop --insurup-font-size - Base size; every size is in em.
 * @cssprop --insurup-radius - Corner radius of fields and buttons.
 * @cssprop --insurup-control-height - Minimum height of inputs and buttons (touch target).
 */
export class InsurupHealthForm extends AssetFormElement {
  static override styles = [...elementStyles, healthFormStyles];

  @state() private saved = false;
  @state() private prefilled = false;

  /** Fields the customer has typed in: a late prefill never overwrites them. */
  private readonly edited = new Set<keyof Values>();
  private saveBody: UpdateHealthInfoRequest | null = null;

  private readonly form = new FormState<Values>(
    this,
    { height: '', weight: '' },
    // Height in whole centimetres; weight may have a decimal, typed the Turkish way (72,5).
    { height: inRange(HEIGHT_RANGE_CM, validateIntegerInRange), weight: inRange(WEIGHT_RANGE_KG, validateDecimalInRange) },
  );

  private readonly savedInfo = new Task(this, {
    task: async ([client, customerId], { signal }) => {
      if (!client || !customerId) return initialState;
      let info: HealthInfo | null;
      try {
        info = await client.request('getHealthInfo', { params: { customerId } }, { signal });
      } catch (error) {
        // 404: the customer has not filled these in yet, which is no error.
        if (error instanceof InsurUpError && error.status === 404) return null;
        return this.reported(Promise.reject(error));
      }
      this.prefill(info);
      return info;
    },
    args: () => [this.client, this.customer?.id] as const,
  });

  private readonly save = new Task(this, {
    autoRun: false,
    task: async ([client, body], { signal }) => {
      if (!client || !body) return initialState;
      await this.reported(client.request('updateHealthInfo', { params: { customerId: body.customerId }, body }, { signal }));
      this.saved = true;
      this.finishAsset(null);
      void this.focusAfterRender('#health-saved');
      return true;
    },
    args: () => [this.client, this.saveBody] as const,
  });

  constructor() {
    super();
    this.product = 'tss';
  }

  protected override resetForm(): void {
    this.saved = false;
    this.prefilled = false;
    this.edited.clear();
    this.refill(this.form, { height: '', weight: '' });
    this.saveBody = null;
    void this.save.run();
  }

  override render(): TemplateResult {
    return html`<section class="surface" part="base" aria-labelledby="health-heading">
      <h2 id="health-heading" part="heading" tabindex="-1">${this.t('health.title')}</h2>
      ${this.renderGate() ?? (this.saved ? this.renderSaved() : this.renderForm())}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t.bind(this);
    const form = this.form;
    const load = this.savedInfo;
    return html`<p class="muted">${t('health.intro')}</p>
      ${load.status === TaskStatus.PENDING ? renderPending(t('health.loading')) : nothing}
      ${load.status === TaskStatus.ERROR
        ? renderError(`${t('health.loadFailed')} ${this.describeError(load.error)}`, {
            label: t('common.retry'),
            onRetry: () => void load.run(),
          })
        : nothing}
      ${this.prefilled ? html`<p class="alert info" part="notice">${t('health.prefilled')}</p>` : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        <div class="measures">
          ${textField({
            id: 'height',
            name: 'height',
            label: t('health.height'),
            hint: t('health.heightHint', HEIGHT_RANGE_CM),
            value: form.values.height,
            error: this.fieldError(form, 'height'),
            inputmode: 'numeric',
            autocomplete: 'off',
            maxlength: 3,
            required: true,
            onInput: (value) => this.onInput('height', value),
            onBlur: () => form.touch('height'),
          })}
          ${textField({
            id: 'weight',
            name: 'weight',
            label: t('health.weight'),
            hint: t('health.weightHint', WEIGHT_RANGE_KG),
            value: form.values.weight,
            error: this.fieldError(form, 'weight'),
            inputmode: 'decimal',
            autocomplete: 'off',
            maxlength: 6,
            required: true,
            onInput: (value) => this.onInput('weight', value),
            onBlur: () => form.touch('weight'),
          })}
        </div>
        ${this.save.status === TaskStatus.PENDING ? renderPending(t('health.saving')) : nothing}
        ${this.save.status === TaskStatus.ERROR ? this.renderRequestError(this.save.error, () => void this.save.run()) : nothing}
        <div class="actions" part="actions">
          <button type="submit" class="button primary" part="submit-button">${t('health.save')}</button>
        </div>
      </form>`;
  }

  private renderSaved(): TemplateResult {
    return html`<p id="health-saved" class="alert info" part="notice" role="status" tabindex="-1">${this.t('health.ready')}</p>
      <div class="actions" part="actions">
        <button
          type="button"
          class="button"
          part="secondary-button"
          @click=${() => {
            this.saved = false;
            void this.focusAfterRender('[name="height"]');
          }}
        >
          ${this.t('health.edit')}
        </button>
      </div>`;
  }

  private onInput(name: keyof Values, value: string): void {
    this.edited.add(name);
    this.form.set(name, value);
  }

  private prefill(info: HealthInfo): void {
    let filled = false;
    for (const name of ['height', 'weight'] as const) {
      if (this.edited.has(name)) continue;
      this.form.set(name, name === 'weight' ? formatNumber(info.weight, this.language) : String(Math.round(info.height)));
      filled = true;
    }
    this.prefilled = filled;
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    const invalid = this.form.submit(['height', 'weight']);
    if (invalid) {
      void this.focusAfterRender(`[name="${invalid}"]`);
      return;
    }
    const customer = this.customer;
    if (!customer || this.save.status === TaskStatus.PENDING) return;
    this.saveBody = {
      $type: 'individual',
      customerId: customer.id,
      height: Number(this.form.values.height.trim()),
      weight: parseDecimal(this.form.values.weight)!,
    };
    void this.save.run();
  };
}

defineElement('insurup-health-form', InsurupHealthForm);

declare global {
  interface HTMLElementTagNameMap {
    'insurup-health-form': InsurupHealthForm;
  }
}
