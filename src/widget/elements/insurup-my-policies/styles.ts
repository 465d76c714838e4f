/** My policies: two lists of cards with pagers. Mobile first (360 px). */
import { css } from 'lit';

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
  /* Label and value share the row 2:3; both wrap, so a long product name never overlaps its label. */
  dl {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 0.25em 1em;
    margin: 0 0 0.5em;
    font-size: 0.9375em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
    font-weight: 600;
    overflow-wrap: anywhere;
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
