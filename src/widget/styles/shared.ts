/**
 * Styles every element shares: the host reset (host-theme styles must not leak in), and the
 * building blocks — headings, fields, buttons, alerts, cards — each exposed as a `::part`.
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

/** Resets what a host theme would otherwise pass down (font, colour, line height, alignment). */
const hostReset = css`
  :host {
    all: initial;
    /* 'all' also resets WebKit/Blink's case-mapping locale: without this, an agency theme's
       text-transform: uppercase turns "Giriş" into "GIRIŞ" instead of "GİRİŞ". */
    -webkit-locale: inherit;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_host-background);
    padding: var(--_host-padding);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* An element rendered inside another one's shadow root (a step inside <insurup-flow>, a card
     inside a list) does not paint a second dark-mode backdrop. */
  * {
    --insurup-host-background: transparent;
    --insurup-host-padding: 0;
  }
  [hidden] {
    display: none !important;
  }
`;

export const base = css`
  /* An element's own frame when it stands alone on a page. Inside <insurup-flow> the flow is the
     surface (it sets --_step-surface-* on its step): a step adds no second frame, so every step
     starts at the same edge and keeps the whole width. */
  .surface {
    background: var(--_step-surface-background, var(--_surface));
    border-radius: var(--_radius);
    padding: var(--_step-surface-padding, var(--_space));
  }
  h2,
  h3 {
    margin: 0 0 0.75em;
    line-height: 1.25;
    font-weight: 650;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  /* Headings (and a pending status after Retry) take focus only programmatically (tabindex="-1":
     a new step, a result), so screen readers start there; they are not controls, and a ring
     around them reads as a box around the title on touch screens. Controls keep their ring. */
  :is(h1, h2, h3, h4, h5, h6):focus,
  :is(h1, h2, h3, h4, h5, h6)[tabindex='-1']:focus-visible,
  .pending:focus {
    outline: none;
  }
  p {
    margin: 0 0 0.75em;
  }
  a {
    color: var(--_primary);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Fields: label above control, hint and error below, linked by aria-describedby. */
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-block-end: 1em;
  }
  .field label,
  .label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .hint {
    font-size: 0.875em;
    color: var(--_muted);
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 0.0625em solid var(--_border);
    border-radius: var(--_radius);
    min-height: var(--_control-height);
    padding: 0.5em 0.75em;
    width: 100%;
    max-width: 100%;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 0.1875em solid var(--_focus);
    outline-offset: 0.0625em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 0 0 0 0.0625em var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    min-height: 2.75em;
    padding-block: 0.5em;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.125em 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  fieldset {
    border: 0;
    margin: 0 0 1em;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.25em;
  }

  /* Buttons: at least 2.75em tall (a 44px touch target at 16px). */
  button {
    font: inherit;
    cursor: pointer;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: var(--_control-height);
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 0.0625em solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
  }
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button.primary:hover:not([disabled]) {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .button.link {
    border-color: transparent;
    background: transparent;
    padding-inline: 0.25em;
    text-decoration: underline;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    margin-block-start: 1em;
  }

  /* Alerts: errors are role="alert", with a retry where retrying helps. */
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 0.0625em solid currentColor;
    margin-block: 0.75em;
  }
  .alert.error-alert {
    color: var(--_danger);
  }
  .alert.info {
    color: var(--_text);
    border-color: var(--_divider);
    background: var(--_background);
  }
  .alert .message {
    flex: 1 1 12em;
  }
  .pending {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
    padding-block: 0.5em;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 0.15em solid var(--_divider);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: insurup-spin 0.8s linear infinite;
    flex: none;
  }
  @keyframes insurup-spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* Reduced motion: nothing turns (a list of quotes waiting has a spinner on every card); the
     ring fades in and out slowly instead, still saying "busy". */
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: insurup-fade 2.4s ease-in-out infinite alternate;
    }
  }
  @keyframes insurup-fade {
    to {
      opacity: 0.35;
    }
  }
  .card {
    background: var(--_surface);
    border: 0.0625em solid var(--_divider);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-shadow: var(--_shadow);
  }
`;

/** What every element starts its `static styles` with. */
export const elementStyles = [tokens, hostReset, base];
