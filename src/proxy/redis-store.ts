/**
 * A store in Redis for agencies that run several proxy instances (Node only): one count per
 * rate limit, and refresh outcomes shared for the reuse interval (sealed, see
 * refresh-share.ts). One Lua script per hit keeps INCR and the window's expiry atomic.
 */
import { Redis } from 'ioredis';
import type { RateLimitStore, StoreHit } from './rate-limit.js';

const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

export type RedisStoreOptions = ({ url: string } | { client: Redis }) & {
  /** Prefix of every key; default "insurup-proxy:". */
  prefix?: string;
};

export interface RedisStore extends RateLimitStore {
  /** Disconnects the client this store created; a client passed in is left to its owner. */
  close(): Promise<void>;
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const owned = 'url' in options;
  // Fail fast while Redis is away: the limiter then counts in memory instead of waiting.
  const client = owned ? new Redis(options.url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 }) : options.client;
  if (owned) client.on('error', () => {}); // reported per command through the limiter
  const prefix = options.prefix ?? 'insurup-proxy:';
  const ttl = (ms: number) => String(Math.max(1, Math.ceil(ms)));
  return {
    refreshShare: {
      async setIfAbsent(key, value, ttlMs) {
        return (await client.set(prefix + key, value, 'PX', ttl(ttlMs), 'NX')) === 'OK';
      },
      async set(key, value, ttlMs) {
        await client.set(prefix + key, value, 'PX', ttl(ttlMs));
      },
      async get(key) {
        return (await client.get(prefix + key)) ?? undefined;
      },
      async delete(key) {
        await client.del(prefix + key);
      },
    },
    async hit(key: string, windowMs: number): Promise<StoreHit> {
      const reply = await client.eval(HIT, 1, prefix + key, String(Math.ceil(windowMs)));
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected reply from Redis');
      return { count: Number(reply[0]), resetInMs: Math.max(0, Number(reply[1])) };
    },
    async close() {
      if (owned) await client.quit().catch(() => client.disconnect());
    },
  };
}
