// Shared by the proxy tests: the sandbox as upstream with the proxy in front of it (both on
// loopback, ephemeral ports), optionally a recording upstream between them that sees every
// byte the proxy sends, raw HTTP for targets fetch() would normalise, fresh identities, a
// login through the proxy, and waiting for conditions instead of sleeping.
import { Agent as HttpAgent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/node.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { startProxy, type RunningProxy, type StartProxyOptions } from '../../src/proxy/node.js';

export const AGENT_ID = '0b6f3a52-8f0c-4c61-9d2b-1f5e0c7a9d11';
export const OTHER_AGENT_ID = 'ffffffff-0000-4000-8000-000000000001';
/** The page's origin in these tests (only sent as a header; nothing listens there). */
export const PAGE = 'http://127.0.0.1:4173';
export const FOREIGN = 'https://evil.example';
export const OTP = '123456';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** With the recording upstream only: the request target and the body exactly as sent. */
  target?: string;
  /** The body's bytes as UTF-8 text ("" when none; undefined when they are not valid UTF-8). */
  rawBody?: string | undefined;
  bodyBytes?: number;
}

export interface Stack {
  sandbox: StartedSandbox;
  proxy: RunningProxy;
  /** Where the proxy sends its calls: the sandbox, or the recording upstream in front of it. */
  upstream: string;
  /** The proxy's base URL, basePath included. */
  base: string;
  logs: string[];
  /**
   * What reached upstream since the last clear: the sandbox's own record of its API calls, or,
   * with `recordUpstream`, every request the proxy sent (the sandbox records nothing under
   * `/sandbox/*`, so only the recorder can show that such a request never went out).
   */
  received(): Promise<RecordedRequest[]>;
  clearReceived(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Put a recording upstream between the proxy and the sandbox. */
  recordUpstream?: boolean;
}

export async function startStack(
  options: Partial<StartProxyOptions> = {},
  sandboxOptions: SandboxOptions = {},
  { recordUpstream = false }: StackOptions = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ port: 0, otp: OTP, seed: 1, quoteDelay: [20, 200], log: () => {}, ...sandboxOptions });
  const recorder = recordUpstream ? await startRecordingUpstream(sandbox.url) : undefined;
  const upstream = recorder?.url ?? sandbox.url;
  const logs: string[] = [];
  const proxy = await startProxy({
    upstream,
    agentId: AGENT_ID,
    allowedOrigins: [PAGE],
    port: 0,
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    sandbox,
    proxy,
    upstream,
    base: proxy.url + (options.basePath ?? ''),
    logs,
    async received() {
      if (recorder) return recorder.requests.map((r) => ({ ...r }));
      const body = (await (await fetch(`${sandbox.url}/sandbox/requests`)).json()) as { requests: RecordedRequest[] };
      return body.requests;
    },
    async clearReceived() {
      recorder?.clear();
      await fetch(`${sandbox.url}/sandbox/requests`, { method: 'DELETE' });
    },
    async close() {
      await proxy.close();
      await recorder?.close();
      await sandbox.close();
    },
  };
}

export interface RecordingUpstream {
  url: string;
  /** Every request received, in order; `status` is the answer it got from the target (0 until then). */
  requests: RecordedRequest[];
  clear(): void;
  close(): Promise<void>;
}

const flatHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])),
  );

/**
 * A loopback HTTP server that records every request it receives, whatever its path, with the
 * body byte for byte, and forwards it unchanged to `target`.
 */
export async function startRecordingUpstream(target: string): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  const agent = new HttpAgent({ keepAlive: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const rawTarget = req.url ?? '';
      const q = rawTarget.indexOf('?');
      let rawBody: string | undefined;
      try {
        rawBody = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        rawBody = undefined;
      }
      let body: unknown = null;
      try {
        body = rawBody ? JSON.parse(rawBody) : null;
      } catch {
        body = rawBody;
      }
      const record: RecordedRequest = {
        method: req.method ?? '',
        path: q < 0 ? rawTarget : rawTarget.slice(0, q),
        query: q < 0 ? {} : Object.fromEntries(new URLSearchParams(rawTarget.slice(q + 1))),
        headers: flatHeaders(req.headers),
        body,
        status: 0,
        target: rawTarget,
        rawBody,
        bodyBytes: bytes.length,
      };
      requests.push(record);
      const forward = httpRequest(`${target}${rawTarget}`, { method: req.method, headers: req.headers, agent }, (answer) => {
        record.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    clear: () => void (requests.length = 0),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until the check passes (or throws its last failure after the deadline). */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends a request target exactly as written (fetch() would resolve `..` and `%2e%2e` first),
 * over a fresh connection.
 */
export function rawRequest(url: string, method: string, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(data);
      if (!m) return reject(new Error(`no HTTP answer: ${JSON.stringify(data.slice(0, 200))}`));
      resolve({ status: Number(m[1]), headers: m[2]!, body: m[3]! });
    });
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${port}`];
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'connection')) lines.push('Connection: close');
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** mulberry32: a small seeded PRNG, so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let identityCounter = 0;
const identityRandom = seededRandom(Number(process.env.PROXY_TEST_SEED ?? 7) + process.pid);

/** A valid TCKN with a given first nine digits' source. */
function tckn(random: () => number): string {
  const d = [1 + Math.floor(random() * 9)];
  while (d.length < 9) d.push(Math.floor(random() * 10));
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  d.push((((odd * 7 - even) % 10) + 10) % 10);
  d.push(d.reduce((a, b) => a + b, 0) % 10);
  return d.join('');
}

export interface Identity {
  identityNumber: number;
  phone: string;
  body: Record<string, unknown>;
}

/** A new individual customer (valid TCKN, a fictional mobile) that has never logged in. */
export function newIdentity(): Identity {
  identityCounter += 1;
  let id = tckn(identityRandom);
  while (id.startsWith('99')) id = tckn(identityRandom);
  const phone = `5${String(30 + (identityCounter % 60)).padStart(2, '0')}${String(Math.floor(identityRandom() * 1e7)).padStart(7, '0')}`;
  return {
    identityNumber: Number(id),
    phone,
    body: {
      $type: 'individual',
      identityNumber: Number(id),
      birthDate: '1988-04-23',
      phoneNumber: { countryCode: 90, number: phone },
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: PAGE, ...headers },
  body: JSON.stringify(body),
});

/** `name=value` of a Set-Cookie line, for sending it back. */
export const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

export interface Session {
  identity: Identity;
  accessToken: string;
  expiresIn: number | undefined;
  /** The Set-Cookie line of the refresh cookie. */
  setCookie: string;
  /** What the browser sends back. */
  cookie: string;
}

/** Logs a new customer in through the proxy: login-or-register, the code, verify-mfa. */
export async function login(stack: Stack, identity: Identity = newIdentity()): Promise<Session> {
  const started = await fetch(`${stack.base}/api/auth/customer/login-or-register`, json(identity.body));
  if (started.status !== 200) throw new Error(`login-or-register: ${started.status} ${await started.text()}`);
  const { token } = (await started.json()) as { token: string };
  const verified = await fetch(`${stack.base}/api/auth/customer/verify-mfa`, json({ token, code: OTP }));
  if (verified.status !== 200) throw new Error(`verify-mfa: ${verified.status} ${await verified.text()}`);
  const body = (await verified.json()) as { accessToken: string; expiresIn?: number };
  const setCookie = verified.headers.getSetCookie()[0];
  if (!setCookie) throw new Error('verify-mfa set no cookie');
  return { identity, accessToken: body.accessToken, expiresIn: body.expiresIn, setCookie, cookie: cookiePair(setCookie) };
}

/** A cookie refresh as the browser sends it: empty body, the cookie, the page's Origin. */
export function refreshWith(stack: Stack, cookie: string, headers: Record<string, string> = { origin: PAGE }): Promise<Response> {
  return fetch(`${stack.base}/api/auth/customer/refresh`, { method: 'POST', headers: { cookie, ...headers } });
}
