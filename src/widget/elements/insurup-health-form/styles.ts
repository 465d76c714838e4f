/** Health form styles beyond the shared ones. */
import { css } from 'lit';

export const healthFormStyles = css`
  /* Height and weight side by side: short numbers, even on a 360px phone. */
  .measures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: 0 1em;
  }
`;
