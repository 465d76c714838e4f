/**
 * The SignalR hub pass-through (Node only): the browser's WebSocket ends here and a second one
 * goes to InsurUp, so the page never connects to InsurUp directly. CORS does not apply to
 * WebSockets, so the upgrade checks Origin itself; frames have a size limit in both directions;
 * `access_token` is forwarded in the upstream URL and never written to a log.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { problem, type ProblemKind } from '../contract/problems.js';
import { HUB_PATH } from '../contract/realtime.js';
import { allowedQuery, lookupRoute } from './allowlist.js';
import type { ProxyCore } from './app.js';
import { judgeOrigin } from './cors.js';
import { parseTarget, relativePath } from './request-target.js';

export interface HubBridgeOptions {
  /** Largest message the browser may send (SignalR's are tiny: handshake, Register, pings). */
  maxClientFrameBytes?: number;
  /** Largest message InsurUp may send (quote events carry premiums and coverages). */
  maxUpstreamFrameBytes?: number;
}

const HUB_DEFAULTS = { maxClientFrameBytes: 64 * 1024, maxUpstreamFrameBytes: 1024 * 1024 } as const;

/** Close codes a peer may send on (1005, 1006 and 1015 are reserved for local use). */
function sendableCode(code: number): number | undefined {
  if (code === 1005 || code === 1006 || code === 1015) return undefined;
  return (code >= 1000 && code <= 1014) || (code >= 3000 && code <= 4999) ? code : undefined;
}

function closeWith(socket: WebSocket, code: number, reason: Buffer | string = ''): void {
  if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) return;
  if (socket.readyState === WebSocket.CONNECTING) return socket.terminate();
  const sendable = sendableCode(code);
  const text = reason.toString().slice(0, 120);
  if (sendable === undefined) socket.close();
  else socket.close(sendable, text);
}

function refuseUpgrade(socket: Duplex, status: number, kind: ProblemKind, detail: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(problem(kind, status, detail));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
      `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function attachHubBridge(server: Server, core: ProxyCore, options: HubBridgeOptions = {}): { close(): void } {
  const { config } = core;
  const maxClient = options.maxClientFrameBytes ?? HUB_DEFAULTS.maxClientFrameBytes;
  const maxUpstream = options.maxUpstreamFrameBytes ?? HUB_DEFAULTS.maxUpstreamFrameBytes;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxClient, perMessageDeflate: false });
  const open = new Set<WebSocket>();
  const upstreamHub = config.upstream.replace(/^http/, 'ws') + HUB_PATH;

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const started = performance.now();
    socket.on('error', () => socket.destroy());
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const env = { incoming: request };
    const ip = core.ipOf(headers, env);
    const target = parseTarget(request.url ?? '/');
    // The path only: the query holds the access token.
    const entry = { method: 'GET', path: target.path, status: 0, ms: 0, ip, endpoint: 'proposalHub', note: '' };
    const finish = (status: number, note = '') => {
      entry.status = status;
      entry.note = note;
      entry.ms = Math.round((performance.now() - started) * 10) / 10;
      core.writeLog(note ? entry : { ...entry, note: undefined });
    };
    const refuse = (status: number, kind: ProblemKind, detail: string) => {
      refuseUpgrade(socket, status, kind, detail);
      finish(status, detail);
    };

    const rel = relativePath(target.path, config.basePath);
    // In a server shared with other WebSocket endpoints, what lies outside basePath is theirs.
    if (rel === undefined && server.listenerCount('upgrade') > 1) return;
    const lookup = rel === undefined ? undefined : lookupRoute('GET', rel);
    if (!lookup?.found || lookup.route.kind !== 'endpoint' || !lookup.route.endpoint.websocket) {
      return refuse(404, 'endpoint-not-found', 'No such endpoint');
    }
    if (judgeOrigin(headers, config.allowedOrigins).kind === 'foreign') {
      return refuse(403, 'forbidden-origin', 'This origin may not use the proxy.');
    }
    const limited = await core.limiter.check('perIp', ip);
    if (!limited.ok) return refuse(429, 'rate-limited', 'Too many requests; try again later.');
    // Browsers put the token in `access_token` (they cannot set headers on a WebSocket);
    // Node clients, @microsoft/signalr's included, send Authorization. Either goes upstream.
    const query = allowedQuery(lookup.route.endpoint, target.query);
    const authorization = headers.get('authorization');
    if (!query.ok && !authorization) return refuse(401, 'unauthorized', 'The hub needs an access token.');

    const upstreamHeaders: Record<string, string> = {};
    if (authorization) upstreamHeaders.authorization = authorization;
    const language = headers.get('accept-language');
    if (language) upstreamHeaders['accept-language'] = language;
    const upstream = new WebSocket(query.ok ? `${upstreamHub}?${query.query}` : upstreamHub, {
      headers: upstreamHeaders,
      maxPayload: maxUpstream,
      perMessageDeflate: false,
      handshakeTimeout: config.upstreamTimeoutMs,
      followRedirects: false,
    });
    const abandon = () => upstream.terminate();
    socket.once('close', abandon);

    upstream.once('unexpected-response', (_req, response) => {
      const status = response.statusCode ?? 502;
      response.resume();
      upstream.terminate();
      // InsurUp's refusal (401 for a bad token) reaches the client; anything odd is a 502.
      if (status === 401 || status === 403 || status === 404) refuse(status, status === 404 ? 'resource-not-found' : 'unauthorized', 'The hub refused the connection.');
      else refuse(502, 'upstream-service', `The hub answered ${status}.`);
    });
    upstream.on('error', (error) => {
      if (socket.destroyed || entry.status) return;
      const timedOut = /timed out/i.test(error.message);
      refuse(timedOut ? 504 : 502, timedOut ? 'upstream-timeout' : 'upstream-service', 'The hub could not be reached.');
    });
    upstream.once('open', () => {
      socket.off('close', abandon);
      if (socket.destroyed) return upstream.terminate();
      wss.handleUpgrade(request, socket, head, (client) => {
        finish(101);
        bridge(client, upstream);
      });
    });
  }

  function bridge(client: WebSocket, upstream: WebSocket): void {
    open.add(client);
    open.add(upstream);
    const relay = (to: WebSocket) => (data: RawData, isBinary: boolean) => {
      if (to.readyState === WebSocket.OPEN) to.send(data, { binary: isBinary });
    };
    client.on('message', relay(upstream));
    upstream.on('message', relay(client));
    client.on('close', (code, reason) => {
      open.delete(client);
      closeWith(upstream, code, reason);
    });
    upstream.on('close', (code, reason) => {
      open.delete(upstream);
      closeWith(client, code, reason);
    });
    // An oversized frame closes that side with 1009 (ws does it); the close handler then ends the other.
    client.on('error', () => closeWith(upstream, 1011));
    upstream.on('error', () => closeWith(client, 1011));
  }

  const listener = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch(() => refuseUpgrade(socket, 500, 'upstream-service', 'The proxy failed on this request.'));
  };
  server.on('upgrade', listener);

  return {
    close() {
      server.off('upgrade', listener);
      for (const socket of open) socket.terminate();
      open.clear();
      wss.close();
    },
  };
}
