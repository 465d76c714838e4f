/**
 * Whether this is Node itself, where the server adapter (@hono/node-server) hands the socket to
 * the handler. Bun, Deno, Cloudflare Workers (with nodejs_compat) and Vercel Edge imitate parts
 * of Node's `process`, so their own markers are checked first. No Node imports here.
 */
export function runsOnNode(): boolean {
  const g = globalThis as {
    process?: { versions?: { node?: unknown } };
    navigator?: { userAgent?: unknown };
    Bun?: unknown;
    Deno?: unknown;
    EdgeRuntime?: unknown;
  };
  if (g.Bun !== undefined || g.Deno !== undefined || g.EdgeRuntime !== undefined) return false;
  if (typeof g.process?.versions?.node !== 'string') return false;
  // Node 21+ says `Node.js/<version>`; Cloudflare says `Cloudflare-Workers`; Node 20 has no navigator.
  const agent = g.navigator?.userAgent;
  return typeof agent !== 'string' || agent.startsWith('Node.js');
}
