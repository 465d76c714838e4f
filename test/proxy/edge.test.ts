// The fetch handler as an edge runtime runs it: bundled for a neutral platform (no Node
// built-ins), called with plain Requests and no Node bindings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { createProxy as CreateProxy } from '../../src/proxy/index.js';
import { AGENT_ID, OTP, PAGE, newIdentity, startStack, type Stack } from './helpers.js';

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

  it('warns once when the runtime gives no client address, and still serves', async () => {
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
