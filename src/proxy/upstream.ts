/**
 * The one place requests leave the proxy. The URL is the fixed upstream plus a path that
 * matched the allowlist (literals and id-shaped parameters only), so nothing a client sends
 * can change where it goes. Redirects are not followed.
 */
import type { Bytes } from './body.js';

export interface UpstreamCall {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body?: Bytes | string;
}

export type UpstreamResult =
  | { ok: true; status: number; headers: Headers; body: Bytes }
  | { ok: false; failure: 'timeout' | 'unreachable'; message: string };

export async function callUpstream(upstream: string, timeoutMs: number, call: UpstreamCall): Promise<UpstreamResult> {
  const url = `${upstream}${call.path}${call.query ? `?${call.query}` : ''}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: call.method,
      headers: call.headers,
      ...(call.body !== undefined && call.method !== 'GET' ? { body: call.body } : {}),
      redirect: 'manual',
      signal,
    });
    // Answers are small JSON documents: read them whole under the same deadline.
    const body = new Uint8Array(await response.arrayBuffer());
    return { ok: true, status: response.status, headers: response.headers, body };
  } catch (error) {
    const timedOut = signal.aborted || (error as { name?: string })?.name === 'TimeoutError';
    return { ok: false, failure: timedOut ? 'timeout' : 'unreachable', message: String((error as Error)?.message ?? error) };
  }
}
