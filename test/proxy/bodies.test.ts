// Request bodies: the proxy checks one reading of a body and forwards exactly that reading.
// ASP.NET Core (InsurUp) reads JSON keys case-insensitively with the last one winning, so a
// body whose bytes went upstream unchanged could carry `"CallbackUrl"` past the callback
// gate, `"AgentId"` past the Agent ID, `"PhoneNumber"` past the per-phone SMS limit. A
// recording upstream in front of the sandbox shows the bytes that actually went out.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints } from '../../src/contract/index.js';
import { AGENT_ID, FOREIGN, OTHER_AGENT_ID, OTP, PAGE, login, newIdentity, startStack, type Session, type Stack } from './helpers.js';

const PURCHASE_PATH = '/api/proposals/p1/products/pp1/purchase/async';
const LOGIN_PATH = '/api/auth/customer/login-or-register';
const VERIFY_PATH = '/api/auth/customer/verify-mfa';

/** A raw JSON object from [key, value] pairs: keys may repeat, which JSON.stringify cannot write. */
const rawObject = (pairs: [string, unknown][]) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;

const redirectPurchase = { $type: 'insurance-company-redirect', proposalId: 'p1', proposalProductId: 'pp1', installmentNumber: 1 };

describe('request bodies are forwarded as the contract read them', () => {
  let stack: Stack;
  let session: Session;

  before(async () => {
    stack = await startStack(
      {
        // Each test plays its own client address.
        trustProxy: true,
        rateLimit: { loginPerPhone: { limit: 2, windowMs: 60_000 }, verifyPerToken: { limit: 2, windowMs: 60_000 } },
      },
      {},
      { recordUpstream: true },
    );
    session = await login(stack);
  });
  after(() => stack.close());
  beforeEach(() => stack.clearReceived());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.base}${path}`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}`, ...headers },
      body,
    });
  const upstreamBodies = async (path: string) => (await stack.received()).filter((r) => r.path === path).map((r) => r.rawBody);

  it('refuses a second callbackUrl in another case or repeated, before upstream', async () => {
    const ok = `${PAGE}/odeme`;
    const phish = `${FOREIGN}/phish`;
    for (const pairs of [
      [['callbackUrl', ok], ['CallbackUrl', phish]],
      [['CALLBACKURL', phish], ['callbackUrl', ok]],
      [['callbackUrl', phish], ['callbackUrl', ok]],
      [['callbackUrl', ok], ['callbackUrl', phish]],
      [['callbackUrl', ok], ['callbac\u212AUrl', phish]], // the Kelvin sign folds to k
    ] as [string, string][][]) {
      const response = await post(PURCHASE_PATH, rawObject([...Object.entries(redirectPurchase), ...pairs]));
      assert.equal(response.status, 400, JSON.stringify(pairs));
      const problem = (await response.json()) as { type: string; detail: string };
      assert.equal(problem.type, 'https://api.insurup.com/problems/input-validation');
      assert.match(problem.detail, /equal ignoring case/);
    }
    assert.deepEqual(await upstreamBodies(PURCHASE_PATH), []);
  });

  it('refuses repeated keys at any depth, and a lone key in another case is not the contract’s key', async () => {
    const card = '{"number":"4111111111111111","Number":"5555555555554444","cvc":"123","expiryMonth":"12","expiryYear":"2030","holderName":"Ayşe Yılmaz"}';
    const nested = `{"$type":"3d-secure","proposalId":"p1","proposalProductId":"pp1","installmentNumber":1,"callbackUrl":"${PAGE}/ok","card":${card}}`;
    assert.equal((await post(PURCHASE_PATH, nested)).status, 400);
    // The callback gate reads `callbackUrl`; a body with only `CallbackUrl` has none.
    const lone = await post(PURCHASE_PATH, JSON.stringify({ ...redirectPurchase, CallbackUrl: `${PAGE}/ok` }));
    assert.equal(lone.status, 400);
    assert.deepEqual(await upstreamBodies(PURCHASE_PATH), []);
  });

  it('forwards exactly the parsed purchase: unknown keys dropped, $type first', async () => {
    const response = await post(
      PURCHASE_PATH,
      JSON.stringify({ callbackUrl: `${PAGE}/odeme?x=1`, redirectUrl: `${FOREIGN}/x`, ...redirectPurchase, $type: 'insurance-company-redirect', extra: { a: 1 } }),
    );
    await response.arrayBuffer();
    const [forwarded] = await upstreamBodies(PURCHASE_PATH);
    assert.equal(
      forwarded,
      JSON.stringify({ $type: 'insurance-company-redirect', callbackUrl: `${PAGE}/odeme?x=1`, proposalId: 'p1', proposalProductId: 'pp1', installmentNumber: 1 }),
    );
  });

  it('sends the configured Agent ID only, whatever case the page used for its own', async () => {
    const sent = [];
    for (const key of ['AgentId', 'AGENTID', 'agentID']) {
      const identity = newIdentity();
      const response = await post(LOGIN_PATH, JSON.stringify({ ...identity.body, [key]: OTHER_AGENT_ID }), { 'x-forwarded-for': '198.51.100.10' });
      assert.equal(response.status, 200, key);
      sent.push(identity.body);
    }
    // Both spellings at once is a repeated key.
    const both = await post(LOGIN_PATH, JSON.stringify({ ...newIdentity().body, agentId: AGENT_ID, AgentId: OTHER_AGENT_ID }), { 'x-forwarded-for': '198.51.100.11' });
    assert.equal(both.status, 400);
    const forwarded = await upstreamBodies(LOGIN_PATH);
    assert.deepEqual(
      forwarded,
      sent.map((body) => JSON.stringify(endpoints.loginOrRegister.request.parse({ ...body, agentId: AGENT_ID }))),
    );
    for (const body of forwarded) {
      assert.equal(JSON.parse(body!).agentId, AGENT_ID);
      assert.ok(!body!.includes(OTHER_AGENT_ID) && !/agentid/.test(body!), body);
    }
  });

  it('counts the phone the contract reads: no `PhoneNumber` detour, one number in any spelling', async () => {
    const identity = newIdentity();
    const client = { 'x-forwarded-for': '198.51.100.20' };
    const { phoneNumber, ...withoutPhone } = identity.body;
    const detour = await post(LOGIN_PATH, JSON.stringify({ ...withoutPhone, PhoneNumber: phoneNumber }), client);
    assert.equal(detour.status, 400, 'without `phoneNumber` there is no phone to send a code to');
    const statuses = [];
    for (const number of [identity.phone, `0${identity.phone}`, `90${identity.phone}`]) {
      const response = await post(LOGIN_PATH, JSON.stringify({ ...withoutPhone, phoneNumber: { countryCode: 90, number } }), client);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    assert.equal(statuses[0], 200);
    assert.equal(statuses[2], 429, 'the third spelling of one phone is over its limit of 2');
    assert.equal((await upstreamBodies(LOGIN_PATH)).length, 2);
  });

  it('counts code guesses per the token the contract reads: no `Token` detour', async () => {
    const identity = newIdentity();
    const client = { 'x-forwarded-for': '198.51.100.30' };
    const started = await post(LOGIN_PATH, JSON.stringify(identity.body), client);
    const { token } = (await started.json()) as { token: string };
    // The token under another key only, or twice: neither is counted nor forwarded.
    for (const body of [JSON.stringify({ Token: token, code: '000000' }), rawObject([['token', 'another-token'], ['code', '000000'], ['Token', token]])]) {
      assert.equal((await post(VERIFY_PATH, body, client)).status, 400, body);
    }
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await post(VERIFY_PATH, JSON.stringify({ token, code: '000000', attempt: i }), client);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [400, 400, 429], 'the wrong codes, then the per-token limit of 2');
    const forwarded = await upstreamBodies(VERIFY_PATH);
    assert.deepEqual(forwarded, [JSON.stringify({ token, code: '000000' }), JSON.stringify({ token, code: '000000' })]);
    // A fresh token with the right code still works.
    const again = await post(LOGIN_PATH, JSON.stringify(newIdentity().body), client);
    const fresh = ((await again.json()) as { token: string }).token;
    assert.equal((await post(VERIFY_PATH, JSON.stringify({ token: fresh, code: OTP }), client)).status, 200);
  });

  it('refuses what is not a JSON object or not the contract’s shape, with the field named', async () => {
    for (const body of ['', 'null', '[]', '"x"', '42', '{', '{"a":1}{"b":2}']) {
      const response = await post('/api/cases:new-sale-opportunity', body);
      assert.equal(response.status, 400, JSON.stringify(body));
    }
    const wrong = await post('/api/cases:new-sale-opportunity', JSON.stringify({ customerId: 'c1', assetType: 'SHIP', assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' }));
    assert.equal(wrong.status, 400);
    const problem = (await wrong.json()) as { validationErrors: { propertyName: string; errorMessage: string }[] };
    assert.deepEqual(problem.validationErrors.map((e) => e.propertyName), ['assetType']);
    assert.ok(!JSON.stringify(problem).includes('SHIP'), 'values are not echoed');
    const text = await post('/api/cases:new-sale-opportunity', '{}', { 'content-type': 'text/plain' });
    assert.equal(text.status, 415);
    const utf16 = await post('/api/cases:new-sale-opportunity', '{}', { 'content-type': 'application/json; charset=utf-16' });
    assert.equal(utf16.status, 415);
    assert.deepEqual((await stack.received()).map((r) => r.target), []);
  });

  it('forwards every other endpoint’s body as parsed too (unknown keys dropped)', async () => {
    const body = { isAdmin: true, customerId: 'c1', assetType: 'VEHICLE', assetId: 'v1', productBranch: 'KASKO', channel: 'WEBSITE', campaign: 'yaz', agentId: OTHER_AGENT_ID };
    const response = await post('/api/cases:new-sale-opportunity', JSON.stringify(body));
    await response.arrayBuffer();
    const [forwarded] = await upstreamBodies('/api/cases:new-sale-opportunity');
    assert.equal(forwarded, JSON.stringify({ customerId: 'c1', assetType: 'VEHICLE', assetId: 'v1', productBranch: 'KASKO', channel: 'WEBSITE', campaign: 'yaz' }));
  });

  it('sends no body where the contract has none, and refuses one', async () => {
    const path = '/api/proposals/p1/products/pp1/retry';
    const withBody = await post(path, '{"x":1}');
    assert.equal(withBody.status, 400);
    assert.deepEqual(await stack.received(), []);
    const without = await fetch(`${stack.base}${path}`, { method: 'POST', headers: { origin: PAGE, authorization: `Bearer ${session.accessToken}` } });
    await without.arrayBuffer();
    const [forwarded] = await stack.received();
    assert.equal(forwarded?.bodyBytes, 0);
  });
});

describe('branch attribution', () => {
  const BRANCH = '3c1d5e7f-0000-4a2b-8c3d-000000000001';
  const OTHER_BRANCH = '3c1d5e7f-0000-4a2b-8c3d-0000000000ff';
  const sale = (agentBranchId?: string | null) => ({
    customerId: 'c1', assetType: 'VEHICLE', assetId: 'v1', productBranch: 'KASKO', channel: 'WEBSITE',
    ...(agentBranchId === undefined ? {} : { agentBranchId }),
  });

  const withStack = async (options: { agentBranchIds?: string[] }, run: (stack: Stack, token: string) => Promise<void>) => {
    const stack = await startStack(options, {}, { recordUpstream: true });
    try {
      const session = await login(stack);
      await stack.clearReceived();
      await run(stack, session.accessToken);
    } finally {
      await stack.close();
    }
  };
  const post = (stack: Stack, token: string, path: string, body: unknown) =>
    fetch(`${stack.base}${path}`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const forwardedBranches = async (stack: Stack) =>
    (await stack.received()).filter((r) => r.bodyBytes).map((r) => (r.body as { agentBranchId?: unknown }).agentBranchId);

  it('refuses another branch id before upstream when the agency lists its branches', async () => {
    await withStack({ agentBranchIds: [BRANCH.toUpperCase()] }, async (stack, token) => {
      for (const body of [{ ...newIdentity().body, agentBranchId: OTHER_BRANCH }, sale(OTHER_BRANCH)]) {
        const path = 'phoneNumber' in body ? LOGIN_PATH : '/api/cases:new-sale-opportunity';
        const response = await post(stack, token, path, body);
        assert.equal(response.status, 400, path);
        assert.match(((await response.json()) as { detail: string }).detail, /agentBranchId/);
      }
      assert.deepEqual(await stack.received(), []);
      // Its own branch (in any case), no branch, and null pass.
      for (const body of [{ ...newIdentity().body, agentBranchId: BRANCH }, sale(BRANCH), sale(null), sale()]) {
        const response = await post(stack, token, 'phoneNumber' in body ? LOGIN_PATH : '/api/cases:new-sale-opportunity', body);
        assert.notEqual(response.status, 400, JSON.stringify(body));
        await response.arrayBuffer();
      }
      assert.deepEqual(await forwardedBranches(stack), [BRANCH, BRANCH, null, undefined]);
    });
  });

  it('passes any branch id when the agency lists none (unchanged)', async () => {
    await withStack({}, async (stack, token) => {
      const response = await post(stack, token, '/api/cases:new-sale-opportunity', sale(OTHER_BRANCH));
      await response.arrayBuffer();
      assert.deepEqual(await forwardedBranches(stack), [OTHER_BRANCH]);
    });
  });
});
