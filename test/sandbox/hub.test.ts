import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HubConnectionBuilder, HttpTransportType, LogLevel, type HubConnection } from '@microsoft/signalr';
import WebSocket from 'ws';
import { HubEvents, HUB_EVENT_NAMES, HUB_PATH, type HubEventName } from '../../src/contract/realtime.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { Api, start, waitFor } from './helpers.js';
import { CALLBACK, card, createKaskoProposal, customerWithVehicle, settledProposal } from './quoting.js';

const RS = '\u001e';

function connect(url: string, token: string): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(`${url}${HUB_PATH}`, {
      skipNegotiation: true,
      transport: HttpTransportType.WebSockets,
      accessTokenFactory: () => token,
    })
    .configureLogging(LogLevel.None)
    .build();
}

/** A raw WebSocket speaking the protocol by hand, collecting each record. */
async function rawSocket(url: string, query: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${HUB_PATH}${query}`);
  const records: any[] = [];
  let buffer = '';
  ws.on('message', (data) => {
    buffer += data.toString();
    const parts = buffer.split(RS);
    buffer = parts.pop()!;
    for (const part of parts) records.push(JSON.parse(part));
  });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, records, closed, send: (m: object) => ws.send(JSON.stringify(m) + RS) };
}

describe('sandbox SignalR hub', () => {
  let sandbox: StartedSandbox;
  before(async () => {
    // Quotes slow enough that Register lands before the first answer.
    sandbox = await start({ quoteDelay: [300, 700], hubPingInterval: 100 });
  });
  after(() => sandbox.close());

  it('the real @microsoft/signalr client registers a proposal and receives every product\'s final event', async () => {
    const api = new Api(sandbox.url);
    const { customerId, vehicleId, catalog } = await customerWithVehicle(api, 'hub');
    const connection = connect(sandbox.url, api.token!);
    const received: Array<{ name: HubEventName; payload: any }> = [];
    for (const name of HUB_EVENT_NAMES) connection.on(name, (payload) => received.push({ name, payload }));
    await connection.start();
    try {
      const proposalId = await createKaskoProposal(api, customerId, vehicleId, catalog, 2);
      await connection.invoke('Register', { proposalId });
      const proposal = await settledProposal(api, proposalId);
      const finals = await waitFor('a final event per product', async () => {
        const done = received.filter((e) => e.name === 'ReceiveProposalProductSuccess' || e.name === 'ReceiveProposalProductFailed');
        return done.length >= proposal.products.length ? done : undefined;
      });
      assert.equal(finals.length, proposal.products.length, 'exactly one final event per product');
      for (const product of proposal.products) {
        const event = finals.find((e) => e.payload.proposalProductId === product.id);
        assert.ok(event, `an event for ${product.insuranceCompanyName}`);
        assert.equal(event.name, product.state === 'ACTIVE' ? 'ReceiveProposalProductSuccess' : 'ReceiveProposalProductFailed');
        if (event.name === 'ReceiveProposalProductSuccess') assert.deepEqual(event.payload.premiums, product.premiums);
      }
      for (const event of received) {
        assert.equal(event.payload.proposalId, proposalId);
        assert.ok(HubEvents[event.name].safeParse(event.payload).success, `${event.name} payload parses with the contract`);
      }

      // Buying pushes Purchasing then Purchased.
      const product = proposal.products.find((p: any) => p.state === 'ACTIVE' && p.supportedPaymentOptions.includes('ASYNC_THIRD_PARTY_3D_SECURE'));
      const purchase = await api.post(`/api/proposals/${proposalId}/products/${product.id}/purchase/async`, {
        $type: 'third-party-3d-secure', card: card(), proposalId, proposalProductId: product.id, installmentNumber: 1, callbackUrl: CALLBACK,
      });
      await fetch(purchase.body.redirectUrl, { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
      const purchased = await waitFor('the purchased event', async () =>
        received.find((e) => e.name === 'ReceiveProposalProductPurchased' && e.payload.proposalProductId === product.id));
      const order = received.filter((e) => e.payload.proposalProductId === product.id).map((e) => e.name);
      assert.deepEqual(order.slice(-2), ['ReceiveProposalProductPurchasing', 'ReceiveProposalProductPurchased']);
      assert.match(purchased.payload.policyId, /^[0-9a-f]{24}$/);
    } finally {
      await connection.stop();
    }
  });

  it('Register refuses another customer\'s proposal with a completion error', async () => {
    const owner = new Api(sandbox.url);
    const { customerId, vehicleId, catalog } = await customerWithVehicle(owner, 'hub-owner');
    const proposalId = await createKaskoProposal(owner, customerId, vehicleId, catalog);
    const stranger = new Api(sandbox.url);
    await customerWithVehicle(stranger, 'hub-stranger');
    const connection = connect(sandbox.url, stranger.token!);
    await connection.start();
    try {
      await assert.rejects(connection.invoke('Register', { proposalId }), /HubException/);
      await assert.rejects(connection.invoke('Register', { nope: 1 }), /Register/);
      await assert.rejects(connection.invoke('Subscribe', { proposalId }), /does not exist/);
    } finally {
      await connection.stop();
    }
  });

  it('refuses a connection without a valid access token', async () => {
    await assert.rejects(connect(sandbox.url, 'not-a-token').start());
    const ws = new WebSocket(`${sandbox.url.replace(/^http/, 'ws')}${HUB_PATH}?access_token=forged`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    assert.equal(status, 401);
    // A plain GET: 401 without a token, told to upgrade with one.
    assert.equal((await fetch(`${sandbox.url}${HUB_PATH}`)).status, 401);
    const api = new Api(sandbox.url);
    await customerWithVehicle(api, 'hub-plain');
    const plain = await fetch(`${sandbox.url}${HUB_PATH}?access_token=${encodeURIComponent(api.token!)}`);
    assert.equal(plain.status, 426);
    assert.equal(plain.headers.get('upgrade'), 'websocket');
  });

  it('speaks the protocol by hand: access_token query, handshake, pings, errors, close on shutdown', async () => {
    const api = new Api(sandbox.url);
    await customerWithVehicle(api, 'hub-raw');
    const wrong = await rawSocket(sandbox.url, `?access_token=${encodeURIComponent(api.token!)}`);
    wrong.send({ protocol: 'messagepack', version: 1 });
    await wrong.closed;
    assert.match(wrong.records[0].error, /not supported/);

    const own = await start({ hubPingInterval: 50 });
    try {
      const ownApi = new Api(own.url);
      await customerWithVehicle(ownApi, 'hub-raw-own');
      const raw = await rawSocket(own.url, `?access_token=${encodeURIComponent(ownApi.token!)}`);
      raw.send({ protocol: 'json', version: 1 });
      await waitFor('the handshake answer', async () => raw.records.length > 0);
      assert.deepEqual(raw.records[0], {});
      await waitFor('two pings', async () => raw.records.filter((r) => r.type === 6).length >= 2);
      raw.send({ type: 1, invocationId: '7', target: 'register', arguments: [{ proposalId: '0123456789abcdef01234567' }] });
      const completion = await waitFor('a completion', async () => raw.records.find((r) => r.type === 3));
      assert.equal(completion.invocationId, '7');
      assert.match(completion.error, /HubException/);
      own.sandbox.close();
      await raw.closed;
      assert.equal(raw.records[raw.records.length - 1].type, 7, 'a close message before the socket closes');
    } finally {
      await own.close();
    }
  });

  it('an injected fault refuses the hub upgrade', async () => {
    const api = new Api(sandbox.url);
    await customerWithVehicle(api, 'hub-fault');
    await api.post('/sandbox/faults', { path: '^/hubs/', fault: 503 });
    const ws = new WebSocket(`${sandbox.url.replace(/^http/, 'ws')}${HUB_PATH}?access_token=${encodeURIComponent(api.token!)}`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    assert.equal(status, 503);
    await api.post('/sandbox/faults', { path: '^/hubs/', fault: 'close' });
    await assert.rejects(connect(sandbox.url, api.token!).start());
    // Used up: the next connection works.
    const connection = connect(sandbox.url, api.token!);
    await connection.start();
    await connection.stop();
  });
});
