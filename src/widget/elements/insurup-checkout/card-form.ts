/**
 * The card form of the card payment types. Card data lives only here, in memory: a private
 * FormState of the checkout element's private CardForm. It is never a reactive property, never
 * reflected to an attribute, never written to the FlowSession, storage, events or logs, and
 * `clear()` forgets it (after a submit, on an error, when the element is removed, and whenever
 * the form is no longer shown).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Card } from '../../../contract/purchase.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { blurUnlessSubmitting } from '../shared/field-blur.js';
import { textField } from '../shared/field.js';
import { caretAfterDigits, formatExpiryInput } from './card-format.js';
import { errorKey, FormState, type FieldError, type FieldValidator } from '../shared/form-state.js';
import {
  cardBrand,
  digitsOnly,
  formatCardNumber,
  parseCardExpiry,
  validateCardExpiry,
  validateCardNumber,
  validateCvc,
  validateHolderName,
  validateTckn,
  type CardBrand,
} from '../../validation/index.js';

interface CardValues extends Record<string, string> {
  holderName: string;
  number: string;
  expiry: string;
  cvc: string;
  /** `'yes'` when the card holder is not the customer. */
  holderIsOther: string;
  holderIdentity: string;
}

export type CardField = 'holderName' | 'number' | 'expiry' | 'cvc' | 'holderIdentity';

/** Validation order is the visual order, so a submit focuses the topmost invalid field. */
const CARD_FIELDS: readonly CardField[] = ['holderName', 'number', 'expiry', 'cvc', 'holderIdentity'];

/** Each field's input id inside the checkout's shadow root. */
export const CARD_FIELD_IDS: Record<CardField, string> = {
  holderName: 'card-holder-name',
  number: 'card-number',
  expiry: 'card-expiry',
  cvc: 'card-cvc',
  holderIdentity: 'card-holder-identity',
};

const EMPTY: CardValues = { holderName: '', number: '', expiry: '', cvc: '', holderIsOther: '', holderIdentity: '' };

const validators: { [K in keyof CardValues]?: FieldValidator<CardValues> } = {
  holderName: (value) => validateHolderName(value),
  number: (value) => validateCardNumber(value),
  expiry: (value) => validateCardExpiry(value),
  cvc: (value, values) => validateCvc(value, cardBrand(values.number)),
  holderIdentity: (value, values) => (values.holderIsOther === 'yes' ? validateTckn(value) : null),
};

type Translate = (key: MessageKey, params?: MessageParams) => string;

export class CardForm {
  #form: FormState<CardValues>;

  constructor(private readonly host: ReactiveControllerHost) {
    this.#form = new FormState(host, EMPTY, validators);
  }

  get brand(): CardBrand {
    return cardBrand(this.#form.values.number);
  }

  get isEmpty(): boolean {
    const v = this.#form.values;
    return !v.holderName && !v.number && !v.expiry && !v.cvc && !v.holderIdentity;
  }

  /** Marks the form submitted and answers the first invalid field, or undefined when all are valid. */
  firstInvalid(): CardField | undefined {
    const fields = CARD_FIELDS.filter((f) => f !== 'holderIdentity' || this.#form.values.holderIsOther === 'yes');
    return this.#form.submit(fields) as CardField | undefined;
  }

  /** The card for the purchase request. Only call after `firstInvalid()` answered undefined. */
  toCard(): Card {
    const v = this.#form.values;
    const expiry = parseCardExpiry(v.expiry);
    if (!expiry) throw new Error('card form is not valid');
    return {
      number: digitsOnly(v.number),
      cvc: v.cvc.trim(),
      expiryMonth: String(expiry.month).padStart(2, '0'),
      expiryYear: String(expiry.year),
      holderName: v.holderName.trim().replace(/\s+/g, ' '),
      identityNumber: v.holderIsOther === 'yes' ? Number(digitsOnly(v.holderIdentity)) : null,
    };
  }

  /** Forgets every typed value and every shown error. */
  clear(): void {
    this.#form = new FormState(this.host, EMPTY, validators);
    this.host.requestUpdate();
  }

  render(t: Translate, disabled: boolean): TemplateResult {
    const form = this.#form;
    const v = form.values;
    const message = (name: CardField): string | null => {
      const error: FieldError = form.visibleError(name);
      const e = errorKey(error);
      return e ? t(`validation.${e.key}` as MessageKey, e.params) : null;
    };
    const brand = this.brand;
    const numberError = message('number');
    const numberDescribedBy = ['card-brand', numberError ? 'card-number-error' : ''].filter(Boolean).join(' ');

    return html`<fieldset class="card-fields" id="card-fields" part="card-form">
      <legend part="legend">${t('checkout.card.legend')}</legend>
      <p class="hint" part="card-privacy">${t('checkout.card.privacy')}</p>
      ${textField({
        id: CARD_FIELD_IDS.holderName,
        name: 'cc-name',
        label: t('checkout.card.holderName'),
        value: v.holderName,
        error: message('holderName'),
        autocomplete: 'cc-name',
        autocapitalize: 'words',
        spellcheck: false,
        maxlength: 100,
        required: true,
        disabled,
        onInput: (value) => form.set('holderName', value),
        onBlur: () => form.touch('holderName'),
      })}
      <div class="field" part="field">
        <label for=${CARD_FIELD_IDS.number} part="label">${t('checkout.card.number')}</label>
        <div class="card-number-row">
          <input
            id=${CARD_FIELD_IDS.number}
            name="cc-number"
            part="input card-number"
            type="text"
            inputmode="numeric"
            autocomplete="cc-number"
            maxlength="23"
            spellcheck="false"
            required
            ?disabled=${disabled}
            .value=${live(v.number)}
            aria-invalid=${numberError ? 'true' : 'false'}
            aria-describedby=${numberDescribedBy}
            @input=${(event: Event) => this.onNumberInput(event.target as HTMLInputElement)}
            @blur=${blurUnlessSubmitting(() => form.touch('number'))}
          />
          <span id="card-brand" class="card-brand" part="card-brand" data-brand=${brand} aria-live="polite"
            >${brand === 'unknown'
              ? nothing
              : html`<span class="visually-hidden">${t('checkout.card.brand', { brand: '' })}</span>${t(
                    `checkout.card.brand.${brand}` as MessageKey,
                  )}`}</span
          >
        </div>
        <span class="error" id="card-number-error" part="field-error" aria-live="polite">${numberError ?? nothing}</span>
      </div>
      <div class="card-row">
        ${textField({
          id: CARD_FIELD_IDS.expiry,
          name: 'cc-exp',
          label: t('checkout.card.expiry'),
          hint: t('checkout.card.expiryHint'),
          value: v.expiry,
          error: message('expiry'),
          inputmode: 'numeric',
          autocomplete: 'cc-exp',
          maxlength: 7,
          spellcheck: false,
          required: true,
          disabled,
          onInput: (value, event) => this.reformat(event, 'expiry', formatExpiryInput(value)),
          onBlur: () => form.touch('expiry'),
        })}
        ${textField({
          id: CARD_FIELD_IDS.cvc,
          name: 'cc-csc',
          label: t('checkout.card.cvc'),
          hint: t('checkout.card.cvcHint'),
          value: v.cvc,
          error: message('cvc'),
          inputmode: 'numeric',
          autocomplete: 'cc-csc',
          maxlength: 4,
          spellcheck: false,
          required: true,
          disabled,
          onInput: (value, event) => this.reformat(event, 'cvc', digitsOnly(value).slice(0, 4)),
          onBlur: () => form.touch('cvc'),
        })}
      </div>
      <label class="choice" part="choice holder-is-other">
        <input
          type="checkbox"
          name="card-holder-is-other"
          ?disabled=${disabled}
          .checked=${live(v.holderIsOther === 'yes')}
          @change=${(event: Event) => form.set('holderIsOther', (event.target as HTMLInputElement).checked ? 'yes' : '')}
        />
        <span>${t('checkout.card.holderIsOther')}</span>
      </label>
      ${v.holderIsOther === 'yes'
        ? textField({
            id: CARD_FIELD_IDS.holderIdentity,
            name: 'card-holder-identity',
            label: t('checkout.card.holderIdentity'),
            value: v.holderIdentity,
            error: message('holderIdentity'),
            inputmode: 'numeric',
            autocomplete: 'off',
            maxlength: 11,
            spellcheck: false,
            required: true,
            disabled,
            onInput: (value, event) => this.reformat(event, 'holderIdentity', digitsOnly(value).slice(0, 11)),
            onBlur: () => form.touch('holderIdentity'),
          })
        : nothing}
    </fieldset>`;
  }

  /** Groups the number as typed (`4111 1111 …`) and keeps the caret where the user was typing. */
  private onNumberInput(input: HTMLInputElement): void {
    const caret = input.selectionStart ?? input.value.length;
    const digitsBeforeCaret = digitsOnly(input.value.slice(0, caret)).length;
    const formatted = formatCardNumber(input.value);
    this.#form.set('number', formatted);
    if (input.value !== formatted) {
      input.value = formatted;
      const position = caretAfterDigits(formatted, digitsBeforeCaret);
      input.setSelectionRange(position, position);
    }
  }

  private reformat(event: Event, name: 'expiry' | 'cvc' | 'holderIdentity', formatted: string): void {
    const input = event.target as HTMLInputElement;
    this.#form.set(name, formatted);
    // Only rewrite when formatting changed something, so plain typing keeps its caret.
    if (input.value !== formatted) input.value = formatted;
  }
}
