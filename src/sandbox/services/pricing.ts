/**
 * Premiums with sane amounts per branch. Each quote is priced from what is insured (vehicle
 * value and age, home size, the customer's age), the coverage group's tier and the insurer's
 * price level, with a little seeded noise. Gross premium = net + 5% BSMV tax.
 */
import type { ProductBranch } from '../../contract/branches.js';
import type { Premium } from '../../contract/proposals.js';
import type { Tier } from '../catalog/coverage.js';
import type { Insurer } from '../catalog/insurers.js';
import type { Rng } from '../random.js';

const INSTALLMENTS = [1, 3, 6, 9] as const;

/** Instalments beyond three carry a small term charge, as Turkish insurers' plans do. */
const TERM_FACTOR: Record<(typeof INSTALLMENTS)[number], number> = { 1: 1, 3: 1, 6: 1.04, 9: 1.07 };
const TAX = 0.05;

export interface PricingSubject {
  branch: ProductBranch;
  tier: Tier;
  insurer: Insurer;
  /** Kasko: price new; with modelYear, the market value. */
  vehicleNewPrice?: number;
  modelYear?: number;
  utilizationStyle?: string;
  plateCity?: number;
  squareMeter?: number;
  constructionYear?: number;
  /** TSS: the insured's age. */
  age?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function marketValue(newPrice: number, modelYear: number, now = new Date()): number {
  const age = Math.max(0, now.getUTCFullYear() - modelYear);
  return Math.round(newPrice * Math.max(0.3, 0.88 ** age));
}

/** DASK and konut building sum insured: square metres × rebuild cost, DASK capped by law. */
export function buildingSumInsured(branch: ProductBranch, squareMeter = 100): number {
  if (branch === 'DASK') return Math.min(Math.round(squareMeter * 26_750), 1_950_000);
  return Math.round(squareMeter * 32_000);
}

/** The one-instalment gross premium before insurer noise. */
function baseGross(s: PricingSubject, now: Date): number {
  const tierFactor = [0.8, 1, 1.3][s.tier]!;
  switch (s.branch) {
    case 'KASKO': {
      const value = marketValue(s.vehicleNewPrice ?? 1_200_000, s.modelYear ?? now.getUTCFullYear(), now);
      const commercial = s.utilizationStyle && s.utilizationStyle !== 'PRIVATE_CAR' ? 1.6 : 1;
      return value * 0.021 * tierFactor * commercial;
    }
    case 'TRAFIK': {
      const style = s.utilizationStyle === 'TAXI' ? 3.2 : s.utilizationStyle && s.utilizationStyle !== 'PRIVATE_CAR' ? 1.8 : 1;
      const city = s.plateCity === 34 ? 1.25 : s.plateCity === 6 || s.plateCity === 35 ? 1.1 : 1;
      return 7_400 * style * city * [1, 1.1, 1.2][s.tier]!;
    }
    case 'IMM':
      return 1_900 * tierFactor;
    case 'KONUT': {
      const age = Math.max(0, now.getUTCFullYear() - (s.constructionYear ?? 2000));
      return (s.squareMeter ?? 100) * 42 * tierFactor * (1 + Math.min(age, 50) * 0.006);
    }
    case 'DASK': {
      // DASK's tariff is set by law: the same for every insurer.
      const sum = buildingSumInsured('DASK', s.squareMeter);
      const rate = (s.constructionYear ?? 2000) >= 2000 ? 0.0011 : 0.0018;
      return sum * rate;
    }
    case 'TSS': {
      const age = s.age ?? 35;
      const byAge = age < 30 ? 6_200 : age < 45 ? 9_300 : age < 56 ? 14_500 : 22_800;
      return byAge * [0.7, 1, 1.5][s.tier]!;
    }
  }
}

export function premiumsFor(s: PricingSubject, rng: Rng, proposalNumber: string, now = new Date()): Premium[] {
  const insurerFactor = s.branch === 'DASK' ? 1 : s.insurer.priceFactor * rng.between(0.94, 1.06);
  const gross1 = Math.max(150, baseGross(s, now) * insurerFactor);
  return INSTALLMENTS.map((installmentNumber) => {
    const grossPremium = round2(gross1 * TERM_FACTOR[installmentNumber]);
    const netPremium = round2(grossPremium / (1 + TAX));
    return {
      installmentNumber,
      netPremium,
      grossPremium,
      commission: round2(netPremium * s.insurer.commissionRate),
      currency: 'TURKISH_LIRA',
      insuranceCompanyProposalNumber: proposalNumber,
    };
  });
}

/** Monthly due dates from today; the last instalment absorbs the rounding. */
export function paymentPlan(premium: Premium, now = new Date()): Array<{ dueDate: string; amount: number }> {
  const n = premium.installmentNumber;
  const each = Math.floor((premium.grossPremium / n) * 100) / 100;
  return Array.from({ length: n }, (_, i) => {
    const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, Math.min(now.getUTCDate(), 28)));
    const amount = i === n - 1 ? round2(premium.grossPremium - each * (n - 1)) : each;
    return { dueDate: due.toISOString().slice(0, 10), amount };
  });
}
