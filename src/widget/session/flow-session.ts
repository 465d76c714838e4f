/**
 * The state of one flow (one `<insurup-flow>`, or the page-level flow that separately placed
 * elements share): product, step, case, asset, proposal, chosen product, policy. It holds a
 * reference to the page-wide AuthSession of its proxy URL, and saves itself to sessionStorage
 * on every change so a reload or a payment round trip resumes where the customer was.
 */
import type { ProductName } from '../../contract/index.js';
import type { StepName } from '../events.js';
import type { AuthSession, AuthStatus } from './auth-session.js';
import {
  clampStep,
  initialFlowState,
  RETURN_MARKER_PARAM,
  type FlowState,
  type PendingPurchase,
  type QuoteSelection,
} from './flow-state.js';
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
  private lastAuthStatus: AuthStatus;
  private readonly unsubscribeAuth: () => void;

  constructor(options: FlowSessionOptions) {
    super();
    this.auth = options.auth;
    this.storageKey = options.storageKey;
    const saved = this.storageKey ? loadFlowState(this.storageKey) : null;
    this.current = saved?.product === options.product ? saved : initialFlowState(options.product);
    this.lastAuthStatus = this.auth.status;
    // Auth changes (login, expiry, logout) change which steps are reachable.
    this.unsubscribeAuth = this.auth.subscribe(() => this.onAuthChange());
    if (this.auth.status === 'authenticated') this.onAuthChange();
  }

  /** Stops following the login (when the element that made this session lets it go). */
  dispose(): void {
    this.unsubscribeAuth();
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

  /**
   * Whether `url` is the return from this flow's payment page: a purchase was started and the
   * URL carries its marker. A flow calls it on load; a return always lands on checkout, which
   * then verifies the product with the API (the URL's own success flag is never trusted).
   */
  isPaymentReturn(url: string = typeof location === 'undefined' ? '' : location.href): boolean {
    const purchase = this.current.purchase;
    if (!purchase || !url) return false;
    try {
      return new URL(url, 'http://localhost/').searchParams.get(RETURN_MARKER_PARAM) === purchase.returnMarker;
    } catch {
      return false;
    }
  }

  /** Lands on checkout when `url` is this flow's payment return; answers whether it was. */
  resumePaymentReturn(url?: string): boolean {
    if (!this.isPaymentReturn(url)) return false;
    if (this.current.step !== 'checkout') this.update({ step: 'checkout' });
    return true;
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

  /**
   * Follows the page's login. A login moves a flow waiting at the login step on to the asset
   * step, and a different customer than the saved state's starts over. A logout, or a failed
   * resume on page load, starts over; an expiry keeps the place, so the same customer logging
   * in again continues where they were.
   */
  private onAuthChange(): void {
    const { status, customer, endReason } = this.auth;
    const previous = this.lastAuthStatus;
    this.lastAuthStatus = status;
    if (status === 'authenticated' && customer) {
      const owner = this.current.customerId;
      const base = owner !== null && owner !== customer.id ? initialFlowState(this.current.product) : this.current;
      const step = base.step === 'login' ? 'asset' : base.step;
      if (base !== this.current || owner !== customer.id || step !== this.current.step) {
        this.current = base;
        this.update({ customerId: customer.id, step });
        return;
      }
    } else if (status === 'anonymous' && previous !== 'anonymous' && (endReason === 'logout' || endReason === 'restore-failed')) {
      if (this.hasProgress()) {
        this.reset();
        return;
      }
    }
    this.dispatchEvent(new Event(FLOW_SESSION_CHANGE));
  }

  private hasProgress(): boolean {
    const s = this.current;
    return s.step !== 'login' || s.customerId !== null || s.caseId !== null || s.assetReady || s.proposalId !== null;
  }
}
