/** Sandbox options, their defaults, and the settings that can change while it runs. */
import { z } from '../contract/z.js';

export interface SandboxOptions {
  /** Seeds the catalogue and every quote's outcome; default 1. */
  seed?: number;
  /** A fixed SMS code for tests; default: 6 random digits per login. */
  otp?: string;
  /** Range in ms within which each product settles; default [500, 8000]. */
  quoteDelay?: [number, number];
  /** Share (0..1) of API requests answered with a 5xx problem; default 0. */
  failRate?: number;
  /** Milliseconds added to every response; default 0. */
  latency?: number;
  /** Access token lifetime in seconds; default 600. */
  tokenTtl?: number;
  /** One line per request; default console.log. */
  log?: (line: string) => void;
  /** SignalR keep-alive: how often the hub pings each connection, in ms; default 15000. */
  hubPingInterval?: number;
}

/** What `POST /sandbox/config` may change at run time. */
export interface RuntimeConfig {
  tokenTtl: number;
  quoteDelay: [number, number];
  failRate: number;
  latency: number;
}

const delayRange = z
  .tuple([z.number().check(z.int(), z.gte(0)), z.number().check(z.int(), z.gte(0))])
  .check(z.refine(([min, max]) => min <= max, 'quoteDelay: the minimum must not exceed the maximum'));

/** Partial update; unknown keys are refused so a typo does not pass silently. */
export const RuntimeConfigUpdate = z.strictObject({
  tokenTtl: z.optional(z.number().check(z.int(), z.gte(1), z.lte(86_400))),
  quoteDelay: z.optional(delayRange),
  failRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  latency: z.optional(z.number().check(z.int(), z.gte(0), z.lte(60_000))),
});
export type RuntimeConfigUpdate = z.infer<typeof RuntimeConfigUpdate>;

const DEFAULT_CONFIG: RuntimeConfig = {
  tokenTtl: 600,
  quoteDelay: [500, 8000],
  failRate: 0,
  latency: 0,
};

export interface ResolvedOptions {
  seed: number;
  otp: string | undefined;
  log: (line: string) => void;
  hubPingInterval: number;
  config: RuntimeConfig;
}

/** Checks the options once, so a bad CLI flag fails at start and not at the first request. */
export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (options.otp !== undefined && !/^\d{6}$/.test(options.otp)) {
    throw new Error('otp must be exactly 6 digits');
  }
  const update = RuntimeConfigUpdate.safeParse({
    tokenTtl: options.tokenTtl,
    quoteDelay: options.quoteDelay,
    failRate: options.failRate,
    latency: options.latency,
  });
  if (!update.success) {
    const first = update.error.issues[0];
    throw new Error(`invalid sandbox option ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`);
  }
  const hubPingInterval = options.hubPingInterval ?? 15_000;
  if (!(hubPingInterval >= 10)) throw new Error('hubPingInterval must be at least 10 ms');
  return {
    seed,
    otp: options.otp,
    log: options.log ?? ((line) => console.log(line)),
    hubPingInterval,
    config: applyConfig(DEFAULT_CONFIG, update.data),
  };
}

export function applyConfig(current: RuntimeConfig, update: RuntimeConfigUpdate): RuntimeConfig {
  return {
    tokenTtl: update.tokenTtl ?? current.tokenTtl,
    quoteDelay: update.quoteDelay ? [update.quoteDelay[0], update.quoteDelay[1]] : current.quoteDelay,
    failRate: update.failRate ?? current.failRate,
    latency: update.latency ?? current.latency,
  };
}
