/**
 * The state of one flow (one `<insurup-flow>`, or the page-level flow that separately placed
 * elements share): product, step, case, asset, proposal, chosen product, policy. It holds a
 * reference to the page-wide AuthSession of its proxy URL, and saves itself to sessionStorage
 * on every change so a reload or a payment round trip resumes where the customer was.
 */
import type { ProductName } from '../../contract/index.js';
import type { StepName } from '../events.js';
import type { AuthSession } from './auth-session.js';
import { clampStep, initialFlowState, type FlowState, type PendingPurchase, type QuoteSelection } from './flow-state.js';
import { clearFlowState, loadFlowState, saveFlowState } from './persistence.js';

export const FLOW_SESSION_CHANGE = 'change';

export interface FlowSessionOptions {
  auth: AuthSession;
  product: ProductName;
  /** sessionStorage key; omit to keep the state in memory only. */
  storageKey?: string;
}

export class FlowSession extends EventTarget {
  readonly auth: AuthSession;
  readonly storageKey: string | undefined;
  private current: FlowState;

  constructor(options: FlowSessionOptions) {
    super();
    this.auth = options.auth;
    this.storageKey = options.storageKey;
    const saved = this.storageKey ? loadFlowState(this.storageKey) : null;
    this.current = saved?.product === options.product ? saved : initialFlowState(options.product);
    // Auth changes (login, expiry, logout) change which steps are reachable.
    this.auth.subscribe(() => this.dispatchEvent(new Event(FLOW_SESSION_CHANGE)));
  }

  get state(): Readonly<FlowState> {
    return this.current;
  }

  get product(): ProductName {
    return this.current.product;
  }

  get client() {
    return this.auth.client;
  }

  /** The step to show now: the saved one, clamped to what the state and login allow. */
  get step(): StepName {
    return clampStep(this.current, this.current.step, this.auth.isAuthenticated);
  }

  update(patch: Partial<FlowState>): void {
    this.current = { ...this.current, ...patch };
    if (this.storageKey) saveFlowState(this.storageKey, this.current);
    this.dispatchEvent(new Event(FLOW_SESSION_CHANGE));
  }

  goTo(step: StepName): void {
    this.update({ step: clampStep(this.current, step, this.auth.isAuthenticated) });
  }

  // Transitions. Each element finishes its step through one of these, which also clears what
  // came after it (a new vehicle means new quotes), and moves the flow to the next step.

  /** The asset step is done: a vehicle or home (or null for TSS, whose health details are saved). */
  completeAsset(asset: FlowState['asset']): void {
    const same = asset?.id === this.current.asset?.id && asset?.type === this.current.asset?.type;
    this.update({
      asset,
      assetReady: true,
      ...(same && this.current.assetReady ? {} : { proposalId: null, selection: null, purchase: null, policyId: null }),
      step: 'quotes',
    });
  }

  /** Quotes were requested: remember the proposal so a reload re-attaches to it. */
  setProposal(proposalId: string): void {
    this.update({ proposalId, selection: null, purchase: null, policyId: null });
  }

  /** A product and instalment were chosen: on to checkout. */
  selectQuote(selection: QuoteSelection): void {
    this.update({ selection, purchase: null, policyId: null, step: 'checkout' });
  }

  /** Payment is about to leave the page: what the return needs (never card data). */
  startPurchase(purchase: PendingPurchase): void {
    this.update({ purchase, step: 'checkout' });
  }

  /** The product is PURCHASED (verified with the API, never taken from the return URL). */
  completePurchase(policyId: string): void {
    this.update({ policyId, purchase: null, step: 'policy' });
  }

  /** Starts over for the same product (after logout, or when a resume is impossible). */
  reset(): void {
    this.current = initialFlowState(this.current.product);
    if (this.storageKey) clearFlowState(this.storageKey);
    this.dispatchEvent(new Event(FLOW_SESSION_CHANGE));
  }

  subscribe(listener: () => void): () => void {
    this.addEventListener(FLOW_SESSION_CHANGE, listener);
    return () => this.removeEventListener(FLOW_SESSION_CHANGE, listener);
  }
}
