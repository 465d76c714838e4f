/**
 * The SignalR connection to InsurUp's proposal hub, through the agency proxy. `@microsoft/signalr`
 * is imported on first use, so it is a chunk of its own that only the quotes step loads.
 *
 * WebSockets only, without the negotiate round trip (InsurUp's hub and the proxy both expect
 * that); the access token comes from the API client, which refreshes it when needed. `Register`
 * is invoked after the first start and after every automatic reconnect, because the server
 * forgets a connection's registrations when it drops.
 */
import type { HubConnection } from '@microsoft/signalr';
import {
  HUB_EVENT_NAMES,
  HUB_REGISTER,
  HubEvents,
  type HubEventName,
  type HubEventPayload,
} from '../../contract/realtime.js';

export interface ProposalHubHandlers {
  /** A validated server event. */
  onEvent<K extends HubEventName>(name: K, payload: HubEventPayload<K>): void;
  /** A server event whose payload does not match the contract (the caller re-reads the proposal). */
  onMalformedEvent(name: HubEventName): void;
  /** The connection dropped; SignalR is trying to reconnect. */
  onReconnecting(): void;
  /** Reconnected and registered again. */
  onReconnected(): void;
  /** The connection is gone for good (reconnecting gave up, or the server closed it). */
  onClosed(): void;
}

export interface ProposalHubOptions {
  /** The hub's URL through the proxy (`client.hubUrl`). */
  url: string;
  proposalId: string;
  accessToken: () => Promise<string>;
  /** Waits between automatic reconnect attempts; after the last one the hub gives up. */
  reconnectDelaysMs: readonly number[];
  handlers: ProposalHubHandlers;
}

let signalR: Promise<typeof import('@microsoft/signalr')> | undefined;

/** Loads the SignalR chunk once; calling it early (while the proposal is created) hides its cost. */
export function loadSignalR(): Promise<typeof import('@microsoft/signalr')> {
  signalR ??= import('@microsoft/signalr');
  signalR.catch(() => (signalR = undefined)); // a failed chunk load may be retried later
  return signalR;
}

export class ProposalHub {
  private stopped = false;

  private constructor(
    private readonly connection: HubConnection,
    private readonly options: ProposalHubOptions,
  ) {}

  /** Loads SignalR (once per page) and builds a connection; `start()` connects it. */
  static async create(options: ProposalHubOptions): Promise<ProposalHub> {
    const signalR = await loadSignalR();
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(options.url, {
        skipNegotiation: true,
        transport: signalR.HttpTransportType.WebSockets,
        accessTokenFactory: options.accessToken,
        // SignalR's own logging would print connection URLs to the console; our UI reports state.
        logger: signalR.LogLevel.None,
      })
      .withAutomaticReconnect([...options.reconnectDelaysMs])
      .build();
    return new ProposalHub(connection, options);
  }

  /** Connects and registers for the proposal's events; rejects when the hub can't be reached. */
  async start(): Promise<void> {
    const { connection, options } = this;
    const { handlers } = options;
    for (const name of HUB_EVENT_NAMES) {
      connection.on(name, (payload: unknown) => {
        if (this.stopped) return;
        const parsed = HubEvents[name].safeParse(payload);
        if (parsed.success) handlers.onEvent(name, parsed.data as HubEventPayload<typeof name>);
        else handlers.onMalformedEvent(name);
      });
    }
    connection.onreconnecting(() => {
      if (!this.stopped) handlers.onReconnecting();
    });
    connection.onreconnected(() => {
      if (this.stopped) return;
      this.register().then(
        () => {
          if (!this.stopped) handlers.onReconnected();
        },
        // Connected but not registered is useless: close, which reports onClosed.
        () => void connection.stop(),
      );
    });
    connection.onclose(() => {
      if (!this.stopped) handlers.onClosed();
    });
    await connection.start();
    if (this.stopped) return;
    await this.register();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop().catch(() => undefined);
  }

  private register(): Promise<void> {
    return this.connection.invoke(HUB_REGISTER, { proposalId: this.options.proposalId });
  }
}
