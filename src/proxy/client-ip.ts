/**
 * The client address for rate limits: the operator's `clientIp` function on edge runtimes; the
 * socket's peer on Node; X-Forwarded-For only when the operator says a proxy in front sets it
 * (a client can write any X-Forwarded-For itself).
 */
import type { ClientIpOption } from './options.js';

const PLAUSIBLE_IP = /^[0-9A-Fa-f:.]{2,45}$/;

function socketAddress(env: unknown): string | undefined {
  const address = (env as { incoming?: { socket?: { remoteAddress?: unknown } } } | null | undefined)?.incoming
    ?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) counts as the IPv4 address it is. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export function clientIp(
  headers: Headers,
  env: unknown,
  trustProxy: boolean,
  fromRequest?: { request: Request; clientIp: ClientIpOption },
): string | undefined {
  if (fromRequest) {
    const given = fromRequest.clientIp(fromRequest.request, env)?.trim();
    if (given && PLAUSIBLE_IP.test(given)) return normalize(given);
  }
  if (trustProxy) {
    // The last entry is the one the trusted proxy appended: the peer it saw.
    const last = headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (last && PLAUSIBLE_IP.test(last)) return normalize(last);
  }
  const socket = socketAddress(env);
  return socket ? normalize(socket) : undefined;
}
