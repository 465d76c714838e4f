/**
 * The state of one flow (one `<insurup-flow>`, or the page-level flow that separately placed
 * elements share): product, step, case, asset, proposal, chosen product, policy. It holds a
 * reference to the page-wide AuthSession of its proxy URL, and saves itself to sessionStorage
 * on every change so a reload or a payment round trip resumes where the customer was.
 */
import type { Policy, ProductName } from '../../contract/index.js';
import { InsurUpError, isAbort } from '../api/errors.js';
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
import { capturePaymentReturn, isReturnOwnedInTab, takeReturnMarker } from './payment-return.js';

const FLOW_SESSION_CHANGE = 'change';

/**
 * A payment return this session did not start (no pending purchase in this tab has its marker):
 * `checking` until the login is restored and the policy hint is asked for; `login` when nobody
 * is logged in (the check runs again after the login); `confirmed` when the customer's own
 * `GET /api/policies/{id}` answered (the session is then at the policy); `unconfirmed` when
 * there was no usable hint or InsurUp does not know the policy for this customer; `failed`
 * when the check could not be made (network, server), with the error for a Retry.
 */
export type ForeignReturnStatus = 'checking' | 'login' | 'confirmed' | 'unconfirmed' | 'failed';

export interface ForeignReturn {
  status: ForeignReturnStatus;
  /** The `policyId` the address carried: a hint until `confirmed`. */
  policyHint: string | null;
  error?: unknown;
}

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
  private returnTaken = false;
  private foreign: ForeignReturn | null = null;
  private foreignRun = 0;
  private noticeHolder: object | null = null;

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
    // A settled return's message belongs to the step it was shown on.
    if (patch.step && patch.step !== this.current.step && this.foreign && this.foreign.status !== 'checking' && this.foreign.status !== 'login') {
      this.foreign = null;
    }
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
   * URL carries its marker. Without `url`, this page load's return (read once from the address,
   * which then loses it). A return always lands on checkout, which then verifies the product
   * with the API (the URL's own success flag is never trusted).
   */
  isPaymentReturn(url?: string): boolean {
    const purchase = this.current.purchase;
    if (!purchase) return false;
    if (url === undefined) return capturePaymentReturn()?.marker === purchase.returnMarker;
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

  /**
   * Called once when a flow (or the page session) is made, on every page load. This session's
   * own return lands on checkout (`own`). A return no session of this tab started — the payment
   * was finished in another tab, or a banking app opened a new one — is taken by the first
   * session that sees it (`foreign`): after the silent login restore, its `policyId` is asked
   * for with the customer's token, and only a policy InsurUp confirms moves the session to the
   * policy step. Answers null when the page is no payment return (or another session took it).
   * Only the first call on a session does anything.
   */
  takePaymentReturn(): 'own' | 'foreign' | null {
    if (this.returnTaken) return null;
    this.returnTaken = true;
    const found = capturePaymentReturn();
    if (!found) return null;
    if (this.current.purchase?.returnMarker === found.marker) {
      takeReturnMarker(found.marker);
      if (this.current.step !== 'checkout') this.update({ step: 'checkout' });
      return 'own';
    }
    if (isReturnOwnedInTab(found.marker) || !takeReturnMarker(found.marker)) return null;
    this.foreign = { status: 'checking', policyHint: found.policyId };
    void this.checkForeignReturn();
    return 'foreign';
  }

  /** A payment return this session took but did not start (see `takePaymentReturn`), or null. */
  get foreignReturn(): Readonly<ForeignReturn> | null {
    return this.foreign;
  }

  /** After a `failed` check: ask again. */
  retryForeignReturn(): void {
    if (this.foreign?.status !== 'failed') return;
    this.setForeign({ status: 'checking', policyHint: this.foreign.policyHint });
    void this.checkForeignReturn();
  }

  /**
   * Which element shows the foreign return's message: the first to ask (the flow, before its
   * steps; else the first separately placed element), so it appears once. A holder that left
   * the page gives way.
   */
  claimReturnNotice(holder: object): boolean {
    const current = this.noticeHolder;
    const gone = typeof Element !== 'undefined' && current instanceof Element && !current.isConnected;
    if (current && current !== holder && !gone) return false;
    this.noticeHolder = holder;
    return true;
  }

  private setForeign(next: ForeignReturn | null): void {
    this.foreign = next;
    this.dispatchEvent(new Event(FLOW_SESSION_CHANGE));
  }

  private async checkForeignReturn(): Promise<void> {
    const run = ++this.foreignRun;
    const hint = this.foreign?.policyHint ?? null;
    await this.auth.restore();
    if (run !== this.foreignRun || !this.foreign) return;
    if (!hint) return this.setForeign({ status: 'unconfirmed', policyHint: null });
    const customerId = this.auth.isAuthenticated ? this.auth.customer?.id : undefined;
    if (!customerId) return this.setForeign({ status: 'login', policyHint: hint });
    let policy: Policy;
    try {
      // Only the customer's own policy is answered; another customer's is a 404 like a missing one.
      policy = await this.client.request('getPolicy', { params: { policyId: hint } });
    } catch (error) {
      if (run !== this.foreignRun || !this.foreign || isAbort(error)) return;
      const status = error instanceof InsurUpError ? error.status : null;
      if (error instanceof InsurUpError && error.kind === 'unauthorized') {
        return this.setForeign({ status: 'login', policyHint: hint });
      }
      if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        return this.setForeign({ status: 'unconfirmed', policyHint: hint });
      }
      return this.setForeign({ status: 'failed', policyHint: hint, error });
    }
    if (run !== this.foreignRun || !this.foreign) return;
    if (this.auth.customer?.id !== customerId) {
      // Logged out or another customer meanwhile: ask again for whoever is logged in now.
      this.foreign = { status: 'checking', policyHint: hint };
      return this.checkForeignReturn();
    }
    const selection = this.current.selection?.proposalProductId === policy.proposalProductId ? this.current.selection : null;
    this.update({ policyId: policy.id, proposalId: policy.proposalId, selection, purchase: null, step: 'policy' });
    this.setForeign({ status: 'confirmed', policyHint: policy.id });
  }

  /** Starts over for the same product (after logout, or when a resume is impossible). */
  reset(): void {
    this.current = initialFlowState(this.current.product);
    if (this.foreign && this.foreign.status !== 'checking' && this.foreign.status !== 'login') this.foreign = null;
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
    if (status === 'authenticated' && customer && this.foreign?.status === 'login') {
      // Logged in at last: ask for the returned policy now (the flow waits on `checking`).
      this.foreign = { status: 'checking', policyHint: this.foreign.policyHint };
      void this.checkForeignReturn();
    }
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
