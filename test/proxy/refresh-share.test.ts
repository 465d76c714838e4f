// Refresh coalescing across instances through a shared store (here a Map; Redis in
// redis-store.test.ts): one upstream refresh, sealed outcomes, failures not kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sharedRefresh, type RefreshShareStore } from '../../src/proxy/refresh-share.js';
import type { RefreshOutcome } from '../../src/proxy/refresh.js';
import { waitFor } from './helpers.js';

function mapStore(): RefreshShareStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    async setIfAbsent(key, value) {
      if (values.has(key)) return false;
      values.set(key, value);
      return true;
    },
    async set(key, value) {
      values.set(key, value);
    },
    async get(key) {
      return values.get(key);
    },
    async delete(key) {
      values.delete(key);
    },
  };
}

const options = {
  reuseIntervalMs: 1000,
  waitMs: 2000,
  pollMs: 5,
  timedOut: (): RefreshOutcome => ({ ok: false, clearCookie: false, response: () => new Response(null, { status: 504 }) }),
  onError: () => {},
};

describe('shared refresh', () => {
  it('lets two instances refresh one cookie with one upstream call', async () => {
    const store = mapStore();
    const a = sharedRefresh(store, options);
    const b = sharedRefresh(store, options);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const refresh = async (): Promise<RefreshOutcome> => {
      calls++;
      await gate;
      return { ok: true, tokens: { accessToken: 'access-new', refreshToken: 'refresh-new', expiresIn: 600 } };
    };
    const both = Promise.all([a.run('old-cookie', refresh), b.run('old-cookie', refresh)]);
    setTimeout(release, 30);
    const [first, second] = await both;
    assert.equal(calls, 1);
    assert.deepEqual(first, second);
    // What the store holds is neither the cookie nor the tokens.
    const stored = [...store.values].flat().join(' ');
    for (const secret of ['old-cookie', 'access-new', 'refresh-new']) assert.ok(!stored.includes(secret), secret);
  });

  it('does not keep failures: the next instance tries itself', async () => {
    const store = mapStore();
    const a = sharedRefresh(store, options);
    const b = sharedRefresh(store, options);
    let calls = 0;
    const failing = async (): Promise<RefreshOutcome> => {
      calls++;
      return { ok: false, clearCookie: true, response: () => new Response(null, { status: 401 }) };
    };
    assert.equal((await a.run('c', failing)).ok, false);
    assert.equal((await b.run('c', failing)).ok, false);
    assert.equal(calls, 2);
    assert.equal(store.values.size, 0);
  });

  it('refreshes alone when the store fails, and never twice', async () => {
    const broken: RefreshShareStore = {
      setIfAbsent: async () => true,
      set: async () => Promise.reject(new Error('down')),
      get: async () => Promise.reject(new Error('down')),
      delete: async () => Promise.reject(new Error('down')),
    };
    const errors: unknown[] = [];
    const share = sharedRefresh(broken, { ...options, onError: (e) => errors.push(e) });
    let calls = 0;
    const outcome = await share.run('c', async () => {
      calls++;
      return { ok: true, tokens: { accessToken: 'a', refreshToken: 'r' } };
    });
    assert.ok(outcome.ok);
    assert.equal(calls, 1, 'a failed publish does not refresh again');
    assert.equal(errors.length, 1);
    const unreachable = sharedRefresh({ ...broken, setIfAbsent: async () => Promise.reject(new Error('down')) }, options);
    assert.ok((await unreachable.run('c', async () => ({ ok: true, tokens: { accessToken: 'a', refreshToken: 'r' } }))).ok);
  });

  it('gives up waiting for a claim that never completes', async () => {
    const store = mapStore();
    const share = sharedRefresh(store, { ...options, waitMs: 50 });
    // Another instance claims the cookie and then hangs.
    const stuck = sharedRefresh(store, options);
    void stuck.run('c', () => new Promise(() => {}));
    await waitFor(() => store.values.size === 1);
    const outcome = await share.run('c', async () => ({ ok: true, tokens: { accessToken: 'a', refreshToken: 'r' } }));
    assert.equal(outcome.ok, false);
    assert.equal(outcome.ok ? 0 : outcome.response().status, 504);
  });
});
