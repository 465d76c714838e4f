// The Redis rate-limit store against a real redis-server this test starts (CI installs
// Debian's redis-server; without it the test fails with a clear message rather than skipping).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createRedisStore, type RedisStore } from '../../src/proxy/redis-store.js';
import { createProxy } from '../../src/proxy/index.js';
import { startProxy } from '../../src/proxy/node.js';
import { startSandbox } from '../../src/sandbox/node.js';
import { AGENT_ID, OTP, PAGE, cookiePair, json, newIdentity, waitFor } from './helpers.js';

function redisServerPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new Error('redis-server is not installed: run `apt-get install -y redis-server` (.ci/run does this)');
  }
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const binary = redisServerPath();
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('Redis rate-limit store', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let store: RedisStore;

  before(async () => {
    redis = await startRedis();
    store = createRedisStore({ url: redis.url, prefix: 'test:' });
  });
  after(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('counts hits in a window that expires', async () => {
    assert.deepEqual((await store.hit('k1', 60_000)).count, 1);
    const second = await store.hit('k1', 60_000);
    assert.equal(second.count, 2);
    assert.ok(second.resetInMs > 59_000 && second.resetInMs <= 60_000, String(second.resetInMs));
    const short = await store.hit('k2', 50);
    assert.equal(short.count, 1);
    // Wait for Redis itself to expire the key, then the window starts over.
    const client = new Redis(redis.url);
    try {
      while ((await client.exists('test:k2')) === 1) await new Promise((r) => setImmediate(r));
    } finally {
      client.disconnect();
    }
    assert.equal((await store.hit('k2', 50)).count, 1);
  });

  it('shares one count between two proxy instances', async () => {
    const secondClient = new Redis(redis.url);
    const second = createRedisStore({ client: secondClient, prefix: 'test:' });
    const options = {
      upstream: 'http://127.0.0.1:9',
      agentId: '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11',
      allowedOrigins: ['https://agency.example'],
      rateLimit: { perIp: { limit: 3, windowMs: 60_000 } },
      trustProxy: true,
      log: () => {},
    };
    const a = createProxy({ ...options, store });
    const b = createProxy({ ...options, store: second });
    const health = (proxy: typeof a) =>
      proxy.fetch(new Request('http://proxy.test/api/unknown', { headers: { 'x-forwarded-for': '203.0.113.9' } }));
    const statuses = [];
    for (const proxy of [a, b, a, b]) statuses.push((await health(proxy)).status);
    assert.deepEqual(statuses, [404, 404, 404, 429]);
    const limited = await health(a);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 59);
    await second.close();
    assert.equal(secondClient.status, 'ready', 'a client passed in is left to its owner');
    secondClient.disconnect();
  });

  it('lets two instances coalesce one cookie’s refreshes, and a replay after the interval still fails', async () => {
    const sandbox = await startSandbox({ port: 0, otp: OTP, seed: 1, log: () => {} });
    const clients = [new Redis(redis.url), new Redis(redis.url)];
    const common = { upstream: sandbox.url, agentId: AGENT_ID, allowedOrigins: [PAGE], port: 0, refreshReuseIntervalMs: 300, log: () => {} };
    const a = await startProxy({ ...common, store: createRedisStore({ client: clients[0]!, prefix: 'share:' }) });
    const b = await startProxy({ ...common, store: createRedisStore({ client: clients[1]!, prefix: 'share:' }) });
    try {
      const started = await fetch(`${a.url}/api/auth/customer/login-or-register`, json(newIdentity().body));
      const { token } = (await started.json()) as { token: string };
      const verified = await fetch(`${a.url}/api/auth/customer/verify-mfa`, json({ token, code: OTP }));
      const cookie = cookiePair(verified.headers.getSetCookie()[0]!);
      await fetch(`${sandbox.url}/sandbox/requests`, { method: 'DELETE' });
      const refresh = (proxy: { url: string }) =>
        fetch(`${proxy.url}/api/auth/customer/refresh`, { method: 'POST', headers: { origin: PAGE, cookie } });
      // Two tabs, two instances behind a load balancer, one cookie, the same moment.
      const [fromA, fromB] = await Promise.all([refresh(a), refresh(b)]);
      assert.deepEqual([fromA.status, fromB.status], [200, 200]);
      assert.equal(cookiePair(fromA.headers.getSetCookie()[0]!), cookiePair(fromB.headers.getSetCookie()[0]!));
      const upstream = async () =>
        ((await (await fetch(`${sandbox.url}/sandbox/requests?path=refresh`)).json()) as { requests: unknown[] }).requests.length;
      assert.equal(await upstream(), 1, 'one upstream refresh for both instances');
      // After the interval the old cookie goes upstream again, where it is reuse.
      const replay = await waitFor(async () => {
        const response = await refresh(b);
        return response.status === 200 ? (await response.arrayBuffer(), undefined) : response;
      });
      assert.equal(replay.status, 401);
      assert.equal(await upstream(), 2);
    } finally {
      await a.close();
      await b.close();
      for (const client of clients) client.disconnect();
      await sandbox.close();
    }
  });

  it('keeps no phone number or token in clear', async () => {
    const proxy = createProxy({
      upstream: 'http://127.0.0.1:9',
      agentId: '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11',
      allowedOrigins: ['https://agency.example'],
      store,
      upstreamTimeoutMs: 200,
      log: () => {},
    });
    await proxy.fetch(
      new Request('http://proxy.test/api/auth/customer/login-or-register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ $type: 'individual', identityNumber: 10000000146, phoneNumber: { number: '5329998877', countryCode: 90 } }),
      }),
    );
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('test:*');
      assert.ok(keys.some((k) => k.startsWith('test:loginPerPhone:')), keys.join());
      assert.ok(!keys.some((k) => k.includes('5329998877')), keys.join());
    } finally {
      client.disconnect();
    }
  });
});
