// Random methods, paths, query strings, headers and bodies against the proxy (seeded, so a
// failure replays with PROXY_FUZZ_SEED=<seed>): the proxy itself never answers 5xx, nothing
// outside the allowlist (method, path, query keys, headers) goes upstream, and every answer
// is either the upstream's status or one of the proxy's own refusals. A recording upstream in
// front of the sandbox sees every request the proxy sends, `/sandbox/*` included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { endpoints, graphqlOperations, matchEndpoint } from '../../src/contract/index.js';
import { AGENT_ID, FOREIGN, PAGE, login, newIdentity, seededRandom, startStack, type RecordedRequest, type Session, type Stack } from './helpers.js';

const SEED = Number(process.env.PROXY_FUZZ_SEED ?? 20261128);
const ITERATIONS = Number(process.env.PROXY_FUZZ_ITERATIONS ?? 1200);

/** What may show up upstream: the four forwarded headers and what Node's fetch adds itself. */
const UPSTREAM_HEADERS = new Set([
  'authorization', 'content-type', 'accept', 'accept-language',
  'accept-encoding', 'user-agent', 'sec-fetch-mode', 'connection', 'host', 'content-length', 'transfer-encoding',
]);
const GRAPHQL_DOCUMENTS = new Set<string>(Object.values(graphqlOperations).map((op) => op.query));
/** What the proxy answers itself, without calling upstream. */
const OWN_STATUSES = new Set([400, 401, 403, 404, 405, 413, 426, 429, 501]);

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
  const templates = Object.values(endpoints).map((e) => ({ method: e.method, path: e.path }));

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

  return (): Case => {
    let method = pick(['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    let target = path();
    if (chance(0.35)) {
      // Mostly well-formed calls of the customer API, so forwarding is exercised as much as refusing.
      const t = pick(customerFacing);
      method = t.method;
      target = t.path.replace(/\{(\w+)\}/g, () => (chance(0.9) ? pick(['p1', 'abc123', '1']) : nasty()));
    }
    const c: Case = { method, path: target + query(), headers: headers() };
    if (method !== 'GET' && method !== 'HEAD') {
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
  if (match.id === 'loginOrRegister' && (r.body as { agentId?: unknown } | null)?.agentId !== AGENT_ID) return 'agentId not injected';
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
    }
    t.diagnostic(`${forwarded} forwarded; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    // The fuzz must exercise forwarding too, not only refusals.
    assert.ok(forwarded > ITERATIONS / 20, `only ${forwarded} cases were forwarded`);
    assert.ok((statuses.get(404) ?? 0) > ITERATIONS / 10, 'refusals were exercised');
  });
});
