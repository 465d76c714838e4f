/**
 * The order of the cards. Sorting is by price (quotes first, cheapest first; then those still
 * waiting; failed ones last) or by insurer name. While the customer's pointer or focus is on
 * the list the order is frozen: cards keep their places and newly known products are added
 * at the end, so a quote arriving never moves the card being read or operated.
 */
import type { ProposalProduct } from '../../../contract/proposals.js';
import { comparablePrice } from './premiums.js';

export type SortKey = 'price' | 'insurer';
export const SORT_KEYS: readonly SortKey[] = ['price', 'insurer'];

const collator = new Intl.Collator('tr-TR', { sensitivity: 'base', numeric: true });

/** 0 quotes, 1 waiting, 2 failed or no price. */
function rank(product: ProposalProduct): number {
  if (product.state === 'WAITING') return 1;
  if (product.state === 'FAILED' || comparablePrice(product) === null) return 2;
  return 0;
}

function byInsurer(a: ProposalProduct, b: ProposalProduct): number {
  return collator.compare(a.insuranceCompanyName, b.insuranceCompanyName) || collator.compare(a.productName, b.productName);
}

function byPrice(a: ProposalProduct, b: ProposalProduct): number {
  const ranks = rank(a) - rank(b);
  if (ranks !== 0) return ranks;
  if (rank(a) === 0) {
    const prices = comparablePrice(a)! - comparablePrice(b)!;
    if (prices !== 0) return prices;
  }
  return byInsurer(a, b);
}

export function sortProducts(products: readonly ProposalProduct[], key: SortKey): ProposalProduct[] {
  return [...products].sort(key === 'insurer' ? byInsurer : byPrice);
}

/**
 * The ids in display order. With `frozen` (the order shown when the freeze began), those
 * cards keep their places and any others follow in sorted order.
 */
export function displayOrder(
  products: readonly ProposalProduct[],
  key: SortKey,
  frozen: readonly string[] | null,
): ProposalProduct[] {
  const sorted = sortProducts(products, key);
  if (!frozen) return sorted;
  const byId = new Map(products.map((p) => [p.id, p]));
  const kept = frozen.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  const keptIds = new Set(frozen);
  return [...kept, ...sorted.filter((p) => !keptIds.has(p.id))];
}

/** The product with the lowest price among quotes, when there are at least two to compare. */
export function bestPriceId(products: readonly ProposalProduct[]): string | null {
  let best: ProposalProduct | null = null;
  let quotes = 0;
  for (const product of products) {
    if (product.state !== 'ACTIVE') continue;
    const price = comparablePrice(product);
    if (price === null) continue;
    quotes++;
    if (!best || price < comparablePrice(best)!) best = product;
  }
  return quotes >= 2 && best ? best.id : null;
}
