/** My policies: two lists of cards with pagers. Mobile first (360 px). */
import { css } from 'lit';
import { detailsListStyles } from '../../styles/details-list.js';

export const myPoliciesStyles = css`
  .list-section {
    margin-block-end: 1.5em;
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  @media (min-width: 40em) {
    ul.items {
      grid-template-columns: repeat(auto-fill, minmax(18em, 1fr));
    }
  }
  .item h4 {
    margin: 0 0 0.25em;
    font-size: 1em;
    font-weight: 650;
  }
  .item .insurer {
    margin: 0 0 0.5em;
  }
  /* Each card lays its list out by its own width (a phone, a grid column, a theme's sidebar). */
  .item {
    container-type: inline-size;
    min-width: 0;
  }
  ${detailsListStyles({ valueGap: 0.5, sideBySideFrom: 24, rowGap: 0.25 })}
  /* A card's list is a little smaller, with room before the card's actions. */
  dl {
    margin: 0 0 0.5em;
    font-size: 0.9375em;
  }
  .state-ACTIVE {
    color: var(--_success);
  }
  .state-CANCELLED {
    color: var(--_danger);
  }
  .item .button {
    width: 100%;
  }
  /* A quote's offers: a disclosure under the card's details, one row per insurer. */
  .offers-toggle .chevron {
    width: 0.5em;
    height: 0.5em;
    border-inline-end: 0.125em solid currentColor;
    border-block-end: 0.125em solid currentColor;
    transform: translateY(-0.125em) rotate(45deg);
  }
  .offers-toggle[aria-expanded='true'] .chevron {
    transform: translateY(0.125em) rotate(-135deg);
  }
  .offers {
    margin-block-start: 0.5em;
  }
  .offer-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .offer {
    padding-block: 0.625em;
    border-block-start: 0.0625em solid var(--_divider);
  }
  .offer p {
    margin: 0 0 0.25em;
  }
  .offer-name strong {
    font-weight: 650;
  }
  .offer-name .muted {
    display: block;
    font-size: 0.9375em;
  }
  .offer-documents {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .item .offer .button.link {
    width: auto;
    padding-inline: 0;
    text-align: start;
  }
  .document-link {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-block-start: 0.75em;
  }
`;
