// Only the customer API passes: unknown and back-office paths, traversal and encoding tricks
// are 404 and never reach upstream; only listed query keys and headers go upstream. A
// recording upstream sits in front of the sandbox, so "nothing reached upstream" covers every
// path, `/sandbox/*` included (the sandbox itself records only its API calls).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FOREIGN, PAGE, login, rawRequest, startStack, type Session, type Stack } from './helpers.js';

describe('allowlist', () => {
  let stack: Stack;
  let session: Session;

  before(async () => {
    stack = await startStack({ basePath: '/insurup' }, {}, { recordUpstream: true });
    session = await login(stack);
  });
  after(() => stack.close());
  beforeEach(() => stack.clearReceived());

  const assertNothingReached = async (what: string) => {
    const received = await stack.received();
    assert.deepEqual(received.map((r) => `${r.method} ${r.target}`), [], `${what} reached upstream`);
  };

  it('forwards a customer-facing endpoint (the positive control)', async () => {
    const response = await fetch(`${stack.base}/api/customers/me`, {
      headers: { authorization: `Bearer ${session.accessToken}`, origin: PAGE },
    });
    assert.equal(response.status, 200);
    const received = await stack.received();
    assert.deepEqual(received.map((r) => `${r.method} ${r.target} ${r.status}`), ['GET /api/customers/me 200']);
  });

  it('answers 404 for paths outside the allowlist, and upstream hears nothing', async () => {
    for (const [method, path] of [
      ['GET', '/api/admin'],
      ['GET', '/sandbox/catalog'],
      ['POST', '/sandbox/faults'],
      ['DELETE', '/sandbox/faults'],
      ['POST', '/sandbox/config'],
      ['GET', '/sandbox/requests'],
      ['DELETE', '/sandbox/requests'],
      ['GET', '/api/coverage-choices:kasko'],
      ['POST', '/api/proposals/p1/products/pp1/purchase/sync'],
      ['POST', '/api/cases:anything-else'],
      ['GET', '/'],
    ] as const) {
      const response = await fetch(`${stack.base}${path}`, { method, headers: { authorization: `Bearer ${session.accessToken}` } });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const problem = (await response.json()) as { type: string; status: number };
      assert.equal(problem.type, 'https://api.insurup.com/problems/endpoint-not-found');
    }
    await assertNothingReached('an unlisted path');
  });

  it('answers 405 for another method on a customer-facing path, without forwarding', async () => {
    const response = await fetch(`${stack.base}/api/customers/me`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    await assertNothingReached('DELETE /api/customers/me');
  });

  it('serves nothing outside its base path', async () => {
    const response = await fetch(`${stack.proxy.url}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(response.status, 404);
    const sibling = await fetch(`${stack.proxy.url}/insurupx/api/customers/me`);
    assert.equal(sibling.status, 404);
    await assertNothingReached('a path outside basePath');
  });

  const TRAVERSALS = [
    '/api/customers/me/../../sandbox/catalog',
    '/api/customers/../../sandbox/catalog',
    '/api/proposals/..%2F..%2Fsandbox%2Fcatalog',
    '/api/proposals/%2e%2e/%2e%2e/sandbox/catalog',
    '/api/proposals/%2E%2E%2Fsandbox',
    '/api/proposals/.%2e/.%2e/sandbox/catalog',
    '/api/proposals/a%2Fb',
    '/api/proposals/..;/sandbox',
    '/api/proposals/https:%2F%2Fevil.example',
    '/api/proposals/%252e%252e',
    '/api/proposals/abc%00',
    '/api/customers/%6de',
    '/api/customers/me/',
    '/api/customers/me;x=1',
    '/api/customers/./me',
    '/api/./customers/me',
    '/api/customers/me%2f',
    '/API/customers/me',
    '/api/cases%3Anew-sale-opportunity',
    '/api/cases:new-sale-opportunity/../../sandbox/faults',
    '//evil.example/api/customers/me',
    '/api/proposals/p1/products/pp1/premiums/0',
    '/api/proposals/p1/products/pp1/premiums/%31',
    '/hubs/../api/customers/me',
  ];

  it(`refuses ${TRAVERSALS.length} traversal and encoding variants before upstream`, async () => {
    for (const path of TRAVERSALS) {
      const method = path.includes('cases') ? 'POST' : 'GET';
      const response = await rawRequest(stack.base, method, `/insurup${path}`, {
        authorization: `Bearer ${session.accessToken}`,
        origin: PAGE,
        ...(method === 'POST' ? { 'content-length': '0' } : {}),
      });
      assert.equal(response.status, 404, `${method} ${path}: ${response.status} ${response.body}`);
    }
    // Node's own parser refuses these before the proxy sees them; still nothing goes upstream.
    for (const path of ['/api/proposals/a\\..\\b', '/api/customers/me\\']) {
      const response = await rawRequest(stack.base, 'GET', `/insurup${path}`);
      assert.ok(response.status === 400 || response.status === 404, `${path}: ${response.status}`);
    }
    await assertNothingReached('a traversal variant');
  });

  it('sends an absolute-form request target to the fixed upstream only', async () => {
    const response = await rawRequest(stack.base, 'GET', 'http://evil.example/insurup/api/customers/me', {
      authorization: `Bearer ${session.accessToken}`,
    });
    assert.equal(response.status, 200);
    const [received] = await stack.received();
    assert.equal(received?.path, '/api/customers/me');
    assert.equal(received?.headers.host, new URL(stack.upstream).host);
  });

  it('forwards only listed query keys and listed headers, never cookies', async () => {
    const response = await fetch(
      `${stack.base}/api/vehicle-parameters/models?brandReference=B1&year=2020&admin=true&brandReference=B2&debug`,
      {
        headers: {
          authorization: `Bearer ${session.accessToken}`,
          origin: PAGE,
          cookie: '_ga=GA1.2.3; wordpress_logged_in=admin%7C123; ' + session.cookie,
          'accept-language': 'tr-TR',
          'x-forwarded-for': '6.6.6.6',
          'x-custom': 'secret',
          referer: `${PAGE}/kasko`,
        },
      },
    );
    await response.arrayBuffer();
    const [received] = await stack.received();
    assert.ok(received, 'the request reached upstream');
    assert.deepEqual(received.query, { brandReference: 'B1', year: '2020' });
    for (const name of ['cookie', 'origin', 'referer', 'x-forwarded-for', 'x-custom']) {
      assert.equal(received.headers[name], undefined, `${name} was forwarded`);
    }
    assert.equal(received.headers['accept-language'], 'tr-TR');
    assert.match(received.headers.authorization ?? '', /^Bearer /);
  });

  it('refuses a listed query key with a bad value before upstream', async () => {
    const response = await fetch(`${stack.base}/api/vehicle-parameters/models?brandReference=B1&year=twenty`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    assert.equal(response.status, 400);
    await assertNothingReached('a bad query value');
  });

  it('drops the upstream’s cookies and odd headers on the way back', async () => {
    const response = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(response.headers.getSetCookie().length, 0);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('access-control-allow-origin'), null, 'no CORS without an Origin');
  });

  it('passes GraphQL only for the widget’s documents', async () => {
    const foreign = await fetch(`${stack.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}`, origin: PAGE },
      body: JSON.stringify({ query: '{ __schema { types { name fields { name type { name ofType { name } } } } } }' }),
    });
    assert.equal(foreign.status, 403);
    const nested = await fetch(`${stack.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}`, origin: FOREIGN },
      body: '{}',
    });
    assert.equal(nested.status, 403);
    await assertNothingReached('a foreign GraphQL document');
  });

  it('answers the health check itself', async () => {
    const response = await fetch(`${stack.base}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    await assertNothingReached('the health check');
  });
});
