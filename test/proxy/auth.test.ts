// Login through the proxy: the Agent ID is the agency's, the refresh token lives in an
// HttpOnly cookie only, cookie refreshes rotate and coalesce, logout clears, codes and SMS
// are rate limited, and no log line holds a secret.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startProxy, type RunningProxy } from '../../src/proxy/node.js';
import {
  AGENT_ID, OTHER_AGENT_ID, OTP, PAGE, cookiePair, json, login, newIdentity, refreshWith, startStack, waitFor,
  type Stack,
} from './helpers.js';

const REUSE_MS = 300;

describe('auth through the proxy', () => {
  let stack: Stack;

  before(async () => {
    stack = await startStack({ refreshReuseIntervalMs: REUSE_MS });
  });
  after(() => stack.close());
  beforeEach(() => stack.clearReceived());

  const receivedAt = async (path: string) => (await stack.received()).filter((r) => r.path === path);

  it('sends the configured Agent ID when the client sends another', async () => {
    const identity = newIdentity();
    const response = await fetch(
      `${stack.base}/api/auth/customer/login-or-register`,
      json({ ...identity.body, agentId: OTHER_AGENT_ID }),
    );
    assert.equal(response.status, 200);
    const [received] = await receivedAt('/api/auth/customer/login-or-register');
    const body = received?.body as Record<string, unknown>;
    assert.equal(body.agentId, AGENT_ID);
    assert.equal(Object.keys(body)[0], '$type', '$type stays the first key');
    // And when the client sends none at all.
    await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(newIdentity().body));
    const [, second] = await receivedAt('/api/auth/customer/login-or-register');
    assert.equal((second?.body as Record<string, unknown>).agentId, AGENT_ID);
  });

  it('keeps the refresh token out of the verify-mfa JSON and sets it as a strict HttpOnly cookie', async () => {
    const session = await login(stack);
    assert.ok(session.accessToken);
    assert.equal(session.expiresIn, 600);
    const attributes = session.setCookie.split(/;\s*/);
    for (const part of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/auth/customer', 'Max-Age=2592000']) {
      assert.ok(attributes.includes(part), `${part} in ${session.setCookie}`);
    }
    // The JSON the page sees has exactly the access token and its lifetime.
    const again = await login(stack);
    assert.ok(!again.setCookie.includes(again.accessToken));
    const verify = await fetch(`${stack.base}/api/auth/customer/verify-mfa`, json({ token: 'x', code: OTP }));
    assert.equal(verify.status, 400, 'a bad MFA token is the sandbox’s problem, passed through');
    assert.equal(verify.headers.getSetCookie().length, 0);
  });

  it('answers exactly { accessToken, expiresIn } to verify-mfa', async () => {
    const identity = newIdentity();
    const started = await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(identity.body));
    const { token } = (await started.json()) as { token: string };
    const verified = await fetch(`${stack.base}/api/auth/customer/verify-mfa`, json({ token, code: OTP }));
    const body = (await verified.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['accessToken', 'expiresIn']);
    assert.equal(verified.headers.get('cache-control'), 'no-store');
  });

  it('refreshes with the cookie and an empty body, and rotates the cookie', async () => {
    const session = await login(stack);
    const response = await refreshWith(stack, session.cookie);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['accessToken', 'expiresIn']);
    assert.notEqual(body.accessToken, session.accessToken);
    const [rotated] = response.headers.getSetCookie();
    assert.ok(rotated && cookiePair(rotated) !== session.cookie, 'a new cookie');
    assert.match(rotated, /HttpOnly/);
    const [upstream] = await receivedAt('/api/auth/customer/refresh');
    assert.ok((upstream?.body as { refreshToken?: string }).refreshToken, 'upstream got the token from the cookie');
    assert.equal(upstream?.headers.cookie, undefined, 'the cookie itself is not forwarded');
    // The new access token works.
    const me = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    assert.equal(me.status, 200);
  });

  it('lets two tabs refresh with one cookie at once: both succeed with the same new cookie', async () => {
    const session = await login(stack);
    await stack.clearReceived();
    const [a, b] = await Promise.all([refreshWith(stack, session.cookie), refreshWith(stack, session.cookie)]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const [cookieA] = a.headers.getSetCookie();
    const [cookieB] = b.headers.getSetCookie();
    assert.ok(cookieA && cookieB);
    assert.equal(cookiePair(cookieA), cookiePair(cookieB));
    const tokenA = ((await a.json()) as { accessToken: string }).accessToken;
    const tokenB = ((await b.json()) as { accessToken: string }).accessToken;
    assert.equal(tokenA, tokenB);
    assert.equal((await receivedAt('/api/auth/customer/refresh')).length, 1, 'one upstream refresh');
    // The session survived (no reuse detection tripped): the rotated cookie refreshes again.
    const next = await refreshWith(stack, cookiePair(cookieA));
    assert.equal(next.status, 200);
  });

  it('fails a replay of the old cookie after the reuse interval, and clears the cookie', async () => {
    const session = await login(stack);
    const first = await refreshWith(stack, session.cookie);
    assert.equal(first.status, 200);
    await first.arrayBuffer();
    const settled = Date.now();
    // Within the interval the replay is answered from the first refresh; afterwards it goes
    // upstream, where the old token is reuse.
    const replay = await waitFor(async () => {
      const response = await refreshWith(stack, session.cookie);
      return response.status === 200 ? (await response.arrayBuffer(), undefined) : response;
    });
    assert.ok(Date.now() - settled >= REUSE_MS - 20, 'not before the interval');
    assert.equal(replay.status, 401);
    const problem = (await replay.json()) as { type: string; codes?: string[] };
    assert.equal(problem.type, 'https://api.insurup.com/problems/unauthorized');
    const [cleared] = replay.headers.getSetCookie();
    assert.match(cleared ?? '', /Max-Age=0/);
    assert.equal((await receivedAt('/api/auth/customer/refresh')).length, 2, 'the first refresh and the replay');
  });

  it('answers a refresh without any cookie 204 No Content (no session to restore), before upstream', async () => {
    for (const cookie of ['', 'wp_session=1; _ga=GA1.2']) {
      const none = await refreshWith(stack, cookie);
      assert.equal(none.status, 204, `cookie header ${JSON.stringify(cookie)}`);
      assert.equal(await none.text(), '');
      assert.deepEqual(none.headers.getSetCookie(), [], 'no cookie set or cleared');
      assert.equal(none.headers.get('cache-control'), 'no-store');
      assert.equal(none.headers.get('access-control-allow-origin'), PAGE);
    }
    assert.deepEqual(await receivedAt('/api/auth/customer/refresh'), []);
  });

  it('keeps refusing a present but invalid cookie: the upstream problem, and the cookie cleared', async () => {
    const response = await refreshWith(stack, '__Secure-insurup-refresh=not-a-token');
    assert.equal(response.status, 401);
    const problem = (await response.json()) as { type: string };
    assert.equal(problem.type, 'https://api.insurup.com/problems/unauthorized');
    assert.match(response.headers.getSetCookie()[0] ?? '', /^__Secure-insurup-refresh=;.*Max-Age=0/);
    assert.equal((await receivedAt('/api/auth/customer/refresh')).length, 1, 'the token went upstream');
    // An empty or malformed value is a broken cookie, not a missing one: 401 without upstream.
    await stack.clearReceived();
    for (const cookie of ['__Secure-insurup-refresh=', '__Secure-insurup-refresh=%E0%A4%A']) {
      assert.equal((await refreshWith(stack, cookie)).status, 401, cookie);
    }
    assert.deepEqual(await receivedAt('/api/auth/customer/refresh'), []);
  });

  it('refuses a refresh with a token in the body, before upstream', async () => {
    const session = await login(stack);
    await stack.clearReceived();
    const withBody = await fetch(`${stack.base}/api/auth/customer/refresh`, {
      method: 'POST',
      headers: { origin: PAGE, cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: 'from-javascript' }),
    });
    assert.equal(withBody.status, 400);
    assert.deepEqual(await receivedAt('/api/auth/customer/refresh'), []);
  });

  it('accepts a same-site refresh without Origin (Sec-Fetch-Site)', async () => {
    const session = await login(stack);
    const response = await refreshWith(stack, session.cookie, { 'sec-fetch-site': 'same-site' });
    assert.equal(response.status, 200);
  });

  it('logs out: 204, the cookie cleared, answered by the proxy itself', async () => {
    const session = await login(stack);
    await stack.clearReceived();
    const response = await fetch(`${stack.base}/api/auth/customer/logout`, {
      method: 'POST',
      headers: { origin: PAGE, cookie: session.cookie },
    });
    assert.equal(response.status, 204);
    const [cleared] = response.headers.getSetCookie();
    assert.match(cleared ?? '', /^__Secure-insurup-refresh=;/);
    assert.match(cleared ?? '', /Max-Age=0/);
    assert.match(cleared ?? '', /Path=\/api\/auth\/customer/);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.deepEqual(await stack.received(), []);
  });

  it('never writes a national id, phone, token or code to the log', async () => {
    const session = await login(stack);
    const refreshed = await refreshWith(stack, session.cookie);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    const rotated = cookiePair(refreshed.headers.getSetCookie()[0]!).split('=')[1]!;
    const secrets = [
      String(session.identity.identityNumber), session.identity.phone, session.accessToken, accessToken,
      decodeURIComponent(session.cookie.split('=')[1]!), decodeURIComponent(rotated),
    ];
    const log = stack.logs.join('\n');
    for (const secret of secrets) assert.ok(!log.includes(secret), `log holds ${secret.slice(0, 12)}…`);
    const loginLine = stack.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.endpoint === 'loginOrRegister');
    assert.match(String(loginLine?.phone), /^5\d\d\*{5}\d\d$/);
    for (const line of stack.logs) assert.doesNotThrow(() => JSON.parse(line), line);
  });
});

describe('login and code rate limits', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({
      rateLimit: {
        verifyPerToken: { limit: 3, windowMs: 60_000 },
        loginPerPhone: { limit: 2, windowMs: 60_000 },
        loginPerIp: { limit: 5, windowMs: 60_000 },
      },
      // Each test plays its own client address.
      trustProxy: true,
    });
  });
  after(() => stack.close());
  beforeEach(() => stack.clearReceived());

  it('stops repeated wrong codes with 429 and Retry-After', async () => {
    const identity = newIdentity();
    const client = { 'x-forwarded-for': '198.51.100.1' };
    const started = await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(identity.body, client));
    const { token } = (await started.json()) as { token: string };
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const response = await fetch(`${stack.base}/api/auth/customer/verify-mfa`, json({ token, code: '000000' }, client));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [400, 400, 400, 429]);
    assert.ok(limited);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(limited.headers.get('access-control-allow-origin'), PAGE, 'the page can read Retry-After');
    assert.equal(((await limited.json()) as { type: string }).type, 'https://api.insurup.com/problems/rate-limited');
    const verifies = (await stack.received()).filter((r) => r.path === '/api/auth/customer/verify-mfa');
    assert.equal(verifies.length, 3, 'the fourth guess never reached upstream');
  });

  it('limits SMS codes per phone and per IP', async () => {
    const identity = newIdentity();
    const client = { 'x-forwarded-for': '198.51.100.2' };
    const send = () => fetch(`${stack.base}/api/auth/customer/login-or-register`, json(identity.body, client));
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 429);
    const outbox = (await (await fetch(`${stack.sandbox.url}/sandbox/sms-outbox?phone=${identity.phone}`)).json()) as {
      messages: unknown[];
    };
    assert.equal(outbox.messages.length, 2, 'two SMS, not three');
    // Other phones from the same address: the per-IP limit (5, three used above) ends it.
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(newIdentity().body, client))).status);
    }
    assert.deepEqual(statuses, [200, 200, 429]);
    // Another address is not affected.
    const other = await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(newIdentity().body, { 'x-forwarded-for': '198.51.100.3' }));
    assert.equal(other.status, 200);
  });
});

describe('auth answers (login, verify-mfa, refresh) never carry a refresh token', () => {
  // An upstream whose error answers carry refresh tokens, in any case and at any depth.
  let upstream: Server;
  let proxy: RunningProxy;
  let next: { status: number; type: string; body: string } = { status: 400, type: 'application/json', body: '{}' };
  const secrets = ['SECRET-1', 'SECRET-2', 'SECRET-3', 'SECRET-4'];

  before(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(next.status, { 'content-type': next.type });
        res.end(next.body);
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    proxy = await startProxy({
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      agentId: AGENT_ID,
      allowedOrigins: [PAGE],
      port: 0,
      log: () => {},
    });
  });
  after(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const verify = () => fetch(`${proxy.url}/api/auth/customer/verify-mfa`, json({ token: 't', code: OTP }));
  const refresh = () => fetch(`${proxy.url}/api/auth/customer/refresh`, { method: 'POST', headers: { origin: PAGE, cookie: '__Secure-insurup-refresh=old' } });

  it('strips refreshToken in any case and at any depth from error answers, keeping the rest', async () => {
    const problem = {
      type: 'https://api.insurup.com/problems/input-validation',
      status: 400,
      codes: ['MFA_CODE_INVALID'],
      refreshToken: secrets[0],
      extensions: { RefreshToken: secrets[1], items: [{ REFRESHTOKEN: secrets[2], keep: 1 }], refresh_token: secrets[3] },
    };
    for (const [call, status] of [[verify, 400], [refresh, 401], [refresh, 500], [verify, 503]] as const) {
      next = { status, type: 'application/problem+json', body: JSON.stringify({ ...problem, status }) };
      const response = await call();
      assert.equal(response.status, status);
      const text = await response.text();
      for (const secret of secrets) assert.ok(!text.includes(secret), `${status}: ${text}`);
      assert.deepEqual(JSON.parse(text), {
        type: problem.type, status, codes: ['MFA_CODE_INVALID'], extensions: { items: [{ keep: 1 }] },
      });
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('strips it from login-or-register answers too, success or error', async () => {
    const login = () => fetch(`${proxy.url}/api/auth/customer/login-or-register`, json(newIdentity().body));
    for (const status of [200, 400]) {
      next = { status, type: 'application/json', body: JSON.stringify({ token: 'mfa', refreshToken: secrets[0], nested: { refresh_token: secrets[1] } }) };
      const response = await login();
      assert.equal(response.status, status);
      const text = await response.text();
      for (const secret of secrets) assert.ok(!text.includes(secret), `${status}: ${text}`);
      assert.deepEqual(JSON.parse(text), { token: 'mfa', nested: {} });
    }
  });

  it('passes an answer without a refresh token through byte for byte', async () => {
    next = { status: 400, type: 'application/problem+json', body: '{ "type": "x",  "status": 400 }' };
    assert.equal(await (await verify()).text(), next.body);
  });

  it('replaces an error body that is not JSON, which cannot be searched for keys', async () => {
    next = { status: 502, type: 'text/plain', body: `refreshToken=${secrets[0]}` };
    for (const call of [verify, refresh]) {
      const response = await call();
      assert.equal(response.status, 502);
      const text = await response.text();
      assert.ok(!text.includes(secrets[0]!), text);
      assert.equal(((JSON.parse(text)) as { type: string }).type, 'https://api.insurup.com/problems/upstream-service');
    }
  });
});
