/**
 * The agency token proxy as a Web-standard fetch handler: runs unchanged on Node (see node.ts)
 * and on edge runtimes (`export default createProxy({...})`). No Node imports here.
 */
import { createProxyCore } from './app.js';
import { requireClientAddresses, type EdgeProxyOptions } from './options.js';
import { runsOnNode } from './runtime.js';

export type { ClientIpOption, EdgeProxyOptions, ProxyOptions } from './options.js';
export { DEFAULTS } from './options.js';
export type { Limit, RateLimits, RateLimitStore, StoreHit } from './rate-limit.js';
export { DEFAULT_RATE_LIMITS } from './rate-limit.js';
export { createMemoryStore } from './memory-store.js';

export interface ProxyHandler {
  fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
}

/**
 * Refuses to start (a configuration error) where it could not tell visitors apart: not on Node
 * (whose server adapter passes the socket), and neither `clientIp` nor `trustProxy` given.
 */
export function createProxy(options: EdgeProxyOptions): ProxyHandler {
  requireClientAddresses(options, runsOnNode());
  const core = createProxyCore(options);
  return { fetch: core.fetch };
}
