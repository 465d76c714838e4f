/**
 * Serves the sandbox on Node: @hono/node-server for HTTP, and the SignalR hub's WebSocket
 * upgrade with `ws`. The upgrade is refused with a problem body (401 without a valid token,
 * 5xx or a cut connection for an injected fault), as ASP.NET answers it.
 */
import { createAdaptorServer } from '@hono/node-server';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { HUB_PATH } from '../contract/realtime.js';
import { ProblemError } from './errors.js';
import { createSandbox, type Sandbox, type SandboxOptions } from './index.js';
import { logLine } from './log.js';
import { randomHex } from './random.js';

export interface StartedSandbox {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

function refuse(socket: Duplex, error: ProblemError, path: string): void {
  const body = JSON.stringify(error.toBody(path, randomHex(16)));
  const extra = Object.entries(error.headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\nConnection: close\r\n${extra}` +
      `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function attachHub(server: Server, sandbox: Sandbox): { close(): void } {
  const sb = sandbox.services;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  const hanging = new Set<Duplex>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const started = performance.now();
      socket.on('error', () => socket.destroy());
      const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
      const finish = (status: number) => {
        const ms = performance.now() - started;
        sb.log(logLine('GET', url, status, ms));
        sandbox.recorder.add({
          time: new Date().toISOString(),
          method: 'GET',
          path: url.pathname,
          query: Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === 'access_token' ? '***' : v])),
          headers: {},
          body: null,
          status,
          ms: Math.round(ms),
        });
      };
      if (url.pathname !== HUB_PATH) {
        refuse(socket, new ProblemError('endpoint-not-found', 404, `${url.pathname} adresinde WebSocket uç noktası yok.`, ['ENDPOINT_NOT_FOUND']), url.pathname);
        return finish(404);
      }
      const fault = sandbox.faults.take('GET', url.pathname, request.headers['x-sandbox-fail']?.toString() ?? null);
      if (fault === 'close') {
        socket.destroy();
        return finish(499);
      }
      if (fault === 'timeout') {
        // Never answer the upgrade; the socket goes when the client gives up or we close.
        hanging.add(socket);
        socket.once('close', () => hanging.delete(socket));
        return finish(504);
      }
      if (fault !== undefined) {
        refuse(socket, new ProblemError('upstream-service', fault, 'Hub geçici olarak bağlantı kabul etmiyor (sanal ortam hatası).', ['SANDBOX_FAULT_INJECTED']), url.pathname);
        return finish(fault);
      }
      let principal;
      try {
        principal = await sb.hub.authorize(url, request.headers.authorization ?? null);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        refuse(socket, error, url.pathname);
        return finish(error.status);
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        finish(101);
        sockets.add(ws);
        const connection = sb.hub.accept({ send: (text) => ws.send(text), close: () => ws.close() }, principal);
        ws.on('message', (data, isBinary) => {
          if (isBinary) ws.close(1003, 'The json protocol is text');
          else connection.receive(data.toString());
        });
        ws.on('close', () => {
          sockets.delete(ws);
          connection.closed();
        });
        ws.on('error', () => ws.terminate());
      });
    })();
  });

  return {
    close: () => {
      for (const ws of sockets) ws.terminate();
      for (const socket of hanging) socket.destroy();
      wss.close();
    },
  };
}

export async function startSandbox(options: SandboxOptions & { port?: number; host?: string } = {}): Promise<StartedSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const server = createAdaptorServer({ fetch: (request, env) => sandbox.fetch(request, env as never) }) as Server;
  const hub = attachHub(server, sandbox);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    sandbox,
    close: async () => {
      sandbox.close();
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
