/** Vehicle form styles beyond the shared ones. */
import { css } from 'lit';

export const vehicleFormStyles = css`
  .plate-summary {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  form > .alert.info {
    margin-block-start: 0;
  }
`;
