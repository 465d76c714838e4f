/**
 * What checkout needs from the API, and the payment verification. The product is always
 * fetched fresh (prices and state can change), and after a payment round trip its state is the
 * only proof of payment: PURCHASED with a policyId is bought; PURCHASING is waited for with
 * backoff up to a deadline; anything else means the payment did not go through.
 */
import type { ProposalProduct } from '../../../contract/proposals.js';
import type { InsurUpClient } from '../../api/client.js';
import { sleep } from '../../api/backoff.js';

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
  // PURCHASED without a policy id yet is still settling: wait like PURCHASING.
  while (product.state === 'PURCHASING' || (product.state === 'PURCHASED' && !product.policyId)) {
    if (attempt === 0) o.onWaiting?.();
    const remaining = deadline - now();
    if (remaining <= 0) return { kind: 'timeout', product };
    await sleep(Math.min(o.pollMs * 2 ** Math.min(attempt, 3), remaining), o.signal);
    attempt++;
    product = await fetchProduct();
  }

  if (isSettledPurchase(product)) return { kind: 'purchased', product, policyId: product.policyId! };
  if (product.state !== 'ACTIVE') return { kind: 'unavailable', product };
  const { url } = await o.client.request('getProductInformationForm', { params }, { signal: o.signal });
  return { kind: 'payable', product, infoFormUrl: url };
}
