import { css } from 'lit';

export const loginStyles = css`
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
  }
  .choice label,
  label.choice {
    font-weight: 400;
    font-size: 1em;
    cursor: pointer;
  }
  .phone-group {
    display: flex;
    align-items: stretch;
  }
  .phone-prefix {
    display: inline-flex;
    align-items: center;
    padding-inline: 0.75em;
    border: 0.0625em solid var(--_border);
    border-inline-end: 0;
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
    background: var(--_background);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .phone-group input {
    border-start-start-radius: 0 !important;
    border-end-start-radius: 0 !important;
    min-width: 0;
  }
  .consent .choice label {
    font-size: 0.9375em;
  }
  #code {
    font-size: 1.375em;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-width: 10em;
  }
  .code-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    margin-block-start: 0.75em;
  }
  .countdown {
    font-size: 0.875em;
    flex-basis: 100%;
  }
  /* While the countdown runs, "Send the code again" must not look like a live link. */
  .code-actions .button.link[disabled] {
    color: var(--_muted);
    text-decoration: none;
    cursor: not-allowed;
    opacity: 1;
  }
  .notice {
    color: var(--_success);
    font-weight: 600;
  }
  .notice:empty {
    display: none;
  }
  .button .spinner {
    border-color: currentColor;
    border-top-color: transparent;
  }
  @media (min-width: 30em) {
    .fields-row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 1em;
    }
  }
`;
