/** Everything a handler can reach: settings, the catalogue, the store and the services. */
import { buildCatalog, type Catalog } from './catalog/index.js';
import { ProposalHub } from './hub/hub.js';
import type { ResolvedOptions, RuntimeConfig } from './options.js';
import { AuthService } from './services/auth.js';
import { ProductEvents } from './services/events.js';
import { PurchaseService } from './services/purchases.js';
import { QuoteEngine } from './services/quotes.js';
import { Signer } from './services/signing.js';
import { TokenService } from './services/tokens.js';
import { seedRegisteredCustomers } from './seed-data.js';
import { SandboxStore } from './store.js';
import { TimerSet } from './timers.js';

export interface SandboxServices {
  readonly seed: number;
  /** Changed at run time by `POST /sandbox/config`. */
  config: RuntimeConfig;
  readonly catalog: Catalog;
  readonly store: SandboxStore;
  readonly signer: Signer;
  readonly tokens: TokenService;
  readonly auth: AuthService;
  readonly events: ProductEvents;
  readonly quotes: QuoteEngine;
  readonly purchases: PurchaseService;
  readonly hub: ProposalHub;
  readonly timers: TimerSet;
  readonly log: (line: string) => void;
}

export function createServices(options: ResolvedOptions): SandboxServices {
  const catalog = buildCatalog(options.seed);
  const store = new SandboxStore();
  seedRegisteredCustomers(catalog, store);
  const signer = new Signer();
  const timers = new TimerSet();
  const events = new ProductEvents();
  const log = options.log;
  const holder: { config: RuntimeConfig } = { config: options.config };
  const tokens = new TokenService(store, signer, () => holder.config.tokenTtl);
  const sb: SandboxServices = {
    seed: options.seed,
    get config() {
      return holder.config;
    },
    set config(value: RuntimeConfig) {
      holder.config = value;
    },
    catalog,
    store,
    signer,
    tokens,
    auth: new AuthService({ store, tokens, seed: options.seed, otp: options.otp, log }),
    events,
    quotes: new QuoteEngine({ seed: options.seed, store, events, timers, config: () => holder.config }),
    purchases: new PurchaseService({ store, events }),
    hub: new ProposalHub({ store, tokens, events, timers, pingInterval: options.hubPingInterval, log }),
    timers,
    log,
  };
  return sb;
}
