/**
 * Header allowlists in both directions: the host site's cookies, client hints and the like
 * never reach InsurUp, and InsurUp's cookies never land on the agency's domain.
 */
import type { HeaderLookup } from './upstream.js';

export const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language'] as const;

const RETURNED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-language',
  'cache-control',
  'expires',
  'etag',
  'last-modified',
  'retry-after',
  'www-authenticate',
] as const;

export function upstreamRequestHeaders(incoming: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

export function returnedResponseHeaders(upstream: HeaderLookup): Headers {
  const out = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}
