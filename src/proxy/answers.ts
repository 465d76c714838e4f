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
