// `insurup-proxy` as an agency starts it: flags and environment variables, a clear refusal of
// a bad configuration, and a clean stop on SIGTERM.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/node.js';
import { AGENT_ID, PAGE } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;

function runCli(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/cli.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('insurup-proxy CLI', () => {
  let sandbox: StartedSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, otp: '123456', seed: 1, log: () => {} });
  });
  after(() => sandbox.close());

  it('starts from flags and environment, serves, and stops on SIGTERM', async () => {
    const run = runCli(['--port', '0', '--base-path', '/insurup'], {
      INSURUP_UPSTREAM: sandbox.url,
      INSURUP_AGENT_ID: AGENT_ID,
      INSURUP_ALLOWED_ORIGINS: `${PAGE},https://agency.example`,
    });
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\/insurup/.exec(run.output());
        if (m) {
          clearInterval(poll);
          resolve(m[1]!);
        }
      }, 10);
      void run.exited.then((code) => {
        clearInterval(poll);
        reject(new Error(`exited ${code}: ${run.output()}`));
      });
    });
    const health = await fetch(`${url}/insurup/healthz`);
    assert.equal(health.status, 200);
    const foreign = await fetch(`${url}/insurup/api/customers/me`, { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    const allowed = await fetch(`${url}/insurup/api/customers/me`, { headers: { origin: 'https://agency.example' } });
    assert.equal(allowed.status, 401, 'reached the sandbox, which wants a token');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://agency.example');
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
    assert.match(run.output(), /"path":"\/insurup\/api\/customers\/me","status":401/);
  });

  it('refuses a bad configuration with a message and exit code 2', async () => {
    const run = runCli(['--port', '0'], { INSURUP_AGENT_ID: 'not-a-guid' });
    assert.equal(await run.exited, 2);
    assert.match(run.output(), /allowed-origin/);
    const bad = runCli(['--port', '0', '--allowed-origin', 'https://a.example/path'], { INSURUP_AGENT_ID: AGENT_ID });
    assert.equal(await bad.exited, 2);
    assert.match(bad.output(), /origin only/);
  });
});
