/**
 * The order of the cards. Sorting is by price (quotes that can be bought here cheapest first;
 * then quotes completed with the agency, cheapest first; then those still waiting; failed ones
 * last) or by insurer name. While the customer's pointer or focus is on the list the order is
 * frozen: cards keep their places and newly known products are added at the end, so a quote
 * arriving never moves the card being read or operated.
 */
import type { ProposalProduct } from '../../../contract/proposals.js';
import type { AsyncPaymentType } from '../../../contract/purchase.js';
import { offeredPaymentTypes, parsePaymentTypes } from '../insurup-checkout/payment-types.js';
import { comparablePrice } from './premiums.js';

export type SortKey = 'price' | 'insurer';
export const SORT_KEYS: readonly SortKey[] = ['price', 'insurer'];

/** Whether a product can be bought on this site (else the agency completes it). */
export type SellableTest = (product: ProposalProduct) => boolean;

/**
 * Sold on this site under the agency's `payment-types`: a web-service product taking at least
 * one of the allowed async payment types (checkout's own rule, so the two never disagree).
 * ROBOT products, and products whose every payment type the agency turned off, are completed
 * with the agency.
 */
export function sellableUnder(allowed: ReadonlySet<AsyncPaymentType>): SellableTest {
  return (product) => offeredPaymentTypes(product, allowed).length > 0;
}

/** Every async payment type allowed: what a page without `payment-types` gets. */
export const sellableAnywhere: SellableTest = sellableUnder(parsePaymentTypes(undefined));

const collator = new Intl.Collator('tr-TR', { sensitivity: 'base', numeric: true });

/** 0 quotes sold here, 1 quotes completed with the agency, 2 waiting, 3 failed or no price. */
function rank(product: ProposalProduct, sellable: SellableTest): number {
  if (product.state === 'WAITING') return 2;
  if (product.state === 'FAILED' || comparablePrice(product) === null) return 3;
  return sellable(product) ? 0 : 1;
}

function byInsurer(a: ProposalProduct, b: ProposalProduct): number {
  return collator.compare(a.insuranceCompanyName, b.insuranceCompanyName) || collator.compare(a.productName, b.productName);
}

export function sortProducts(
  products: readonly ProposalProduct[],
  key: SortKey,
  sellable: SellableTest = sellableAnywhere,
): ProposalProduct[] {
  if (key === 'insurer') return [...products].sort(byInsurer);
  const ranks = new Map(products.map((p) => [p, rank(p, sellable)]));
  return [...products].sort((a, b) => {
    const ra = ranks.get(a)!;
    const rb = ranks.get(b)!;
    if (ra !== rb) return ra - rb;
    if (ra <= 1) {
      const prices = comparablePrice(a)! - comparablePrice(b)!;
      if (prices !== 0) return prices;
    }
    return byInsurer(a, b);
  });
}

/**
 * The ids in display order. With `frozen` (the order shown when the freeze began), those
 * cards keep their places and any others follow in sorted order.
 */
export function displayOrder(
  products: readonly ProposalProduct[],
  key: SortKey,
  frozen: readonly string[] | null,
  sellable: SellableTest = sellableAnywhere,
): ProposalProduct[] {
  const sorted = sortProducts(products, key, sellable);
  if (!frozen) return sorted;
  const byId = new Map(products.map((p) => [p.id, p]));
  const kept = frozen.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  const keptIds = new Set(frozen);
  return [...kept, ...sorted.filter((p) => !keptIds.has(p.id))];
}

/**
 * The cheapest quote the customer can buy here, when there are at least two such quotes to
 * compare. A quote completed with the agency is never the best price: the badge would send
 * the customer to a card without Buy.
 */
export function bestPriceId(products: readonly ProposalProduct[], sellable: SellableTest = sellableAnywhere): string | null {
  let best: ProposalProduct | null = null;
  let quotes = 0;
  for (const product of products) {
    if (product.state !== 'ACTIVE' || !sellable(product)) continue;
    const price = comparablePrice(product);
    if (price === null) continue;
    quotes++;
    if (!best || price < comparablePrice(best)!) best = product;
  }
  return quotes >= 2 && best ? best.id : null;
}
