/**
 * The proxy as a Hono app over the Fetch API (no Node imports), in the order a request meets
 * its checks: log line, base path, health, Origin, per-IP limit, preflight, allowlist, then
 * the endpoint's own rules and the upstream call. Every refusal happens before upstream.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ProblemKind } from '../contract/problems.js';
import { allowedQuery, lookupRoute, type Route } from './allowlist.js';
import { passThrough, passThroughWithoutRefreshToken, rateLimited, SECURITY_HEADERS, upstreamFailure } from './answers.js';
import type { ValidationError } from '../contract/problems.js';
import { readLimitedBody } from './body.js';
import { ruleOnBody } from './body-rules.js';
import { clientIp } from './client-ip.js';
import { readContractBody } from './contract-body.js';
import { createCookieRoutes } from './cookie-routes.js';
import type { CookieSettings } from './cookies.js';
import { corsHeaders, judgeOrigin, mayUseRefreshCookie, preflightHeaders, type OriginVerdict } from './cors.js';
import { upstreamRequestHeaders } from './headers.js';
import { formatLogLine, type LogEntry } from './log.js';
import { resolveOptions, type EdgeProxyOptions, type ProxyConfig } from './options.js';
import { problemResponse } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import { RefreshCoalescer } from './refresh.js';
import { sharedRefresh } from './refresh-share.js';
import { relativePath, requestTarget, type RequestTarget } from './request-target.js';
import { browserTokenResponse, tokensFrom } from './token-answers.js';
import { fetchTransport, type UpstreamTransport } from './upstream.js';

interface Vars {
  entry: LogEntry;
  target: RequestTarget;
  rel: string;
  ip: string;
  origin: OriginVerdict;
}
type AppEnv = { Variables: Vars };
type Ctx = Context<AppEnv>;

export interface ProxyCore {
  config: ProxyConfig;
  limiter: RateLimiter;
  /** Client IP as the rate limits see it ("unknown" when the runtime gives none). */
  ipOf(headers: Headers, env: unknown, request?: Request): string;
  writeLog(entry: LogEntry): void;
  fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
}

/** `transport` replaces fetch for upstream calls (node.ts passes a node:http one). */
export function createProxyCore(
  options: EdgeProxyOptions,
  transport: (config: ProxyConfig) => UpstreamTransport = (config) => fetchTransport(config.upstream, config.upstreamTimeoutMs),
): ProxyCore {
  const config = resolveOptions(options);
  const callUpstream = transport(config);
  const cookieSettings: CookieSettings = { secureCookies: config.secureCookies, publicPath: config.publicPath };
  // A failing log sink must not fail the request it describes.
  const writeLog = (entry: LogEntry) => {
    try {
      config.log(formatLogLine(entry));
    } catch {
      // nowhere left to report it
    }
  };
  const note = (text: string) => writeLog({ method: '-', path: '-', status: 0, ms: 0, ip: '-', note: text });
  const limiter = new RateLimiter(config.rateLimits, config.store, (error) =>
    note(`rate-limit store failed, counting in memory: ${String((error as Error)?.message ?? error)}`),
  );
  const coalescer = new RefreshCoalescer(config.refreshReuseIntervalMs);
  // Several instances: the store (Redis) carries each refresh's outcome between them too.
  const shared = config.store.refreshShare
    ? sharedRefresh(config.store.refreshShare, {
        reuseIntervalMs: config.refreshReuseIntervalMs,
        waitMs: config.upstreamTimeoutMs + 1000,
        timedOut: () => ({ ok: false, response: () => upstreamFailure('timeout'), clearCookie: false }),
        onError: (error) => note(`refresh share store failed: ${String((error as Error)?.message ?? error)}`),
      })
    : undefined;
  const cookieRoutes = createCookieRoutes({ cookieSettings, callUpstream, coalescer, shared });
  let warnedNoIp = false;

  const fromRequest = options.clientIp;
  const ipOf = (headers: Headers, env: unknown, request?: Request): string => {
    let ip: string | undefined;
    try {
      ip = clientIp(headers, env, config.trustProxy, fromRequest && request ? { request, clientIp: fromRequest } : undefined);
    } catch (error) {
      note(`clientIp failed: ${String((error as Error)?.message ?? error)}`);
    }
    if (ip) return ip;
    if (!warnedNoIp) {
      warnedNoIp = true;
      note('no client address for a request: per-IP limits count it with every other such request; check clientIp, or set trustProxy if a proxy in front sets X-Forwarded-For');
    }
    return 'unknown';
  };

  const refuse = (
    c: Ctx,
    kind: ProblemKind,
    status: number,
    detail: string,
    headers?: Record<string, string>,
    validationErrors?: ValidationError[],
  ) => {
    c.get('entry').note = detail;
    return problemResponse(kind, status, detail, headers, validationErrors ? { validationErrors } : {});
  };

  const notRouted = (c: Ctx, status: 404 | 405) =>
    status === 405
      ? refuse(c, 'method-not-allowed', 405, 'Method not allowed')
      : refuse(c, 'endpoint-not-found', 404, 'No such endpoint');

  // ---- middleware, in order -----------------------------------------------------------------

  const logLine: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    const target = requestTarget(c.req.raw, c.env);
    const ip = ipOf(c.req.raw.headers, c.env, c.req.raw);
    const entry: LogEntry = { method: c.req.method, path: target.path, status: 0, ms: 0, ip };
    c.set('entry', entry);
    c.set('target', target);
    c.set('ip', ip);
    try {
      await next();
    } finally {
      entry.status = c.res.status;
      entry.ms = Math.round((performance.now() - started) * 10) / 10;
      writeLog(entry);
    }
  };

  const basePath: MiddlewareHandler<AppEnv> = async (c, next) => {
    const rel = relativePath(c.get('target').path, config.basePath);
    if (rel === undefined) return refuse(c, 'endpoint-not-found', 404, 'Not found');
    c.set('rel', rel);
    await next();
  };

  const health = async (c: Ctx, next: () => Promise<void>) => {
    if (c.get('rel') !== '/healthz') return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return refuse(c, 'method-not-allowed', 405, 'GET only');
    return new Response(c.req.method === 'HEAD' ? null : '{"status":"ok"}', {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  };

  const originGate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const origin = judgeOrigin(c.req.raw.headers, config.allowedOrigins);
    c.set('origin', origin);
    if (origin.kind === 'foreign') {
      c.res = refuse(c, 'forbidden-origin', 403, 'This origin may not use the proxy.');
    } else {
      await next();
    }
    // A fresh Response has mutable headers; every answer, refusals included, gets these.
    const headers = c.res.headers;
    headers.append('vary', 'Origin');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (!headers.has('access-control-allow-origin')) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) headers.set(name, value);
    }
  };

  const perIpLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
    const verdict = await limiter.check('perIp', c.get('ip'));
    if (!verdict.ok) {
      c.get('entry').note = 'rate limited: perIp';
      return rateLimited(verdict.retryAfterSeconds);
    }
    await next();
  };

  const preflight: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    const origin = c.get('origin');
    const method = c.req.header('access-control-request-method');
    if (origin.kind !== 'allowed' || !method) return refuse(c, 'method-not-allowed', 405, 'OPTIONS is for CORS preflight only');
    const lookup = lookupRoute(method, c.get('rel'));
    if (!lookup.found) return notRouted(c, lookup.status);
    return new Response(null, { status: 204, headers: preflightHeaders(origin, method) });
  };

  // ---- the endpoint ---------------------------------------------------------------------------

  const endpoint = async (c: Ctx): Promise<Response> => {
    const method = c.req.method;
    const lookup = lookupRoute(method, c.get('rel'));
    if (!lookup.found) return notRouted(c, lookup.status);
    const route: Route = lookup.route;
    const entry = c.get('entry');
    entry.endpoint = route.kind === 'logout' ? 'logout' : route.id;

    const usesCookie = route.kind === 'logout' || route.id === 'refreshToken';
    if (usesCookie && !mayUseRefreshCookie(c.get('origin'), c.req.raw.headers)) {
      return refuse(c, 'forbidden-origin', 403, 'Refresh and logout need the agency page as Origin.');
    }
    if (route.kind === 'logout') return cookieRoutes.logout(c.req.raw.headers);
    if (route.endpoint.websocket) {
      return c.req.header('upgrade')
        ? refuse(c, 'feature-not-supported', 501, 'This runtime does not pass WebSockets through; the widget falls back to polling.')
        : refuse(c, 'feature-not-supported', 426, 'The hub speaks WebSocket only.', { upgrade: 'websocket' });
    }

    const query = allowedQuery(route.endpoint, c.get('target').query);
    if (!query.ok) return refuse(c, 'input-validation', 400, query.detail);

    // What goes upstream: no body, or the body as the contract parsed it (contract-body.ts).
    let body: string | undefined;
    if (method === 'POST' || method === 'PUT') {
      const read = await readLimitedBody(c.req.raw, config.maxBodyBytes);
      if (!read.ok) {
        return read.reason === 'too-large'
          ? refuse(c, 'payload-too-large', 413, `The body is larger than ${config.maxBodyBytes} bytes.`)
          : refuse(c, 'input-validation', 400, 'The body could not be read.');
      }
      // Refresh has its own rule: an empty body, the token comes from the cookie.
      if (route.id === 'refreshToken') {
        const answer = await cookieRoutes.refresh(c.req.raw.headers, read.bytes);
        return answer instanceof Response ? answer : refuse(c, answer.status === 401 ? 'unauthorized' : 'input-validation', answer.status, answer.detail);
      }
      const contract = readContractBody(
        route.endpoint,
        read.bytes,
        c.req.header('content-type') ?? null,
        route.id === 'loginOrRegister' ? { agentId: config.agentId } : undefined,
      );
      if (!contract.ok) {
        return contract.status === 415
          ? refuse(c, 'unsupported-media-type', 415, contract.detail)
          : refuse(c, 'input-validation', 400, contract.detail, undefined, contract.validationErrors);
      }
      body = contract.body;
      if (contract.data) {
        const ruling = await ruleOnBody(route.id, contract.data, {
          ip: c.get('ip'),
          callbackOrigins: config.callbackOrigins,
          agentBranchIds: config.agentBranchIds,
          limiter,
        });
        if (!ruling.pass) {
          if (ruling.retryAfterSeconds === undefined) return refuse(c, ruling.kind, ruling.status, ruling.detail);
          entry.note = ruling.detail;
          return rateLimited(ruling.retryAfterSeconds);
        }
        if (ruling.maskedPhone) entry.phone = ruling.maskedPhone;
        if (ruling.body !== undefined) body = ruling.body;
      }
    }

    const headers = upstreamRequestHeaders(c.req.raw.headers);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const result = await callUpstream({
      method,
      path: route.path,
      query: query.query,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    if (!result.ok) {
      entry.note = `upstream ${result.failure}`;
      return upstreamFailure(result.failure);
    }
    if (route.id === 'verifyMfa') {
      if (result.status < 200 || result.status >= 300) return passThroughWithoutRefreshToken(result);
      const tokens = tokensFrom(result.body);
      if (!tokens) return refuse(c, 'upstream-service', 502, 'InsurUp answered verify-mfa without tokens.');
      return browserTokenResponse(tokens, cookieSettings);
    }
    // Every other auth answer too: a refresh token in a login answer would still never reach JavaScript.
    if (route.id === 'loginOrRegister') return passThroughWithoutRefreshToken(result);
    return passThrough(result);
  };

  const app = new Hono<AppEnv>();
  app.use('*', logLine, basePath, health, originGate, perIpLimit, preflight);
  app.all('*', endpoint);
  app.onError((error, c) => {
    const entry = c.get('entry');
    if (entry) entry.note = `proxy error: ${String(error?.message ?? error)}`;
    return problemResponse('upstream-service', 500, 'The proxy failed on this request.');
  });

  return {
    config,
    limiter,
    ipOf,
    writeLog,
    fetch: (request, env, ctx) =>
      Promise.resolve(app.fetch(request, env as object | undefined, ctx as Parameters<typeof app.fetch>[2])),
  };
}
