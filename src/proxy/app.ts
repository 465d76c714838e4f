/**
 * The proxy as a Hono app over the Fetch API (no Node imports), in the order a request meets
 * its checks: log line, base path, health, Origin, per-IP limit, preflight, allowlist, then
 * the endpoint's own rules and the upstream call. Every refusal happens before upstream.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ProblemKind } from '../contract/problems.js';
import { maskPhone } from '../widget/validation/phone.js';
import { allowedQuery, lookupRoute, type Route } from './allowlist.js';
import { jsonObject, readLimitedBody, type Bytes } from './body.js';
import { checkCallbackUrl } from './callback-gate.js';
import { clientIp } from './client-ip.js';
import { readRefreshCookie, clearedRefreshCookie, type CookieSettings } from './cookies.js';
import { corsHeaders, judgeOrigin, mayUseRefreshCookie, preflightHeaders, type OriginVerdict } from './cors.js';
import { checkGraphqlRequest } from './graphql-gate.js';
import { returnedResponseHeaders, upstreamRequestHeaders } from './headers.js';
import { formatLogLine, type LogEntry } from './log.js';
import { prepareLoginBody } from './login-body.js';
import { resolveOptions, type ProxyConfig, type ProxyOptions } from './options.js';
import { problemResponse } from './problems.js';
import { RateLimiter, type LimitVerdict } from './rate-limit.js';
import { RefreshCoalescer, type RefreshOutcome } from './refresh.js';
import { sharedRefresh } from './refresh-share.js';
import { relativePath, requestTarget, type RequestTarget } from './request-target.js';
import { browserTokenResponse, tokensFrom, withClearedCookie } from './token-answers.js';
import { fetchTransport, type UpstreamResult, type UpstreamTransport } from './upstream.js';

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
  ipOf(headers: Headers, env: unknown): string;
  writeLog(entry: LogEntry): void;
  fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The proxy answers JSON only. Should anything upstream ever answer HTML, it must not run as a
 * page on the agency's (sub)domain: no sniffing, no scripts, no framing, no referrer.
 */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'referrer-policy': 'no-referrer',
};

function rateLimited(verdict: LimitVerdict & { ok: false }): Response {
  return problemResponse('rate-limited', 429, 'Too many requests; try again later.', {
    'retry-after': String(verdict.retryAfterSeconds),
  });
}

function upstreamFailure(result: UpstreamResult & { ok: false }): Response {
  return result.failure === 'timeout'
    ? problemResponse('upstream-timeout', 504, 'InsurUp did not answer in time.')
    : problemResponse('upstream-service', 502, 'InsurUp could not be reached.');
}

/** The upstream answer as it came (problem details included), minus headers not meant for the browser. */
function passThrough(result: UpstreamResult & { ok: true }): Response {
  const body = NULL_BODY_STATUSES.has(result.status) ? null : result.body;
  return new Response(body, { status: result.status, headers: returnedResponseHeaders(result.headers) });
}

/** `transport` replaces fetch for upstream calls (node.ts passes a node:http one). */
export function createProxyCore(
  options: ProxyOptions,
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
        timedOut: () => ({ ok: false, response: () => upstreamFailure({ ok: false, failure: 'timeout', message: '' }), clearCookie: false }),
        onError: (error) => note(`refresh share store failed: ${String((error as Error)?.message ?? error)}`),
      })
    : undefined;
  let warnedNoIp = false;

  const ipOf = (headers: Headers, env: unknown): string => {
    const ip = clientIp(headers, env, config.trustProxy);
    if (ip) return ip;
    if (!warnedNoIp) {
      warnedNoIp = true;
      note('no client address from this runtime: per-IP limits are shared by all clients; set trustProxy if a proxy in front sets X-Forwarded-For');
    }
    return 'unknown';
  };

  const refuse = (c: Ctx, kind: ProblemKind, status: number, detail: string, headers?: Record<string, string>) => {
    c.get('entry').note = detail;
    return problemResponse(kind, status, detail, headers);
  };

  const notRouted = (c: Ctx, status: 404 | 405) =>
    status === 405
      ? refuse(c, 'method-not-allowed', 405, 'Method not allowed')
      : refuse(c, 'endpoint-not-found', 404, 'No such endpoint');

  // ---- middleware, in order -----------------------------------------------------------------

  const logLine: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    const target = requestTarget(c.req.raw, c.env);
    const ip = ipOf(c.req.raw.headers, c.env);
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
      return rateLimited(verdict);
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

  async function refresh(c: Ctx, body: Bytes): Promise<Response> {
    const text = new TextDecoder().decode(body).trim();
    if (text !== '' && text !== '{}') {
      return refuse(c, 'input-validation', 400, 'Send an empty body: the refresh token travels in its cookie.');
    }
    const cookie = readRefreshCookie(c.req.raw.headers, cookieSettings);
    if (!cookie) return refuse(c, 'unauthorized', 401, 'No refresh cookie; log in again.');
    const language = c.req.header('accept-language');
    const outcome = await coalescer.run(cookie, () =>
      shared ? shared.run(cookie, () => refreshUpstream(cookie, language)) : refreshUpstream(cookie, language),
    );
    if (outcome.ok) return browserTokenResponse(outcome.tokens, cookieSettings);
    const response = outcome.response();
    return outcome.clearCookie ? withClearedCookie(response, cookieSettings) : response;
  }

  async function refreshUpstream(cookie: string, acceptLanguage: string | undefined): Promise<RefreshOutcome> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (acceptLanguage) headers['accept-language'] = acceptLanguage;
    const result = await callUpstream({
      method: 'POST',
      path: '/api/auth/customer/refresh',
      query: '',
      headers,
      body: JSON.stringify({ refreshToken: cookie }),
    });
    if (!result.ok) return { ok: false, response: () => upstreamFailure(result), clearCookie: false };
    if (result.status >= 200 && result.status < 300) {
      const tokens = tokensFrom(result.body);
      if (tokens) return { ok: true, tokens };
      return {
        ok: false,
        response: () => problemResponse('upstream-service', 502, 'InsurUp answered the refresh without tokens.'),
        clearCookie: false,
      };
    }
    // A refused refresh token is dead: drop the cookie with the answer.
    const dead = result.status === 400 || result.status === 401 || result.status === 403;
    return { ok: false, response: () => passThrough(result), clearCookie: dead };
  }

  async function logout(c: Ctx): Promise<Response> {
    const cookie = readRefreshCookie(c.req.raw.headers, cookieSettings);
    if (cookie) {
      coalescer.forget(cookie);
      await shared?.forget(cookie);
    }
    const headers = new Headers({ 'cache-control': 'no-store' });
    headers.append('set-cookie', clearedRefreshCookie(cookieSettings));
    return new Response(null, { status: 204, headers });
  }

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
    if (route.kind === 'logout') return logout(c);
    if (route.endpoint.websocket) {
      return c.req.header('upgrade')
        ? refuse(c, 'feature-not-supported', 501, 'This runtime does not pass WebSockets through; the widget falls back to polling.')
        : refuse(c, 'feature-not-supported', 426, 'The hub speaks WebSocket only.', { upgrade: 'websocket' });
    }

    const query = allowedQuery(route.endpoint, c.get('target').query);
    if (!query.ok) return refuse(c, 'input-validation', 400, query.detail);

    let body: Bytes | string | undefined;
    let rewritten = false;
    if (method === 'POST' || method === 'PUT') {
      const read = await readLimitedBody(c.req.raw, config.maxBodyBytes);
      if (!read.ok) {
        return read.reason === 'too-large'
          ? refuse(c, 'payload-too-large', 413, `The body is larger than ${config.maxBodyBytes} bytes.`)
          : refuse(c, 'input-validation', 400, 'The body could not be read.');
      }
      body = read.bytes;
    }

    if (route.id === 'refreshToken') return refresh(c, body as Bytes);

    if (route.id === 'loginOrRegister' || route.id === 'verifyMfa' || route.id === 'purchaseAsync' || route.id === 'graphql') {
      const parsed = jsonObject(body as Bytes);
      if (!parsed) return refuse(c, 'input-validation', 400, 'The body must be a JSON object.');
      const ip = c.get('ip');
      if (route.id === 'loginOrRegister') {
        const login = prepareLoginBody(parsed, config.agentId);
        if (login.phoneNumber) entry.phone = maskPhone(login.phoneNumber);
        const verdict = await limiter.checkAll([
          ['loginPerIp', ip],
          ['loginPerPhone', login.phone],
        ]);
        if (!verdict.ok) {
          entry.note = `rate limited: ${verdict.name}`;
          return rateLimited(verdict);
        }
        body = login.body;
      } else if (route.id === 'verifyMfa') {
        const token = typeof parsed.token === 'string' ? parsed.token : undefined;
        const verdict = await limiter.checkAll([
          ['verifyPerIp', ip],
          ['verifyPerToken', token],
        ]);
        if (!verdict.ok) {
          entry.note = `rate limited: ${verdict.name}`;
          return rateLimited(verdict);
        }
      } else if (route.id === 'purchaseAsync') {
        const callback = checkCallbackUrl(parsed, config.callbackOrigins);
        if (!callback.ok) return refuse(c, 'input-validation', 400, callback.detail);
      } else {
        const gate = checkGraphqlRequest(parsed);
        if (!gate.ok) return refuse(c, gate.status === 403 ? 'access-denied' : 'input-validation', gate.status, gate.detail);
        body = gate.body;
      }
      rewritten = typeof body === 'string';
    }

    const headers = upstreamRequestHeaders(c.req.raw.headers);
    if (rewritten) headers['content-type'] = 'application/json';
    const result = await callUpstream({
      method,
      path: route.path,
      query: query.query,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    if (!result.ok) {
      entry.note = `upstream ${result.failure}`;
      return upstreamFailure(result);
    }
    if (route.id === 'verifyMfa' && result.status >= 200 && result.status < 300) {
      const tokens = tokensFrom(result.body);
      if (!tokens) return refuse(c, 'upstream-service', 502, 'InsurUp answered verify-mfa without tokens.');
      return browserTokenResponse(tokens, cookieSettings);
    }
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
