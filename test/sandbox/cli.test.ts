import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs, UsageError } from '../../src/sandbox/cli-args.js';

const root = new URL('../..', import.meta.url).pathname;

describe('insurup-sandbox CLI', () => {
  it('parses every flag, in both --flag value and --flag=value forms', () => {
    assert.deepEqual(
      parseArgs(['--port', '4011', '--host=0.0.0.0', '--otp', '123456', '--seed', '7', '--quote-delay', '100-900', '--fail-rate=0.25', '--latency', '40', '--token-ttl', '30']),
      { port: 4011, host: '0.0.0.0', otp: '123456', seed: 7, quoteDelay: [100, 900], failRate: 0.25, latency: 40, tokenTtl: 30 },
    );
    assert.deepEqual(parseArgs([]), { port: 4010, host: '127.0.0.1' });
    assert.deepEqual(parseArgs(['--quote-delay', '50']).quoteDelay, [50, 50]);
    assert.throws(() => parseArgs(['--port', 'x']), UsageError);
    assert.throws(() => parseArgs(['--port', '70000']), UsageError);
    assert.throws(() => parseArgs(['--quote-delay', 'slow']), UsageError);
    assert.throws(() => parseArgs(['--verbose']), UsageError);
    assert.throws(() => parseArgs(['--otp']), UsageError);
  });

  it('starts, prints its URL, applies its flags and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--otp', '111111', '--quote-delay', '10-20', '--token-ttl', '45'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const config = await (await fetch(`${url}/sandbox/config`)).json();
      assert.deepEqual(config, { tokenTtl: 45, quoteDelay: [10, 20], failRate: 0, latency: 0 });
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses bad options with the usage text and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', '--otp', '12'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /otp must be exactly 6 digits/);
    assert.match(stderr, /Usage: insurup-sandbox/);
  });
});
