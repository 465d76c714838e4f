/**
 * The one place requests leave the proxy. The URL is the fixed upstream plus a path that
 * matched the allowlist (literals and id-shaped parameters only), so nothing a client sends
 * can change where it goes. Redirects are not followed. Answers are small JSON documents and
 * are read whole under the same deadline.
 */
import type { Bytes } from './body.js';

export interface UpstreamCall {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: Bytes | string;
}

export interface HeaderLookup {
  get(name: string): string | null;
}

export type UpstreamResult =
  | { ok: true; status: number; headers: HeaderLookup; body: Bytes }
  | { ok: false; failure: 'timeout' | 'unreachable'; message: string };

/** Sends one call to the fixed upstream; fetch on every runtime, node:http on Node (node-upstream.ts). */
export type UpstreamTransport = (call: UpstreamCall) => Promise<UpstreamResult>;

export const upstreamUrl = (upstream: string, call: UpstreamCall) =>
  `${upstream}${call.path}${call.query ? `?${call.query}` : ''}`;

export function fetchTransport(upstream: string, timeoutMs: number): UpstreamTransport {
  return async (call) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(upstreamUrl(upstream, call), {
        method: call.method,
        headers: call.headers,
        ...(call.body !== undefined && call.method !== 'GET' ? { body: call.body } : {}),
        redirect: 'manual',
        signal,
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return { ok: true, status: response.status, headers: response.headers, body };
    } catch (error) {
      const timedOut = signal.aborted || (error as { name?: string })?.name === 'TimeoutError';
      return { ok: false, failure: timedOut ? 'timeout' : 'unreachable', message: String((error as Error)?.message ?? error) };
    }
  };
}
