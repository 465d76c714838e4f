/** Shared by the sandbox tests: a started sandbox, a small JSON client, login and waiting. */
import assert from 'node:assert/strict';
import { makeTckn } from '../../src/sandbox/catalog/people.js';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/node.js';
import type { SandboxOptions } from '../../src/sandbox/options.js';
import { seededRng } from '../../src/sandbox/random.js';

export const AGENT_ID = '3f2c1e8a-7b6d-4c5e-9f0a-1b2c3d4e5f60';
export const OTP = '246810';

export function start(options: SandboxOptions = {}): Promise<StartedSandbox> {
  return startSandbox({ otp: OTP, quoteDelay: [20, 200], log: () => {}, ...options });
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON client for one sandbox; `token` is sent as the bearer when set. */
export class Api {
  token: string | undefined;
  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body ?? {}, headers);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.call<T>('PUT', path, body ?? {});
  }
}

let identityCounter = 0;
/** A fresh valid TCKN and mobile per call, so tests never share a customer by accident. */
export function freshIdentity(label = 'test') {
  const rng = seededRng('fresh', label, identityCounter++, process.pid, Date.now());
  return {
    identityNumber: Number(makeTckn(rng)),
    phone: `53${rng.digits(8)}`,
    birthDate: '1985-06-15',
  };
}

export function individualLogin(identity: ReturnType<typeof freshIdentity>, extra: Record<string, unknown> = {}) {
  return {
    $type: 'individual',
    identityNumber: identity.identityNumber,
    birthDate: identity.birthDate,
    phoneNumber: { number: identity.phone, countryCode: 90 },
    agentId: AGENT_ID,
    ...extra,
  };
}

/** Logs in through the real steps (login-or-register, the code from the outbox, verify-mfa). */
export async function login(api: Api, body: Record<string, unknown>) {
  const first = await api.post('/api/auth/customer/login-or-register', body);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const phone = (body.phoneNumber as { number: string }).number;
  const outbox = await api.get(`/sandbox/sms-outbox?phone=${phone}`);
  const code = outbox.body.messages[0].code as string;
  const verified = await api.post('/api/auth/customer/verify-mfa', { token: first.body.token, code });
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  api.token = verified.body.accessToken;
  const me = await api.get('/api/customers/me');
  assert.equal(me.status, 200);
  return { ...(verified.body as { accessToken: string; refreshToken: string; expiresIn: number }), customerId: me.body.id as string };
}

/** Polls until `check` returns a truthy value; fails with `what` after `timeout` ms. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function assertProblem(answer: Answer, status: number, kind: string, code?: string) {
  assert.equal(answer.status, status, `expected ${status} ${kind}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(answer.body.type, `https://api.insurup.com/problems/${kind}`);
  assert.equal(answer.body.status, status);
  assert.ok(answer.body.detail, 'a problem has a detail to show');
  if (code) assert.ok(answer.body.codes?.includes(code), `expected code ${code}, got ${JSON.stringify(answer.body.codes)}`);
}
