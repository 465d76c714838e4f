/**
 * Every `insurup-*` event and its detail. Events bubble and are composed (they cross shadow
 * roots), so an agency can listen on `document` for analytics. No detail ever carries a
 * national id, phone, e-mail, plate or card data: only product, step, insurer and amounts.
 */
import type { AssetType, CustomerType, ProductName } from '../contract/index.js';
import type { AsyncPaymentType } from '../contract/purchase.js';
import type { Currency } from '../contract/z.js';

export type StepName = 'login' | 'asset' | 'quotes' | 'checkout' | 'policy';

export interface InsurupEventMap {
  /** `<insurup-flow>` (or the page session) moved to another step. */
  'insurup-step-change': { step: StepName; previousStep: StepName | null; product: ProductName };
  /** The customer verified the SMS code. */
  'insurup-login': { customerType: CustomerType };
  /** The customer logged out, or the session ended and could not be refreshed. */
  'insurup-logout': { reason: 'user' | 'expired' };
  /** A request failed in a way the user saw. `code` is the problem code or the error kind. */
  'insurup-error': { step: StepName | null; code: string; status: number | null };
  /** A vehicle, home or the health details are ready for quotes. */
  'insurup-asset-ready': { product: ProductName; assetType: AssetType | null };
  /** Quotes were requested. */
  'insurup-quotes-requested': { product: ProductName; coverageGroupCount: number };
  /** The customer chose a product and an instalment plan. */
  'insurup-quote-selected': {
    product: ProductName;
    insuranceCompanyId: string;
    productId: string;
    installmentNumber: number;
    grossPremium: number;
    currency: Currency;
  };
  /** Payment started: the browser is about to leave for the bank or the insurer. */
  'insurup-payment-started': { product: ProductName; paymentType: AsyncPaymentType };
  /** The product is bought and the policy exists. */
  'insurup-purchase-complete': {
    branch: ProductName;
    insuranceCompanyId: string;
    grossPremium: number;
    currency: Currency;
    policyId: string;
  };
}

export type InsurupEventName = keyof InsurupEventMap;
export type InsurupEvent<K extends InsurupEventName> = CustomEvent<InsurupEventMap[K]>;

type InsurupEventListeners = { [K in InsurupEventName]: InsurupEvent<K> };

declare global {
  interface HTMLElementEventMap extends InsurupEventListeners {}
  interface DocumentEventMap extends InsurupEventListeners {}
}

/** Dispatches a typed `insurup-*` event that bubbles and crosses shadow roots. */
export function emit<K extends InsurupEventName>(
  target: EventTarget,
  name: K,
  detail: InsurupEventMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
