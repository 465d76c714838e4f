/**
 * `insurup-proxy` flags and environment variables → startProxy options. Flags win over the
 * environment; list values take several flags or commas.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_RATE_LIMITS, type Limit, type RateLimits } from './rate-limit.js';
import type { StartProxyOptions } from './node.js';

export const USAGE = `insurup-proxy: the agency token proxy for insurup-elements

  --upstream URL             InsurUp API origin          env INSURUP_UPSTREAM (default https://api.insurup.com)
  --agent-id GUID            the agency's Agent ID       env INSURUP_AGENT_ID (required)
  --allowed-origin ORIGIN    agency page origin, repeat  env INSURUP_ALLOWED_ORIGINS (comma-separated, required)
  --callback-origin ORIGIN   purchase callback origin    env INSURUP_CALLBACK_ORIGINS (default: allowed origins)
  --agent-branch-id GUID     a branch the page may name, repeat
                                                         env INSURUP_AGENT_BRANCH_IDS (comma-separated; default: any)
  --port N                   default 8787                env PORT
  --host HOST                default 127.0.0.1           env HOST
  --base-path /PATH          default "" (the root)       env INSURUP_BASE_PATH
  --public-path /PATH        path the browser sees       env INSURUP_PUBLIC_PATH (default: base path)
  --trust-proxy              client IP from X-Forwarded-For (only behind a proxy that sets it)
                                                         env INSURUP_TRUST_PROXY=1
  --insecure-cookies         drop Secure from the cookie (local http development only)
                                                         env INSURUP_INSECURE_COOKIES=1
  --redis-url URL            shared by all instances     env INSURUP_REDIS_URL (rate limits, refresh rotation)
  --rate-limit NAME=N/SECS   e.g. loginPerPhone=5/3600   env INSURUP_RATE_LIMITS (comma-separated)
                             names: ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}
  --upstream-timeout-ms N    default 15000               env INSURUP_UPSTREAM_TIMEOUT_MS
  --refresh-reuse-ms N       default 10000               env INSURUP_REFRESH_REUSE_MS
  --max-body-bytes N         default 65536               env INSURUP_MAX_BODY_BYTES
  --help
`;

export interface CliOptions extends StartProxyOptions {
  redisUrl?: string;
}

export type CliParse = { help: true } | { help: false; options: CliOptions };

const list = (values: string[] | undefined, env: string | undefined): string[] =>
  (values?.length ? values : env ? [env] : []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

function number(flag: string | undefined, env: string | undefined, name: string): number | undefined {
  const text = flag ?? env;
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: ${JSON.stringify(text)} is not a number`);
  return n;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes';

/** `loginPerPhone=5/3600` → { loginPerPhone: { limit: 5, windowMs: 3600000 } }. */
function parseRateLimits(specs: string[]): Partial<RateLimits> {
  const out: Partial<RateLimits> = {};
  for (const spec of specs) {
    const m = /^(\w+)=(\d+)\/(\d+(?:\.\d+)?)$/.exec(spec);
    const name = m?.[1] as keyof RateLimits | undefined;
    if (!m || !name || !(name in DEFAULT_RATE_LIMITS)) {
      throw new Error(`--rate-limit ${JSON.stringify(spec)}: expected NAME=COUNT/SECONDS with NAME one of ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}`);
    }
    const limit: Limit = { limit: Number(m[2]), windowMs: Number(m[3]) * 1000 };
    out[name] = limit;
  }
  return out;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliParse {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      upstream: { type: 'string' },
      'agent-id': { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'callback-origin': { type: 'string', multiple: true },
      'agent-branch-id': { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      'base-path': { type: 'string' },
      'public-path': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'insecure-cookies': { type: 'boolean' },
      'redis-url': { type: 'string' },
      'rate-limit': { type: 'string', multiple: true },
      'upstream-timeout-ms': { type: 'string' },
      'refresh-reuse-ms': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const agentId = values['agent-id'] ?? env.INSURUP_AGENT_ID;
  if (!agentId) throw new Error('--agent-id (or INSURUP_AGENT_ID) is required');
  const allowedOrigins = list(values['allowed-origin'], env.INSURUP_ALLOWED_ORIGINS);
  if (!allowedOrigins.length) throw new Error('--allowed-origin (or INSURUP_ALLOWED_ORIGINS) is required');
  const callbackOrigins = list(values['callback-origin'], env.INSURUP_CALLBACK_ORIGINS);
  const agentBranchIds = list(values['agent-branch-id'], env.INSURUP_AGENT_BRANCH_IDS);
  const publicPath = values['public-path'] ?? env.INSURUP_PUBLIC_PATH;
  const redisUrl = values['redis-url'] ?? env.INSURUP_REDIS_URL;
  const rateLimit = parseRateLimits(list(values['rate-limit'], env.INSURUP_RATE_LIMITS));
  const upstreamTimeoutMs = number(values['upstream-timeout-ms'], env.INSURUP_UPSTREAM_TIMEOUT_MS, 'upstream timeout');
  const refreshReuseIntervalMs = number(values['refresh-reuse-ms'], env.INSURUP_REFRESH_REUSE_MS, 'refresh reuse interval');
  const maxBodyBytes = number(values['max-body-bytes'], env.INSURUP_MAX_BODY_BYTES, 'max body bytes');
  const options: CliOptions = {
    upstream: values.upstream ?? env.INSURUP_UPSTREAM ?? 'https://api.insurup.com',
    agentId,
    allowedOrigins,
    ...(callbackOrigins.length ? { callbackOrigins } : {}),
    ...(agentBranchIds.length ? { agentBranchIds } : {}),
    port: number(values.port, env.PORT, 'port') ?? 8787,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    basePath: values['base-path'] ?? env.INSURUP_BASE_PATH ?? '',
    ...(publicPath === undefined ? {} : { publicPath }),
    trustProxy: values['trust-proxy'] ?? truthy(env.INSURUP_TRUST_PROXY),
    secureCookies: !(values['insecure-cookies'] ?? truthy(env.INSURUP_INSECURE_COOKIES)),
    rateLimit,
    ...(redisUrl ? { redisUrl } : {}),
    ...(upstreamTimeoutMs === undefined ? {} : { upstreamTimeoutMs }),
    ...(refreshReuseIntervalMs === undefined ? {} : { refreshReuseIntervalMs }),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  };
  return { help: false, options };
}
