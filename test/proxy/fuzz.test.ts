// Random methods, paths, query strings, headers and bodies against the proxy (seeded, so a
// failure replays with PROXY_FUZZ_SEED=<seed>): the proxy itself never answers 5xx, nothing
// outside the allowlist (method, path, query keys, headers) goes upstream, and every answer
// is either the upstream's status or one of the proxy's own refusals. A recording upstream in
// front of the sandbox sees every request the proxy sends, `/sandbox/*` included. Bodies vary
// key case and repeat keys (as ASP.NET would read them: case-insensitively, the last one
// winning); whatever body goes upstream must be the contract's parse of it, re-serialized,
// with no two keys equal ignoring case and the agency's own Agent ID and callback origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { endpoints, graphqlOperations, matchEndpoint, type EndpointDef } from '../../src/contract/index.js';
import {
  AGENT_ID, FOREIGN, OTHER_AGENT_ID, PAGE, login, newIdentity, seededRandom, startStack, type RecordedRequest, type Session, type Stack,
} from './helpers.js';

const SEED = Number(process.env.PROXY_FUZZ_SEED ?? 20261128);
const ITERATIONS = Number(process.env.PROXY_FUZZ_ITERATIONS ?? 1200);

/** What may show up upstream: the four forwarded headers and what Node's fetch adds itself. */
const UPSTREAM_HEADERS = new Set([
  'authorization', 'content-type', 'accept', 'accept-language',
  'accept-encoding', 'user-agent', 'sec-fetch-mode', 'connection', 'host', 'content-length', 'transfer-encoding',
]);
const GRAPHQL_DOCUMENTS = new Set<string>(Object.values(graphqlOperations).map((op) => op.query));
/** What the proxy answers itself, without calling upstream. */
const OWN_STATUSES = new Set([400, 401, 403, 404, 405, 413, 415, 426, 429, 501]);

/** Why an answer that never went upstream has the wrong status, or undefined when it is fine. */
function wrongOwnStatus(c: Case, status: number): string | undefined {
  if (OWN_STATUSES.has(status)) return undefined;
  const path = c.path.split('?')[0]!;
  if (status === 200 && path === '/healthz' && (c.method === 'GET' || c.method === 'HEAD')) return undefined;
  // Preflight, logout, and a refresh without any refresh cookie.
  if (status === 204 && (c.method === 'OPTIONS' || /^\/api\/auth\/customer\/(logout|refresh)$/.test(path))) return undefined;
  return `answered ${status} without calling upstream`;
}

/** Why a forwarded call's answer differs from upstream's, or undefined when it is fine. */
function wrongForwardedStatus(r: RecordedRequest, status: number): string | undefined {
  const id = matchEndpoint(r.method, r.path)?.id;
  // Tokens are rebuilt (or missing tokens are a 502 of the proxy's own).
  if ((id === 'verifyMfa' || id === 'refreshToken') && r.status >= 200 && r.status < 300) {
    return status === 200 || status === 502 ? undefined : `token answer ${r.status} became ${status}`;
  }
  return status === r.status ? undefined : `upstream answered ${r.status}, the proxy ${status}`;
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Valid bodies of the endpoints that take one (what the widget sends), by endpoint id. */
const VALID_BODIES: Partial<Record<keyof typeof endpoints, () => unknown>> = {
  loginOrRegister: () => ({ ...newIdentity().body, agentBranchId: null }),
  verifyMfa: () => ({ token: 'mfa-token', code: '123456' }),
  purchaseAsync: () => ({
    $type: '3d-secure', proposalId: 'p1', proposalProductId: 'pp1', installmentNumber: 1, callbackUrl: `${PAGE}/odeme?x=1`,
    card: { number: '4111111111111111', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'Ayşe Yılmaz' },
  }),
  graphql: () => ({
    query: graphqlOperations.CustomerPolicies.query, operationName: 'CustomerPolicies', variables: { customerId: AGENT_ID, skip: 0, take: 5 },
  }),
  createSaleOpportunity: () => ({ customerId: 'c1', assetType: 'VEHICLE', assetId: 'v1', productBranch: 'KASKO', channel: 'WEBSITE', campaign: 'yaz' }),
  updateHealthInfo: () => ({ $type: 'individual', customerId: 'c1', height: 170, weight: 70 }),
  sendPolicyDocument: () => ({ type: 'email', email: 'ayse@example.com' }),
};

/** What a repeated key carries: the value that would win upstream if the proxy let it through. */
const HOSTILE: Record<string, unknown> = {
  callbackUrl: `${FOREIGN}/phish`,
  agentId: OTHER_AGENT_ID,
  agentBranchId: OTHER_AGENT_ID,
  phoneNumber: { countryCode: 90, number: '5550000000' },
  token: 'another-token',
  query: '{ __schema { types { name } } }',
  number: '5555555555554444',
};

/**
 * JSON text of `value` with keys in other cases and repeated keys, at any depth: what
 * JSON.stringify cannot write. Repeats come before or after the original, exact or in
 * another case, with the hostile value where there is one.
 */
function mutatedJson(value: unknown, random: () => number, rate: number): string {
  const chance = (p: number) => random() < p;
  const recase = (key: string) => {
    const variants = [key.toUpperCase(), key[0]!.toUpperCase() + key.slice(1), key.replace(/[a-z]/, (c) => c.toUpperCase()), key];
    return variants[Math.floor(random() * variants.length)]!;
  };
  if (Array.isArray(value)) return `[${value.map((v) => mutatedJson(v, random, rate)).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const own = `${JSON.stringify(chance(rate) ? recase(key) : key)}:${mutatedJson(v, random, rate)}`;
    if (chance(rate)) {
      const repeat = `${JSON.stringify(chance(0.5) ? key : recase(key))}:${JSON.stringify(HOSTILE[key] ?? v)}`;
      entries.push(...(chance(0.5) ? [own, repeat] : [repeat, own]));
    } else {
      entries.push(own);
    }
  }
  return `{${entries.join(',')}}`;
}

/** The first pair of keys in one object that are equal ignoring case, anywhere in a parsed body. */
function caseClash(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const seen = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    const folded = key.toUpperCase().toLowerCase();
    if (seen.has(folded)) return key;
    seen.add(folded);
    const inner = caseClash(v);
    if (inner) return `${key}.${inner}`;
  }
  return undefined;
}

function generator(random: () => number, session: Session) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const id = () => pick(['p1', 'abc123', '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11', '65f1c0ffee00000000000001', 'x'.repeat(70), '-x', '_']);
  const nasty = () =>
    pick(['..', '.', '%2e%2e', '%2E%2E%2F', '%2F', 'a%2Fb', '..;', '%00', '%252e', 'https:%2F%2Fevil.example', '~', '*', '%20', '\\', '@evil', ':x', '%3A', '']);
  const percentBytes = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => `%${Math.floor(random() * 256).toString(16).padStart(2, '0')}`).join('');
  const vocabulary = [
    'api', 'customers', 'me', 'vehicles', 'proposals', 'products', 'policies', 'document', 'auth', 'customer',
    'refresh', 'logout', 'verify-mfa', 'login-or-register', 'graphql', 'hubs', 'proposal-detail', 'sandbox',
    'faults', 'config', 'requests', 'catalog', 'healthz', 'cases:new-sale-opportunity', 'cases:other',
    'coverage-choices:kasko', 'purchase', 'sync', 'async', 'premiums', '1', '0', 'admin',
  ];
  const templates = (Object.keys(endpoints) as (keyof typeof endpoints)[]).map((id) => ({ id, method: endpoints[id].method, path: endpoints[id].path }));

  const path = (): string => {
    const strategy = random();
    if (strategy < 0.5) {
      const t = pick(templates);
      return t.path.replace(/\{(\w+)\}/g, () => (chance(0.75) ? id() : chance(0.5) ? nasty() : percentBytes()));
    }
    if (strategy < 0.85) {
      const segments = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        chance(0.7) ? pick(vocabulary) : chance(0.5) ? nasty() : percentBytes(),
      );
      return `/${segments.join('/')}${chance(0.1) ? '/' : ''}`;
    }
    return pick(['/sandbox/faults', '/sandbox/config', '/sandbox/requests', '/', '//api/customers/me', '/api/customers/me/../../sandbox/config']);
  };

  const query = (): string => {
    if (chance(0.5)) return '';
    const keys = ['brandReference', 'year', 'access_token', 'cityReference', 'insuranceCompanyId', 'x', '__proto__', 'constructor', 'a[b]'];
    const values = ['1', '2020', 'B1', '', 'x'.repeat(100), '%00', '..%2F', 'true', '%E0%A4%A'];
    return `?${Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${pick(keys)}=${pick(values)}`).join('&')}`;
  };

  const body = (): Buffer | undefined => {
    const kind = random();
    if (kind < 0.2) return undefined;
    if (kind < 0.3) return Buffer.alloc(0);
    if (kind < 0.45) return Buffer.from(JSON.stringify({ ...newIdentity().body, agentId: pick([FOREIGN, 'ffffffff-0000-4000-8000-000000000001', 42]) }));
    if (kind < 0.55) {
      const op = pick(Object.values(graphqlOperations));
      return Buffer.from(JSON.stringify({ query: chance(0.5) ? op.query : '{ __schema { types { name } } }', variables: { customerId: pick([AGENT_ID, 'x']), skip: 0, take: pick([1, 500]) } }));
    }
    if (kind < 0.65) {
      return Buffer.from(JSON.stringify({ $type: 'insurance-company-redirect', proposalId: 'p1', proposalProductId: 'pp1', installmentNumber: 1, callbackUrl: pick([`${PAGE}/ok`, `${FOREIGN}/x`, 'javascript:1', '']) }));
    }
    if (kind < 0.72) return Buffer.from(JSON.stringify({ token: pick(['x', '']), code: pick(['123456', '000000', 'abc']) }));
    if (kind < 0.8) return Buffer.from(JSON.stringify(pick([[], null, 'str', 1, { refreshToken: 'r' }, { nested: { deep: [1, { a: '%00' }] } }])));
    if (kind < 0.9) return Buffer.from(Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
    return Buffer.alloc(chance(0.5) ? 70 * 1024 : 60 * 1024, 0x61);
  };

  const headers = (): Record<string, string> => {
    const h: Record<string, string> = {};
    if (chance(0.6)) h.origin = pick([PAGE, PAGE, FOREIGN, 'null', `${PAGE}.evil.example`]);
    if (chance(0.5)) h.authorization = pick([`Bearer ${session.accessToken}`, 'Bearer nope', 'Basic YWRtaW46YWRtaW4=', '']);
    if (chance(0.3)) h.cookie = pick([session.cookie, `${session.cookie}; wp_session=1`, '__Secure-insurup-refresh=', 'a=b']);
    if (chance(0.5)) h['content-type'] = pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8']);
    if (chance(0.2)) h['sec-fetch-site'] = pick(['same-origin', 'same-site', 'cross-site', 'none']);
    if (chance(0.2)) h['x-forwarded-for'] = pick(['6.6.6.6', '127.0.0.1, 10.0.0.1', 'garbage']);
    if (chance(0.2)) h['x-sandbox-fail'] = pick(['500', 'timeout', 'close']);
    if (chance(0.2)) h['access-control-request-method'] = pick(['GET', 'POST', 'PUT', 'DELETE']);
    if (chance(0.1)) h['accept-language'] = 'tr-TR';
    if (chance(0.1)) h['x-http-method-override'] = 'DELETE';
    return h;
  };

  const customerFacing = templates.filter((t) => matchEndpoint(t.method, t.path.replace(/\{\w+\}/g, '1'))?.endpoint.customerFacing);
  const takingBodies = customerFacing.filter((t) => VALID_BODIES[t.id]);

  return (): Case => {
    let method = pick(['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    let target = path();
    let valid: (() => unknown) | undefined;
    if (chance(0.35)) {
      // Mostly well-formed calls of the customer API, so forwarding is exercised as much as refusing.
      // Half of them to endpoints that take a body, whose bodies are the most varied input.
      const t = chance(0.5) ? pick(takingBodies) : pick(customerFacing);
      method = t.method;
      target = t.path.replace(/\{(\w+)\}/g, () => (chance(0.9) ? pick(['p1', 'abc123', '1']) : nasty()));
      valid = VALID_BODIES[t.id];
    }
    const c: Case = { method, path: target + query(), headers: headers() };
    if (valid && chance(0.8)) {
      // The endpoint's own body: as the widget sends it, or with keys recased and repeated.
      c.body = Buffer.from(chance(0.3) ? JSON.stringify(valid()) : mutatedJson(valid(), random, pick([0.05, 0.15, 0.4])));
      if (chance(0.9)) c.headers['content-type'] = 'application/json';
    } else if (method !== 'GET' && method !== 'HEAD') {
      const b = body();
      if (b) c.body = b;
    }
    return c;
  };
}

function send(base: string, agent: Agent | false, c: Case): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method: c.method, path: c.path, headers: c.headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed after the previous answer (Node's server drops
      // the connection when it answered before reading a body): the request never reached
      // the proxy, so it goes again on a fresh connection, as Node's documentation advises.
      if (agent && req.reusedSocket && error.code === 'ECONNRESET') send(base, false, c).then(resolve, reject);
      else reject(error);
    });
    req.end(c.body);
  });
}

/**
 * Why a forwarded body is not the contract's reading of itself: not canonical JSON (the
 * client's bytes passed through), keys beyond the schema, keys equal ignoring case.
 */
function forwardedBodyProblem(r: RecordedRequest, schema: EndpointDef['request']): string | undefined {
  if (!r.bodyBytes) return undefined;
  if (!schema) return `a body (${r.bodyBytes} bytes) for an endpoint that takes none`;
  if (r.rawBody === undefined) return 'a body that is not UTF-8';
  if (r.headers['content-type'] !== 'application/json') return `content-type ${r.headers['content-type']}`;
  let body: unknown;
  try {
    body = JSON.parse(r.rawBody);
  } catch {
    return 'a body that is not JSON';
  }
  if (r.rawBody !== JSON.stringify(body)) return `the client's bytes, not the parsed body: ${r.rawBody.slice(0, 200)}`;
  const clash = caseClash(body);
  if (clash) return `keys equal ignoring case: ${clash}`;
  const parsed = schema.safeParse(body);
  if (!parsed.success) return `a body outside the contract: ${r.rawBody.slice(0, 200)}`;
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) return `keys beyond the contract: ${r.rawBody.slice(0, 200)}`;
  return undefined;
}

/** Why a recorded request should not have reached the sandbox, or undefined when it is fine. */
function outsideAllowlist(r: RecordedRequest): string | undefined {
  const match = matchEndpoint(r.method, r.path);
  if (!match || !match.endpoint.customerFacing || match.endpoint.websocket || r.method !== match.endpoint.method) {
    return `endpoint ${r.method} ${r.path}`;
  }
  const allowedKeys = match.endpoint.query ? Object.keys(match.endpoint.query.shape) : [];
  const extraKey = Object.keys(r.query).find((k) => !allowedKeys.includes(k));
  if (extraKey) return `query key ${extraKey}`;
  const extraHeader = Object.keys(r.headers).find((h) => !UPSTREAM_HEADERS.has(h));
  if (extraHeader) return `header ${extraHeader}`;
  const bodyProblem = forwardedBodyProblem(r, match.endpoint.request);
  if (bodyProblem) return bodyProblem;
  if (match.id === 'loginOrRegister' && (r.body as { agentId?: unknown } | null)?.agentId !== AGENT_ID) return 'agentId not injected';
  if (match.id === 'purchaseAsync' && new URL(String((r.body as { callbackUrl?: unknown }).callbackUrl)).origin !== PAGE) return 'foreign callbackUrl';
  if (match.id === 'graphql' && !GRAPHQL_DOCUMENTS.has(String((r.body as { query?: unknown } | null)?.query))) return 'foreign GraphQL';
  if (match.id === 'refreshToken' && r.body && typeof r.body === 'object' && !('refreshToken' in r.body)) return 'refresh without cookie';
  return undefined;
}

describe(`fuzz (seed ${SEED}, ${ITERATIONS} cases)`, () => {
  let stack: Stack;
  let session: Session;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  before(async () => {
    stack = await startStack(
      {
        upstreamTimeoutMs: 2000,
        rateLimit: {
          perIp: { limit: 1_000_000, windowMs: 60_000 },
          loginPerIp: { limit: 1_000_000, windowMs: 60_000 },
          loginPerPhone: { limit: 1_000_000, windowMs: 60_000 },
          verifyPerIp: { limit: 1_000_000, windowMs: 60_000 },
        },
      },
      {},
      { recordUpstream: true },
    );
    session = await login(stack);
    await stack.clearReceived();
  });
  after(async () => {
    agent.destroy();
    await stack.close();
  });

  it('never answers 5xx itself and forwards nothing outside the allowlist', async (t) => {
    const next = generator(seededRandom(SEED), session);
    let forwarded = 0;
    let forwardedBodies = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < ITERATIONS; i++) {
      const c = next();
      const where = `case ${i} (PROXY_FUZZ_SEED=${SEED}): ${c.method} ${c.path} ${JSON.stringify(c.headers)} body ${c.body?.length ?? 'none'}`;
      const response = await send(stack.base, agent, c);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const received = await stack.received();
      if (received.length) await stack.clearReceived();
      assert.ok(received.length <= 1, `${where}: ${received.length} upstream requests`);
      for (const r of received) {
        const reason = outsideAllowlist(r);
        assert.equal(reason, undefined, `${where}: forwarded ${reason}`);
        assert.equal(wrongForwardedStatus(r, response.status), undefined, `${where}: ${response.body}`);
      }
      if (!received.length) assert.equal(wrongOwnStatus(c, response.status), undefined, `${where}: ${response.body}`);
      if (response.status >= 500) {
        // A 5xx is fine only when it is the sandbox's own answer, passed through.
        assert.equal(received[0]?.status, response.status, `${where}: the proxy answered ${response.status} ${response.body}`);
      }
      forwarded += received.length;
      forwardedBodies += received.filter((r) => r.bodyBytes).length;
    }
    t.diagnostic(`${forwarded} forwarded (${forwardedBodies} with a body); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    // The fuzz must exercise forwarding too, not only refusals.
    assert.ok(forwarded > ITERATIONS / 20, `only ${forwarded} cases were forwarded`);
    assert.ok(forwardedBodies > ITERATIONS / 40, `only ${forwardedBodies} bodies were forwarded`);
    assert.ok((statuses.get(404) ?? 0) > ITERATIONS / 10, 'refusals were exercised');
  });
});
