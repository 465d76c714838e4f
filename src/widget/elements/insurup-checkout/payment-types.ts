/**
 * Which async payment types checkout offers: those the product supports, narrowed by the
 * agency's `payment-types` attribute (e.g. only `insurance-company-redirect` for an agency
 * that wants no card numbers on its pages).
 */
import { ASYNC_PAYMENT_TYPES, type AsyncPaymentType } from '../../../contract/purchase.js';
import type { PaymentOption, ProposalProduct } from '../../../contract/proposals.js';

/** Display order: the card types first (most customers pay by card), the insurer's page last. */
const PAYMENT_TYPE_ORDER: readonly AsyncPaymentType[] = [
  '3d-secure',
  'third-party-3d-secure',
  'insurance-company-redirect',
];

/** Types whose card is typed into this page (and sent once to the proxy). */
export function isCardPayment(type: AsyncPaymentType): type is '3d-secure' | 'third-party-3d-secure' {
  return type === '3d-secure' || type === 'third-party-3d-secure';
}

/**
 * `"3d-secure, insurance-company-redirect"` → those types. Unknown names are ignored, so a
 * typo narrows the choice rather than widening it; a missing attribute allows every type.
 */
export function parsePaymentTypes(attribute: string | null | undefined): ReadonlySet<AsyncPaymentType> {
  if (attribute === null || attribute === undefined) return new Set(PAYMENT_TYPE_ORDER);
  const wanted = attribute
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  return new Set(PAYMENT_TYPE_ORDER.filter((type) => wanted.includes(type)));
}

/** The async types a product supports, in display order. Robot products support none. */
export function supportedPaymentTypes(options: readonly PaymentOption[]): AsyncPaymentType[] {
  const supported = new Set(options.map((option) => ASYNC_PAYMENT_TYPES[option]).filter(Boolean));
  return PAYMENT_TYPE_ORDER.filter((type) => supported.has(type));
}

/** What checkout offers for this product under the agency's setting. */
export function offeredPaymentTypes(
  product: Pick<ProposalProduct, 'productType' | 'supportedPaymentOptions'>,
  allowed: ReadonlySet<AsyncPaymentType>,
): AsyncPaymentType[] {
  if (product.productType === 'ROBOT') return [];
  return supportedPaymentTypes(product.supportedPaymentOptions).filter((type) => allowed.has(type));
}
