/**
 * The proposal feed (SignalR hub with the polling fallback) against the sandbox through the
 * proxy, on a bare host element: live updates, hub blocked, hub late, a dropped connection
 * that reconnects and registers again, stopping with the host, the timeout.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Proposal } from '../../../src/contract/proposals.js';
import { ProposalFeedController, DEFAULT_FEED_TIMING, type FeedStatus, type FeedTiming } from '../../../src/widget/realtime/proposal-feed.js';
import { clearSandboxFaults, sandboxConfig, sandboxFault, until } from '../support/env.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { kaskoFlowAtQuotes, kaskoGroupIds, keepSandboxConfig } from '../quotes/support.js';
import type { FlowSession } from '../../../src/widget/session/flow-session.js';

class FeedHost extends LitElement {
  timing: FeedTiming = { ...DEFAULT_FEED_TIMING };
  statuses: FeedStatus[] = [];
  renders = 0;
  readonly feed = new ProposalFeedController(this, () => this.timing, {
    onStatus: (status) => this.statuses.push(status),
  });
  override render() {
    this.renders++;
    return html`<p>${this.feed.book?.settledCount ?? 0}</p>`;
  }
}
customElements.define('feed-host', FeedHost);

/** Records the page's WebSockets (SignalR builds its socket from the global constructor). */
function watchSockets(): { sockets: WebSocket[]; sent: string[]; restore(): void } {
  const Native = window.WebSocket;
  const sockets: WebSocket[] = [];
  const sent: string[] = [];
  class Watched extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string') sent.push(data);
      super.send(data);
    }
  }
  window.WebSocket = Watched as typeof WebSocket;
  return { sockets, sent, restore: () => (window.WebSocket = Native) };
}

async function newProposal(): Promise<{ session: FlowSession; proposal: Proposal; requestedAt: number }> {
  const session = await kaskoFlowAtQuotes();
  const customerId = session.auth.customer!.id;
  const { proposalId } = await session.client.request('createProposal', {
    body: {
      $type: 'kasko',
      productBranch: 'KASKO',
      vehicleId: session.state.asset!.id,
      insurerCustomerId: customerId,
      insuredCustomerId: customerId,
      coverageGroupIds: await kaskoGroupIds(1),
      channel: 'WEBSITE',
    },
  });
  const requestedAt = performance.now();
  const proposal = await session.client.request('getProposal', { params: { proposalId } });
  return { session, proposal, requestedAt };
}

async function follow(timing: Partial<FeedTiming> = {}): Promise<{ host: FeedHost; proposal: Proposal; session: FlowSession }> {
  const { session, proposal, requestedAt } = await newProposal();
  const host = await fixture<FeedHost>(html`<feed-host></feed-host>`);
  host.timing = { ...DEFAULT_FEED_TIMING, ...timing };
  host.feed.follow(session.client, proposal, requestedAt);
  return { host, proposal, session };
}

/** Pretends the tab was hidden or shown again, as the browser says it with `visibilitychange`. */
function setTabVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

const proposalGets = (mark: number, id: string) => requestsSince(mark, new RegExp(`^/api/proposals/${id}$`), 'GET');

describe('ProposalFeedController', () => {
  keepSandboxConfig();
  beforeEach(async () => {
    await freshPage();
    await clearSandboxFaults();
    await sandboxConfig({ quoteDelay: [300, 2000] });
  });
  afterEach(() => clearSandboxFaults());
  after(() => freshPage());

  it('goes live over the hub and applies each event at once, without polling', async () => {
    await sandboxConfig({ quoteDelay: [1000, 3500] });
    const { host, proposal } = await follow({ baseMs: 300 });
    await until(() => host.feed.status === 'live', 'the hub');
    const mark = await requestMark();
    expect(host.feed.hubConnected).to.equal(true);
    const settledWhenLive = host.feed.book!.settledCount;
    await until(() => host.feed.status === 'complete', 'every answer', 10_000);
    expect(host.statuses).to.deep.equal(['connecting', 'live', 'complete']);
    expect(host.feed.book!.products.every((p) => p.state !== 'WAITING')).to.equal(true);
    expect(host.feed.book!.settledCount).to.be.greaterThan(settledWhenLive);
    // While live: at most the one reconciling GET after Register, no polling every 300 ms.
    expect((await proposalGets(mark, proposal.proposalId)).length).to.be.at.most(1);
    expect(host.feed.hubConnected, 'the hub is closed once every insurer answered').to.equal(false);
  });

  it('polls the proposal, backing off, when the hub cannot be reached', async () => {
    await sandboxFault({ path: 'hubs/proposal-detail', fault: 'close', times: 100 });
    const mark = await requestMark();
    const { host, proposal } = await follow({ baseMs: 150, maxMs: 600, hubRetryDelaysMs: [0] });
    await until(() => host.feed.status === 'polling', 'the fallback');
    await until(() => host.feed.status === 'complete', 'every answer by polling', 15_000);
    expect(host.statuses).to.not.include('live');
    const gets = await proposalGets(mark, proposal.proposalId);
    expect(gets.length).to.be.at.least(3);
    // Polling stopped with the list complete.
    const settledGets = gets.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await proposalGets(mark, proposal.proposalId)).length).to.equal(settledGets);
  });

  it('goes live when the hub comes back, and reconciles with one GET', async () => {
    await sandboxConfig({ quoteDelay: [1500, 3000] });
    await sandboxFault({ path: 'hubs/proposal-detail', fault: 'close', times: 1 });
    const { host } = await follow({ baseMs: 5000, hubRetryDelaysMs: [0, 100, 100] });
    await until(() => host.feed.status === 'live', 'the hub on its second attempt');
    expect(host.statuses.slice(0, 3)).to.deep.equal(['connecting', 'polling', 'live']);
    await until(() => host.feed.status === 'complete', 'every answer', 10_000);
  });

  it('registers again after the connection drops, and misses nothing', async () => {
    await sandboxConfig({ quoteDelay: [1200, 3000] });
    const watch = watchSockets();
    try {
      const mark = await requestMark();
      const { host, proposal } = await follow({ baseMs: 60_000, hubRetryDelaysMs: [0, 200, 500] });
      await until(() => host.feed.status === 'live', 'the hub');
      const registersBefore = watch.sent.filter((m) => m.includes('"Register"')).length;
      expect(registersBefore).to.equal(1);
      watch.sockets[0]!.close(); // the network drops
      await until(() => host.statuses.includes('polling'), 'the drop to be noticed');
      await until(() => host.feed.status === 'live' && watch.sockets.length === 2, 'the reconnect');
      const registers = watch.sent.filter((m) => m.includes('"Register"'));
      expect(registers).to.have.length(2);
      expect(registers[1]).to.include(proposal.proposalId);
      // Polling is at 60 s: the rest can only come over the new connection (plus reconciling GETs).
      await until(() => host.feed.status === 'complete', 'every answer after the reconnect', 10_000);
      expect((await proposalGets(mark, proposal.proposalId)).length).to.be.at.most(3);
    } finally {
      watch.restore();
    }
  });

  it('stops with its host and starts again when the host returns', async () => {
    await sandboxConfig({ quoteDelay: [2000, 4000] });
    const watch = watchSockets();
    try {
      const { host } = await follow({ baseMs: 60_000 });
      await until(() => host.feed.status === 'live', 'the hub');
      const parent = host.parentElement!;
      host.remove();
      await until(() => watch.sockets[0]!.readyState === WebSocket.CLOSED, 'the socket to close');
      expect(host.feed.status).to.equal('idle');
      parent.append(host);
      await until(() => host.feed.status === 'live', 'live again');
      expect(watch.sockets).to.have.length(2);
    } finally {
      watch.restore();
    }
  });

  it('catches up with one GET when the tab becomes visible again', async () => {
    // No hub and a 60 s poll: nothing but the tab coming back can bring the answers in.
    await sandboxFault({ path: 'hubs/proposal-detail', fault: 'close', times: 100 });
    const { host, proposal, session } = await follow({ baseMs: 60_000, maxMs: 60_000, hubRetryDelaysMs: [0] });
    await until(() => host.feed.status === 'polling', 'the fallback');
    const total = proposal.totalProductsCount;
    try {
      // Meanwhile every insurer answers (asked here, before the mark, not by the feed).
      await until(async () => {
        const now = await session.client.request('getProposal', { params: { proposalId: proposal.proposalId } });
        return now.products.every((p) => p.state !== 'WAITING');
      }, 'every insurer to answer', 15_000);
      expect(host.shadowRoot!.textContent!.trim(), 'nothing fetched them yet').to.not.equal(String(total));
      const mark = await requestMark();

      // Hidden, it fetches nothing; visible again, one GET brings every answer on screen.
      setTabVisibility('hidden');
      setTabVisibility('visible');
      await until(() => host.shadowRoot!.textContent!.trim() === String(total), 'the answers on screen');
      expect(host.feed.status).to.equal('complete');
      expect(await proposalGets(mark, proposal.proposalId)).to.have.length(1);
    } finally {
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }
  });

  it('gives up after the timeout, and resumes when asked', async () => {
    await sandboxConfig({ quoteDelay: [1500, 2500] });
    const { host } = await follow({ timeoutMs: 300 });
    await until(() => host.feed.status === 'timedOut', 'the timeout');
    expect(host.feed.hubConnected).to.equal(false);
    host.timing = { ...host.timing, timeoutMs: 20_000 };
    host.feed.resume();
    await until(() => host.feed.status === 'complete', 'every answer after resuming', 10_000);
  });
});
