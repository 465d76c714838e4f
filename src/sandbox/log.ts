/**
 * One log line per request (method, path, status, ms; personal data masked) and the recent
 * requests `GET /sandbox/requests` shows, so tests can assert what reached the sandbox.
 */
import { maskDeep, maskTarget, maskToken } from './masking.js';

export interface RecordedRequest {
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** JSON or form body with card numbers and CVCs masked; null when there was none. */
  body: unknown;
  status: number;
  ms: number;
}

const KEEP = 500;

export class RequestRecorder {
  private readonly items: RecordedRequest[] = [];
  private nextId = 1;

  add(entry: Omit<RecordedRequest, 'id'>): void {
    this.items.push({ id: this.nextId++, ...entry });
    if (this.items.length > KEEP) this.items.splice(0, this.items.length - KEEP);
  }

  list(): RecordedRequest[] {
    return [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }
}

export function logLine(method: string, url: URL, status: number, ms: number): string {
  return `${method} ${maskTarget(url.pathname, url.search)} ${status} ${Math.round(ms)}ms`;
}

/** Headers as recorded: bearer tokens shortened, cookie values hidden (their names stay). */
export function recordedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name === 'authorization') {
      const [scheme, token] = value.split(/\s+/, 2);
      out[name] = token ? `${scheme} ${maskToken(token)}` : '***';
    } else if (name === 'cookie') {
      out[name] = value
        .split(';')
        .map((pair) => `${pair.split('=')[0]!.trim()}=***`)
        .join('; ');
    } else {
      out[name] = value;
    }
  });
  return out;
}

/** Reads a copy of the body (JSON or form) without consuming the original. */
export async function recordedBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return null;
  const type = request.headers.get('content-type') ?? '';
  let text: string;
  try {
    text = await request.clone().text();
  } catch {
    return null;
  }
  if (!text) return null;
  if (/json/i.test(type)) {
    try {
      return maskDeep(JSON.parse(text), 'card');
    } catch {
      return text.slice(0, 2000);
    }
  }
  if (/x-www-form-urlencoded/i.test(type)) {
    return maskDeep(Object.fromEntries(new URLSearchParams(text)), 'card');
  }
  return `(${type || 'unknown type'}, ${text.length} bytes)`;
}
