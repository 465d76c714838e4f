/**
 * What checkout needs from the API, and the payment verification. The product is always
 * fetched fresh (prices and state can change), and after a payment round trip its state is the
 * only proof of payment: PURCHASED with a policyId is bought; PURCHASING is waited for with
 * backoff up to a deadline; anything else means the payment did not go through.
 */
import type { ProposalProduct } from '../../../contract/proposals.js';
import type { InsurUpClient } from '../../api/client.js';
import type { PurchaseListener } from './purchase-listener.js';

export type CheckoutLoad =
  /** Bought: the API says PURCHASED and names the policy. */
  | { kind: 'purchased'; product: ProposalProduct; policyId: string }
  /** Still PURCHASING when the wait ran out. */
  | { kind: 'timeout'; product: ProposalProduct }
  /** ACTIVE: can be paid; `infoFormUrl` is the pre-contract form to confirm. */
  | { kind: 'payable'; product: ProposalProduct; infoFormUrl: string }
  /** FAILED or WAITING: cannot be bought now. */
  | { kind: 'unavailable'; product: ProposalProduct };

export interface LoadCheckoutOptions {
  client: InsurUpClient;
  proposalId: string;
  proposalProductId: string;
  signal: AbortSignal;
  /** How long to keep waiting for a PURCHASING product (ms). */
  waitMs: number;
  /** First poll interval (ms); doubles up to 8× this. */
  pollMs: number;
  /** Called once when the product turns out to be PURCHASING, so the UI can say "checking your payment". */
  onWaiting?: () => void;
  /** Starts listening for hub purchase events while waiting (wakes the poll early). */
  listen?: () => PurchaseListener;
  now?: () => number;
}

function isSettledPurchase(product: ProposalProduct): boolean {
  return product.state === 'PURCHASED' && Boolean(product.policyId);
}

export async function loadCheckout(o: LoadCheckoutOptions): Promise<CheckoutLoad> {
  const now = o.now ?? Date.now;
  const params = { proposalId: o.proposalId, proposalProductId: o.proposalProductId };
  const fetchProduct = () => o.client.request('getProposalProduct', { params }, { signal: o.signal });

  let product = await fetchProduct();
  const deadline = now() + o.waitMs;
  let attempt = 0;
  let listener: PurchaseListener | undefined;
  try {
    // PURCHASED without a policy id yet is still settling: wait like PURCHASING.
    while (product.state === 'PURCHASING' || (product.state === 'PURCHASED' && !product.policyId)) {
      if (attempt === 0) {
        o.onWaiting?.();
        listener = o.listen?.();
      }
      const remaining = deadline - now();
      if (remaining <= 0) return { kind: 'timeout', product };
      await wait(Math.min(o.pollMs * 2 ** Math.min(attempt, 3), remaining), o.signal, listener?.next());
      attempt++;
      product = await fetchProduct();
    }
  } finally {
    listener?.stop();
  }

  if (isSettledPurchase(product)) return { kind: 'purchased', product, policyId: product.policyId! };
  if (product.state !== 'ACTIVE') return { kind: 'unavailable', product };
  const { url } = await o.client.request('getProductInformationForm', { params }, { signal: o.signal });
  return { kind: 'payable', product, infoFormUrl: url };
}

/** Waits `ms`, or less when `wake` resolves first; rejects when the signal aborts. */
function wait(ms: number, signal: AbortSignal, wake?: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void wake?.then(done);
  });
}
