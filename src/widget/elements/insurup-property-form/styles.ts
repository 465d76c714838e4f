/** Property form styles beyond the shared ones. */
import { css } from 'lit';

export const propertyFormStyles = css`
  .address-text {
    overflow-wrap: anywhere;
  }
  .found-address {
    margin-block: 1em;
  }
  .found-address p:first-child {
    margin-block-end: 0.25em;
  }
`;
