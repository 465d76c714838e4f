/** Reading a product's premiums: the price it is compared by, and its instalment plans. */
import type { Premium, ProposalProduct } from '../../../contract/proposals.js';

const sortedPlans = new WeakMap<ProposalProduct, Premium[]>();

/** The premiums by instalment count (1 = single payment first); computed once per product object. */
export function premiumsByInstallment(product: ProposalProduct): Premium[] {
  let plans = sortedPlans.get(product);
  if (!plans) {
    plans = [...product.premiums].sort((a, b) => a.installmentNumber - b.installmentNumber);
    sortedPlans.set(product, plans);
  }
  return plans;
}

/**
 * The price products are ranked by: the single-payment gross premium, else the lowest one.
 * Null for a product without premiums (waiting or failed).
 */
export function comparablePrice(product: ProposalProduct): number | null {
  if (product.premiums.length === 0) return null;
  const single = product.premiums.find((p) => p.installmentNumber === 1);
  return single ? single.grossPremium : Math.min(...product.premiums.map((p) => p.grossPremium));
}

/** The premium for an instalment count, falling back to the first plan when it is gone. */
export function premiumFor(product: ProposalProduct, installmentNumber: number | null): Premium | undefined {
  const plans = premiumsByInstallment(product);
  return plans.find((p) => p.installmentNumber === installmentNumber) ?? plans[0];
}

/** Each instalment's amount (the gross premium split evenly, as the customer is told). */
export function perInstallment(premium: Premium): number {
  return Math.round((premium.grossPremium / premium.installmentNumber) * 100) / 100;
}
