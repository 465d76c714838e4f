/** `insurup-proxy`: starts the token proxy from flags and environment variables. */
import { parseCli, USAGE } from './cli-options.js';
import { resolveOptions } from './options.js';
import { startProxy } from './node.js';
import { createRedisStore } from './redis-store.js';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCli(process.argv.slice(2), process.env);
    // A bad origin, path or Agent ID is a usage error too: refuse it before listening.
    if (!parsed.help) resolveOptions(parsed.options);
  } catch (error) {
    console.error(`${(error as Error).message.replace(/^(insurup-proxy: )?/, 'insurup-proxy: ')}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { redisUrl, ...options } = parsed.options;
  const store = redisUrl ? createRedisStore({ url: redisUrl }) : undefined;
  const proxy = await startProxy({ ...options, ...(store ? { store } : {}) });
  console.log(
    `insurup-proxy listening on ${proxy.url}${options.basePath ?? ''} → ${options.upstream}` +
      ` (origins: ${options.allowedOrigins.join(', ')}${store ? '; rate limits in Redis' : ''}` +
      `${options.secureCookies === false ? '; INSECURE cookies for local http' : ''})`,
  );
  const stop = () => {
    void proxy.close().then(() => store?.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`insurup-proxy: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
