/** Everything a handler can reach: settings, the catalogue, the store and the services. */
import { buildCatalog, type Catalog } from './catalog/index.js';
import type { ResolvedOptions, RuntimeConfig } from './options.js';
import { AuthService } from './services/auth.js';
import { Signer } from './services/signing.js';
import { TokenService } from './services/tokens.js';
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
  readonly timers: TimerSet;
  readonly log: (line: string) => void;
}

export function createServices(options: ResolvedOptions): SandboxServices {
  const catalog = buildCatalog(options.seed);
  const store = new SandboxStore();
  const signer = new Signer();
  const sb = {
    seed: options.seed,
    config: options.config,
    catalog,
    store,
    signer,
    timers: new TimerSet(),
    log: options.log,
  } as SandboxServices;
  const tokens = new TokenService(store, signer, () => sb.config.tokenTtl);
  Object.assign(sb, {
    tokens,
    auth: new AuthService({ store, tokens, seed: options.seed, otp: options.otp, log: options.log }),
  });
  return sb;
}
