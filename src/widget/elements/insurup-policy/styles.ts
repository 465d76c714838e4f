/** Policy: the details list, the document and e-mail actions. Mobile first (360 px). */
import { css } from 'lit';
import { detailsListStyles } from '../../styles/details-list.js';

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
  ${detailsListStyles({ valueGap: 0.75, sideBySideFrom: 26, rowGap: 0.375 })}
  dd:last-child {
    margin-block-end: 0;
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
