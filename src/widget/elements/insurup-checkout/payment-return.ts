/**
 * The payment round trip's address-bar side. Before leaving for the bank or the insurer, the
 * callback URL gets a random return marker (`insurup_return=<id>`), saved with the pending
 * purchase in the FlowSession. On the way back the marker says "this is our return"; nothing
 * else in the query (`success`, `policyId`, `error`, appended by InsurUp) is ever trusted: the
 * product's state is fetched from the API instead.
 */
import { CALLBACK_PARAMS } from '../../../contract/purchase.js';
import { RETURN_MARKER_PARAM, type PendingPurchase } from '../../session/flow-state.js';
import type { FlowSession } from '../../session/flow-session.js';

/** The query parameter that marks a return from a payment page (the session's own constant). */
export const RETURN_PARAM = RETURN_MARKER_PARAM;

const MARKER = /^[0-9a-f]{16,64}$/;

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

/** The well-formed marker in an address, or null. */
export function readReturnMarker(address: Pick<Location, 'href'> | URL | string): string | null {
  const href = typeof address === 'string' ? address : address.href;
  let marker: string | null;
  try {
    marker = new URL(href).searchParams.get(RETURN_PARAM);
  } catch {
    return null;
  }
  return marker && MARKER.test(marker) ? marker : null;
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

/**
 * Removes the marker and InsurUp's callback parameters from the address bar (the page's own
 * parameters stay), so a bookmark, a shared link or a reload does not carry them. Only acts
 * when the marker is present: `success` on its own may be the host page's parameter.
 */
export function removeReturnParams(win: Pick<Window, 'location' | 'history'> = window): boolean {
  const url = new URL(win.location.href);
  if (!url.searchParams.has(RETURN_PARAM)) return false;
  for (const name of [RETURN_PARAM, ...CALLBACK_PARAMS]) url.searchParams.delete(name);
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return true;
}
