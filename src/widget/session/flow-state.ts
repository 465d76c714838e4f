/** What one flow remembers: the step and the ids that lead to a policy. Never tokens, never card data. */
import type { AssetType, ProductName } from '../../contract/index.js';
import type { AsyncPaymentType } from '../../contract/purchase.js';
import type { Currency } from '../../contract/z.js';
import type { StepName } from '../events.js';

export interface QuoteSelection {
  proposalProductId: string;
  installmentNumber: number;
  insuranceCompanyId: string;
  insuranceCompanyName: string;
  productId: string;
  productName: string;
  grossPremium: number;
  currency: Currency;
}

export interface PendingPurchase {
  proposalProductId: string;
  paymentType: AsyncPaymentType;
  /** The marker put in the callback URL, so the return is recognised. */
  returnMarker: string;
  startedAt: number;
}

export interface FlowState {
  product: ProductName;
  step: StepName;
  /**
   * The customer this state belongs to (InsurUp's opaque customer id, no personal data), so a
   * different customer logging in on the same tab never resumes someone else's flow.
   */
  customerId: string | null;
  caseId: string | null;
  /** The insured vehicle or home; null for TSS (the customer is insured). */
  asset: { type: AssetType; id: string } | null;
  /** The asset step is complete (for TSS: health details saved). */
  assetReady: boolean;
  proposalId: string | null;
  selection: QuoteSelection | null;
  purchase: PendingPurchase | null;
  policyId: string | null;
}

export const STEPS: readonly StepName[] = ['login', 'asset', 'quotes', 'checkout', 'policy'];

/**
 * The query parameter a payment's `callbackUrl` carries, whose value is the purchase's
 * `returnMarker`: when the bank or the insurer sends the customer back, the flow that started
 * the payment recognises its own return (and another flow on the page does not).
 */
export const RETURN_MARKER_PARAM = 'insurup_return';

export function initialFlowState(product: ProductName): FlowState {
  return {
    product,
    step: 'login',
    customerId: null,
    caseId: null,
    asset: null,
    assetReady: false,
    proposalId: null,
    selection: null,
    purchase: null,
    policyId: null,
  };
}

/** The furthest step the state allows: a step whose inputs are missing is not reachable. */
function furthestStep(state: FlowState, authenticated: boolean): StepName {
  if (!authenticated) return 'login';
  // A bought policy is shown whatever came before it (a payment finished in another tab lands
  // here with only the policy confirmed).
  if (state.policyId) return 'policy';
  if (!state.assetReady) return 'asset';
  if (!state.proposalId || !state.selection) return 'quotes';
  return 'checkout';
}

/** The step to show: the wanted one, unless its inputs are missing. */
export function clampStep(state: FlowState, wanted: StepName, authenticated: boolean): StepName {
  const furthest = furthestStep(state, authenticated);
  return STEPS.indexOf(wanted) <= STEPS.indexOf(furthest) ? wanted : furthest;
}
