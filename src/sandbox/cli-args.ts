/** The `insurup-sandbox` command line, parsed into sandbox options. */
import type { SandboxOptions } from './options.js';

export const USAGE = `Usage: insurup-sandbox [options]

  --port N              port to listen on (default 4010; 0 picks a free one)
  --host HOST           interface to bind (default 127.0.0.1)
  --otp CODE            fixed 6-digit SMS code (default: random per login)
  --seed N              catalogue and quote seed (default 1)
  --quote-delay MIN-MAX ms range in which each quote settles (default 500-8000)
  --fail-rate R         share 0..1 of API requests answered with a 5xx problem (default 0)
  --latency MS          delay added to every response (default 0)
  --token-ttl SECONDS   access token lifetime (default 600)
  --help                show this text`;

export class UsageError extends Error {}

export type CliOptions = SandboxOptions & { port: number; host: string; help?: boolean };

function number(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number`);
  return value;
}

function required(flag: string, text: string | undefined): string {
  if (text === undefined || text === '') throw new UsageError(`${flag} needs a value`);
  return text;
}

/** `--flag value` and `--flag=value` both work. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 4010, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--port': {
        const port = number(flag, value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes 0..65535');
        options.port = port;
        break;
      }
      case '--host':
        options.host = required(flag, value());
        break;
      case '--otp':
        options.otp = required(flag, value());
        break;
      case '--seed':
        options.seed = number(flag, value());
        break;
      case '--quote-delay': {
        const m = /^(\d+)(?:-(\d+))?$/.exec(value() ?? '');
        if (!m) throw new UsageError('--quote-delay takes MIN-MAX in ms, e.g. 500-8000');
        options.quoteDelay = [Number(m[1]), Number(m[2] ?? m[1])];
        break;
      }
      case '--fail-rate':
        options.failRate = number(flag, value());
        break;
      case '--latency':
        options.latency = number(flag, value());
        break;
      case '--token-ttl':
        options.tokenTtl = number(flag, value());
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  return options;
}
