/**
 * The proxy on Node: the fetch handler on @hono/node-server (client IP from the socket, raw
 * request targets for path matching) plus the hub WebSocket pass-through.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createProxyCore } from './app.js';
import { createNodeUpstream, type NodeUpstream } from './node-upstream.js';
import { refuseClientIpOnNode, type ProxyOptions } from './options.js';
import { attachHubBridge, type HubBridgeOptions } from './ws-bridge.js';

export type { ProxyOptions } from './options.js';
export { createProxy } from './index.js';
export { createRedisStore } from './redis-store.js';

export interface StartProxyOptions extends ProxyOptions, HubBridgeOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: put a TLS-terminating server in front, or pass 0.0.0.0 deliberately. */
  host?: string;
}

export interface RunningProxy {
  url: string;
  close(): Promise<void>;
}

export interface NodeProxy {
  /** The fetch handler, for @hono/node-server or any adapter that passes `{ incoming }` as env. */
  fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
  /** Adds the hub WebSocket pass-through to an existing Node HTTP server. */
  attach(server: Server): { close(): void };
  /** Closes the kept-alive upstream connections. */
  close(): void;
}

/** The proxy for an existing Node server (mount it under basePath): fetch handler, hub bridge, node:http upstream. */
export function createNodeProxy(options: ProxyOptions & HubBridgeOptions): NodeProxy {
  refuseClientIpOnNode(options);
  let nodeUpstream: NodeUpstream | undefined;
  const core = createProxyCore(options, (config) => {
    nodeUpstream = createNodeUpstream(config.upstream, config.upstreamTimeoutMs);
    return nodeUpstream.transport;
  });
  return {
    fetch: core.fetch,
    attach: (server) => attachHubBridge(server, core, options),
    close: () => nodeUpstream?.close(),
  };
}

export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const proxy = createNodeProxy(options);
  const server = createAdaptorServer({
    fetch: proxy.fetch,
    // Slow clients must not hold sockets open for long.
    serverOptions: { headersTimeout: 15_000, requestTimeout: 60_000, keepAliveTimeout: 5_000 },
  }) as Server;
  const hub = proxy.attach(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        hub.close();
        proxy.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
