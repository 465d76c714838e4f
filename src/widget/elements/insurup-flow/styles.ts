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
    overflow-wrap: anywhere;
  }
  .step:focus {
    outline: none;
  }
  .flow-actions {
    margin-block-start: 1em;
  }
  @media (min-width: 36em) {
    .progress li {
      font-size: 0.875em;
    }
  }
`;
