/** Helpers for tests against the running sandbox and proxy (see test/widget/support/env.ts). */
import { resetWidgetState, testEnv } from '../support/env.js';

/**
 * Forgets every widget session and ends the browser's proxy session too: the refresh cookie
 * outlives `resetWidgetState()`, and the next element would silently log back in with it.
 */
export async function freshPage(): Promise<void> {
  const { proxyUrl } = await testEnv();
  await fetch(`${proxyUrl}/api/auth/customer/logout`, { method: 'POST', credentials: 'include' });
  resetWidgetState();
}

export interface SeenRequest {
  id: number;
  method: string;
  path: string;
  status: number;
  body: unknown;
}

async function recorded(): Promise<SeenRequest[]> {
  const { sandboxUrl } = await testEnv();
  const json = (await (await fetch(`${sandboxUrl}/sandbox/requests`)).json()) as { requests: SeenRequest[] };
  return json.requests;
}

/** A point in the sandbox's request log; `requestsSince(mark)` answers what came after it. */
export async function requestMark(): Promise<number> {
  return (await recorded()).reduce((max, r) => Math.max(max, r.id), 0);
}

export async function requestsSince(mark: number, path?: RegExp, method?: string): Promise<SeenRequest[]> {
  return (await recorded()).filter(
    (r) => r.id > mark && (!path || path.test(r.path)) && (!method || r.method === method),
  );
}
