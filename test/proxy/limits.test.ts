// Purchase callbacks stay on the agency's origins, bodies have a size limit, a slow or absent
// upstream becomes a problem answer, and InsurUp's own problems pass through unchanged.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { startProxy } from '../../src/proxy/node.js';
import { AGENT_ID, PAGE, login, startStack, type Session, type Stack } from './helpers.js';

const purchaseBody = (callbackUrl: string) => ({
  $type: '3d-secure',
  proposalId: 'p1',
  proposalProductId: 'pp1',
  installmentNumber: 1,
  callbackUrl,
  card: { number: '4111111111111111', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'Ayşe Yılmaz' },
});

describe('limits and gates', () => {
  let stack: Stack;
  let session: Session;

  before(async () => {
    stack = await startStack({ upstreamTimeoutMs: 300, callbackOrigins: [PAGE, 'https://odeme.agency.example'] });
    session = await login(stack);
  });
  after(() => stack.close());
  beforeEach(async () => {
    await stack.clearReceived();
    await fetch(`${stack.sandbox.url}/sandbox/faults`, { method: 'DELETE' });
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${stack.base}${path}`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}`, ...headers },
      body,
    });
  const purchasePath = '/api/proposals/p1/products/pp1/purchase/async';

  it('refuses a purchase whose callbackUrl is not on the callback origins, before upstream', async () => {
    for (const url of ['https://evil.example/odeme', 'https://agency.example.evil.example/', `${PAGE}@evil.example/`, 'javascript:alert(1)']) {
      const response = await post(purchasePath, JSON.stringify(purchaseBody(url)));
      assert.equal(response.status, 400, url);
      assert.equal(((await response.json()) as { type: string }).type, 'https://api.insurup.com/problems/input-validation');
    }
    const missing = await post(purchasePath, JSON.stringify({ ...purchaseBody(PAGE), callbackUrl: undefined }));
    assert.equal(missing.status, 400);
    assert.deepEqual(await stack.received(), []);
  });

  it('forwards a purchase whose callbackUrl is on a callback origin, and never logs the card', async () => {
    for (const url of [`${PAGE}/odeme-sonuc?x=1`, 'https://odeme.agency.example/geri']) {
      const response = await post(purchasePath, JSON.stringify(purchaseBody(url)));
      await response.arrayBuffer();
    }
    const received = (await stack.received()).filter((r) => r.path === purchasePath);
    assert.equal(received.length, 2);
    assert.ok(!stack.logs.join('\n').includes('4111111111111111'));
    assert.ok(!stack.logs.join('\n').includes('Ayşe'));
  });

  it('answers 413 for a 65 KiB body, before upstream', async () => {
    const big = JSON.stringify({ ...purchaseBody(PAGE), padding: 'x'.repeat(65 * 1024) });
    const response = await post(purchasePath, big);
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { type: string }).type, 'https://api.insurup.com/problems/payload-too-large');
    const atLimit = await post('/api/proposals', `{"pad":"${'x'.repeat(64 * 1024 - 10)}"}`);
    assert.notEqual(atLimit.status, 413, '64 KiB itself is fine');
    await atLimit.arrayBuffer();
    assert.deepEqual((await stack.received()).filter((r) => r.path === purchasePath), []);
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const { hostname, port } = new URL(stack.base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { hostname, port, method: 'POST', path: '/api/proposals', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(8 * 1024);
      for (let i = 0; i < 9; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
    assert.deepEqual(await stack.received(), []);
  });

  it('answers 504 when upstream does not answer in time', async () => {
    await fetch(`${stack.sandbox.url}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '^/api/customers/me$', fault: 'timeout' }),
    });
    const started = Date.now();
    const response = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}`, origin: PAGE } });
    assert.equal(response.status, 504);
    assert.ok(Date.now() - started < 3000);
    assert.equal(((await response.json()) as { type: string }).type, 'https://api.insurup.com/problems/upstream-timeout');
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
  });

  it('passes upstream problem details through unchanged', async () => {
    await fetch(`${stack.sandbox.url}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '^/api/customers/me$', fault: 503, times: 2 }),
    });
    const direct = await fetch(`${stack.sandbox.url}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    const proxied = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(proxied.status, direct.status);
    assert.equal(proxied.status, 503);
    assert.equal(proxied.headers.get('content-type'), direct.headers.get('content-type'));
    const withoutTrace = (p: Record<string, unknown>) => ({ ...p, traceId: undefined });
    assert.deepEqual(withoutTrace(await proxied.json()), withoutTrace(await direct.json()));
    // And a 401 problem for a bad token, byte for byte apart from its trace id.
    const bad = await fetch(`${stack.base}/api/customers/me`, { headers: { authorization: 'Bearer nope' } });
    assert.equal(bad.status, 401);
    assert.equal(((await bad.json()) as { codes: string[] }).codes[0], 'TOKEN_INVALID');
  });

  it('answers 400 when a gated body is not JSON', async () => {
    const response = await post('/api/auth/customer/login-or-register', 'not json');
    assert.equal(response.status, 400);
    const binary = await post('/graphql', new Uint8Array([0xff, 0xfe, 0x00]));
    assert.equal(binary.status, 400);
    assert.deepEqual(await stack.received(), []);
  });
});

describe('an unreachable upstream', () => {
  it('answers 502 with problem details', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const proxy = await startProxy({ upstream: `http://127.0.0.1:${port}`, agentId: AGENT_ID, allowedOrigins: [PAGE], port: 0, log: () => {} });
    try {
      const response = await fetch(`${proxy.url}/api/customers/me`, { headers: { origin: PAGE } });
      assert.equal(response.status, 502);
      assert.equal(((await response.json()) as { type: string }).type, 'https://api.insurup.com/problems/upstream-service');
    } finally {
      await proxy.close();
    }
  });
});
