/**
 * What must survive a reload or a 3-D Secure round trip goes to sessionStorage (this tab
 * only, gone when it closes), keyed by proxy URL, product and flow id. Only the FlowState's
 * ids and step are written: never tokens, never card data, never personal data.
 */
import * as z from '../../contract/zod.js';
import { AssetType, Currency, Id, ProductName } from '../../contract/index.js';
import { STEPS, type FlowState } from './flow-state.js';

const PREFIX = 'insurup:v1:';

export function storageKey(proxyUrl: string, product: string, flowId = ''): string {
  return `${PREFIX}${proxyUrl}|${product}${flowId ? `|${flowId}` : ''}`;
}

/** sessionStorage, or null where the browser blocks it (privacy settings, sandboxed iframes). */
export function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

// The saved state is read back through a schema: sessionStorage is writable by any script on
// the page, so what comes back is checked, not trusted. Unknown keys are dropped.
const Step = z.enum(STEPS as unknown as ['login', 'asset', 'quotes', 'checkout', 'policy']);
const Selection = z.object({
  proposalProductId: Id,
  installmentNumber: z.number().check(z.int(), z.gte(1), z.lte(12)),
  insuranceCompanyId: z.union([z.string(), z.number()]),
  insuranceCompanyName: z.string(),
  productId: z.union([z.string(), z.number()]),
  productName: z.string(),
  grossPremium: z.number(),
  currency: Currency,
});
const Purchase = z.object({
  proposalProductId: Id,
  paymentType: z.enum(['3d-secure', 'third-party-3d-secure', 'insurance-company-redirect']),
  returnMarker: z.string().check(z.maxLength(200)),
  startedAt: z.number(),
});
const PersistedFlowState = z.object({
  product: ProductName,
  step: Step,
  customerId: z.nullish(Id),
  caseId: z.nullable(Id),
  asset: z.nullable(z.object({ type: AssetType, id: Id })),
  assetReady: z.boolean(),
  proposalId: z.nullable(Id),
  selection: z.nullable(Selection),
  purchase: z.nullable(Purchase),
  policyId: z.nullable(Id),
});

/** Exactly the persisted fields, so nothing else that may ride on a state object is written. */
function persistable(state: FlowState): FlowState {
  return {
    product: state.product,
    step: state.step,
    customerId: state.customerId,
    caseId: state.caseId,
    asset: state.asset,
    assetReady: state.assetReady,
    proposalId: state.proposalId,
    selection: state.selection,
    purchase: state.purchase,
    policyId: state.policyId,
  };
}

export function saveFlowState(key: string, state: FlowState): void {
  try {
    sessionStore()?.setItem(key, JSON.stringify(persistable(state)));
  } catch {
    // quota or blocked storage: resuming is a convenience, not a requirement
  }
}

/** The saved state, or null when there is none or it does not pass the schema. */
export function loadFlowState(key: string): FlowState | null {
  let raw: string | null = null;
  try {
    raw = sessionStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = PersistedFlowState.safeParse(json);
  if (!parsed.success) return null;
  return persistable({ ...(parsed.data as unknown as FlowState), customerId: parsed.data.customerId ?? null });
}

export function clearFlowState(key: string): void {
  try {
    sessionStore()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
