/**
 * The request target as the client sent it. On Node the raw `incoming.url` is used, because
 * the Request's URL has already resolved `..` and `%2e%2e` segments; matching the raw form
 * means a traversal never turns into an allowlisted path. Edge runtimes hand over a parsed
 * URL only; its path is then the one matched, and forwarded, exactly.
 */
export interface RequestTarget {
  /** The path, still percent-encoded. */
  path: string;
  /** The query without `?`, still percent-encoded ("" when none). */
  query: string;
}

function rawIncomingUrl(env: unknown): string | undefined {
  const url = (env as { incoming?: { url?: unknown } } | null | undefined)?.incoming?.url;
  return typeof url === 'string' ? url : undefined;
}

export function requestTarget(request: Request, env?: unknown): RequestTarget {
  return parseTarget(rawIncomingUrl(env) ?? request.url);
}

/** Splits a request target (origin form, absolute form or a full URL) into raw path and query. */
export function parseTarget(raw: string): RequestTarget {
  let target = raw;
  // Absolute form (`GET http://host/path`) and the Request's own URL: drop scheme and authority.
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(target);
  if (scheme) {
    const slash = target.indexOf('/', scheme[0].length);
    target = slash < 0 ? '/' : target.slice(slash);
  }
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

/** The path below basePath, or undefined when the request is not under it. */
export function relativePath(path: string, basePath: string): string | undefined {
  if (!basePath) return path;
  if (!path.startsWith(basePath)) return undefined;
  const rest = path.slice(basePath.length);
  return rest.startsWith('/') ? rest : undefined;
}
