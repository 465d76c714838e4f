/**
 * The upstream transport on Node: node:http(s) with a keep-alive pool. Node's fetch costs
 * several times the CPU per call, and the proxy's overhead is mostly this call.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Bytes } from './body.js';
import { upstreamUrl, type HeaderLookup, type UpstreamResult, type UpstreamTransport } from './upstream.js';

function lookup(headers: IncomingHttpHeaders): HeaderLookup {
  return {
    get(name) {
      const value = headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

class UpstreamTimeout extends Error {}
class UpstreamTooLarge extends Error {}

/** InsurUp answers are small JSON documents (documents are links); anything huge is an error. */
const MAX_UPSTREAM_BODY = 8 * 1024 * 1024;

export interface NodeUpstream {
  transport: UpstreamTransport;
  close(): void;
}

export function createNodeUpstream(upstream: string, timeoutMs: number): NodeUpstream {
  const secure = upstream.startsWith('https:');
  // `timeout` lets Node honour the upstream's Keep-Alive hint and drop idle sockets before it does.
  const agentOptions = { keepAlive: true, maxSockets: 256, scheduling: 'lifo' as const, timeout: 30_000 };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;

  const once = (url: string, method: string, headers: Record<string, string>, body: Bytes | string | undefined) =>
    new Promise<{ result: UpstreamResult; retryable: boolean }>((resolve) => {
      const req = send(url, { method, headers, agent });
      let settled = false;
      const settle = (outcome: { result: UpstreamResult; retryable: boolean }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      // Every way a call can go wrong ends here, whether or not the answer had started.
      const fail = (error: NodeJS.ErrnoException) => {
        if (settled) return; // 'close' after a complete answer: the socket goes back to the pool
        const timedOut = error instanceof UpstreamTimeout;
        settle({
          result: { ok: false, failure: timedOut ? 'timeout' : 'unreachable', message: error.message },
          // A kept-alive socket the upstream closed in the meantime; safe to repeat only for GET.
          retryable: !timedOut && req.reusedSocket && error.code === 'ECONNRESET' && method === 'GET',
        });
        req.destroy();
      };
      const timer = setTimeout(() => fail(new UpstreamTimeout('upstream timed out')), timeoutMs);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > MAX_UPSTREAM_BODY) fail(new UpstreamTooLarge('upstream answer too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks) as Bytes;
          settle({ result: { ok: true, status: res.statusCode ?? 502, headers: lookup(res.headers), body }, retryable: false });
        });
        res.on('error', fail);
        res.on('close', () => fail(new Error('upstream closed the answer early')));
      });
      req.on('error', fail);
      req.end(body);
    });

  return {
    async transport(call) {
      const url = upstreamUrl(upstream, call);
      const body = call.body !== undefined && call.method !== 'GET' ? call.body : undefined;
      const headers = body === undefined ? call.headers : { ...call.headers, 'content-length': String(Buffer.byteLength(body)) };
      const first = await once(url, call.method, headers, body);
      return first.retryable ? (await once(url, call.method, headers, body)).result : first.result;
    },
    close: () => agent.destroy(),
  };
}
