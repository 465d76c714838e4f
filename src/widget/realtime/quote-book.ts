/**
 * The products of one proposal as the widget knows them, fed by two sources that race each
 * other: hub events (pushed the instant an insurer answers) and proposal snapshots (the GET
 * used on start, for polling and to reconcile after a reconnect). Pure: no DOM, no timers.
 *
 * Every change replaces the product's object and leaves the others untouched, so a list that
 * renders by object identity re-renders only the cards that changed.
 */
import type { Proposal, ProposalProduct, ProductState } from '../../contract/proposals.js';
import type { HubEventName, HubEventPayload } from '../../contract/realtime.js';

/** States in which a product waits for nothing more from the insurer. */
const FINAL: ReadonlySet<ProductState> = new Set(['ACTIVE', 'FAILED', 'PURCHASING', 'PURCHASED']);

const isFinal = (product: ProposalProduct): boolean => FINAL.has(product.state);

/** What one applied update changed. */
export interface BookChange {
  /** Some product was added or replaced. */
  changed: boolean;
  /** Ids of products that became ACTIVE with premiums (a new quote the user can see). */
  newQuotes: string[];
}

const NO_CHANGE: BookChange = { changed: false, newQuotes: [] };

interface Entry {
  product: ProposalProduct;
  /** When a hub event last set this product (ms, the caller's clock); 0 when only snapshots did. */
  eventAt: number;
}

export class QuoteBook {
  private readonly entries = new Map<string, Entry>();
  /** Product ids in the order they became known. */
  private readonly arrival: string[] = [];
  private cache: readonly ProposalProduct[] | null = null;
  /** From the latest snapshot: how many products the proposal will have in the end. */
  expectedCount = 0;
  /** Bumped on every change, so a host can tell cheaply whether to re-render. */
  version = 0;

  constructor(readonly proposalId: string) {}

  /** The products in arrival order; the same array until something changes. */
  get products(): readonly ProposalProduct[] {
    this.cache ??= this.arrival.map((id) => this.entries.get(id)!.product);
    return this.cache;
  }

  get(id: string): ProposalProduct | undefined {
    return this.entries.get(id)?.product;
  }

  get size(): number {
    return this.arrival.length;
  }

  /** Products that have answered (any state but WAITING). */
  get settledCount(): number {
    return this.products.filter(isFinal).length;
  }

  /** True when the proposal's every product is known and none is still waiting. */
  get complete(): boolean {
    return this.size > 0 && this.size >= this.expectedCount && this.products.every(isFinal);
  }

  /**
   * Merges a GET of the proposal. `requestedAt` is when that GET was sent: a product a hub
   * event changed after that moment keeps the event's (newer) version.
   */
  applySnapshot(proposal: Proposal, requestedAt: number): BookChange {
    if (proposal.proposalId !== this.proposalId) return NO_CHANGE;
    this.expectedCount = Math.max(proposal.totalProductsCount, proposal.products.length);
    const newQuotes: string[] = [];
    let changed = false;
    for (const incoming of proposal.products) {
      const entry = this.entries.get(incoming.id);
      if (entry && entry.eventAt > requestedAt) continue;
      const product = entry ? keepKnownCoverage(entry.product, incoming) : incoming;
      if (entry && sameProduct(entry.product, product)) continue;
      if (becameQuote(entry?.product, product)) newQuotes.push(product.id);
      this.put(product, entry?.eventAt ?? 0);
      changed = true;
    }
    return changed ? this.changed(newQuotes) : NO_CHANGE;
  }

  /** Applies one validated hub event. Events for another proposal are ignored. */
  applyEvent<K extends HubEventName>(name: K, payload: HubEventPayload<K>, at: number): BookChange {
    if (payload.proposalId !== this.proposalId) return NO_CHANGE;
    const entry = this.entries.get(payload.proposalProductId);
    const before = entry?.product ?? placeholderFrom(payload);
    const after = productAfterEvent(before, name, payload);
    if (entry && sameProduct(entry.product, after)) {
      entry.eventAt = at;
      return NO_CHANGE;
    }
    this.put(after, at);
    if (!entry) this.expectedCount = Math.max(this.expectedCount, this.size);
    return this.changed(becameQuote(entry?.product, after) ? [after.id] : []);
  }

  /** A retry was accepted: the product waits again until the insurer answers. */
  markWaiting(id: string, at: number): BookChange {
    const entry = this.entries.get(id);
    if (!entry || entry.product.state === 'WAITING') return NO_CHANGE;
    this.put({ ...entry.product, state: 'WAITING', errorMessage: null }, at);
    return this.changed([]);
  }

  private put(product: ProposalProduct, eventAt: number): void {
    if (!this.entries.has(product.id)) this.arrival.push(product.id);
    this.entries.set(product.id, { product, eventAt });
  }

  private changed(newQuotes: string[]): BookChange {
    this.cache = null;
    this.version++;
    return { changed: true, newQuotes };
  }
}

function becameQuote(before: ProposalProduct | undefined, after: ProposalProduct): boolean {
  return after.state === 'ACTIVE' && after.premiums.length > 0 && before?.state !== 'ACTIVE';
}

/** A product first heard of through an event (the snapshot that lists it has not come yet). */
function placeholderFrom(payload: HubEventPayload<HubEventName>): ProposalProduct {
  return {
    id: payload.proposalProductId,
    insuranceCompanyId: payload.insuranceCompanyId,
    insuranceCompanyName: payload.insuranceCompanyName,
    insuranceCompanyLogo: payload.insuranceCompanyLogo ?? null,
    productId: payload.productId,
    productName: payload.productName,
    productType: payload.productType,
    state: 'WAITING',
    errorMessage: null,
    policyId: null,
    premiums: [],
    coverageGroupId: null,
    coverageGroupName: null,
    supportedPaymentOptions: payload.supportedPaymentOptions,
    needsInvestigationByCompany: null,
    hasUndamagedDiscount: null,
    coverage: null,
  };
}

/** The product as it is after one server method. */
function productAfterEvent<K extends HubEventName>(
  product: ProposalProduct,
  name: K,
  payload: HubEventPayload<K>,
): ProposalProduct {
  const common = {
    ...product,
    productName: payload.productName,
    insuranceCompanyName: payload.insuranceCompanyName,
    insuranceCompanyLogo: payload.insuranceCompanyLogo ?? product.insuranceCompanyLogo ?? null,
    supportedPaymentOptions: payload.supportedPaymentOptions,
  };
  // Each case narrows `payload` through `name`; TypeScript cannot correlate the two generics.
  const p = payload as Record<string, unknown>;
  switch (name) {
    case 'ReceiveProposalProductSuccess':
      return {
        ...common,
        state: 'ACTIVE',
        errorMessage: null,
        premiums: p.premiums as ProposalProduct['premiums'],
        coverage: (p.coverage as ProposalProduct['coverage']) ?? product.coverage ?? null,
      };
    case 'ReceiveProposalProductFailed':
      return { ...common, state: 'FAILED', errorMessage: (p.errorMessage as string | null | undefined) ?? null };
    case 'ReceiveProposalProductInProgress':
      return { ...common, state: 'WAITING', errorMessage: null };
    case 'ReceiveProposalProductRevised':
      return { ...common, premiums: p.premiums as ProposalProduct['premiums'] };
    case 'ReceiveProposalProductPurchasing':
      return { ...common, state: 'PURCHASING' };
    case 'ReceiveProposalProductPurchased':
      return { ...common, state: 'PURCHASED', policyId: p.policyId as string };
    case 'ReceiveProposalProductPurchaseFailed':
      // The payment failed; the quote itself still stands and can be bought again.
      return { ...common, state: 'ACTIVE', errorMessage: (p.errorMessage as string | null | undefined) ?? null };
    case 'ReceiveProposalProductCoverage':
      return { ...common, coverage: p.coverage as ProposalProduct['coverage'] };
    default:
      return product;
  }
}

/** A snapshot without coverage does not erase the coverage an event already brought. */
function keepKnownCoverage(known: ProposalProduct, incoming: ProposalProduct): ProposalProduct {
  return incoming.coverage == null && known.coverage != null ? { ...incoming, coverage: known.coverage } : incoming;
}

/** Deep equality of two products (plain JSON data, small). */
function sameProduct(a: ProposalProduct, b: ProposalProduct): boolean {
  if (a === b) return true;
  if (a.state !== b.state || a.premiums.length !== b.premiums.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
