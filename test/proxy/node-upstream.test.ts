// The Node upstream transport on its own, against small local servers that misbehave on purpose.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createNodeUpstream } from '../../src/proxy/node-upstream.js';

describe('node upstream transport', () => {
  let server: Server;
  let base: string;
  const sockets = new Set<Socket>();

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        return; // never ends
      }
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < 9; i++) res.write(chunk);
        return res.end();
      }
      if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        return req.socket.destroy();
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' });
        res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'] ?? null, port: req.socket.remotePort }));
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends bodies with their length and reuses its connection', async () => {
    const upstream = createNodeUpstream(base, 1000);
    try {
      const first = await upstream.transport({ method: 'POST', path: '/echo', query: 'a=1', headers: { 'content-type': 'application/json' }, body: '{"x":"ş"}' });
      assert.ok(first.ok);
      const echoed = JSON.parse(Buffer.from(first.body).toString());
      assert.deepEqual([echoed.method, echoed.body, echoed.length], ['POST', '{"x":"ş"}', '10']);
      assert.equal(first.headers.get('content-type'), 'application/json');
      const second = await upstream.transport({ method: 'GET', path: '/echo', query: '', headers: {} });
      assert.ok(second.ok);
      assert.equal(JSON.parse(Buffer.from(second.body).toString()).port, echoed.port, 'the same kept-alive socket');
    } finally {
      upstream.close();
    }
  });

  it('times out a body that never ends, and refuses a huge or cut answer', async () => {
    const upstream = createNodeUpstream(base, 200);
    try {
      const slow = await upstream.transport({ method: 'GET', path: '/slow-body', query: '', headers: {} });
      assert.deepEqual(slow.ok ? 'ok' : slow.failure, 'timeout');
      const huge = await upstream.transport({ method: 'GET', path: '/huge', query: '', headers: {} });
      assert.deepEqual(huge.ok ? 'ok' : huge.failure, 'unreachable');
      const cut = await upstream.transport({ method: 'GET', path: '/cut', query: '', headers: {} });
      assert.deepEqual(cut.ok ? 'ok' : cut.failure, 'unreachable');
    } finally {
      upstream.close();
    }
  });
});
