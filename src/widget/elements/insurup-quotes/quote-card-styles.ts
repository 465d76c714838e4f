/**
 * Styles of `<insurup-quote-card>`: mobile first (one column at 360 px), em-based, compact — a
 * quote is about 22em tall on a phone, so two fit on a screen.
 */
import { css } from 'lit';

export const quoteCardStyles = css`
  :host {
    display: block;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.625em;
  }
  .card.failed {
    min-height: 0;
    background: var(--_background);
  }
  .card.active.best {
    border-color: var(--_success);
  }
  .card-header {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
  }
  .logo {
    width: 2.5em;
    height: 2.5em;
    flex: none;
    border-radius: calc(var(--_radius) * 0.75);
    object-fit: contain;
  }
  .logo.initials {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    background: var(--_divider);
    font-weight: 700;
  }
  .names {
    flex: 1 1 auto;
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 1.0625em;
    overflow-wrap: anywhere;
  }
  .product-name {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    flex: none;
    padding: 0.125em 0.5em;
    border-radius: 1em;
    font-size: 0.8125em;
    font-weight: 700;
    margin: 0;
  }
  .badge.best {
    margin-block-start: 0.375em;
    background: var(--_success);
    color: var(--_surface);
  }
  .badge.state {
    align-self: flex-start;
    border: 0.0625em solid var(--_divider);
  }
  .card-status {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    color: var(--_muted);
  }
  .failed-text {
    color: var(--_danger);
    font-weight: 600;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .skeleton span {
    display: block;
    height: 0.875em;
    border-radius: 0.25em;
    background: var(--_divider);
  }
  /* Placeholders mirror a quote (price, plan picker, Buy), so answers arriving shift little. */
  .skeleton span.price {
    width: 45%;
    height: 2.25em;
  }
  .skeleton span.line {
    width: 30%;
  }
  .skeleton span.control {
    height: var(--_control-height);
  }
  .price-block p {
    margin: 0;
  }
  /* Amounts never break inside (the currency code and digits stay on one line). */
  .price {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .per-installment {
    font-size: 0.9375em;
  }
  /* The plan picker beside its label when both fit, the label above it when not. */
  .field.installments {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin: 0;
  }
  .field.installments select {
    flex: 1 0 auto;
    width: auto;
  }
  .buy {
    width: 100%;
  }
  .agency p {
    margin: 0;
  }
  .agency-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  /* Links rather than big buttons keep the card short; each is still a 2em-tall target. */
  .agency-links a {
    display: inline-flex;
    align-items: center;
    min-height: 2em;
    font-weight: 600;
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 0.75em;
  }
  .details {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .documents {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  [part='details-button']::after {
    content: '▾';
    display: inline-block;
    transition: transform 0.15s;
  }
  [part='details-button'][aria-expanded='true']::after {
    transform: rotate(180deg);
  }
  @media (prefers-reduced-motion: reduce) {
    [part='details-button']::after {
      transition: none;
    }
  }
  .compare {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_control-height);
    font-weight: 600;
    cursor: pointer;
  }
  .compare input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .reason summary {
    display: flex;
    align-items: center;
    min-height: var(--_control-height);
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
  }
  .reason summary::before {
    content: '▸';
    display: inline-block;
    margin-inline-end: 0.375em;
    transition: transform 0.15s;
  }
  .reason[open] summary::before {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .reason summary::before {
      transition: none;
    }
  }
  .reason summary:focus-visible {
    outline: 0.1875em solid var(--_focus);
  }
  .reason p {
    margin: 0 0 0.5em;
  }
  .actions {
    margin-block-start: 0;
  }
  .coverage-list {
    margin: 0;
    display: grid;
    gap: 0;
  }
  .coverage-row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
    padding-block: 0.5em;
    border-block-start: 0.0625em solid var(--_divider);
  }
  .coverage-row dt {
    flex: 1 1 12em;
  }
  .coverage-row dd {
    margin: 0;
    font-weight: 600;
    text-align: end;
  }
  .coverage-row dd.excluded {
    color: var(--_muted);
    font-weight: 400;
  }
  @media (min-width: 40em) {
    .buy {
      width: auto;
      align-self: flex-start;
    }
  }
`;
