/**
 * The Hono app: request logging, the `/sandbox` controls, fault injection and latency, then the
 * InsurUp API itself (everything else goes to the endpoint-table dispatcher).
 */
import { Hono, type Context } from 'hono';
import type { SandboxServices } from './context.js';
import { ProblemError } from './errors.js';
import { controlRoutes, type ControlDeps } from './control.js';
import { documentRoutes } from './documents/routes.js';
import { paymentRoutes } from './pages/routes.js';
import { dispatchApi, problemResponse } from './http/dispatch.js';
import { handlers } from './http/handlers.js';
import { logLine, recordedBody, recordedHeaders } from './log.js';
import type { FaultKind } from './faults.js';
import { randomUnit } from './random.js';

/** What `@hono/node-server` passes as `c.env`; absent on other runtimes. */
export interface NodeBindings {
  incoming?: { socket?: { destroy(): void } };
  outgoing?: { socket?: { destroy(): void } | null };
}

type AppEnv = { Bindings: NodeBindings };

const HANG_LIMIT_MS = 5 * 60_000;

/** Only the API surface is subject to the random fail rate. */
const isApi = (path: string) => path.startsWith('/api/') || path === '/graphql';

export function createApp(sb: SandboxServices, deps: ControlDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const url = new URL(c.req.url);
    const quietPoll = c.req.method === 'GET' && url.pathname.startsWith('/sandbox/');
    const control = url.pathname.startsWith('/sandbox/');
    const body = control ? null : await recordedBody(c.req.raw);
    await next();
    const ms = performance.now() - started;
    if (!quietPoll && c.req.method !== 'OPTIONS') sb.log(logLine(c.req.method, url, c.res.status, ms));
    if (!control) {
      deps.recorder.add({
        time: new Date().toISOString(),
        method: c.req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: recordedHeaders(c.req.raw.headers),
        body,
        status: c.res.status,
        ms: Math.round(ms),
      });
    }
  });

  app.route('/sandbox', controlRoutes(sb, deps));

  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const fault =
      deps.faults.take(c.req.method, path, c.req.header('x-sandbox-fail') ?? null) ??
      (isApi(path) && sb.config.failRate > 0 && randomUnit() < sb.config.failRate ? (503 as const) : undefined);
    if (fault !== undefined) return injectFault(c, fault, sb);
    if (sb.config.latency > 0) await sb.timers.sleep(sb.config.latency);
    await next();
  });

  app.get('/', (c) =>
    c.json({
      name: 'InsurUp sandbox',
      about: 'A local simulator of the InsurUp customer API (see README: "The sandbox").',
      api: '/api/...',
      graphql: '/graphql',
      hub: '/hubs/proposal-detail',
      controls: ['/sandbox/catalog', '/sandbox/sms-outbox?phone=5XXXXXXXXX', '/sandbox/mail-outbox', '/sandbox/requests', '/sandbox/customers', '/sandbox/faults', '/sandbox/config'],
    }),
  );

  app.route('/pay', paymentRoutes(sb));
  app.route('/documents', documentRoutes(sb));
  app.all('*', (c) => dispatchApi(c.req.raw, sb, { handlers }));
  return app;
}

async function injectFault(c: Context<AppEnv>, fault: FaultKind, sb: SandboxServices): Promise<Response> {
  const path = new URL(c.req.url).pathname;
  if (fault === 'timeout') {
    // Hang until the caller gives up (or the sandbox closes); answer late if it is still there.
    await new Promise<void>((resolve) => {
      const signal = c.req.raw.signal;
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
      void sb.timers.sleep(HANG_LIMIT_MS).then(resolve);
    });
    return problemResponse(new ProblemError('upstream-service', 504, 'İstek zaman aşımına uğradı (sanal ortam hatası).', ['SANDBOX_FAULT_TIMEOUT']), path);
  }
  if (fault === 'close') {
    const socket = c.env?.outgoing?.socket ?? c.env?.incoming?.socket;
    if (socket) {
      socket.destroy();
      return new Response(null, { status: 499 });
    }
    // No socket to cut (a plain fetch call): the body fails instead.
    return new Response(new ReadableStream({ start: (controller) => controller.error(new Error('connection closed by sandbox fault')) }));
  }
  return problemResponse(
    new ProblemError('upstream-service', fault, 'Servis geçici olarak yanıt veremiyor (sanal ortam hatası).', ['SANDBOX_FAULT_INJECTED']),
    path,
  );
}
