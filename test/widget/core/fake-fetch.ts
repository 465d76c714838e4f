/**
 * A scripted `fetch` for the client's unit tests: each call is recorded and answered by the
 * first handler whose method and path match. Handlers may return a Response, a promise of one,
 * or throw (a network error).
 */
export interface FakeCall {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | null;
}

type Handler = (call: FakeCall, nth: number) => Response | Promise<Response>;

export class FakeFetch {
  readonly calls: FakeCall[] = [];
  private routes: Array<{ method: string; path: string | RegExp; handler: Handler; count: number }> = [];

  on(method: string, path: string | RegExp, handler: Handler): this {
    this.routes.push({ method, path, handler, count: 0 });
    return this;
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown = undefined;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const call: FakeCall = { method, path: url.pathname, headers: new Headers(init.headers), body, signal: init.signal ?? null };
    this.calls.push(call);
    if (init.signal?.aborted) throw init.signal.reason;
    const route = this.routes.find(
      (r) => r.method === method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!route) return json(404, { type: 'https://api.insurup.com/problems/endpoint-not-found', status: 404 });
    const answer = route.handler(call, route.count++);
    // Like a real fetch, an abort rejects the pending answer.
    if (!init.signal) return answer;
    const signal = init.signal;
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve(answer).then(resolve, reject);
    });
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(status: number, kind: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: `https://api.insurup.com/problems/${kind}`, title: kind, status, detail, ...extra });
}

/** A promise that never settles unless the request is aborted. */
export function never(): Promise<Response> {
  return new Promise(() => {});
}

export const CUSTOMER = {
  id: '5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  type: 'INDIVIDUAL',
  fullName: 'Ayşe Yılmaz',
  createdAt: '2026-01-01T10:00:00Z',
};

export const OTHER_CUSTOMER = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e',
  type: 'INDIVIDUAL',
  fullName: 'Mehmet Kaya',
  createdAt: '2026-01-01T10:00:00Z',
};
