/** Answers the proxy builds itself or passes on: limits, upstream failures, upstream answers. */
import { problemResponse } from './problems.js';
import { returnedResponseHeaders } from './headers.js';
import type { UpstreamResult } from './upstream.js';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The proxy answers JSON only. Should anything upstream ever answer HTML, it must not run as a
 * page on the agency's (sub)domain: no sniffing, no scripts, no framing, no referrer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'referrer-policy': 'no-referrer',
};

export function rateLimited(retryAfterSeconds: number): Response {
  return problemResponse('rate-limited', 429, 'Too many requests; try again later.', {
    'retry-after': String(retryAfterSeconds),
  });
}

export function upstreamFailure(failure: 'timeout' | 'unreachable'): Response {
  return failure === 'timeout'
    ? problemResponse('upstream-timeout', 504, 'InsurUp did not answer in time.')
    : problemResponse('upstream-service', 502, 'InsurUp could not be reached.');
}

/** The upstream answer as it came (problem details included), minus headers not meant for the browser. */
export function passThrough(result: UpstreamResult & { ok: true }): Response {
  const body = NULL_BODY_STATUSES.has(result.status) ? null : result.body;
  return new Response(body, { status: result.status, headers: returnedResponseHeaders(result.headers) });
}

const REFRESH_TOKEN_KEY = /^refresh_?token$/i;

/** `value` without any `refreshToken` key (any case) at any depth, and whether one was there. */
function withoutRefreshTokens(value: unknown): { value: unknown; removed: boolean } {
  if (Array.isArray(value)) {
    let removed = false;
    const items = value.map((item) => {
      const inner = withoutRefreshTokens(item);
      removed ||= inner.removed;
      return inner.value;
    });
    return { value: items, removed };
  }
  if (value === null || typeof value !== 'object') return { value, removed: false };
  let removed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (REFRESH_TOKEN_KEY.test(key)) {
      removed = true;
      continue;
    }
    const inner = withoutRefreshTokens(item);
    removed ||= inner.removed;
    out[key] = inner.value;
  }
  return { value: out, removed };
}

/**
 * Auth answers the proxy does not rebuild (login-or-register, verify-mfa and refresh errors):
 * passed on without any `refreshToken`, whatever its case or depth, so a token never reaches
 * JavaScript even if an upstream body carried one. A body that is not JSON cannot be searched for keys and is
 * replaced by a problem with the same status.
 */
export function passThroughWithoutRefreshToken(result: UpstreamResult & { ok: true }): Response {
  if (NULL_BODY_STATUSES.has(result.status) || !result.body.byteLength) return passThrough(result);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(result.body));
  } catch {
    return problemResponse('upstream-service', result.status, `InsurUp answered ${result.status} without JSON.`);
  }
  const stripped = withoutRefreshTokens(parsed);
  if (!stripped.removed) return passThrough(result);
  return new Response(JSON.stringify(stripped.value), { status: result.status, headers: returnedResponseHeaders(result.headers) });
}
