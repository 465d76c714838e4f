/**
 * Refresh coalescing across proxy instances. Behind a load balancer two tabs may refresh one
 * cookie on two instances at once; the second upstream call would be reuse and end the
 * session. With a shared store, the first instance claims the cookie, refreshes, and leaves
 * the new tokens for the reuse interval; the other waits for them. The store only ever holds
 * them sealed (AES-GCM) with a key derived from the old cookie, under a name that is another
 * hash of it: reading them needs the very token they replace.
 */
import type { RefreshOutcome, RefreshTokens } from './refresh.js';

/** What a store offers for this (the Redis store does; keys are prefixed by the store). */
export interface RefreshShareStore {
  /** Sets the key only when it is absent; true when it was set. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | undefined>;
  delete(key: string): Promise<void>;
}

export interface SharedRefreshOptions {
  reuseIntervalMs: number;
  /** How long to wait for another instance's refresh (its upstream timeout and a margin). */
  waitMs: number;
  pollMs?: number;
  timedOut: () => RefreshOutcome;
  onError: (error: unknown) => void;
}

const PENDING = 'pending';
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function sha256(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function derive(cookie: string): Promise<{ name: string; key: CryptoKey }> {
  const name = [...(await sha256(`insurup-proxy:refresh-name:${cookie}`))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const key = await crypto.subtle.importKey('raw', await sha256(`insurup-proxy:refresh-seal:${cookie}`), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { name: `refresh:${name}`, key };
}

async function seal(key: CryptoKey, tokens: RefreshTokens): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(tokens))));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64(out);
}

async function unseal(key: CryptoKey, value: string): Promise<RefreshTokens> {
  const bytes = fromBase64(value);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12));
  return JSON.parse(new TextDecoder().decode(plain)) as RefreshTokens;
}

export interface SharedRefresh {
  run(cookie: string, refresh: () => Promise<RefreshOutcome>): Promise<RefreshOutcome>;
  forget(cookie: string): Promise<void>;
}

export function sharedRefresh(store: RefreshShareStore, options: SharedRefreshOptions): SharedRefresh {
  const pollMs = options.pollMs ?? 20;
  const pause = () => new Promise((resolve) => setTimeout(resolve, pollMs));

  return {
    async run(cookie, refresh) {
      let outcome: RefreshOutcome | undefined;
      try {
        const { name, key } = await derive(cookie);
        const deadline = Date.now() + options.waitMs;
        for (;;) {
          if (await store.setIfAbsent(name, PENDING, options.waitMs)) {
            outcome = await refresh();
            try {
              if (outcome.ok) await store.set(name, await seal(key, outcome.tokens), options.reuseIntervalMs);
              else await store.delete(name);
            } catch (error) {
              options.onError(error);
            }
            return outcome;
          }
          // Another instance is refreshing this cookie, or has just done so.
          for (;;) {
            const value = await store.get(name);
            if (value === undefined) break; // its refresh failed: try ourselves
            if (value !== PENDING) return { ok: true, tokens: await unseal(key, value) };
            if (Date.now() > deadline) return options.timedOut();
            await pause();
          }
          if (Date.now() > deadline) return options.timedOut();
        }
      } catch (error) {
        // The store failed: refresh here alone, unless that already happened.
        options.onError(error);
        return outcome ?? refresh();
      }
    },
    async forget(cookie) {
      try {
        await store.delete((await derive(cookie)).name);
      } catch (error) {
        options.onError(error);
      }
    },
  };
}
