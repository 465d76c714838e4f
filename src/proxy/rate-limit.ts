/**
 * Rate limits: fixed windows counted in a small store (memory by default, Redis for several
 * instances). Phones and MFA tokens are hashed before they become store keys, so the store
 * never holds them in clear.
 */
import { createMemoryStore } from './memory-store.js';
import type { RefreshShareStore } from './refresh-share.js';

export interface Limit {
  /** Requests allowed per window; 0 turns this limit off. */
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Every request from one client IP (the hub upgrade included). */
  perIp: Limit;
  /** login-or-register per phone number: each one sends an SMS (SMS pumping). */
  loginPerPhone: Limit;
  /** login-or-register per client IP. */
  loginPerIp: Limit;
  /** verify-mfa per MFA token: guesses of one 6-digit code. */
  verifyPerToken: Limit;
  /** verify-mfa per client IP. */
  verifyPerIp: Limit;
}
export type RateLimitName = keyof RateLimits;

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perIp: { limit: 600, windowMs: MINUTE },
  loginPerPhone: { limit: 5, windowMs: 60 * MINUTE },
  loginPerIp: { limit: 20, windowMs: 60 * MINUTE },
  verifyPerToken: { limit: 5, windowMs: 10 * MINUTE },
  verifyPerIp: { limit: 30, windowMs: 10 * MINUTE },
};

export interface StoreHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetInMs: number;
}

/** What a rate-limit store must do: count one hit of a key in a window that starts with its first hit. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<StoreHit>;
  /** Optional: lets several proxy instances coalesce refreshes of one cookie (refresh-share.ts). */
  refreshShare?: RefreshShareStore;
}

export type LimitVerdict = { ok: true } | { ok: false; name: RateLimitName; retryAfterSeconds: number };

const SENSITIVE: ReadonlySet<RateLimitName> = new Set(['loginPerPhone', 'verifyPerToken']);

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class RateLimiter {
  // When the shared store fails, limits still hold per instance instead of not at all.
  private readonly fallback = createMemoryStore();

  constructor(
    private readonly limits: RateLimits,
    private readonly store: RateLimitStore,
    private readonly onStoreError: (error: unknown) => void,
  ) {}

  async check(name: RateLimitName, subject: string): Promise<LimitVerdict> {
    const { limit, windowMs } = this.limits[name];
    if (limit <= 0) return { ok: true };
    const key = `${name}:${SENSITIVE.has(name) ? await sha256Hex(subject) : subject}`;
    let hit: StoreHit;
    try {
      hit = await this.store.hit(key, windowMs);
    } catch (error) {
      this.onStoreError(error);
      hit = await this.fallback.hit(key, windowMs);
    }
    if (hit.count <= limit) return { ok: true };
    return { ok: false, name, retryAfterSeconds: Math.max(1, Math.ceil(hit.resetInMs / 1000)) };
  }

  /** Checks several limits in order and stops at the first one exceeded. */
  async checkAll(checks: ReadonlyArray<readonly [RateLimitName, string | undefined]>): Promise<LimitVerdict> {
    for (const [name, subject] of checks) {
      if (subject === undefined) continue;
      const verdict = await this.check(name, subject);
      if (!verdict.ok) return verdict;
    }
    return { ok: true };
  }
}
