// The proxy's small parts on their own: no server, no upstream.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedQuery, lookupRoute } from '../../src/proxy/allowlist.js';
import { checkCallbackUrl } from '../../src/proxy/callback-gate.js';
import { clearedRefreshCookie, readRefreshCookie, refreshCookie } from '../../src/proxy/cookies.js';
import { checkGraphqlRequest } from '../../src/proxy/graphql-gate.js';
import { formatLogLine, maskSensitive } from '../../src/proxy/log.js';
import { createMemoryStore } from '../../src/proxy/memory-store.js';
import { resolveOptions } from '../../src/proxy/options.js';
import { RateLimiter, DEFAULT_RATE_LIMITS } from '../../src/proxy/rate-limit.js';
import { RefreshCoalescer, type RefreshOutcome } from '../../src/proxy/refresh.js';
import { parseTarget, relativePath } from '../../src/proxy/request-target.js';
import { clientIp } from '../../src/proxy/client-ip.js';
import { isJsonMediaType, readContractBody, repeatedKey } from '../../src/proxy/contract-body.js';
import { phoneSubject } from '../../src/proxy/login-body.js';
import { runsOnNode } from '../../src/proxy/runtime.js';
import { parseCli } from '../../src/proxy/cli-options.js';
import { endpoints, graphqlOperations } from '../../src/contract/index.js';

const AGENT = '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11';
const base = { upstream: 'http://127.0.0.1:9', agentId: AGENT, allowedOrigins: ['https://agency.example'] };

describe('allowlist lookup', () => {
  it('finds customer-facing endpoints and the proxy-answered logout', () => {
    const login = lookupRoute('POST', '/api/auth/customer/login-or-register');
    assert.ok(login.found && login.route.kind === 'endpoint' && login.route.id === 'loginOrRegister');
    const logout = lookupRoute('POST', '/api/auth/customer/logout');
    assert.ok(logout.found && logout.route.kind === 'logout');
    assert.deepEqual(lookupRoute('GET', '/api/auth/customer/logout'), { found: false, status: 405 });
  });
  it('keeps back-office endpoints unknown (404, not 405)', () => {
    assert.deepEqual(lookupRoute('POST', '/api/proposals/p1/products/pp1/purchase/sync'), { found: false, status: 404 });
    assert.deepEqual(lookupRoute('GET', '/api/coverage-choices:kasko'), { found: false, status: 404 });
  });
  it('answers 405 for a wrong method on a customer-facing path', () => {
    assert.deepEqual(lookupRoute('DELETE', '/api/customers/me'), { found: false, status: 405 });
    assert.deepEqual(lookupRoute('PATCH', '/api/customers/me'), { found: false, status: 405 });
  });
  it('reads the colons literally', () => {
    assert.ok(lookupRoute('POST', '/api/cases:new-sale-opportunity').found);
    assert.equal(lookupRoute('POST', '/api/cases:anything-else').found, false);
  });
});

describe('query allowlist', () => {
  it('keeps listed keys, drops the rest', () => {
    const check = allowedQuery(endpoints.listVehicleModels, 'brandReference=B1&year=2020&debug=1&brandReference=B2');
    assert.deepEqual(check, { ok: true, query: 'brandReference=B1&year=2020' });
  });
  it('drops every key where none is listed', () => {
    assert.deepEqual(allowedQuery(endpoints.getMe, 'a=1&b=2'), { ok: true, query: '' });
  });
  it('refuses listed keys with bad values', () => {
    const check = allowedQuery(endpoints.listVehicleModels, 'brandReference=B1&year=20x0');
    assert.equal(check.ok, false);
  });
});

describe('refresh cookie', () => {
  const secure = { secureCookies: true, publicPath: '/insurup' };
  it('is HttpOnly, Secure, SameSite=Strict, scoped to the auth path, 30 days', () => {
    const cookie = refreshCookie('tok+en/=', secure);
    assert.match(cookie, /^__Secure-insurup-refresh=tok%2Ben%2F%3D; /);
    for (const part of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/insurup/api/auth/customer', 'Max-Age=2592000']) {
      assert.ok(cookie.split('; ').includes(part), part);
    }
  });
  it('drops Secure (and the __Secure- prefix) only when told', () => {
    const cookie = refreshCookie('t', { secureCookies: false, publicPath: '' });
    assert.match(cookie, /^insurup-refresh=t; Path=\/api\/auth\/customer; /);
    assert.ok(!cookie.includes('Secure'));
  });
  it('reads its own cookie among the host site’s and clears with Max-Age=0', () => {
    const headers = new Headers({ cookie: '_ga=1; __Secure-insurup-refresh=tok%2Ben; insurup-refresh=other' });
    assert.equal(readRefreshCookie(headers, secure), 'tok+en');
    assert.equal(readRefreshCookie(new Headers({ cookie: '__Secure-insurup-refresh=%E0%A4%A' }), secure), undefined);
    assert.match(clearedRefreshCookie(secure), /^__Secure-insurup-refresh=; Path=\/insurup\/api\/auth\/customer; Max-Age=0;/);
  });
});

describe('refresh coalescing', () => {
  const ok = (n: number): RefreshOutcome => ({ ok: true, tokens: { accessToken: `a${n}`, refreshToken: `r${n}` } });
  it('runs one upstream refresh for concurrent uses of one cookie', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const coalescer = new RefreshCoalescer(1000);
    const refresh = async () => {
      calls++;
      await gate;
      return ok(calls);
    };
    const both = Promise.all([coalescer.run('c', refresh), coalescer.run('c', refresh)]);
    release();
    const [a, b] = await both;
    assert.equal(calls, 1);
    assert.deepEqual(a, b);
  });
  it('reuses a success within the interval, not after it', async () => {
    let now = 0;
    let calls = 0;
    const coalescer = new RefreshCoalescer(1000, () => now);
    const refresh = async () => ok(++calls);
    await coalescer.run('c', refresh);
    now = 999;
    await coalescer.run('c', refresh);
    assert.equal(calls, 1);
    now = 1000;
    await coalescer.run('c', refresh);
    assert.equal(calls, 2);
  });
  it('does not keep failures, and forgets a logged-out cookie', async () => {
    let calls = 0;
    const coalescer = new RefreshCoalescer(1000, () => 0);
    const fail = async (): Promise<RefreshOutcome> => {
      calls++;
      return { ok: false, clearCookie: true, response: () => new Response(null, { status: 401 }) };
    };
    await coalescer.run('c', fail);
    await coalescer.run('c', fail);
    assert.equal(calls, 2);
    await coalescer.run('d', async () => ok(++calls));
    coalescer.forget('d');
    await coalescer.run('d', async () => ok(++calls));
    assert.equal(calls, 4);
  });
});

describe('log masking', () => {
  it('masks national ids, phones, card numbers and tokens', () => {
    const text = maskSensitive(
      '/x/12345678901 5321234567 4111111111111111 access_token=abc.def Bearer eyJhbGciOi.eyJzdWIi.sig ' +
        'x'.repeat(45),
    );
    for (const secret of ['12345678901', '5321234567', '4111111111111111', 'abc.def', 'eyJhbGciOi', 'x'.repeat(45)]) {
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
    assert.ok(text.includes('123******01') && text.includes('532*****67') && text.includes('************1111'));
  });
  it('writes one JSON line with control characters escaped', () => {
    const line = formatLogLine({ method: 'GET', path: '/a\nb', status: 200, ms: 1, ip: '127.0.0.1' });
    assert.equal(line.split('\n').length, 1);
    assert.equal(JSON.parse(line).path, '/a\nb');
  });
});

describe('rate limiter and memory store', () => {
  it('counts fixed windows and answers Retry-After in seconds', async () => {
    let now = 0;
    const limiter = new RateLimiter(
      { ...DEFAULT_RATE_LIMITS, perIp: { limit: 2, windowMs: 10_000 } },
      createMemoryStore(() => now),
      () => {},
    );
    assert.equal((await limiter.check('perIp', 'a')).ok, true);
    assert.equal((await limiter.check('perIp', 'a')).ok, true);
    now = 2500;
    assert.deepEqual(await limiter.check('perIp', 'a'), { ok: false, name: 'perIp', retryAfterSeconds: 8 });
    assert.equal((await limiter.check('perIp', 'b')).ok, true);
    now = 10_000;
    assert.equal((await limiter.check('perIp', 'a')).ok, true);
  });
  it('hashes phones and tokens before they become store keys', async () => {
    const keys: string[] = [];
    const limiter = new RateLimiter(DEFAULT_RATE_LIMITS, { hit: async (key) => (keys.push(key), { count: 1, resetInMs: 1 }) }, () => {});
    await limiter.check('loginPerPhone', '90:5321234567');
    await limiter.check('verifyPerToken', 'secret-mfa-token');
    assert.match(keys[0]!, /^loginPerPhone:[0-9a-f]{64}$/);
    assert.match(keys[1]!, /^verifyPerToken:[0-9a-f]{64}$/);
  });
  it('keeps limiting in memory when the store fails', async () => {
    const errors: unknown[] = [];
    const limiter = new RateLimiter(
      { ...DEFAULT_RATE_LIMITS, loginPerIp: { limit: 1, windowMs: 60_000 } },
      { hit: async () => Promise.reject(new Error('down')) },
      (e) => errors.push(e),
    );
    assert.equal((await limiter.check('loginPerIp', 'ip')).ok, true);
    assert.equal((await limiter.check('loginPerIp', 'ip')).ok, false);
    assert.equal(errors.length, 2);
  });
  it('turns a limit off with 0', async () => {
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, perIp: { limit: 0, windowMs: 1 } }, createMemoryStore(), () => {});
    for (let i = 0; i < 5; i++) assert.equal((await limiter.check('perIp', 'a')).ok, true);
  });
});

describe('request target and client IP', () => {
  it('keeps the raw path and query, from origin or absolute form', () => {
    assert.deepEqual(parseTarget('/api/x/..%2Fy?a=1#f'), { path: '/api/x/..%2Fy', query: 'a=1' });
    assert.deepEqual(parseTarget('http://h:1/api/x?b'), { path: '/api/x', query: 'b' });
    assert.deepEqual(parseTarget('http://h'), { path: '/', query: '' });
  });
  it('strips the base path only at a segment boundary', () => {
    assert.equal(relativePath('/insurup/api/x', '/insurup'), '/api/x');
    assert.equal(relativePath('/insurupx/api/x', '/insurup'), undefined);
    assert.equal(relativePath('/insurup', '/insurup'), undefined);
  });
  it('takes X-Forwarded-For only when trusted, and then its last entry', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' });
    const env = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } };
    assert.equal(clientIp(headers, env, false), '127.0.0.1');
    assert.equal(clientIp(headers, env, true), '10.0.0.7');
    assert.equal(clientIp(new Headers({ 'x-forwarded-for': 'not an ip' }), env, true), '127.0.0.1');
    assert.equal(clientIp(headers, undefined, false), undefined);
  });
});

describe('purchase callback and GraphQL gates', () => {
  const origins = new Set(['https://agency.example']);
  it('accepts callbacks on the agency origins only', () => {
    assert.deepEqual(checkCallbackUrl({ callbackUrl: 'https://agency.example/odeme?x=1' }, origins), { ok: true });
    for (const url of [
      'https://evil.example/', 'https://agency.example.evil.example/', 'https://agency.example@evil.example/',
      'javascript:alert(1)', '//evil.example/', 'http://agency.example/', 'https://user:pw@agency.example/', 42,
    ]) {
      assert.equal(checkCallbackUrl({ callbackUrl: url }, origins).ok, false, String(url));
    }
  });
  it('passes the widget’s documents with valid variables, rebuilt from the contract', () => {
    const op = graphqlOperations.CustomerPolicies;
    const check = checkGraphqlRequest({
      query: op.query.replace(/\s+/g, '  '),
      variables: { customerId: AGENT, skip: 0, take: 10, extra: 'dropped' },
    });
    assert.ok(check.ok);
    assert.deepEqual(JSON.parse(check.body), {
      query: op.query,
      operationName: 'CustomerPolicies',
      variables: { customerId: AGENT, skip: 0, take: 10 },
    });
  });
  it('refuses other documents, a wrong operationName and bad variables', () => {
    assert.deepEqual(checkGraphqlRequest({ query: '{ __schema { types { name } } }' }).ok, false);
    const op = graphqlOperations.CustomerPolicies;
    assert.equal(checkGraphqlRequest({ query: op.query, operationName: 'Other', variables: { customerId: AGENT, skip: 0, take: 1 } }).ok, false);
    assert.equal(checkGraphqlRequest({ query: op.query, variables: { customerId: AGENT, skip: 0, take: 5000 } }).ok, false);
  });
});

describe('options', () => {
  it('refuses an unsafe or broken configuration at startup', () => {
    assert.throws(() => resolveOptions({ ...base, agentId: 'nope' }), /agentId/);
    assert.throws(() => resolveOptions({ ...base, allowedOrigins: [] }), /allowedOrigins/);
    assert.throws(() => resolveOptions({ ...base, allowedOrigins: ['*'] }), /origin/);
    assert.throws(() => resolveOptions({ ...base, allowedOrigins: ['https://a.example/path'] }), /origin only/);
    assert.throws(() => resolveOptions({ ...base, basePath: '/a/../b' }), /basePath/);
    assert.throws(() => resolveOptions({ ...base, upstream: 'ftp://x' }), /upstream/);
    assert.throws(() => resolveOptions({ ...base, rateLimit: { perIp: { limit: -1, windowMs: 1 } } }), /perIp/);
    assert.throws(() => resolveOptions({ ...base, agentBranchIds: ['branch-1'] }), /agent branch id "branch-1" must be a GUID/);
  });
  it('keeps agency branch ids lower-case, and none means any', () => {
    const config = resolveOptions({ ...base, agentBranchIds: ['3C1D5E7F-0000-4A2B-8C3D-000000000001'] });
    assert.deepEqual([...config.agentBranchIds!], ['3c1d5e7f-0000-4a2b-8c3d-000000000001']);
    assert.equal(resolveOptions(base).agentBranchIds, undefined);
  });
  it('normalizes origins and paths and keeps documented defaults', () => {
    const config = resolveOptions({ ...base, allowedOrigins: ['https://Agency.example/'], basePath: '/insurup/' });
    assert.deepEqual([...config.allowedOrigins], ['https://agency.example']);
    assert.equal(config.callbackOrigins, config.allowedOrigins);
    assert.equal(config.basePath, '/insurup');
    assert.equal(config.publicPath, '/insurup');
    assert.equal(config.secureCookies, true);
    assert.equal(config.trustProxy, false);
    assert.equal(config.maxBodyBytes, 65536);
  });
});

describe('CLI options', () => {
  it('reads flags, then the environment', () => {
    const parsed = parseCli(
      ['--port', '0', '--allowed-origin', 'https://a.example', '--allowed-origin', 'https://b.example', '--rate-limit', 'loginPerPhone=3/600', '--insecure-cookies'],
      { INSURUP_AGENT_ID: AGENT, INSURUP_UPSTREAM: 'http://127.0.0.1:1', INSURUP_ALLOWED_ORIGINS: 'https://ignored.example', HOST: '::1', INSURUP_TRUST_PROXY: '1' },
    );
    assert.ok(!parsed.help);
    const o = parsed.options;
    assert.deepEqual(o.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(o.upstream, 'http://127.0.0.1:1');
    assert.equal(o.port, 0);
    assert.equal(o.host, '::1');
    assert.equal(o.trustProxy, true);
    assert.equal(o.secureCookies, false);
    assert.deepEqual(o.rateLimit, { loginPerPhone: { limit: 3, windowMs: 600_000 } });
  });
  it('takes comma lists from the environment and defaults the rest', () => {
    const parsed = parseCli([], { INSURUP_AGENT_ID: AGENT, INSURUP_ALLOWED_ORIGINS: 'https://a.example, https://b.example' });
    assert.ok(!parsed.help);
    assert.deepEqual(parsed.options.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(parsed.options.agentBranchIds, undefined);
    assert.equal(parsed.options.port, 8787);
    assert.equal(parsed.options.host, '127.0.0.1');
    assert.equal(parsed.options.secureCookies, true);
    assert.equal(parsed.options.upstream, 'https://api.insurup.com');
  });
  it('reads agency branch ids from repeated flags or a comma list', () => {
    const env = { INSURUP_AGENT_ID: AGENT, INSURUP_ALLOWED_ORIGINS: 'https://a.example', INSURUP_AGENT_BRANCH_IDS: `${AGENT}, ${AGENT.replace('1', '2')}` };
    const fromEnv = parseCli([], env);
    assert.ok(!fromEnv.help);
    assert.deepEqual(fromEnv.options.agentBranchIds, [AGENT, AGENT.replace('1', '2')]);
    const fromFlags = parseCli(['--agent-branch-id', 'a', '--agent-branch-id', 'b'], env);
    assert.ok(!fromFlags.help);
    assert.deepEqual(fromFlags.options.agentBranchIds, ['a', 'b']);
  });
  it('refuses missing essentials and unknown flags', () => {
    assert.throws(() => parseCli([], {}), /agent-id/);
    assert.throws(() => parseCli(['--agent-id', AGENT], {}), /allowed-origin/);
    assert.throws(() => parseCli(['--nope'], {}));
    assert.throws(() => parseCli(['--rate-limit', 'bogus=1/1'], { INSURUP_AGENT_ID: AGENT, INSURUP_ALLOWED_ORIGINS: 'https://a.example' }), /rate-limit/);
  });
});

describe('request bodies', () => {
  it('finds keys equal ignoring case at any depth, and only keys', () => {
    assert.equal(repeatedKey('{"callbackUrl":"a","CallbackUrl":"b"}'), 'CallbackUrl');
    assert.equal(repeatedKey('{"a":1,"a":2}'), 'a');
    assert.equal(repeatedKey('{"card":{"number":"1","NUMBER":"2"}}'), 'card.NUMBER');
    assert.equal(repeatedKey('{"items":[{"x":1},{"x":1,"X":2}]}'), 'items[1].X');
    assert.equal(repeatedKey('{"callback\\u0055rl":"a","callbackUrl":"b"}'), 'callbackUrl', 'escapes are decoded');
    assert.equal(repeatedKey('{"to\u212Aen":"a","token":"b"}'), 'token', 'the Kelvin sign folds to k');
    // Values, and the same key in sibling objects or across depths, are no repeats.
    assert.equal(repeatedKey('{"a":"a","b":"A","c":["a","A"],"d":{"a":1},"e":{"a":{"A":{}}}}'), undefined);
    assert.equal(repeatedKey('{"s":"\\"}{[,:\\"a\\":","a2":1}'), undefined, 'punctuation inside strings is text');
    assert.equal(repeatedKey('{"a":[[[{"b":1,"B":1}]]]}'), 'a[0][0][0].B');
    assert.equal(repeatedKey(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), undefined, 'no recursion to exhaust');
  });

  it('parses with the contract, injects, and serializes the parsed data with $type first', () => {
    const json = (text: string) => new TextEncoder().encode(text);
    const read = readContractBody(
      endpoints.loginOrRegister,
      json('{"phoneNumber":{"countryCode":90,"number":"5321234567"},"identityNumber":10000000146,"Extra":"x","$type":"individual","agentId":"y"}'),
      'application/json; charset=UTF-8',
      { agentId: AGENT },
    );
    assert.ok(read.ok);
    assert.equal(read.body, `{"$type":"individual","identityNumber":10000000146,"phoneNumber":{"number":"5321234567","countryCode":90},"agentId":"${AGENT}"}`);
    const refused = (endpoint: (typeof endpoints)[keyof typeof endpoints], text: string, type = 'application/json') => {
      const result = readContractBody(endpoint, json(text), type);
      return result.ok ? 'ok' : result.status;
    };
    assert.equal(refused(endpoints.verifyMfa, '{"token":"t","code":"123456"}'), 'ok');
    assert.equal(refused(endpoints.verifyMfa, '{"token":"t","code":"123456","Code":"000000"}'), 400);
    assert.equal(refused(endpoints.verifyMfa, '[{"token":"t","code":"123456"}]'), 400);
    assert.equal(refused(endpoints.verifyMfa, '{"token":"t","code":"12345"}'), 400);
    assert.equal(refused(endpoints.verifyMfa, '{"token":"t","code":"123456"}', 'text/plain'), 415);
    assert.equal(refused(endpoints.retryProduct, ''), 'ok');
    assert.equal(refused(endpoints.retryProduct, '{}'), 400);
    assert.ok(isJsonMediaType('application/problem+json'));
    assert.ok(!isJsonMediaType('application/jsonx'));
    assert.ok(!isJsonMediaType('application/json; charset=latin1'));
  });

  it('counts one phone in any spelling', () => {
    const one = phoneSubject({ countryCode: 90, number: '5321234567' }).subject;
    assert.equal(one, '90:5321234567');
    for (const number of ['05321234567', '905321234567', '00905321234567', '9005321234567']) {
      assert.equal(phoneSubject({ countryCode: 90, number }).subject, one, number);
    }
    assert.notEqual(phoneSubject({ countryCode: 90, number: '5321234568' }).subject, one);
  });
});

describe('runtime', () => {
  it('knows Node from the runtimes that imitate its process global', () => {
    assert.equal(runsOnNode(), true);
    const g = globalThis as Record<string, unknown>;
    for (const marker of ['Deno', 'Bun', 'EdgeRuntime']) {
      g[marker] = marker === 'EdgeRuntime' ? 'edge-runtime' : {};
      try {
        assert.equal(runsOnNode(), false, marker);
      } finally {
        delete g[marker];
      }
    }
    assert.equal(runsOnNode(), true);
  });
});
