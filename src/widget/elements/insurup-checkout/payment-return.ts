/**
 * The payment round trip's address-bar side. Before leaving for the bank or the insurer, the
 * callback URL gets a random return marker (`insurup_return=<id>`), saved with the pending
 * purchase in the FlowSession. On the way back the marker says "this is our return"; nothing
 * else in the query (`success`, `policyId`, `error`, appended by InsurUp) is ever trusted: the
 * product's state is fetched from the API instead (see src/widget/session/payment-return.ts
 * for a return this tab did not start).
 */
import { CALLBACK_PARAMS } from '../../../contract/purchase.js';
import { RETURN_MARKER_PARAM, type PendingPurchase } from '../../session/flow-state.js';
import type { FlowSession } from '../../session/flow-session.js';
import { readReturnMarker } from '../../session/payment-return.js';

// Reading and removing the return parameters is the session's (sessions read them on load).
export { readReturnMarker, removeReturnParams } from '../../session/payment-return.js';

/** The query parameter that marks a return from a payment page (the session's own constant). */
export const RETURN_PARAM = RETURN_MARKER_PARAM;

/** A fresh, unguessable marker (128 bits, hex). */
export function newReturnMarker(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The callback URL for purchase/async: the `callback-url` attribute (resolved against the page)
 * or the current page, without a hash and without the parameters of an earlier return, plus
 * the marker.
 */
export function buildCallbackUrl(marker: string, callbackUrl: string | undefined, page: string = location.href): string {
  const url = new URL(callbackUrl?.trim() || page, page);
  url.hash = '';
  for (const name of [RETURN_PARAM, ...CALLBACK_PARAMS]) url.searchParams.delete(name);
  url.searchParams.set(RETURN_PARAM, marker);
  return url.href;
}

export interface PaymentReturn {
  marker: string;
  /** The session's pending purchase this return belongs to; null when the marker is not ours (stale or forged). */
  pending: PendingPurchase | null;
}

/**
 * For `<insurup-flow>` at start-up: is this page load a return from a payment page? When the
 * marker is this session's pending purchase, the session is moved to checkout, which then asks
 * the API whether the product was bought. Answers null when there is no marker.
 */
export function detectPaymentReturn(address: Pick<Location, 'href'> | URL | string, session: FlowSession): PaymentReturn | null {
  const marker = readReturnMarker(address);
  if (!marker) return null;
  const pending = session.state.purchase;
  // FlowSession.resumePaymentReturn compares the marker and lands on checkout (unclamped, so a
  // login still being restored does not bounce the return to the login step).
  const ours = session.resumePaymentReturn(typeof address === 'string' ? address : address.href);
  return { marker, pending: ours ? pending : null };
}
