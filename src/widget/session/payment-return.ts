/**
 * The return from a payment page, as the page sees it. The callback URL carries a random marker
 * (`insurup_return=<id>`) saved with the pending purchase; InsurUp adds `success`, `policyId` or
 * `error`. None of them is trusted: a flow whose own pending purchase has the marker asks the API
 * for the product's state; any other return (the payment finished in another tab, whose
 * sessionStorage this tab cannot see) takes `policyId` only as a hint, which the customer's own
 * `GET /api/policies/{id}` must confirm.
 *
 * The parameters are read once per page load, by the first session made (a flow's, or the page
 * session of separately placed elements), and removed from the address bar at once, so a
 * bookmark, a shared link or a reload never carries them.
 */
import { CALLBACK_PARAMS } from '../../contract/purchase.js';
import { Id } from '../../contract/index.js';
import { RETURN_MARKER_PARAM } from './flow-state.js';
import { loadFlowState, sessionStore } from './persistence.js';

const MARKER = /^[0-9a-f]{16,64}$/;
const STATE_PREFIX = 'insurup:v1:';

/** What a return address says: its marker and InsurUp's policy id (a hint, never proof). */
export interface ReturnParams {
  marker: string;
  /** A well-formed `policyId` from the query, or null. */
  policyId: string | null;
}

/** The well-formed marker in an address, or null. */
export function readReturnMarker(address: Pick<Location, 'href'> | URL | string): string | null {
  return readReturnParams(address)?.marker ?? null;
}

/** The return parameters of an address, or null when it carries no well-formed marker. */
function readReturnParams(address: Pick<Location, 'href'> | URL | string): ReturnParams | null {
  const href = typeof address === 'string' ? address : address.href;
  let params: URLSearchParams;
  try {
    params = new URL(href, 'http://localhost/').searchParams;
  } catch {
    return null;
  }
  const marker = params.get(RETURN_MARKER_PARAM);
  if (!marker || !MARKER.test(marker)) return null;
  const policyId = params.get('policyId');
  return { marker, policyId: policyId && Id.safeParse(policyId).success ? policyId : null };
}

/**
 * Removes the marker and InsurUp's callback parameters from the address bar (the page's own
 * parameters stay). Only acts when the marker is present: `success` on its own may be the host
 * page's parameter.
 */
export function removeReturnParams(win: Pick<Window, 'location' | 'history'> = window): boolean {
  const url = new URL(win.location.href);
  if (!url.searchParams.has(RETURN_MARKER_PARAM)) return false;
  for (const name of [RETURN_MARKER_PARAM, ...CALLBACK_PARAMS]) url.searchParams.delete(name);
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return true;
}

// Page-wide (and shared by a second copy of the bundle): the return read from the address, and
// the markers a session has already taken, so one return is handled by one session.
const HOLDER = Symbol.for('insurup-elements.payment-return');
interface Holder {
  captured: ReturnParams | null;
  taken: Set<string>;
}

function holder(): Holder {
  const global = globalThis as unknown as Record<symbol, Holder | undefined>;
  return (global[HOLDER] ??= { captured: null, taken: new Set() });
}

/**
 * This page load's return, read from the address the first time (which then loses the return
 * parameters) and remembered for the sessions made after that. Null when there is none.
 */
export function capturePaymentReturn(): ReturnParams | null {
  if (typeof location === 'undefined' || typeof history === 'undefined') return null;
  const held = holder();
  const fresh = readReturnParams(location.href);
  if (fresh) held.captured = fresh;
  removeReturnParams();
  return held.captured;
}

/** Answers true to the first session that takes a return's marker, false to every later one. */
export function takeReturnMarker(marker: string): boolean {
  const { taken } = holder();
  if (taken.has(marker)) return false;
  taken.add(marker);
  return true;
}

/**
 * Whether a flow saved in this tab (any flow on any page of the site, or a page session) started
 * the payment this marker belongs to: then that flow verifies it, and no other session should.
 */
export function isReturnOwnedInTab(marker: string): boolean {
  const store = sessionStore();
  if (!store) return false;
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(STATE_PREFIX) && loadFlowState(key)?.purchase?.returnMarker === marker) return true;
    }
  } catch {
    // unreadable storage: nothing here owns it
  }
  return false;
}

/** For tests (a new page load): forget the captured return and the taken markers. */
export function resetPaymentReturn(): void {
  const held = holder();
  held.captured = null;
  held.taken.clear();
}
