// The proxy mounted in an agency's own Node server under /insurup, next to its pages and its
// own WebSocket endpoint: each keeps what is theirs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import WebSocket, { WebSocketServer } from 'ws';
import { createNodeProxy, type NodeProxy } from '../../src/proxy/node.js';
import { HUB_PATH } from '../../src/contract/realtime.js';
import { AGENT_ID, PAGE, login, startStack, type Stack } from './helpers.js';

describe('proxy mounted in an existing Node server', () => {
  let stack: Stack;
  let server: Server;
  let proxy: NodeProxy;
  let hub: { close(): void };
  let echo: WebSocketServer;
  let site: string;

  before(async () => {
    stack = await startStack();
    server = createServer();
    // The site's origin is known once it listens; the proxy is built then.
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    proxy = createNodeProxy({ upstream: stack.sandbox.url, agentId: AGENT_ID, allowedOrigins: [site, PAGE], basePath: '/insurup', log: () => {} });
    const api = getRequestListener(proxy.fetch);
    server.on('request', (req, res) => {
      if (req.url?.startsWith('/insurup/')) return void api(req, res);
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>Acente</title>');
    });
    // The site's own WebSocket endpoint, registered before the proxy's bridge.
    echo = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      if (req.url !== '/echo') return;
      echo.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(data.toString())));
    });
    hub = proxy.attach(server);
  });
  after(async () => {
    hub.close();
    proxy.close();
    echo.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await stack.close();
  });

  it('serves the site, the API under /insurup, and both WebSocket endpoints', async () => {
    assert.equal(await (await fetch(`${site}/`)).text(), '<!doctype html><title>Acente</title>');
    assert.equal((await fetch(`${site}/insurup/healthz`)).status, 200);
    const session = await login({ ...stack, base: `${site}/insurup` });
    assert.ok(session.accessToken);
    assert.match(session.setCookie, /Path=\/insurup\/api\/auth\/customer/);

    const ws = new WebSocket(`${site.replace('http', 'ws')}/echo`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send('merhaba'));
      ws.once('message', (data) => resolve(data.toString()));
      ws.once('error', reject);
    });
    assert.equal(reply, 'merhaba', 'the site’s own WebSocket still works');
    ws.close();

    const hubSocket = new WebSocket(`${site.replace('http', 'ws')}/insurup${HUB_PATH}?access_token=${encodeURIComponent(session.accessToken)}`, { origin: site });
    await new Promise<void>((resolve, reject) => {
      hubSocket.once('open', () => resolve());
      hubSocket.once('error', reject);
    });
    hubSocket.close();

    const stray = new WebSocket(`${site.replace('http', 'ws')}/insurup/hubs/other`, { origin: site });
    const status = await new Promise<number>((resolve) => {
      stray.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      stray.once('error', () => {});
    });
    assert.equal(status, 404);
  });
});
