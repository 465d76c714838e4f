/**
 * What may pass: the customer-facing rows of the contract's endpoint table (method and path,
 * matched on the raw path so `..` and encoded slashes never match), their listed query keys,
 * and the logout the proxy answers itself. Everything else never reaches upstream.
 */
import { matchEndpoint, type EndpointDef, type EndpointId, type HttpMethod } from '../contract/endpoints.js';

/** Answered by the proxy (it clears the refresh cookie); InsurUp has no such endpoint. */
export const LOGOUT_PATH = '/api/auth/customer/logout';
/** Where the refresh cookie is sent (refresh and logout), below the public path. */
export const AUTH_COOKIE_SCOPE = '/api/auth/customer';

export type Route =
  | { kind: 'endpoint'; id: EndpointId; endpoint: EndpointDef; path: string }
  | { kind: 'logout' };

export type RouteLookup = { found: true; route: Route } | { found: false; status: 404 | 405 };

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

function customerFacing(method: string, path: string): Route | undefined {
  if (!METHODS.includes(method as HttpMethod)) return undefined;
  const match = matchEndpoint(method, path);
  if (!match?.endpoint.customerFacing) return undefined;
  return { kind: 'endpoint', id: match.id, endpoint: match.endpoint, path };
}

export function lookupRoute(method: string, path: string): RouteLookup {
  if (path === LOGOUT_PATH) return method === 'POST' ? { found: true, route: { kind: 'logout' } } : { found: false, status: 405 };
  const route = customerFacing(method, path);
  if (route) return { found: true, route };
  // 405 only where a customer-facing endpoint has this path: back-office paths stay unknown.
  const otherMethod = METHODS.some((m) => m !== method && customerFacing(m, path));
  return { found: false, status: otherMethod ? 405 : 404 };
}

export type QueryCheck = { ok: true; query: string } | { ok: false; detail: string };

/**
 * Keeps only the endpoint's listed query keys (first value of each) and checks them against
 * its schema. Unlisted keys are dropped, not forwarded.
 */
export function allowedQuery(endpoint: EndpointDef, rawQuery: string): QueryCheck {
  const schema = endpoint.query;
  if (!schema) return { ok: true, query: '' };
  const given = new URLSearchParams(rawQuery);
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = given.get(key);
    if (value !== null) picked[key] = value;
  }
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))].filter(Boolean);
    return { ok: false, detail: `Invalid or missing query parameter(s): ${keys.join(', ') || 'query'}` };
  }
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(key, value);
  }
  return { ok: true, query: out.toString() };
}
