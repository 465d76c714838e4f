// Origins: foreign ones are refused before upstream, the agency's get CORS with credentials
// and working preflights, requests without Origin are served (except refresh and logout).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FOREIGN, PAGE, login, startStack, type Session, type Stack } from './helpers.js';

describe('CORS and origins', () => {
  let stack: Stack;
  let session: Session;

  before(async () => {
    stack = await startStack();
    session = await login(stack);
  });
  after(() => stack.close());
  beforeEach(() => stack.clearReceived());

  const me = (headers: Record<string, string>) =>
    fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}`, ...headers } });

  it('refuses a foreign Origin with 403 before upstream', async () => {
    for (const origin of [FOREIGN, 'null', `${PAGE}.evil.example`, PAGE.replace('http:', 'https:'), `${PAGE}/`]) {
      const response = await me({ origin });
      assert.equal(response.status, 403, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      const problem = (await response.json()) as { type: string };
      assert.equal(problem.type, 'https://api.insurup.com/problems/forbidden-origin');
    }
    const login = await fetch(`${stack.base}/api/auth/customer/login-or-register`, {
      method: 'POST',
      headers: { origin: FOREIGN, 'content-type': 'application/json' },
      body: JSON.stringify(session.identity.body),
    });
    assert.equal(login.status, 403);
    assert.deepEqual(await stack.received(), []);
  });

  it('gives the allowed Origin CORS headers with credentials', async () => {
    const response = await me({ origin: PAGE });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('keeps CORS headers on refusals, so the page can read the problem', async () => {
    const response = await fetch(`${stack.base}/api/nope`, { headers: { origin: PAGE } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
  });

  it('answers preflights for allowlisted endpoints from the allowed Origin', async () => {
    const response = await fetch(`${stack.base}/api/cases:new-sale-opportunity`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    for (const name of ['authorization', 'content-type', 'accept-language']) assert.ok(allowed.includes(name), name);
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
  });

  it('refuses preflights from a foreign Origin, for unknown paths and for wrong methods', async () => {
    const foreign = await fetch(`${stack.base}/api/customers/me`, {
      method: 'OPTIONS',
      headers: { origin: FOREIGN, 'access-control-request-method': 'GET' },
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const unknown = await fetch(`${stack.base}/api/admin`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'GET' },
    });
    assert.equal(unknown.status, 404);
    const wrongMethod = await fetch(`${stack.base}/api/customers/me`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'DELETE' },
    });
    assert.equal(wrongMethod.status, 405);
    assert.deepEqual(await stack.received(), []);
  });

  it('serves a request without Origin (a same-origin GET, a server)', async () => {
    const response = await me({});
    assert.equal(response.status, 200);
    assert.equal((await stack.received()).length, 1);
  });

  it('refuses refresh and logout without the page’s Origin or a same-site fetch', async () => {
    const variants: Record<string, string>[] = [{}, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'none' }, { origin: FOREIGN }];
    for (const headers of variants) {
      for (const path of ['/api/auth/customer/refresh', '/api/auth/customer/logout']) {
        const response = await fetch(`${stack.base}${path}`, { method: 'POST', headers: { cookie: session.cookie, ...headers } });
        assert.equal(response.status, 403, `${path} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.getSetCookie().length, 0, 'the cookie stays as it was');
      }
    }
    assert.deepEqual(await stack.received(), []);
  });
});

describe('same-origin deployment under a path', () => {
  let stack: Stack;
  before(async () => {
    // The agency's site answers /insurup/* with the proxy; a CDN in front strips nothing.
    stack = await startStack({ basePath: '/insurup', allowedOrigins: [PAGE] });
  });
  after(() => stack.close());

  it('works without Origin for GETs and scopes the cookie to the base path', async () => {
    const session = await login(stack);
    assert.match(session.setCookie, /Path=\/insurup\/api\/auth\/customer(;|$)/);
    const me = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(me.status, 200);
    // A same-origin POST from the page: browsers send Sec-Fetch-Site (and usually Origin).
    const refreshed = await fetch(`${stack.base}/api/auth/customer/refresh`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(refreshed.status, 200);
  });

  it('uses publicPath for the cookie when a reverse proxy rewrites the path', async () => {
    const rewritten = await startStack({ basePath: '/insurup', publicPath: '/sigorta/api-proxy' });
    try {
      const session = await login(rewritten);
      assert.match(session.setCookie, /Path=\/sigorta\/api-proxy\/api\/auth\/customer(;|$)/);
    } finally {
      await rewritten.close();
    }
  });
});
