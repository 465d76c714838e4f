/** Checkout: summary list, payment-type options, card rows, the pay bar. Mobile first (360 px). */
import { css } from 'lit';
import { detailsListStyles } from '../../styles/details-list.js';

export const checkoutStyles = css`
  .summary {
    margin-block-end: 1.25em;
    /* The list lays itself out by the card's own width (a phone, a theme's column). */
    container-type: inline-size;
  }
  .summary-head {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin-block-end: 0.75em;
  }
  .summary-head img {
    width: 2.5em;
    height: 2.5em;
    border-radius: var(--_radius);
    flex: none;
  }
  .summary-head h3 {
    margin: 0;
  }
  ${detailsListStyles({ valueGap: 0.625, sideBySideFrom: 26, rowGap: 0.375 })}
  dt.total {
    color: var(--_text);
    font-weight: 700;
    border-block-start: 0.0625em solid var(--_divider);
    padding-block-start: 0.5em;
  }
  dd.total {
    color: var(--_text);
    font-size: 1.25em;
    font-weight: 700;
    margin-block-end: 0;
  }
  /* Label and value side by side: the total row a little smaller, still ruled off. */
  @container (min-width: 26em) {
    dt.total,
    dd.total {
      font-size: 1.125em;
      border-block-start: 0.0625em solid var(--_divider);
      padding-block-start: 0.375em;
    }
  }
  .payment-type {
    border: 0.0625em solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.625em 0.75em;
    margin-block-end: 0.5em;
    cursor: pointer;
  }
  .payment-type:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 0.0625em var(--_primary);
  }
  .payment-type .option-text {
    display: flex;
    flex-direction: column;
    gap: 0.125em;
  }
  .payment-type strong {
    font-weight: 600;
  }
  .card-fields {
    margin-block-start: 1em;
  }
  .card-number-row {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .card-number-row input {
    flex: 1 1 auto;
    min-width: 0;
    letter-spacing: 0.04em;
  }
  .card-brand[data-brand='unknown'] {
    display: none;
  }
  .card-brand {
    flex: none;
    font-size: 0.875em;
    font-weight: 700;
    padding: 0.25em 0.5em;
    border: 0.0625em solid var(--_divider);
    border-radius: var(--_radius);
  }
  .card-row {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0 0.75em;
  }
  @media (min-width: 30em) {
    .card-row {
      grid-template-columns: 1fr 1fr;
    }
  }
  .information-form {
    margin-block: 1em;
  }
  .information-form a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .pay-button {
    width: 100%;
  }
  @media (min-width: 30em) {
    .pay-button {
      width: auto;
      min-width: 14em;
    }
  }
  .agency-help {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.75em 0 0;
  }
  .notice {
    margin-block-end: 1em;
  }
  .notice h3 {
    margin-block-end: 0.375em;
  }
  .notice.success {
    border-color: var(--_success);
  }
  .notice.success h3 {
    color: var(--_success);
  }
  .notice.warning h3 {
    color: var(--_warning);
  }
`;
