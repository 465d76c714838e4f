/**
 * Origins: the agency's pages get CORS with credentials; a foreign Origin is refused before
 * anything else; no Origin (a same-origin GET, a server) is served, except where the refresh
 * cookie is used.
 */
import { FORWARDED_REQUEST_HEADERS } from './headers.js';

export type OriginVerdict =
  | { kind: 'none' }
  | { kind: 'allowed'; origin: string }
  | { kind: 'foreign'; origin: string };

export function judgeOrigin(headers: Headers, allowed: ReadonlySet<string>): OriginVerdict {
  const origin = headers.get('origin');
  if (origin === null) return { kind: 'none' };
  // Browsers send the serialized origin; `null` (sandboxed frames, file:) is never allowed.
  return allowed.has(origin) ? { kind: 'allowed', origin } : { kind: 'foreign', origin };
}

/**
 * Refresh and logout act on the cookie, so a cross-site page must not trigger them: an
 * allowed Origin, or the browser's own Sec-Fetch-Site saying the request is same-site.
 */
export function mayUseRefreshCookie(verdict: OriginVerdict, headers: Headers): boolean {
  if (verdict.kind === 'allowed') return true;
  if (verdict.kind === 'foreign') return false;
  const site = headers.get('sec-fetch-site');
  return site === 'same-origin' || site === 'same-site';
}

const EXPOSED_HEADERS = 'Retry-After, Content-Disposition';

export function corsHeaders(verdict: OriginVerdict): Record<string, string> {
  if (verdict.kind !== 'allowed') return {};
  return {
    'access-control-allow-origin': verdict.origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': EXPOSED_HEADERS,
  };
}

export function preflightHeaders(verdict: OriginVerdict & { kind: 'allowed' }, method: string): Record<string, string> {
  return {
    'access-control-allow-origin': verdict.origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': method,
    'access-control-allow-headers': FORWARDED_REQUEST_HEADERS.join(', '),
    'access-control-max-age': '600',
  };
}
