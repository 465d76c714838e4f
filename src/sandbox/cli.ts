/**
 * `insurup-sandbox`: runs the InsurUp simulator and prints its URL.
 *
 *   insurup-sandbox --port 4010 [--host 127.0.0.1] [--otp 123456] [--seed N]
 *                   [--quote-delay 500-8000] [--fail-rate 0..1] [--latency MS] [--token-ttl SECONDS]
 */
import { parseArgs, USAGE } from './cli-args.js';
import { startSandbox, type StartedSandbox } from './node.js';

function exitWith(message: string): never {
  console.error(`insurup-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  exitWith((error as Error).message);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let started: StartedSandbox;
try {
  started = await startSandbox(options);
} catch (error) {
  // A bad option value (e.g. --otp 12) or a port in use.
  exitWith((error as Error).message);
}
const { url } = started;
console.log(`InsurUp sandbox listening on ${url}`);
console.log(`  catalogue: ${url}/sandbox/catalog`);
console.log(`  SMS codes: ${url}/sandbox/sms-outbox?phone=5XXXXXXXXX`);

const stop = () => void started.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
