/**
 * Keeps a proposal's products current while its element is on the page: live over the SignalR
 * hub, or by polling `GET proposals/{id}` when the hub can't be reached. A reactive controller:
 * it connects when the host is connected and stops when the host leaves the page.
 *
 *   start ──▶ hub connecting ──ok──▶ live (one reconciling GET; no polling)
 *                 │ fails                 │ drops           ▲ reconnects (Register, one GET)
 *                 ▼                       ▼                 │
 *              polling every 3 s, slower while nothing changes ──┘   (hub retried meanwhile)
 *
 * It stops by itself when every product is final ('complete') or after `timeoutMs`
 * ('timedOut'); `resume()` starts again (after a retry, or when the user asks to check again).
 * When the tab becomes visible again it reconciles with one GET.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Proposal } from '../../contract/proposals.js';
import type { HubEventName, HubEventPayload } from '../../contract/realtime.js';
import type { InsurUpClient } from '../api/client.js';
import { DEFAULT_POLL_TIMING, nextPollDelay, type PollTiming } from './backoff-schedule.js';
import { ProposalHub } from './proposal-hub.js';
import { QuoteBook, type BookChange } from './quote-book.js';

export type FeedStatus =
  | 'idle' // nothing to follow yet
  | 'connecting' // first connection to the hub under way
  | 'live' // the hub pushes every change
  | 'polling' // the hub is unreachable: the proposal is read every few seconds
  | 'complete' // every product has answered; nothing more is fetched
  | 'timedOut'; // some insurers did not answer in time; nothing more is fetched

export interface FeedTiming extends PollTiming {
  /** Stop waiting for insurers after this long (ms) from (re)start. */
  timeoutMs: number;
  /** Waits before each new attempt to reach the hub (first connection and automatic reconnects). */
  hubRetryDelaysMs: readonly number[];
}

export const DEFAULT_FEED_TIMING: FeedTiming = {
  ...DEFAULT_POLL_TIMING,
  timeoutMs: 120_000,
  hubRetryDelaysMs: [0, 2_000, 5_000, 10_000, 30_000],
};

export interface FeedCallbacks {
  /** Products changed (already applied to `book`); the host has been asked to re-render. */
  onChange?(change: BookChange): void;
  onStatus?(status: FeedStatus): void;
}

type Timer = ReturnType<typeof setTimeout>;

export class ProposalFeedController implements ReactiveController {
  book: QuoteBook | null = null;
  status: FeedStatus = 'idle';
  /** Whether the hub is connected right now (for the status line and tests). */
  hubConnected = false;

  private client: InsurUpClient | null = null;
  private hostIsConnected = false;
  /** Bumped on every start and stop: callbacks of an older run see it and do nothing. */
  private generation = 0;
  private hub: ProposalHub | null = null;
  private pollTimer: Timer | undefined;
  private pollDelay: number | null = null;
  private hubRetryTimer: Timer | undefined;
  private timeoutTimer: Timer | undefined;
  private inflight: AbortController | null = null;
  private reconciling: Promise<boolean | null> | null = null;
  /** A reconcile was asked for while one was in flight: its GET may predate what we need. */
  private reconcileQueued = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly timing: () => FeedTiming = () => DEFAULT_FEED_TIMING,
    private readonly callbacks: FeedCallbacks = {},
  ) {
    host.addController(this);
  }

  /**
   * Starts following a proposal as soon as its id is known, so the hub connects while its
   * first snapshot is fetched (a new proposal replaces the old one).
   */
  watch(client: InsurUpClient, proposalId: string): void {
    if (this.book?.proposalId !== proposalId || this.client !== client) {
      this.stop();
      this.book = new QuoteBook(proposalId);
      this.client = client;
      this.setStatus('idle');
    }
    if (this.hostIsConnected && !this.running && this.status !== 'complete') this.start();
  }

  /** Merges a snapshot of the proposal (the first one, or any later GET by the host). */
  follow(client: InsurUpClient, proposal: Proposal, requestedAt: number): void {
    this.watch(client, proposal.proposalId);
    this.notify(this.book!.applySnapshot(proposal, requestedAt));
    if (this.running) this.finishIfComplete(this.generation);
    else if (this.hostIsConnected && this.book!.complete) this.setStatus('complete');
  }

  /** Forgets the proposal (the flow moved on to a new one). */
  clear(): void {
    this.stop();
    this.book = null;
    this.client = null;
    this.setStatus('idle');
  }

  /** Waits for answers again: after a retry was accepted, or when the user asks to check again. */
  resume(): void {
    if (this.book && this.hostIsConnected && !this.running) this.start();
  }

  /** A product's retry was accepted: it waits again, and the feed follows it. */
  markWaiting(proposalProductId: string): void {
    if (!this.book) return;
    this.notify(this.book.markWaiting(proposalProductId, performance.now()));
    this.resume();
  }

  get running(): boolean {
    return this.status === 'connecting' || this.status === 'live' || this.status === 'polling';
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (this.book) this.start();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stop();
    if (this.running) this.setStatus('idle');
  }

  // ---------------------------------------------------------------------------------------------

  private start(): void {
    this.stop();
    const run = ++this.generation;
    if (this.book!.complete) return this.setStatus('complete');
    this.setStatus('connecting');
    this.pollDelay = null;
    this.timeoutTimer = setTimeout(() => this.giveUp(run), this.timing().timeoutMs);
    // Polling starts now as a safety net; the hub cancels it as soon as it is up.
    this.schedulePoll(run);
    void this.openHub(run, 0);
  }

  private stop(): void {
    this.generation++;
    clearTimeout(this.pollTimer);
    clearTimeout(this.hubRetryTimer);
    clearTimeout(this.timeoutTimer);
    this.pollTimer = this.hubRetryTimer = this.timeoutTimer = undefined;
    this.inflight?.abort();
    this.inflight = null;
    this.reconciling = null;
    this.reconcileQueued = false;
    void this.hub?.stop();
    this.hub = null;
    this.hubConnected = false;
  }

  private isCurrent(run: number): boolean {
    return run === this.generation;
  }

  private async openHub(run: number, attempt: number): Promise<void> {
    const client = this.client!;
    const book = this.book!;
    let hub: ProposalHub | null = null;
    try {
      hub = await ProposalHub.create({
        url: client.hubUrl,
        proposalId: book.proposalId,
        accessToken: () => client.getAccessToken(),
        reconnectDelaysMs: this.timing().hubRetryDelaysMs,
        handlers: {
          onEvent: (name, payload) => this.isCurrent(run) && this.onHubEvent(run, name, payload),
          onMalformedEvent: () => this.isCurrent(run) && void this.reconcile(run),
          onReconnecting: () => this.isCurrent(run) && this.onHubDown(run),
          onReconnected: () => this.isCurrent(run) && this.onHubUp(run),
          onClosed: () => {
            if (!this.isCurrent(run)) return;
            this.hub = null;
            this.onHubDown(run);
            this.scheduleHubRetry(run, 1);
          },
        },
      });
      if (!this.isCurrent(run)) return void hub.stop();
      this.hub = hub;
      await hub.start();
      if (this.isCurrent(run)) this.onHubUp(run);
    } catch {
      if (!this.isCurrent(run)) return;
      void hub?.stop();
      this.hub = null;
      this.onHubDown(run);
      this.scheduleHubRetry(run, attempt + 1);
    }
  }

  private scheduleHubRetry(run: number, attempt: number): void {
    const delay = this.timing().hubRetryDelaysMs[attempt];
    if (delay === undefined) return; // polling carries on alone until complete or timed out
    clearTimeout(this.hubRetryTimer);
    this.hubRetryTimer = setTimeout(() => {
      if (this.isCurrent(run)) void this.openHub(run, attempt);
    }, delay);
  }

  private onHubUp(run: number): void {
    this.hubConnected = true;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.setStatus('live');
    // Events sent before Register (or while disconnected) were missed: one GET catches up.
    void this.reconcile(run);
  }

  private onHubDown(run: number): void {
    this.hubConnected = false;
    if (!this.running) return;
    this.setStatus('polling');
    if (this.pollTimer === undefined) this.schedulePoll(run);
  }

  private onHubEvent<K extends HubEventName>(run: number, name: K, payload: HubEventPayload<K>): void {
    this.notify(this.book!.applyEvent(name, payload, performance.now()));
    this.finishIfComplete(run);
  }

  private schedulePoll(run: number, changed = false): void {
    clearTimeout(this.pollTimer);
    this.pollDelay = nextPollDelay(this.pollDelay, this.timing(), changed);
    this.pollTimer = setTimeout(async () => {
      this.pollTimer = undefined;
      if (!this.isCurrent(run) || this.hubConnected) return;
      const result = await this.reconcile(run);
      if (!this.isCurrent(run) || this.hubConnected || !this.running) return;
      this.schedulePoll(run, result === true);
    }, this.pollDelay);
  }

  /** One GET of the proposal merged into the book. Answers whether it changed something (null: failed). */
  private reconcile(run: number): Promise<boolean | null> {
    if (this.reconciling) {
      this.reconcileQueued = true;
      return this.reconciling;
    }
    this.reconciling = (async () => {
      const controller = new AbortController();
      this.inflight = controller;
      const requestedAt = performance.now();
      try {
        const proposal = await this.client!.request(
          'getProposal',
          { params: { proposalId: this.book!.proposalId } },
          { signal: controller.signal },
        );
        if (!this.isCurrent(run)) return null;
        const change = this.book!.applySnapshot(proposal, requestedAt);
        this.notify(change);
        this.finishIfComplete(run);
        return change.changed;
      } catch {
        return null; // the next poll (or the live hub) carries on
      } finally {
        if (this.inflight === controller) this.inflight = null;
        if (this.isCurrent(run)) {
          this.reconciling = null;
          if (this.reconcileQueued) {
            this.reconcileQueued = false;
            void this.reconcile(run);
          }
        }
      }
    })();
    return this.reconciling;
  }

  private finishIfComplete(run: number): void {
    if (!this.isCurrent(run) || !this.book!.complete) return;
    this.stop();
    this.setStatus('complete');
  }

  private giveUp(run: number): void {
    if (!this.isCurrent(run)) return;
    this.stop();
    this.setStatus('timedOut');
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible' && this.running) void this.reconcile(this.generation);
  };

  private notify(change: BookChange): void {
    if (!change.changed) return;
    this.host.requestUpdate();
    this.callbacks.onChange?.(change);
  }

  private setStatus(status: FeedStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.host.requestUpdate();
    this.callbacks.onStatus?.(status);
  }
}
