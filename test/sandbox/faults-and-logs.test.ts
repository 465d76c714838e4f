import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { AGENT_ID, Api, assertProblem, freshIdentity, individualLogin, login, start } from './helpers.js';
import { CALLBACK, card, createKaskoProposal, customerWithVehicle, settledProposal } from './quoting.js';

describe('sandbox faults, settings, logs and recorded requests', () => {
  let sandbox: StartedSandbox;
  let api: Api;
  const lines: string[] = [];
  let identity: ReturnType<typeof freshIdentity>;

  before(async () => {
    sandbox = await start({ log: (line) => lines.push(line) });
    api = new Api(sandbox.url);
    identity = freshIdentity('logs');
    await login(api, individualLogin(identity));
  });
  after(() => sandbox.close());

  it('X-Sandbox-Fail answers 500 or 503 problems, or hangs until the caller gives up', async () => {
    assertProblem(await api.call('GET', '/api/customers/me', undefined, { 'X-Sandbox-Fail': '500' }), 500, 'upstream-service', 'SANDBOX_FAULT_INJECTED');
    assertProblem(await api.call('GET', '/api/customers/me', undefined, { 'X-Sandbox-Fail': '503' }), 503, 'upstream-service');
    const started = Date.now();
    await assert.rejects(
      fetch(`${sandbox.url}/api/customers/me`, { headers: { 'X-Sandbox-Fail': 'timeout', Authorization: `Bearer ${api.token}` }, signal: AbortSignal.timeout(300) }),
      /abort|timeout/i,
    );
    assert.ok(Date.now() - started >= 290);
    assert.equal((await api.get('/api/customers/me')).status, 200, 'the next request is fine');
  });

  it('fault rules fail the next matching requests, then wear off; close cuts the connection', async () => {
    const added = await api.post('/sandbox/faults', { method: 'GET', path: '^/api/customers/me$', fault: 503, times: 2 });
    assert.equal(added.status, 201);
    assert.deepEqual(added.body.faults, [{ method: 'GET', path: '^/api/customers/me$', fault: 503, remaining: 2 }]);
    assert.equal((await api.get('/api/customers/me/vehicles')).status, 200, 'other paths are untouched');
    assert.equal((await api.get('/api/customers/me')).status, 503);
    assert.equal((await api.get('/api/customers/me')).status, 503);
    assert.equal((await api.get('/api/customers/me')).status, 200);
    assert.deepEqual((await api.get('/sandbox/faults')).body.faults, []);

    await api.post('/sandbox/faults', { path: 'vehicle-parameters', fault: 'close' });
    await assert.rejects(api.get('/api/vehicle-parameters/brands'));
    assert.equal((await api.get('/api/vehicle-parameters/brands')).status, 200);

    await api.post('/sandbox/faults', { path: '.', fault: 500, times: 50 });
    assert.equal((await api.call('DELETE', '/sandbox/faults')).status, 204);
    assert.equal((await api.get('/api/customers/me')).status, 200, 'cleared');

    assert.equal((await api.post('/sandbox/faults', { path: '(', fault: 500 })).status, 400, 'a bad regex is refused');
    assert.equal((await api.post('/sandbox/faults', { path: 'x', fault: 418 })).status, 400, 'an unknown fault is refused');
  });

  it('changes settings at run time: latency, token lifetime, quote delay', async () => {
    const before = (await api.get('/sandbox/config')).body;
    assert.deepEqual(before, { tokenTtl: 600, quoteDelay: [20, 200], failRate: 0, latency: 0 });
    const set = await api.post('/sandbox/config', { latency: 150, quoteDelay: [10, 20] });
    assert.deepEqual(set.body, { tokenTtl: 600, quoteDelay: [10, 20], failRate: 0, latency: 150 });
    const started = Date.now();
    await api.get('/api/vehicle-parameters/brands');
    assert.ok(Date.now() - started >= 145, 'latency is added');
    assert.equal((await api.post('/sandbox/config', { quoteDelay: [50, 10] })).status, 400);
    assert.equal((await api.post('/sandbox/config', { failRate: 2 })).status, 400);
    assert.equal((await api.post('/sandbox/config', { tokenTtl: 5, color: 'blue' })).status, 400, 'unknown keys are refused');
    await api.post('/sandbox/config', before);
  });

  it('a fail rate of 1 fails every API call before it runs: a purchase is never half done', async () => {
    const buyer = new Api(sandbox.url);
    const { customerId, vehicleId, catalog } = await customerWithVehicle(buyer, 'fail-rate');
    const proposal = await settledProposal(buyer, await createKaskoProposal(buyer, customerId, vehicleId, catalog));
    const product = proposal.products.find((p: any) => p.state === 'ACTIVE' && p.supportedPaymentOptions.includes('ASYNC_3D_SECURE'));
    const body = { $type: '3d-secure', card: card(), proposalId: proposal.proposalId, proposalProductId: product.id, installmentNumber: 1, callbackUrl: CALLBACK };
    const sessionsBefore = sandbox.sandbox.store.payments.size;
    await buyer.post('/sandbox/config', { failRate: 1 });
    try {
      for (let i = 0; i < 3; i++) assertProblem(await buyer.post(`/api/proposals/${proposal.proposalId}/products/${product.id}/purchase/async`, body), 503, 'upstream-service');
      assert.equal((await buyer.get('/sandbox/catalog')).status, 200, 'the controls keep working');
    } finally {
      await buyer.post('/sandbox/config', { failRate: 0 });
    }
    assert.equal(sandbox.sandbox.store.payments.size, sessionsBefore, 'no payment was started');

    // A failed approve (a fault on the payment page) changes nothing; the next one buys.
    const { body: started } = await buyer.post(`/api/proposals/${proposal.proposalId}/products/${product.id}/purchase/async`, body);
    await buyer.post('/sandbox/faults', { method: 'POST', path: '^/pay/', fault: 500 });
    const failed = await fetch(started.redirectUrl, { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
    assert.equal(failed.status, 500);
    assert.equal((await buyer.get(`/api/proposals/${proposal.proposalId}/products/${product.id}`)).body.state, 'ACTIVE');
    const ok = await fetch(started.redirectUrl, { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
    assert.equal(ok.status, 303);
    assert.equal((await buyer.get(`/api/proposals/${proposal.proposalId}/products/${product.id}`)).body.state, 'PURCHASED');
  });

  it('logs one line per request, with ids, phones, tokens and cards masked', async () => {
    const buyer = new Api(sandbox.url);
    await customerWithVehicle(buyer, 'log-lines');
    await buyer.call('GET', `/sandbox/sms-outbox?phone=${identity.phone}`);
    const text = lines.join('\n');
    assert.match(text, /^POST \/api\/auth\/customer\/login-or-register 200 \d+ms$/m);
    assert.match(text, /^GET \/api\/customers\/me 200 \d+ms$/m);
    assert.match(text, /^\[sms\] \+90 5\d\d\*{5}\d\d ← \d{6}$/m, 'the SMS code is logged with a masked phone');
    assert.ok(!text.includes(identity.phone), 'no full phone');
    assert.ok(!text.includes(String(identity.identityNumber)), 'no national id');
    assert.ok(!text.includes(api.token!), 'no token');
    assert.ok(!text.includes('4111111111111111'), 'no card number');
    assert.ok(!/GET \/sandbox\/sms-outbox/.test(text), 'polling the controls is not logged');
  });

  it('logs a card purchase, the bank page and the policy e-mail with no card number or address', async () => {
    const buyer = new Api(sandbox.url);
    const { customerId, vehicleId, catalog } = await customerWithVehicle(buyer, 'log-purchase');
    const proposal = await settledProposal(buyer, await createKaskoProposal(buyer, customerId, vehicleId, catalog));
    const product = proposal.products.find((p: any) => p.state === 'ACTIVE' && p.supportedPaymentOptions.includes('ASYNC_3D_SECURE'));
    const productPath = `/api/proposals/${proposal.proposalId}/products/${product.id}`;
    const { body: started } = await buyer.post(`${productPath}/purchase/async`, {
      $type: '3d-secure', card: card({ number: '5555555555554444' }), proposalId: proposal.proposalId, proposalProductId: product.id, installmentNumber: 1, callbackUrl: CALLBACK,
    });
    const approved = await fetch(started.redirectUrl, { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
    assert.equal(approved.status, 303);
    const { policyId } = (await buyer.get(productPath)).body;
    const email = 'log.lines.musteri@example.com';
    assert.equal((await buyer.post(`/api/policies/${policyId}/document/send`, { type: 'email', email })).status, 204);
    const text = lines.join('\n');
    assert.match(text, /^\[mail\] l\*\*\*@example\.com ← /m, 'the mail line masks the address');
    assert.ok(!text.includes(email), 'no e-mail address');
    assert.ok(!text.includes('5555555555554444'), 'no card number');
  });

  it('records recent requests with card data masked and the agent id visible', async () => {
    assert.equal((await api.call('DELETE', '/sandbox/requests')).status, 204);
    const buyer = new Api(sandbox.url);
    const { customerId, vehicleId, catalog } = await customerWithVehicle(buyer, 'recorded');
    const proposal = await settledProposal(buyer, await createKaskoProposal(buyer, customerId, vehicleId, catalog));
    const product = proposal.products.find((p: any) => p.state === 'ACTIVE' && p.supportedPaymentOptions.includes('ASYNC_THIRD_PARTY_3D_SECURE'));
    await buyer.post(`/api/proposals/${proposal.proposalId}/products/${product.id}/purchase/async`, {
      $type: 'third-party-3d-secure', card: card({ number: '5555555555554444', cvc: '987' }), proposalId: proposal.proposalId, proposalProductId: product.id, installmentNumber: 1, callbackUrl: CALLBACK,
    });
    const { requests } = (await api.get('/sandbox/requests')).body;
    const loginRequest = requests.find((r: any) => r.path === '/api/auth/customer/login-or-register');
    assert.equal(loginRequest.body.agentId, AGENT_ID, 'tests can see the agent id that arrived');
    assert.equal(loginRequest.method, 'POST');
    assert.match(loginRequest.time, /^\d{4}-\d{2}-\d{2}T/);
    const purchases = (await api.get('/sandbox/requests?path=purchase/async$')).body.requests;
    assert.equal(purchases.length, 1, 'exactly one purchase arrived');
    assert.equal(purchases[0].body.card.number, '************4444');
    assert.equal(purchases[0].body.card.cvc, '***');
    assert.match(purchases[0].headers.authorization, /^Bearer \*\*\*.{4}$/);
    assert.ok(!JSON.stringify(requests).includes('5555555555554444'));
    assert.ok(requests.every((r: any) => !r.path.startsWith('/sandbox/')), 'the controls are not recorded');
  });

  it('opens the controls to any origin (CORS)', async () => {
    const preflight = await fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const get = await fetch(`${sandbox.url}/sandbox/catalog`, { headers: { Origin: 'http://localhost:8000' } });
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
  });
});
