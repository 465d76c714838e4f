// The SignalR hub through the proxy: the real @microsoft/signalr client connects and receives
// product events; the upgrade checks Origin and path, frames have a size limit, and the access
// token never appears in the proxy's log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HubConnectionBuilder, HttpTransportType, LogLevel, type HubConnection } from '@microsoft/signalr';
import WebSocket from 'ws';
import { HUB_EVENT_NAMES, HUB_PATH, HubEvents, type HubEventName } from '../../src/contract/realtime.js';
import { FOREIGN, PAGE, login, rawRequest, startStack, waitFor, type Session, type Stack } from './helpers.js';

const RS = '\u001e';

interface Proposal {
  state: string;
  products: Array<{ id: string; state: string; premiums: unknown[] }>;
}

describe('hub WebSocket through the proxy', () => {
  let stack: Stack;
  let session: Session;
  let api: (path: string, init?: RequestInit) => Promise<{ status: number; body: any }>;

  before(async () => {
    // Quotes slow enough that Register lands before the first answer.
    stack = await startStack({ maxClientFrameBytes: 16 * 1024 }, { quoteDelay: [300, 700], hubPingInterval: 100 });
    session = await login(stack);
    api = async (path, init = {}) => {
      const response = await fetch(`${stack.base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${session.accessToken}`, origin: PAGE, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
  });
  after(() => stack.close());

  /** A kasko proposal created through the proxy, as the widget does it. */
  async function createProposal(): Promise<string> {
    const me = await api('/api/customers/me');
    const catalog = await (await fetch(`${stack.sandbox.url}/sandbox/catalog`)).json();
    const entry = catalog.registry[2];
    const vehicle = await api(`/api/customers/${me.body.id}/vehicles`, {
      method: 'POST',
      body: JSON.stringify({
        customerId: me.body.id, plate: entry.plate, modelYear: entry.year, brandReference: entry.brand.value,
        modelTypeReference: entry.model.value, utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: entry.documentSerial,
      }),
    });
    assert.equal(vehicle.status, 200, JSON.stringify(vehicle.body));
    const coverageGroupIds = catalog.coverageGroups.filter((g: { branch: string }) => g.branch === 'KASKO').slice(0, 2).map((g: { id: string }) => g.id);
    const created = await api('/api/proposals', {
      method: 'POST',
      body: JSON.stringify({
        $type: 'kasko', productBranch: 'KASKO', vehicleId: vehicle.body.id, insurerCustomerId: me.body.id,
        insuredCustomerId: me.body.id, coverageGroupIds, channel: 'WEBSITE',
      }),
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.proposalId as string;
  }

  const connect = (token: string, origin = PAGE): HubConnection =>
    new HubConnectionBuilder()
      .withUrl(`${stack.base}${HUB_PATH}`, {
        skipNegotiation: true,
        transport: HttpTransportType.WebSockets,
        accessTokenFactory: () => token,
        headers: { Origin: origin },
      })
      .configureLogging(LogLevel.None)
      .build();

  it('lets the @microsoft/signalr client register a proposal and receive product events', async () => {
    const connection = connect(session.accessToken);
    const received: Array<{ name: HubEventName; payload: any }> = [];
    for (const name of HUB_EVENT_NAMES) connection.on(name, (payload) => received.push({ name, payload }));
    await connection.start();
    try {
      const proposalId = await createProposal();
      await connection.invoke('Register', { proposalId });
      const proposal = await waitFor(async () => {
        const answer = await api(`/api/proposals/${proposalId}`);
        return answer.body.state === 'COMPLETED' ? (answer.body as Proposal) : undefined;
      }, 15_000);
      const finals = await waitFor(() => {
        const done = received.filter((e) => e.name === 'ReceiveProposalProductSuccess' || e.name === 'ReceiveProposalProductFailed');
        return done.length >= proposal.products.length ? done : undefined;
      });
      for (const product of proposal.products) {
        const event = finals.find((e) => e.payload.proposalProductId === product.id);
        assert.ok(event, `an event for product ${product.id}`);
        if (event.name === 'ReceiveProposalProductSuccess') assert.deepEqual(event.payload.premiums, product.premiums);
      }
      for (const event of received) {
        assert.equal(event.payload.proposalId, proposalId);
        assert.ok(HubEvents[event.name].safeParse(event.payload).success, `${event.name} parses with the contract`);
      }
    } finally {
      await connection.stop();
    }
    const hubLines = stack.logs.filter((line) => line.includes('proposalHub'));
    assert.ok(hubLines.some((line) => JSON.parse(line).status === 101), 'the upgrade is logged');
    assert.ok(!stack.logs.join('\n').includes(session.accessToken), 'the access token is not in the log');
  });

  /** A browser-style raw WebSocket: the token in `access_token`, Origin set. */
  function rawSocket(query: string, origin: string | undefined = PAGE) {
    return new WebSocket(`${stack.base.replace(/^http/, 'ws')}${HUB_PATH}${query}`, origin ? { origin } : {});
  }
  const upgradeStatus = (ws: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
      ws.once('error', () => {});
    });

  it('accepts the token in access_token, as browsers send it, and keeps it out of the log', async () => {
    const ws = rawSocket(`?access_token=${encodeURIComponent(session.accessToken)}&other=1`);
    const records: any[] = [];
    ws.on('message', (data) => {
      for (const part of data.toString().split(RS)) if (part) records.push(JSON.parse(part));
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
    await waitFor(() => records.length > 0);
    assert.deepEqual(records[0], {}, 'the handshake answer came back through the proxy');
    await waitFor(() => records.some((r) => r.type === 6), 3000);
    ws.close();
    const upgrades = (await stack.received()).filter((r) => r.path === HUB_PATH);
    assert.deepEqual(Object.keys(upgrades.at(-1)?.query ?? {}), ['access_token'], 'only access_token went upstream');
    assert.ok(!stack.logs.join('\n').includes(session.accessToken));
  });

  it('refuses a foreign Origin, a wrong path and a missing token before upstream', async () => {
    await stack.clearReceived();
    const token = `?access_token=${encodeURIComponent(session.accessToken)}`;
    assert.equal(await upgradeStatus(rawSocket(token, FOREIGN)), 403);
    assert.equal(await upgradeStatus(rawSocket(token, 'null')), 403);
    assert.equal(await upgradeStatus(rawSocket('', PAGE)), 401);
    const elsewhere = new WebSocket(`${stack.base.replace(/^http/, 'ws')}/hubs/other${token}`, { origin: PAGE });
    assert.equal(await upgradeStatus(elsewhere), 404);
    // A client would resolve `..` itself; sent raw, the traversal is not the hub.
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', origin: PAGE };
    for (const path of ['/api/../hubs/proposal-detail', '/hubs/proposal-detail/', '/hubs/%70roposal-detail', '/hubs/proposal-detail/../../sandbox/catalog']) {
      const answer = await rawRequest(stack.base, 'GET', `${path}${token}`, upgrade);
      assert.equal(answer.status, 404, path);
    }
    await assert.rejects(connect(session.accessToken, FOREIGN).start());
    assert.deepEqual(await stack.received(), [], 'no upgrade reached the sandbox');
  });

  it('passes InsurUp’s refusal of a bad token on', async () => {
    assert.equal(await upgradeStatus(rawSocket('?access_token=forged')), 401);
  });

  it('closes a connection that sends a frame over the size limit (1009)', async () => {
    const ws = rawSocket(`?access_token=${encodeURIComponent(session.accessToken)}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(17 * 1024));
    assert.equal(await closed, 1009);
  });
});
