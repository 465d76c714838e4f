// The fetch handler as an edge runtime runs it: bundled for a neutral platform (no Node
// built-ins), called with plain Requests and no Node bindings, and run in a context with the
// Web platform's globals only (no `process`), where it must be told how to tell visitors apart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import type { createProxy as CreateProxy } from '../../src/proxy/index.js';
import { createNodeProxy, startProxy } from '../../src/proxy/node.js';
import { runsOnNode } from '../../src/proxy/runtime.js';
import { AGENT_ID, OTP, PAGE, json, newIdentity, startStack, type Stack } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;

describe('edge runtime', () => {
  let stack: Stack;
  let dir: string;
  let createProxy: typeof CreateProxy;
  let bundle: string;

  before(async () => {
    stack = await startStack();
    dir = mkdtempSync(join(tmpdir(), 'insurup-proxy-edge-'));
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/proxy/index.ts'],
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]!.text;
    const file = join(dir, 'proxy.mjs');
    writeFileSync(file, bundle);
    ({ createProxy } = (await import(pathToFileURL(file).href)) as { createProxy: typeof CreateProxy });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await stack.close();
  });

  it('bundles without any Node built-in', () => {
    assert.doesNotMatch(bundle, /\bfrom\s*["']node:|\brequire\(|\bimport\(["']node:/);
    assert.doesNotMatch(bundle, /\bfrom\s*["'](fs|net|http|crypto|stream|buffer)["']/);
  });

  it('logs a customer in with plain Requests, as `export default { fetch }` would be called', async () => {
    const lines: string[] = [];
    const proxy = createProxy({ upstream: stack.sandbox.url, agentId: AGENT_ID, allowedOrigins: [PAGE], trustProxy: true, log: (l) => lines.push(l) });
    const post = (path: string, body: unknown) =>
      proxy.fetch(
        new Request(`https://agency.example${path}`, {
          method: 'POST',
          headers: { origin: PAGE, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
          body: JSON.stringify(body),
        }),
      );
    const identity = newIdentity();
    const started = await post('/api/auth/customer/login-or-register', identity.body);
    assert.equal(started.status, 200);
    const { token } = (await started.json()) as { token: string };
    const verified = await post('/api/auth/customer/verify-mfa', { token, code: OTP });
    assert.equal(verified.status, 200);
    assert.match(verified.headers.getSetCookie()[0] ?? '', /HttpOnly/);
    assert.deepEqual(Object.keys((await verified.json()) as object).sort(), ['accessToken', 'expiresIn']);
    assert.equal(JSON.parse(lines[0]!).ip, '203.0.113.7');
  });

  it('on Node without a socket (plain Requests) warns once, and still serves', async () => {
    assert.equal(runsOnNode(), true);
    const lines: string[] = [];
    const proxy = createProxy({ upstream: stack.sandbox.url, agentId: AGENT_ID, allowedOrigins: [PAGE], log: (l) => lines.push(l) });
    for (let i = 0; i < 2; i++) {
      const response = await proxy.fetch(new Request('https://agency.example/healthz'));
      assert.equal(response.status, 200);
    }
    assert.equal(lines.filter((l) => l.includes('no client address')).length, 1);
  });

  it('says plainly that it cannot pass the hub WebSocket through', async () => {
    const proxy = createProxy({ upstream: stack.sandbox.url, agentId: AGENT_ID, allowedOrigins: [PAGE], log: () => {} });
    const upgrade = await proxy.fetch(
      new Request('https://agency.example/hubs/proposal-detail?access_token=t', { headers: { upgrade: 'websocket', origin: PAGE } }),
    );
    assert.equal(upgrade.status, 501);
    const plain = await proxy.fetch(new Request('https://agency.example/hubs/proposal-detail?access_token=t'));
    assert.equal(plain.status, 426);
  });
});

describe('edge runtime without Node globals', () => {
  let stack: Stack;
  let createProxy: typeof CreateProxy;

  before(async () => {
    stack = await startStack();
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/proxy/index.ts'],
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'iife',
      globalName: 'insurupProxy',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    // What a Worker has: the Fetch API and friends, `navigator.userAgent`, and no `process`.
    const context = vm.createContext({
      Request, Response, Headers, URL, URLSearchParams, TextEncoder, TextDecoder, crypto, fetch, AbortSignal, AbortController,
      ReadableStream, WritableStream, TransformStream, Blob, FormData, performance, console, setTimeout, clearTimeout, atob, btoa,
      structuredClone, queueMicrotask, navigator: { userAgent: 'Cloudflare-Workers' },
    });
    vm.runInContext(result.outputFiles[0]!.text, context);
    ({ createProxy } = (context as unknown as { insurupProxy: { createProxy: typeof CreateProxy } }).insurupProxy);
  });
  after(() => stack.close());

  const base = () => ({ upstream: stack.sandbox.url, agentId: AGENT_ID, allowedOrigins: [PAGE] });
  const loginFrom = (proxy: ReturnType<typeof CreateProxy>, headers: Record<string, string>) => {
    const init = json(newIdentity().body, headers);
    return proxy.fetch(new Request('https://agency.example/api/auth/customer/login-or-register', init));
  };

  it('refuses to start when it could not tell visitors apart', () => {
    assert.throws(() => createProxy({ ...base(), log: () => {} }), (error: Error) => {
      assert.match(error.message, /^insurup-proxy: this runtime gives no client address/);
      assert.match(error.message, /clientIp: \(request\) => request\.headers\.get\('cf-connecting-ip'\)/);
      return true;
    });
    assert.throws(() => createProxy({ ...base(), clientIp: 'cf-connecting-ip' as never }), /clientIp must be a function/);
    // Behind a proxy that sets X-Forwarded-For, the operator says so instead.
    assert.doesNotThrow(() => createProxy({ ...base(), trustProxy: true, log: () => {} }));
  });

  it('limits each visitor by the address clientIp reads, not all visitors together', async () => {
    const lines: string[] = [];
    const proxy = createProxy({
      ...base(),
      clientIp: (request) => request.headers.get('cf-connecting-ip') ?? undefined,
      rateLimit: { loginPerIp: { limit: 2, windowMs: 60_000 } },
      log: (line) => lines.push(line),
    });
    const statuses = [];
    for (const visitor of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '2001:db8::2']) {
      const response = await loginFrom(proxy, { 'cf-connecting-ip': visitor });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [200, 200, 429, 200, 200]);
    assert.deepEqual(lines.map((l) => JSON.parse(l).ip), ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2', '2001:db8::2']);
    assert.ok(!lines.some((l) => l.includes('no client address')));
  });

  it('passes the runtime’s own argument on (Deno’s info, Bun’s server) and ignores what is no address', async () => {
    const lines: string[] = [];
    const proxy = createProxy({
      ...base(),
      clientIp: (_request, info) => (info as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr?.hostname,
      log: (line) => lines.push(line),
    });
    const health = (hostname: string) => proxy.fetch(new Request('https://agency.example/healthz'), { remoteAddr: { hostname } });
    assert.equal((await health('198.51.100.7')).status, 200);
    assert.equal((await health('not an address')).status, 200);
    assert.deepEqual(lines.filter((l) => l.includes('/healthz')).map((l) => JSON.parse(l).ip), ['198.51.100.7', 'unknown']);
    assert.equal(lines.filter((l) => l.includes('no client address')).length, 1);
  });

  it('logs a clientIp that throws, and still serves', async () => {
    const lines: string[] = [];
    const proxy = createProxy({ ...base(), clientIp: () => { throw new Error('no such header API'); }, log: (line) => lines.push(line) });
    assert.equal((await proxy.fetch(new Request('https://agency.example/healthz'))).status, 200);
    assert.ok(lines.some((l) => l.includes('clientIp failed: no such header API')), lines.join('\n'));
  });
});

describe('clientIp on Node', () => {
  it('is refused: Node reads the socket', async () => {
    const options = { upstream: 'http://127.0.0.1:9', agentId: AGENT_ID, allowedOrigins: [PAGE], clientIp: () => '203.0.113.9' };
    assert.throws(() => createNodeProxy(options), /clientIp is for createProxy on edge runtimes/);
    await assert.rejects(startProxy({ ...options, port: 0 }), /clientIp is for createProxy on edge runtimes/);
  });
});
