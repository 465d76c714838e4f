/** The proxy's options, their defaults, and the checks that refuse an unsafe configuration at startup. */
import { DEFAULT_RATE_LIMITS, type RateLimitStore, type RateLimits } from './rate-limit.js';
import { createMemoryStore } from './memory-store.js';

export interface ProxyOptions {
  /** InsurUp's API origin (or the sandbox's); the only place requests go. */
  upstream: string;
  /** The agency's Agent ID (a GUID), injected into every login-or-register. */
  agentId: string;
  /** Origins of the agency's pages, e.g. `https://agency.example`. */
  allowedOrigins: string[];
  /** Origins a purchase `callbackUrl` may point to; default allowedOrigins. */
  callbackOrigins?: string[];
  /**
   * The agency's branch ids (GUIDs). When set, a body whose `agentBranchId` is another one
   * (login-or-register, new-sale-opportunity) is refused; default: any branch the page sends.
   */
  agentBranchIds?: string[];
  /** Path prefix the proxy serves under, e.g. `/insurup`; default "" (the root). */
  basePath?: string;
  /** Path prefix the browser sees, when a reverse proxy in front rewrites it; default basePath. */
  publicPath?: string;
  /** Secure cookies; default true. false only for local http development. */
  secureCookies?: boolean;
  /** Take the client IP from X-Forwarded-For (its last entry): only behind a proxy that sets it. */
  trustProxy?: boolean;
  rateLimit?: Partial<RateLimits>;
  /** Default: in memory. createRedisStore(...) when several instances share limits. */
  store?: RateLimitStore;
  /** Default 15000. */
  upstreamTimeoutMs?: number;
  /** How long a used refresh cookie still yields the same rotated tokens; default 10000. */
  refreshReuseIntervalMs?: number;
  /** Default 65536 (64 KiB). */
  maxBodyBytes?: number;
  /** One line per request; default console.log. */
  log?: (line: string) => void;
}

/**
 * The client address of a request for the rate limits, on runtimes that give no socket: from a
 * header the platform sets itself (Cloudflare: `cf-connecting-ip`), or from the runtime's own
 * argument passed to `fetch` as `env` (Deno's `info.remoteAddr.hostname`, Bun's
 * `server.requestIP(request)?.address`). undefined when unknown.
 */
export type ClientIpOption = (request: Request, env?: unknown) => string | undefined;

/** createProxy's options: the shared ones and `clientIp` (Node uses the socket instead). */
export interface EdgeProxyOptions extends ProxyOptions {
  clientIp?: ClientIpOption;
}

export interface ProxyConfig {
  upstream: string;
  upstreamOrigin: string;
  agentId: string;
  allowedOrigins: ReadonlySet<string>;
  callbackOrigins: ReadonlySet<string>;
  /** Lower-case; undefined when any branch id passes. */
  agentBranchIds: ReadonlySet<string> | undefined;
  basePath: string;
  publicPath: string;
  secureCookies: boolean;
  trustProxy: boolean;
  rateLimits: RateLimits;
  store: RateLimitStore;
  upstreamTimeoutMs: number;
  refreshReuseIntervalMs: number;
  maxBodyBytes: number;
  log: (line: string) => void;
}

export const DEFAULTS = {
  upstreamTimeoutMs: 15_000,
  refreshReuseIntervalMs: 10_000,
  maxBodyBytes: 64 * 1024,
} as const;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const PATH_PREFIX = /^(\/[A-Za-z0-9._~-]+)*$/;

function fail(message: string): never {
  throw new Error(`insurup-proxy: ${message}`);
}

/** `https://Agency.example/` → `https://agency.example`; anything with a path, query or credentials is refused. */
function normalizeOrigin(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(`${what} ${JSON.stringify(value)} is not an origin like https://agency.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`${what} ${value} must be http(s)`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    fail(`${what} ${value} must be an origin only (scheme, host, port)`);
  }
  return url.origin;
}

function pathPrefix(value: string, what: string): string {
  const trimmed = value === '/' ? '' : value.replace(/\/$/, '');
  if (!PATH_PREFIX.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..')) {
    fail(`${what} ${JSON.stringify(value)} must look like /insurup (letters, digits, . _ ~ -)`);
  }
  return trimmed;
}

function positive(value: number | undefined, fallback: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n <= 0) fail(`${what} must be a positive number`);
  return n;
}

function rateLimits(overrides: Partial<RateLimits> | undefined): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  for (const [name, { limit, windowMs }] of Object.entries(limits)) {
    if (!Number.isInteger(limit) || limit < 0) fail(`rateLimit.${name}.limit must be an integer >= 0`);
    if (!Number.isFinite(windowMs) || windowMs <= 0) fail(`rateLimit.${name}.windowMs must be positive`);
  }
  return limits;
}

/**
 * Per-IP limits need client addresses. A runtime without a socket (every edge runtime) gives
 * none, and every visitor would share one bucket: one visitor's 20 logins would block all
 * logins for an hour. So createProxy refuses to start there unless told where addresses are.
 */
export function requireClientAddresses(options: EdgeProxyOptions, socketAddresses: boolean): void {
  if (options.clientIp !== undefined && typeof options.clientIp !== 'function') fail('clientIp must be a function (request) => string | undefined');
  if (options.clientIp || options.trustProxy || socketAddresses) return;
  fail(
    'this runtime gives no client address, so every visitor would share one per-IP rate limit. ' +
      "Pass clientIp, e.g. on Cloudflare clientIp: (request) => request.headers.get('cf-connecting-ip') ?? undefined, " +
      'or trustProxy: true behind a proxy that sets X-Forwarded-For',
  );
}

/** startProxy and createNodeProxy read the socket; a clientIp meant for an edge runtime is a mistake there. */
export function refuseClientIpOnNode(options: object): void {
  if ('clientIp' in options && (options as EdgeProxyOptions).clientIp !== undefined) {
    fail('clientIp is for createProxy on edge runtimes; on Node the client address is the socket’s (or X-Forwarded-For with trustProxy)');
  }
}

export function resolveOptions(options: ProxyOptions): ProxyConfig {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    fail(`upstream ${JSON.stringify(options.upstream)} is not a URL`);
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') fail('upstream must be http(s)');
  if (upstream.search || upstream.hash || upstream.username) fail('upstream must not carry a query, fragment or credentials');
  if (!GUID.test(options.agentId ?? '')) fail('agentId must be a GUID');
  if (!options.allowedOrigins?.length) fail('allowedOrigins needs at least one origin (the agency site)');
  const allowedOrigins = new Set(options.allowedOrigins.map((o) => normalizeOrigin(o, 'allowed origin')));
  const callbackOrigins = options.callbackOrigins?.length
    ? new Set(options.callbackOrigins.map((o) => normalizeOrigin(o, 'callback origin')))
    : allowedOrigins;
  const basePath = pathPrefix(options.basePath ?? '', 'basePath');
  if (options.agentBranchIds !== undefined && !Array.isArray(options.agentBranchIds)) fail('agentBranchIds must be a list of GUIDs');
  for (const id of options.agentBranchIds ?? []) {
    if (typeof id !== 'string' || !GUID.test(id)) fail(`agent branch id ${JSON.stringify(id)} must be a GUID`);
  }
  return {
    upstream: upstream.origin + upstream.pathname.replace(/\/$/, ''),
    upstreamOrigin: upstream.origin,
    agentId: options.agentId,
    allowedOrigins,
    callbackOrigins,
    agentBranchIds: options.agentBranchIds && new Set(options.agentBranchIds.map((id) => id.toLowerCase())),
    basePath,
    publicPath: options.publicPath === undefined ? basePath : pathPrefix(options.publicPath, 'publicPath'),
    secureCookies: options.secureCookies ?? true,
    trustProxy: options.trustProxy ?? false,
    rateLimits: rateLimits(options.rateLimit),
    store: options.store ?? createMemoryStore(),
    upstreamTimeoutMs: positive(options.upstreamTimeoutMs, DEFAULTS.upstreamTimeoutMs, 'upstreamTimeoutMs'),
    refreshReuseIntervalMs: positive(options.refreshReuseIntervalMs, DEFAULTS.refreshReuseIntervalMs, 'refreshReuseIntervalMs'),
    maxBodyBytes: positive(options.maxBodyBytes, DEFAULTS.maxBodyBytes, 'maxBodyBytes'),
    log: options.log ?? ((line) => console.log(line)),
  };
}
