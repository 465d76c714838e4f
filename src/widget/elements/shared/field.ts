/**
 * A labelled native input with its hint and error, linked by aria-describedby, exposed as
 * parts (`field`, `label`, `input`, `hint`, `field-error`). Errors are announced politely.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { blurUnlessSubmitting } from './field-blur.js';

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  /** The localized error, or null/undefined when there is none to show. */
  error?: string | null | undefined;
  hint?: string | undefined;
  type?: 'text' | 'tel' | 'email' | 'password' | 'search' | 'number' | 'date';
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search' | 'none';
  autocomplete?: string;
  maxlength?: number;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  autocapitalize?: 'off' | 'characters' | 'words' | 'sentences';
  spellcheck?: boolean;
  onInput: (value: string, event: Event) => void;
  onBlur?: (event: Event) => void;
}

export function textField(o: TextFieldOptions): TemplateResult {
  return fieldFrame(
    o,
    html`<input
      id=${o.id}
      name=${o.name}
      part="input"
      type=${o.type ?? 'text'}
      .value=${live(o.value)}
      inputmode=${ifDefined(o.inputmode)}
      autocomplete=${ifDefined(o.autocomplete)}
      maxlength=${ifDefined(o.maxlength)}
      placeholder=${ifDefined(o.placeholder)}
      autocapitalize=${ifDefined(o.autocapitalize)}
      spellcheck=${ifDefined(o.spellcheck === undefined ? undefined : String(o.spellcheck))}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @input=${(event: Event) => o.onInput((event.target as HTMLInputElement).value, event)}
      @blur=${blurUnlessSubmitting((event) => o.onBlur?.(event))}
    />`,
  );
}

export interface SelectFieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  error?: string | null | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  autocomplete?: string;
  onChange: (value: string, event: Event) => void;
  onBlur?: (event: Event) => void;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  return fieldFrame(
    o,
    html`<select
      id=${o.id}
      name=${o.name}
      part="select"
      autocomplete=${ifDefined(o.autocomplete)}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${(event: Event) => o.onChange((event.target as HTMLSelectElement).value, event)}
      @blur=${blurUnlessSubmitting((event) => o.onBlur?.(event))}
    >
      ${o.placeholder !== undefined
        ? html`<option value="" .selected=${live(o.value === '')} disabled>${o.placeholder}</option>`
        : nothing}
      ${o.options.map(
        // The selected *property* (not the attribute, which stops counting once the user has
        // chosen): the select then follows the value also when the options change under it.
        (option) => html`<option value=${option.value} .selected=${live(option.value === o.value)}>${option.label}</option>`,
      )}
    </select>`,
  );
}

type FieldText = Pick<TextFieldOptions, 'id' | 'label' | 'hint' | 'error'>;

/** The hint's and the shown error's ids, for the control's aria-describedby; undefined when neither. */
function describedBy(o: FieldText): string | undefined {
  const ids = [o.hint ? `${o.id}-hint` : undefined, o.error ? `${o.id}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every field has around its control: the label, the hint and the (polite) error. */
function fieldFrame(o: FieldText, control: TemplateResult): TemplateResult {
  return html`<div class="field" part="field">
    <label for=${o.id} part="label">${o.label}</label>
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`} part="hint">${o.hint}</span>` : nothing}
    ${control}
    <span class="error" id=${`${o.id}-error`} part="field-error" aria-live="polite">${o.error ?? nothing}</span>
  </div>`;
}
