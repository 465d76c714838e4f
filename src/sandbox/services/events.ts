/**
 * Product state changes, as the hub pushes them. Services emit; the hub (and anyone else, such
 * as a test) listens. Payloads are built here once, in the contract's shapes.
 */
import type { HubEventName, HubEventPayload, ProductEventBase } from '../../contract/realtime.js';
import type { ProductRecord } from '../store.js';

export interface ProductEvent<K extends HubEventName = HubEventName> {
  name: K;
  proposalId: string;
  payload: HubEventPayload<K>;
}

type Listener = (event: ProductEvent) => void;

function eventBase(product: ProductRecord): ProductEventBase {
  return {
    proposalId: product.proposalId,
    proposalProductId: product.id,
    productId: product.productId,
    productName: product.productName,
    productType: product.productType,
    insuranceCompanyId: product.insurer.id,
    insuranceCompanyName: product.insurer.name,
    insuranceCompanyLogo: product.insurer.logo,
    supportedPaymentOptions: product.supportedPaymentOptions,
  };
}

export class ProductEvents {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends HubEventName>(name: K, product: ProductRecord, extra: Omit<HubEventPayload<K>, keyof ProductEventBase>): void {
    const payload = { ...eventBase(product), ...extra } as HubEventPayload<K>;
    const event = { name, proposalId: product.proposalId, payload } as ProductEvent;
    for (const listener of this.listeners) listener(event);
  }
}
