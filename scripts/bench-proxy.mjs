#!/usr/bin/env node
// `npm run bench:proxy`: a benchmark, not a test. autocannon against GET /api/customers/me
// directly on the sandbox and through the token proxy, in the same run, on loopback; prints
// requests/second, p50/p99 latency and the ratios. The sandbox and the proxy each run in
// their own process so the load generator does not share their event loop.
//
//   BENCH_SECONDS=5 BENCH_CONNECTIONS=10 npm run bench:proxy
//
// Runs the TypeScript sources through tsx (node --import tsx scripts/bench-proxy.mjs).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const self = fileURLToPath(import.meta.url);
const role = process.argv[2];
const AGENT_ID = '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11';
const ORIGIN = 'http://127.0.0.1:4173';
const OTP = '123456';

// ---- child processes: one server each, reporting its URL -----------------------------------

if (role === 'sandbox') {
  const { startSandbox } = await import('../src/sandbox/node.ts');
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', otp: OTP, seed: 1, log: () => {} });
  process.send({ url: sandbox.url });
  reportCpuOnRequest();
  process.on('disconnect', () => void sandbox.close().finally(() => process.exit(0)));
} else if (role === 'proxy') {
  const { startProxy } = await import('../src/proxy/node.ts');
  const proxy = await startProxy({
    upstream: process.argv[3],
    agentId: AGENT_ID,
    allowedOrigins: [ORIGIN],
    port: 0,
    // The per-IP limit would stop a load test from one address; everything else is as deployed.
    rateLimit: { perIp: { limit: 0, windowMs: 60_000 } },
    // The log line is still built and masked for every request; only the write is skipped.
    log: () => {},
  });
  process.send({ url: proxy.url });
  reportCpuOnRequest();
  process.on('disconnect', () => void proxy.close().finally(() => process.exit(0)));
} else {
  await main();
}

/** CPU time is what the proxy costs regardless of what else runs on the machine. */
function reportCpuOnRequest() {
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send({ cpu: user + system });
    }
  });
}

function cpuOf(server) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (typeof message?.cpu !== 'number') return;
      server.child.off('message', onMessage);
      resolve(message.cpu);
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

function start(...args) {
  const child = fork(self, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

async function login(proxyUrl) {
  const post = async (path, body) => {
    const response = await fetch(`${proxyUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  // A valid fictional TCKN and a fictional mobile.
  const { token } = await post('/api/auth/customer/login-or-register', {
    $type: 'individual',
    identityNumber: 10000000146,
    birthDate: '1988-04-23',
    phoneNumber: { countryCode: 90, number: '5320000001' },
  });
  const { accessToken } = await post('/api/auth/customer/verify-mfa', { token, code: OTP });
  return accessToken;
}

function load(url, headers, seconds, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, duration: seconds, connections, pipelining: 1 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const sandbox = await start('sandbox');
  const proxy = await start('proxy', sandbox.url);
  try {
    const accessToken = await login(proxy.url);
    const headers = { authorization: `Bearer ${accessToken}`, origin: ORIGIN };
    const path = '/api/customers/me';
    const check = await fetch(`${proxy.url}${path}`, { headers });
    if (check.status !== 200) throw new Error(`GET ${path} through the proxy answered ${check.status}`);

    // A short warm-up of both paths (JIT, keep-alive pools), then the measured runs.
    await load(`${sandbox.url}${path}`, headers, 1, connections);
    await load(`${proxy.url}${path}`, headers, 1, connections);
    const direct = await load(`${sandbox.url}${path}`, headers, seconds, connections);
    const [proxyCpu0, sandboxCpu0] = await Promise.all([cpuOf(proxy), cpuOf(sandbox)]);
    const proxied = await load(`${proxy.url}${path}`, headers, seconds, connections);
    const [proxyCpu1, sandboxCpu1] = await Promise.all([cpuOf(proxy), cpuOf(sandbox)]);
    const served = proxied.requests.total || 1;

    const row = (name, r) =>
      `${name.padEnd(8)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   ` +
      `p99 ${String(r.latency.p99).padStart(4)} ms   mean ${r.latency.mean.toFixed(2)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
    console.log(`\nGET ${path}, ${connections} connections, ${seconds} s each, loopback\n`);
    console.log(row('direct', direct));
    console.log(row('proxy', proxied));
    const ratio = proxied.requests.average / direct.requests.average;
    const addedP50 = proxied.latency.p50 - direct.latency.p50;
    console.log(`\nthroughput ratio (proxy / direct): ${ratio.toFixed(2)}   (goal >= 0.70)`);
    console.log(`added p50 latency: ${addedP50.toFixed(2)} ms   (goal < 1 ms; autocannon's percentiles are whole ms)`);
    console.log(`added mean latency: ${(proxied.latency.mean - direct.latency.mean).toFixed(2)} ms`);
    console.log(
      `CPU per proxied request: proxy ${((proxyCpu1 - proxyCpu0) / served).toFixed(0)} µs, ` +
        `sandbox ${((sandboxCpu1 - sandboxCpu0) / served).toFixed(0)} µs`,
    );
    console.log('Both servers share this machine’s cores with the load generator; compare ratios, not absolutes.');
  } finally {
    proxy.child.disconnect();
    sandbox.child.disconnect();
  }
}
