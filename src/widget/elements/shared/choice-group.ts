/**
 * A group of native radio buttons in a `<fieldset>` with a `<legend>`: arrow keys move between
 * the choices, each whole row is the touch target (at least 2.75em), and the group's error is
 * linked to it and announced politely. Parts: `choices`, `legend`, `choice`, `field-error`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface Choice {
  value: string;
  label: string;
  /** A second, quieter line (e.g. a saved vehicle's model). */
  detail?: string | undefined;
}

export interface ChoiceGroupOptions {
  id: string;
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  error?: string | null | undefined;
  onChange: (value: string) => void;
}

export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  return html`<fieldset class="choices" id=${o.id} part="choices" aria-describedby=${ifDefined(o.error ? errorId : undefined)}>
    <legend part="legend">${o.legend}</legend>
    ${o.choices.map(
      (choice, index) => html`<label class="choice" part="choice">
        <input
          type="radio"
          id=${`${o.id}-${index}`}
          name=${o.name}
          .value=${choice.value}
          .checked=${live(choice.value === o.value)}
          aria-invalid=${o.error ? 'true' : 'false'}
          @change=${(event: Event) => {
            if ((event.target as HTMLInputElement).checked) o.onChange(choice.value);
          }}
        />
        <span class="choice-text">
          <span class="choice-label">${choice.label}</span>
          ${choice.detail ? html`<span class="choice-detail muted">${choice.detail}</span>` : nothing}
        </span>
      </label>`,
    )}
    <span class="error" id=${errorId} part="field-error" aria-live="polite">${o.error ?? nothing}</span>
  </fieldset>`;
}

/** Rows with a border so each choice reads as one tappable card. */
export const choiceGroupStyles = css`
  .choices .choice {
    border: 0.0625em solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.625em 0.75em;
    margin-block-end: 0.5em;
    cursor: pointer;
  }
  .choices .choice:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 0.0625em var(--_primary);
  }
  .choice-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .choice-detail {
    font-size: 0.875em;
  }
`;
