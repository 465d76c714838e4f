/**
 * What must survive a reload or a 3-D Secure round trip goes to sessionStorage (this tab
 * only, gone when it closes), keyed by proxy URL, product and flow id. Only the FlowState's
 * ids and step are written: never tokens, never card data, never personal data.
 */
import { ProductName } from '../../contract/index.js';
import { STEPS, type FlowState } from './flow-state.js';

const PREFIX = 'insurup:v1:';

export function storageKey(proxyUrl: string, product: string, flowId = ''): string {
  return `${PREFIX}${proxyUrl}|${product}${flowId ? `|${flowId}` : ''}`;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage blocked (privacy settings, sandboxed iframes)
  }
}

export function saveFlowState(key: string, state: FlowState): void {
  const persisted: FlowState = {
    product: state.product,
    step: state.step,
    caseId: state.caseId,
    asset: state.asset,
    assetReady: state.assetReady,
    proposalId: state.proposalId,
    selection: state.selection,
    purchase: state.purchase,
    policyId: state.policyId,
  };
  try {
    storage()?.setItem(key, JSON.stringify(persisted));
  } catch {
    // quota or blocked storage: resuming is a convenience, not a requirement
  }
}

/** The saved state, or null when there is none or it is not ours (shape checked, not trusted). */
export function loadFlowState(key: string): FlowState | null {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<FlowState>;
    if (!ProductName.safeParse(value.product).success) return null;
    if (!value.step || !STEPS.includes(value.step)) return null;
    return value as FlowState;
  } catch {
    return null;
  }
}

export function clearFlowState(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
