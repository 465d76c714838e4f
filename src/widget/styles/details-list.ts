/**
 * The label/value list (`<dl>`) of the checkout summary, the policy details and the my-policies
 * cards. It lays itself out by its card's width (the card sets `container-type: inline-size`),
 * not the viewport's: the same phone may give an element its full width or a theme's narrow
 * column.
 */
import { css, type CSSResult } from 'lit';

export interface DetailsListSizes {
  /** Space under each value while labels sit above their values, in em. */
  valueGap: number;
  /** The card width from which label and value share a row, in em. */
  sideBySideFrom: number;
  /** Space between rows once label and value share one, in em. */
  rowGap: number;
}

/**
 * Narrow (phones, CMS columns): each label above its value, so neither runs into the other and
 * a policy number, a date range or an amount keeps its whole line. A word longer than the line
 * may still break; an amount never does (`.money`). Wide enough for both: label and value side
 * by side (2:3), the label column never narrower than its longest word, values wrapping in theirs.
 */
export function detailsListStyles({ valueGap, sideBySideFrom, rowGap }: DetailsListSizes): CSSResult {
  return css`
    dl {
      margin: 0;
    }
    dt {
      color: var(--_muted);
      overflow-wrap: break-word;
    }
    dd {
      margin: 0.125em 0 ${valueGap}em;
      font-weight: 600;
      overflow-wrap: break-word;
    }
    .money {
      white-space: nowrap;
    }
    @container (min-width: ${sideBySideFrom}em) {
      dl {
        display: grid;
        grid-template-columns: minmax(min-content, 2fr) minmax(0, 3fr);
        gap: ${rowGap}em 1em;
      }
      dd {
        margin: 0;
        text-align: end;
      }
    }
  `;
}
