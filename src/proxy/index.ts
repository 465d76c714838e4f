/**
 * The agency token proxy as a Web-standard fetch handler: runs unchanged on Node (see node.ts)
 * and on edge runtimes (`export default createProxy({...})`). No Node imports here.
 */
import { createProxyCore } from './app.js';
import type { ProxyOptions } from './options.js';

export type { ProxyOptions } from './options.js';
export { DEFAULTS } from './options.js';
export type { Limit, RateLimits, RateLimitStore, StoreHit } from './rate-limit.js';
export { DEFAULT_RATE_LIMITS } from './rate-limit.js';
export { createMemoryStore } from './memory-store.js';

export interface ProxyHandler {
  fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
}

export function createProxy(options: ProxyOptions): ProxyHandler {
  const core = createProxyCore(options);
  return { fetch: core.fetch };
}
