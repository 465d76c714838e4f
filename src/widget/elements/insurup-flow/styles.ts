import { css } from 'lit';

export const flowStyles = css`
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0 0.5em;
    font-size: 0.875em;
    color: var(--_muted);
    margin-block-end: 0.5em;
  }
  .progress {
    display: flex;
    list-style: none;
    margin: 0 0 1.25em;
    padding: 0;
    gap: 0.25em;
    counter-reset: none;
    /* Laid out by its own width (a phone, or a theme's narrow column), not the viewport's. */
    container-type: inline-size;
  }
  .progress li {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25em;
    text-align: center;
    font-size: 0.75em;
    color: var(--_muted);
    position: relative;
  }
  /* The line between markers. */
  .progress li:not(:first-child)::before {
    content: '';
    position: absolute;
    inset-block-start: 0.875em;
    inset-inline-end: calc(50% + 1.125em);
    width: calc(100% - 2.25em);
    border-block-start: 0.125em solid var(--_divider);
  }
  .progress li.done:not(:first-child)::before,
  .progress li[aria-current='step']:not(:first-child)::before {
    border-color: var(--_primary);
  }
  .marker {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    border: 0.125em solid var(--_divider);
    background: var(--_surface);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .done .marker {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  [aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
  }
  [aria-current='step'] .marker {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .step-label {
    white-space: nowrap;
  }
  /* Narrow (a 360 px phone): five labels do not fit side by side ("Paymen/t"), so the steps
     show their numbers and only the current one its label; every label stays in the list for
     screen readers. The lines between the markers fill the rest of the row. */
  @container (max-width: 31.99em) {
    /* Each step is its line, its marker and (current) its label; the free width is shared
       equally, so the lines are as long as one another. */
    .progress li {
      flex: 1 1 auto;
      min-width: auto;
      flex-direction: row;
      align-items: center;
      gap: 0.375em;
      font-size: 0.875em;
    }
    .progress li:first-child {
      flex: 0 0 auto;
    }
    .progress li:not(:first-child)::before {
      position: static;
      flex: 1 1 auto;
      min-width: 0.5em;
      width: auto;
      inset: auto;
    }
    .progress li:not([aria-current='step']) .step-label {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  @container (min-width: 32em) {
    .progress li {
      font-size: 0.875em;
    }
  }
  /* The flow is the surface: its step elements add no frame of their own (see .surface). */
  .step > * {
    --_step-surface-padding: 0;
    --_step-surface-background: transparent;
  }
  .step:focus {
    outline: none;
  }
  .flow-actions {
    margin-block-start: 1em;
  }
`;
