// The Redis rate-limit store against a real redis-server this test starts (CI installs
// Debian's redis-server; without it the test fails with a clear message rather than skipping).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createRedisStore, type RedisStore } from '../../src/proxy/redis-store.js';
import { createProxy } from '../../src/proxy/index.js';

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
