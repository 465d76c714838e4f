/** Styles of `<insurup-quotes>`: mobile first (one column at 360 px), em-based. */
import { css } from 'lit';

export const quotesStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.5em 1.5em;
    margin-block-end: 0.5em;
  }
  .progress {
    flex: 1 1 16em;
  }
  .progress p {
    margin: 0 0 0.25em;
  }
  progress {
    display: block;
    width: 100%;
    height: 0.5em;
    accent-color: var(--_primary);
  }
  .status {
    font-size: 0.875em;
    margin-block-start: 0.25em;
  }
  .toolbar .field {
    flex: 1 1 14em;
    max-width: 22em;
    margin: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
    /* Keep what the customer reads in place when cards above it change size. */
    overflow-anchor: auto;
  }
  .list > li {
    min-width: 0;
    /* No content-visibility: skipping off-screen cards made their buttons vanish from
       Chromium's accessibility tree, and a screen-reader user navigates the list by them. */
  }
  .compare-bar {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 0.75em;
    margin-block-start: 1em;
    padding: 0.5em 0.75em;
    background: var(--_background);
    border: 0.0625em solid var(--_divider);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .compare-count {
    margin: 0;
    flex: 1 1 10em;
  }
  .compare-bar .actions {
    margin: 0;
    gap: 0.5em;
  }
  .compare-bar .actions .button.link {
    padding-inline: 0.5em;
  }
  .compare-bar > :is(.pending, .alert) {
    flex-basis: 100%;
    margin: 0;
  }
  @media (min-width: 48em) {
    .list {
      grid-template-columns: repeat(auto-fill, minmax(20em, 1fr));
      align-items: start;
    }
  }
`;
