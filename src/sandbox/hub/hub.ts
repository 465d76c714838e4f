/**
 * `/hubs/proposal-detail`: the proposal hub. The transport (Node's `ws`, or any WebSocket)
 * hands each connection's text here; this side speaks the SignalR JSON protocol: handshake,
 * `Register({proposalId})` invocations answered with completions, server invocations of the
 * `ReceiveProposalProduct*` methods, pings every `pingInterval` and a close message on
 * shutdown. Only a proposal of the token's own customer can be registered.
 */
import { HubEvents, RegisterArgs, HUB_REGISTER, type HubEventName } from '../../contract/realtime.js';
import type { ProductEvent, ProductEvents } from '../services/events.js';
import type { Principal, TokenService } from '../services/tokens.js';
import type { SandboxStore } from '../store.js';
import type { TimerSet } from '../timers.js';
import { frame, MessageType, RecordReader, type HubMessage } from './protocol.js';
import { ProblemError } from '../errors.js';

/** What the transport gives the hub for one WebSocket. */
export interface HubSocket {
  send(text: string): void;
  close(): void;
}

/** What the hub gives back: feed it the socket's text messages and tell it when it closed. */
export interface HubConnectionHandle {
  receive(text: string): void;
  closed(): void;
}

export interface HubDeps {
  store: SandboxStore;
  tokens: TokenService;
  events: ProductEvents;
  timers: TimerSet;
  pingInterval: number;
  log: (line: string) => void;
}

/** SignalR's ClientTimeoutInterval: a client silent this long is gone (it pings every 15 s). */
const CLIENT_TIMEOUT_MS = 30_000;

class HubConnection implements HubConnectionHandle {
  private readonly reader = new RecordReader();
  private handshaken = false;
  private done = false;
  private lastHeard = Date.now();
  readonly proposals = new Set<string>();
  private stopPing: (() => void) | undefined;

  constructor(
    private readonly hub: ProposalHub,
    private readonly socket: HubSocket,
    readonly principal: Principal,
  ) {}

  receive(text: string): void {
    if (this.done) return;
    this.lastHeard = Date.now();
    for (const record of this.reader.push(text)) {
      let message: HubMessage;
      try {
        message = JSON.parse(record) as HubMessage;
      } catch {
        return this.fail('Invalid JSON in a hub message.');
      }
      if (!this.handshaken) this.handshake(message as unknown as { protocol?: unknown; version?: unknown });
      else this.handle(message);
      if (this.done) return;
    }
  }

  private handshake(request: { protocol?: unknown; version?: unknown }): void {
    if (request.protocol !== 'json') {
      this.socket.send(frame({ error: `The protocol '${String(request.protocol)}' is not supported.` }));
      return this.end();
    }
    if (request.version !== 1) {
      this.socket.send(frame({ error: `The server does not support version ${String(request.version)} of the 'json' protocol.` }));
      return this.end();
    }
    this.handshaken = true;
    this.socket.send(frame({}));
    const ping = this.hub.pingInterval;
    this.stopPing = this.hub.timers.every(ping, () => {
      if (Date.now() - this.lastHeard > Math.max(CLIENT_TIMEOUT_MS, ping * 2)) {
        this.socket.send(frame({ type: MessageType.Close, error: 'Server timeout elapsed without receiving a message from the client.' }));
        return this.end();
      }
      this.send({ type: MessageType.Ping });
    });
  }

  private handle(message: HubMessage): void {
    switch (message.type) {
      case MessageType.Invocation:
        return this.invoke(message);
      case MessageType.StreamInvocation:
        if (message.invocationId) {
          this.send({ type: MessageType.Completion, invocationId: message.invocationId, error: 'The hub has no streaming methods.' });
        }
        return;
      case MessageType.Ping:
      case MessageType.CancelInvocation:
        return;
      case MessageType.Close:
        return this.end();
      default:
        return this.fail(`Unknown message type ${String(message.type)}.`);
    }
  }

  private invoke(message: HubMessage): void {
    const reply = (error?: string) => {
      // A fire-and-forget `send` has no invocationId and gets no completion.
      if (!message.invocationId) return;
      this.send(
        error === undefined
          ? { type: MessageType.Completion, invocationId: message.invocationId, result: null }
          : { type: MessageType.Completion, invocationId: message.invocationId, error },
      );
    };
    const target = message.target ?? '';
    if (target.toLowerCase() !== HUB_REGISTER.toLowerCase()) {
      return reply(`Failed to invoke '${target}' because it does not exist.`);
    }
    const args = message.arguments ?? [];
    const parsed = args.length === 1 ? RegisterArgs.safeParse(args[0]) : undefined;
    if (!parsed?.success) {
      return reply(`Failed to invoke '${HUB_REGISTER}' due to an error on the server. InvalidDataException: Register takes one argument { proposalId }.`);
    }
    const proposal = this.hub.store.proposals.get(parsed.data.proposalId);
    if (!proposal || proposal.customerId !== this.principal.customerId) {
      return reply(
        `An unexpected error occurred invoking '${HUB_REGISTER}' on the server. HubException: Teklif bulunamadı ya da bu müşteriye ait değil.`,
      );
    }
    this.proposals.add(proposal.id);
    reply();
  }

  deliver(event: ProductEvent): void {
    if (this.handshaken && !this.done && this.proposals.has(event.proposalId)) {
      this.send({ type: MessageType.Invocation, target: event.name, arguments: [event.payload] });
    }
  }

  private send(message: HubMessage): void {
    if (!this.done) this.socket.send(frame(message));
  }

  private fail(error: string): void {
    this.socket.send(frame({ type: MessageType.Close, error }));
    this.end();
  }

  /** The server closes (shutdown): tell the client it may reconnect. */
  shutdown(): void {
    if (this.done) return;
    if (this.handshaken) this.socket.send(frame({ type: MessageType.Close, allowReconnect: true }));
    this.end();
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.closed();
    this.socket.close();
  }

  closed(): void {
    this.done = true;
    this.stopPing?.();
    this.hub.forget(this);
  }
}

export class ProposalHub {
  private readonly connections = new Set<HubConnection>();
  readonly store: SandboxStore;
  readonly timers: TimerSet;
  readonly pingInterval: number;

  constructor(private readonly deps: HubDeps) {
    this.store = deps.store;
    this.timers = deps.timers;
    this.pingInterval = deps.pingInterval;
    deps.events.on((event) => {
      this.checkPayload(event);
      for (const connection of this.connections) connection.deliver(event);
    });
  }

  /** The hub takes its token as `?access_token=` (browsers) or a bearer header (Node clients). */
  async authorize(url: URL, authorization: string | null): Promise<Principal> {
    const token = url.searchParams.get('access_token');
    if (token) return this.deps.tokens.verifyAccessToken(token);
    if (authorization) return this.deps.tokens.authenticate(authorization);
    throw new ProblemError('unauthorized', 401, "Hub bağlantısı için 'access_token' gereklidir.", ['TOKEN_MISSING']);
  }

  accept(socket: HubSocket, principal: Principal): HubConnectionHandle {
    const connection = new HubConnection(this, socket, principal);
    this.connections.add(connection);
    return connection;
  }

  forget(connection: HubConnection): void {
    this.connections.delete(connection);
  }

  get size(): number {
    return this.connections.size;
  }

  close(): void {
    for (const connection of [...this.connections]) connection.shutdown();
  }

  /** Every pushed payload must satisfy the contract; a mismatch is a sandbox bug worth a log line. */
  private checkPayload(event: ProductEvent): void {
    const schema = HubEvents[event.name as HubEventName];
    const parsed = schema.safeParse(event.payload);
    if (!parsed.success) this.deps.log(`[contract] hub event ${event.name} violates its schema`);
  }
}
