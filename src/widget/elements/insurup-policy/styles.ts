/** Policy: the details list, the document and e-mail actions. Mobile first (360 px). */
import { css } from 'lit';

export const policyStyles = css`
  .ready {
    border-color: var(--_success);
  }
  .details {
    margin-block: 1em;
    /* The details list lays itself out by the card's own width, not the viewport's: the same
       phone may give the element its full width or a theme's narrow column. */
    container-type: inline-size;
  }
  .details-head {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin-block-end: 0.75em;
  }
  .details-head img {
    width: 2.5em;
    height: 2.5em;
    border-radius: var(--_radius);
    flex: none;
  }
  .details-head h3 {
    margin: 0;
  }
  /* Narrow (phones, CMS columns): each label above its value, so neither runs into the other and
     a policy number or a date range keeps its whole line. */
  dl {
    margin: 0;
  }
  dt {
    color: var(--_muted);
    overflow-wrap: break-word;
  }
  dd {
    margin: 0.125em 0 0.75em;
    font-weight: 600;
    /* A word longer than the whole line may break; nothing else does (no mid-word splits). */
    overflow-wrap: break-word;
  }
  .money {
    white-space: nowrap;
  }
  dd:last-child {
    margin-block-end: 0;
  }
  /* Wide enough for both on one row: label and value side by side (2:3). The label column is
     never narrower than its longest word, and values wrap inside theirs. */
  @container (min-width: 26em) {
    dl {
      display: grid;
      grid-template-columns: minmax(min-content, 2fr) minmax(0, 3fr);
      gap: 0.375em 1em;
    }
    dd {
      margin: 0;
      text-align: end;
    }
  }
  .state-ACTIVE {
    color: var(--_success);
  }
  .state-CANCELLED {
    color: var(--_danger);
  }
  .download .button,
  .email-form .button {
    width: 100%;
  }
  @media (min-width: 30em) {
    .download .button,
    .email-form .button {
      width: auto;
    }
  }
  .document-link {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .email-form {
    margin-block-start: 1.5em;
    padding-block-start: 1em;
    border-block-start: 0.0625em solid var(--_divider);
  }
  .agency-help {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.75em 0 0;
  }
  .help {
    margin-block-start: 1.5em;
  }
  .sent {
    border-color: var(--_success);
  }
`;
