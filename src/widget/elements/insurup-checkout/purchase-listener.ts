/**
 * While a payment is PURCHASING, the proposal hub can say "purchased" or "purchase failed" the
 * moment it happens, so the wait ends then instead of at the next poll. The event only wakes
 * the poll: the product is fetched again and its state decides (events are not proof of
 * payment). Best effort: if the hub cannot be reached, polling carries on alone.
 */
import type { InsurUpClient } from '../../api/client.js';
import { ProposalHub } from '../../realtime/proposal-hub.js';

export interface PurchaseListener {
  /** Resolves at the next purchase event for the product (or a reconnect, after which one may have been missed). */
  next(): Promise<void>;
  stop(): void;
}

const PURCHASE_EVENTS = new Set(['ReceiveProposalProductPurchased', 'ReceiveProposalProductPurchaseFailed']);

export function listenForPurchase(client: InsurUpClient, proposalId: string, proposalProductId: string): PurchaseListener {
  let wake: (() => void) | null = null;
  let hub: ProposalHub | null = null;
  let stopped = false;
  const fire = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };

  void ProposalHub.create({
    url: client.hubUrl,
    proposalId,
    accessToken: () => client.getAccessToken(),
    reconnectDelaysMs: [0, 2_000, 5_000],
    handlers: {
      onEvent: (name, payload) => {
        if (PURCHASE_EVENTS.has(name) && payload.proposalProductId === proposalProductId) fire();
      },
      onMalformedEvent: () => undefined,
      onReconnecting: () => undefined,
      onReconnected: fire,
      onClosed: () => undefined,
    },
  })
    .then(async (created) => {
      if (stopped) return;
      hub = created;
      await created.start();
      // An event may have come between the last fetch and the registration: look once more.
      fire();
    })
    .catch(() => undefined);

  return {
    next: () =>
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
    stop: () => {
      stopped = true;
      fire();
      void hub?.stop();
    },
  };
}
