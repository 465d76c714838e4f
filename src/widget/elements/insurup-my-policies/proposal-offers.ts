/**
 * A past quote opened in `<insurup-my-policies>`: its offers (`GET /api/proposals/{id}`), each
 * ACTIVE product with its price, its product document and its pre-contract information form.
 * A quote's offers load the first time it is opened (and again after a failure); a document's
 * link is asked for on every click (links are short-lived) and opened in a new tab.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProposalProduct } from '../../../contract/proposals.js';
import type { InsurUpClient } from '../../api/client.js';
import { isAbort } from '../../api/errors.js';

export type OfferDocument = 'product' | 'information';

export type OffersLoad =
  | { status: 'pending' }
  | { status: 'error'; error: unknown }
  | { status: 'complete'; offers: ProposalProduct[] };

export type DocumentState =
  | { key: string; status: 'pending' }
  | { key: string; status: 'error'; error: unknown }
  | { key: string; status: 'complete'; url: string };

export interface ProposalOffersOptions {
  client: () => InsurUpClient | undefined;
  /** Opens a document link; answers false when the new tab was blocked. */
  openDocument: (url: string) => boolean;
  onError: (error: unknown) => void;
}

/** The single-payment price (else the first), which the list is sorted by. */
export function headlinePremium(product: ProposalProduct): ProposalProduct['premiums'][number] | undefined {
  return product.premiums.find((p) => p.installmentNumber === 1) ?? product.premiums[0];
}

export function documentKey(proposalId: string, proposalProductId: string, kind: OfferDocument): string {
  return `${proposalId}|${proposalProductId}|${kind}`;
}

export class ProposalOffers implements ReactiveController {
  private readonly opened = new Set<string>();
  private readonly loads = new Map<string, OffersLoad>();
  private readonly running = new Set<AbortController>();
  /** The document asked for last (one at a time, like a policy's PDF). */
  document: DocumentState | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProposalOffersOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const controller of this.running) controller.abort();
    this.running.clear();
    // An aborted load is not kept: it loads again when the element is back.
    for (const [id, load] of this.loads) if (load.status === 'pending') this.loads.delete(id);
  }

  isOpen(proposalId: string): boolean {
    return this.opened.has(proposalId);
  }

  load(proposalId: string): OffersLoad | undefined {
    return this.loads.get(proposalId);
  }

  /** Opens (and loads, the first time or after a failure) or closes a quote's offers. */
  toggle(proposalId: string): void {
    if (this.opened.delete(proposalId)) {
      this.host.requestUpdate();
      return;
    }
    this.opened.add(proposalId);
    const load = this.loads.get(proposalId);
    if (!load || load.status === 'error') void this.fetch(proposalId);
    this.host.requestUpdate();
  }

  retry(proposalId: string): void {
    void this.fetch(proposalId);
  }

  private async fetch(proposalId: string): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    const controller = new AbortController();
    this.running.add(controller);
    this.loads.set(proposalId, { status: 'pending' });
    this.host.requestUpdate();
    try {
      const proposal = await client.request('getProposal', { params: { proposalId } }, { signal: controller.signal });
      // Only what can still be bought, cheapest first.
      const price = (p: ProposalProduct) => headlinePremium(p)?.grossPremium ?? Number.POSITIVE_INFINITY;
      const offers = proposal.products.filter((p) => p.state === 'ACTIVE').sort((a, b) => price(a) - price(b));
      this.loads.set(proposalId, { status: 'complete', offers });
    } catch (error) {
      if (isAbort(error)) return;
      this.loads.set(proposalId, { status: 'error', error });
      this.options.onError(error);
    } finally {
      this.running.delete(controller);
      this.host.requestUpdate();
    }
  }

  /** Asks for a fresh link to an offer's document and opens it in a new tab. */
  async openDocument(proposalId: string, proposalProductId: string, kind: OfferDocument): Promise<void> {
    const client = this.options.client();
    if (!client || this.document?.status === 'pending') return;
    const key = documentKey(proposalId, proposalProductId, kind);
    const controller = new AbortController();
    this.running.add(controller);
    this.document = { key, status: 'pending' };
    this.host.requestUpdate();
    try {
      const endpoint = kind === 'product' ? 'getProductDocument' : 'getProductInformationForm';
      const { url } = await client.request(endpoint, { params: { proposalId, proposalProductId } }, { signal: controller.signal });
      this.options.openDocument(url);
      this.document = { key, status: 'complete', url };
    } catch (error) {
      if (isAbort(error)) {
        this.document = null;
        return;
      }
      this.document = { key, status: 'error', error };
      this.options.onError(error);
    } finally {
      this.running.delete(controller);
      this.host.requestUpdate();
    }
  }
}
