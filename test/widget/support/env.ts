/**
 * Browser-test support: where the sandbox and proxy of this test run are, and the sandbox's
 * control endpoints. The stack is started by web-test-runner.config.mjs (fixed seed, fixed OTP,
 * short quote delays) and described at `/__insurup_env`.
 */
import { resetAuthSessions } from '../../../src/widget/session/auth-session.js';
import { resetPageSessions } from '../../../src/widget/session/context.js';
import { authSessionFor } from '../../../src/widget/session/auth-session.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';

export interface TestEnv {
  proxyUrl: string;
  sandboxUrl: string;
  otp: string;
}

let env: Promise<TestEnv> | undefined;

export function testEnv(): Promise<TestEnv> {
  env ??= fetch('/__insurup_env').then((r) => {
    if (!r.ok) throw new Error('test stack not running (see web-test-runner.config.mjs)');
    return r.json() as Promise<TestEnv>;
  });
  return env;
}

async function sandbox(path: string, init?: RequestInit): Promise<Response> {
  const { sandboxUrl } = await testEnv();
  const response = await fetch(`${sandboxUrl}${path}`, init);
  if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}`);
  return response;
}

// Unique, valid identities: a TCKN with correct check digits and a mobile number per call.
let counter = Math.floor(Math.random() * 1e6);

function tcknFrom(prefix9: string): string {
  const d = [...prefix9].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((a, b) => a + b, 0) + tenth) % 10;
  return `${prefix9}${tenth}${eleventh}`;
}

export interface Identity {
  tckn: string;
  /** 10 digits, starting with 5. */
  phone: string;
  /** gg.aa.yyyy, as typed into the form. */
  birthDate: string;
  /** YYYY-MM-DD, as the API wants it. */
  birthDateIso: string;
}

export function newIdentity(): Identity {
  counter = (counter + 7919) % 1e8;
  const serial = String(counter).padStart(8, '0');
  return {
    tckn: tcknFrom(`1${serial}`),
    phone: `55${serial}`,
    birthDate: '15.06.1990',
    birthDateIso: '1990-06-15',
  };
}

/** The latest SMS code the simulated phone received. */
export async function readOtp(phone: string): Promise<string> {
  const response = await sandbox(`/sandbox/sms-outbox?phone=${encodeURIComponent(phone)}`);
  const messages = (await response.json()) as Array<{ code: string }> | { messages: Array<{ code: string }> };
  const list = Array.isArray(messages) ? messages : messages.messages;
  const latest = list[0];
  if (!latest) throw new Error(`no SMS for ${phone}`);
  return latest.code;
}

/** Logs a new customer in through the proxy without the UI; answers the page's AuthSession. */
export async function loginViaApi(identity: Identity = newIdentity()): Promise<AuthSession> {
  const { proxyUrl, otp } = await testEnv();
  const auth = authSessionFor(proxyUrl);
  const { token } = await auth.client.request('loginOrRegister', {
    body: {
      $type: 'individual',
      identityNumber: Number(identity.tckn),
      birthDate: identity.birthDateIso,
      phoneNumber: { number: identity.phone, countryCode: 90 },
    },
  });
  const tokens = await auth.client.request('verifyMfa', { body: { token, code: otp } });
  await auth.completeLogin(tokens);
  return auth;
}

export interface SandboxFault {
  method?: string;
  /** A regular expression source matched against the request path. */
  path: string;
  fault: 500 | 503 | 'timeout' | 'close';
  times?: number;
}

export async function sandboxFault(fault: SandboxFault): Promise<void> {
  await sandbox('/sandbox/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

export async function clearSandboxFaults(): Promise<void> {
  await sandbox('/sandbox/faults', { method: 'DELETE' });
}

export async function sandboxConfig(patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await sandbox('/sandbox/config', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Ends every access token issued so far at the sandbox, before its expiresIn (refresh tokens stay valid). */
export async function expireAccessTokens(): Promise<void> {
  await sandbox('/sandbox/expire-access-tokens', { method: 'POST' });
}

/** A request the sandbox recorded (`GET /sandbox/requests`, see src/sandbox/log.ts). */
export interface SandboxRequest {
  method: string;
  path: string;
  time: string;
  /** The status the sandbox answered with. */
  status: number;
  body?: unknown;
}

export async function sandboxRequests(): Promise<SandboxRequest[]> {
  const response = await sandbox('/sandbox/requests');
  const json = (await response.json()) as SandboxRequest[] | { requests: SandboxRequest[] };
  return Array.isArray(json) ? json : json.requests;
}

export async function sandboxCatalog<T = Record<string, unknown>>(): Promise<T> {
  return (await (await sandbox('/sandbox/catalog')).json()) as T;
}

/** Forget every session of the widget (memory and sessionStorage) between tests. */
export function resetWidgetState(): void {
  resetPageSessions();
  resetAuthSessions();
  sessionStorage.clear();
}

/** Waits until `check` returns a truthy value (polling a condition, never a fixed sleep). */
export async function until<T>(check: () => T | Promise<T>, message = 'condition', timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
}
