/**
 * Fictional insurers with the real market's payment mix (reference: few offer 3-D Secure, most
 * offer the insurer's own payment page and third-party 3-D Secure, one takes cards only) and
 * one robot (screen-scraped, not purchasable) insurer.
 */
import type { ProductBranch } from '../../contract/branches.js';
import type { PaymentOption, ProductType } from '../../contract/proposals.js';
import { seededRng } from '../random.js';

export interface Insurer {
  id: number;
  name: string;
  /** Prefix of the insurer's proposal and policy numbers. */
  code: string;
  logo: string;
  color: string;
  productType: ProductType;
  supportedPaymentOptions: PaymentOption[];
  branches: ProductBranch[];
  /** Price level relative to the market (1 = average). */
  priceFactor: number;
  /** Share of quotes that fail on the first attempt. */
  failureRate: number;
  commissionRate: number;
}

const NAMES: Array<[name: string, code: string]> = [
  ['Lale Sigorta', 'LAL'],
  ['Martı Sigorta', 'MRT'],
  ['Pusula Sigorta', 'PSL'],
  ['Kervan Sigorta', 'KRV'],
  ['Yelken Sigorta', 'YLK'],
  ['Sedir Sigorta', 'SDR'],
  ['Kardelen Sigorta', 'KRD'],
  ['Mavi Liman Sigorta', 'MVL'],
  ['Gökkuşağı Sigorta', 'GKS'],
];

const COLORS = ['#c0392b', '#1f6fb2', '#16a085', '#8e44ad', '#d35400', '#2c3e50', '#b7950b', '#0e7c86', '#6d4c41'];

const ALL_BRANCHES: ProductBranch[] = ['KASKO', 'TRAFIK', 'IMM', 'DASK', 'KONUT', 'TSS'];

/** Payment mixes by market role; the seed decides which insurer takes which role. */
const ROLES: Array<{ options: PaymentOption[]; productType: ProductType; branches: ProductBranch[]; failureRate: number }> = [
  // Few insurers offer the bank's own 3-D Secure page.
  { options: ['ASYNC_3D_SECURE', 'SYNC_CREDIT_CARD', 'SYNC_OPEN_ACCOUNT'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.06 },
  { options: ['ASYNC_3D_SECURE', 'ASYNC_INSURANCE_COMPANY_REDIRECT', 'SYNC_CREDIT_CARD'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.08 },
  // Most: the insurer's payment page and InsurUp's third-party 3-D Secure.
  { options: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD', 'SYNC_OPEN_ACCOUNT'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.08 },
  { options: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.1 },
  { options: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'], productType: 'WEB_SERVICE', branches: ['KASKO', 'TRAFIK', 'IMM', 'DASK', 'KONUT'], failureRate: 0.1 },
  { options: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD', 'SYNC_OPEN_ACCOUNT'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.3 },
  { options: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'], productType: 'WEB_SERVICE', branches: ['KASKO', 'TRAFIK', 'KONUT', 'TSS'], failureRate: 0.08 },
  // One takes cards only: no insurer page and no bank 3-D Secure of its own.
  { options: ['ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'], productType: 'WEB_SERVICE', branches: ALL_BRANCHES, failureRate: 0.08 },
  // A robot product: quoted by screen automation, never purchasable through the API.
  { options: [], productType: 'ROBOT', branches: ALL_BRANCHES, failureRate: 0.12 },
];

/** A small square logo with the insurer's initials, as an inline SVG data URL. */
function logoFor(name: string, color: string): string {
  const initials = name
    .replace(/ Sigorta$/, '')
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toLocaleUpperCase('tr-TR');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="12" fill="${color}"/>` +
    `<text x="32" y="41" font-family="Arial,Helvetica,sans-serif" font-size="24" font-weight="700" ` +
    `fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

export function buildInsurers(seed: number): Insurer[] {
  const rng = seededRng(seed, 'insurers');
  const roles = rng.shuffle(ROLES);
  const colors = rng.shuffle(COLORS);
  return NAMES.map(([name, code], i) => {
    const role = roles[i]!;
    const color = colors[i]!;
    return {
      id: 101 + i,
      name,
      code,
      color,
      logo: logoFor(name, color),
      productType: role.productType,
      supportedPaymentOptions: role.options,
      branches: role.branches,
      priceFactor: Math.round(rng.between(0.86, 1.2) * 100) / 100,
      failureRate: role.failureRate,
      commissionRate: Math.round(rng.between(0.1, 0.18) * 100) / 100,
    };
  });
}

const PRODUCT_NAMES: Record<ProductBranch, string> = {
  KASKO: 'Kasko',
  TRAFIK: 'Zorunlu Trafik',
  IMM: 'İhtiyari Mali Mesuliyet',
  DASK: 'Zorunlu Deprem (DASK)',
  KONUT: 'Konut Paket',
  TSS: 'Tamamlayıcı Sağlık',
};

const BRANCH_INDEX: Record<ProductBranch, number> = { KASKO: 1, TRAFIK: 2, IMM: 3, DASK: 4, KONUT: 5, TSS: 6 };

/** Each insurer sells one product per branch. */
export function productOf(insurer: Insurer, branch: ProductBranch): { productId: number; productName: string } {
  return {
    productId: insurer.id * 100 + BRANCH_INDEX[branch],
    productName: `${insurer.name.replace(/ Sigorta$/, '')} ${PRODUCT_NAMES[branch]}`,
  };
}
