/**
 * `/sandbox/*`: the test and demo controls (the simulated phone and mailbox, the catalogue,
 * recent requests, faults, run-time settings and expiring access tokens early). CORS is open: it is a development tool.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { catalogView } from './catalog/index.js';
import type { SandboxServices } from './context.js';
import { FaultRuleInput, type FaultInjector } from './faults.js';
import type { RecordedRequest, RequestRecorder } from './log.js';
import { maskId, maskPhone } from './masking.js';
import { applyConfig, RuntimeConfigUpdate } from './options.js';
import type { MailMessage } from './store.js';

export interface ControlDeps {
  faults: FaultInjector;
  recorder: RequestRecorder;
  /** Adds a fresh signed download link to each mail's attachment. */
  mailView: (message: MailMessage, origin: string) => Promise<unknown>;
}

const badRequest = (detail: string, errors: Array<{ propertyName: string; errorMessage: string }> = []) => ({
  type: 'https://api.insurup.com/problems/input-validation',
  title: 'One or more validation errors occurred',
  status: 400,
  detail,
  validationErrors: errors,
});

async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export function controlRoutes(sb: SandboxServices, deps: ControlDeps): Hono {
  const app = new Hono();
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'], allowHeaders: ['Content-Type'] }));

  app.get('/sms-outbox', (c) => {
    const phone = c.req.query('phone')?.replace(/\D+/g, '').replace(/^(90|0)(?=5\d{9}$)/, '');
    const messages = sb.store.sms.filter((m) => !phone || m.phone === phone);
    return c.json({ messages });
  });

  app.get('/mail-outbox', async (c) => {
    const origin = new URL(c.req.url).origin;
    return c.json({ messages: await Promise.all(sb.store.mail.map((m) => deps.mailView(m, origin))) });
  });

  app.get('/catalog', (c) => c.json(catalogView(sb.catalog)));

  app.get('/customers', (c) =>
    c.json({
      customers: [...sb.store.customers.values()].map((cu) => ({
        id: cu.id,
        type: cu.type,
        fullName: cu.fullName,
        identityNumber: cu.identityNumber ? maskId(cu.identityNumber) : null,
        taxNumber: cu.taxNumber ? maskId(cu.taxNumber) : null,
        phone: maskPhone(cu.phone.number),
        registeredAgentId: cu.registeredAgentId,
        agentId: cu.agentId,
        agentBranchId: cu.agentBranchId,
        createdAt: cu.createdAt,
      })),
    }),
  );

  app.get('/requests', (c) => {
    const pathFilter = c.req.query('path');
    let requests: RecordedRequest[] = deps.recorder.list();
    if (pathFilter) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(pathFilter);
      } catch {
        return c.json(badRequest("'path' geçerli bir düzenli ifade değil."), 400);
      }
      requests = requests.filter((r) => pattern.test(r.path));
    }
    return c.json({ requests });
  });
  app.delete('/requests', (c) => {
    deps.recorder.clear();
    return c.body(null, 204);
  });

  app.get('/faults', (c) => c.json({ faults: deps.faults.list() }));
  app.post('/faults', async (c) => {
    const raw = await readJsonBody(c.req.raw);
    const parsed = FaultRuleInput.safeParse(raw);
    if (!parsed.success) {
      return c.json(
        badRequest(
          'Beklenen: { method?, path: "<regex>", fault: 500 | 503 | "timeout" | "close", times?: number }',
          parsed.error.issues.map((i) => ({ propertyName: i.path.join('.') || 'body', errorMessage: i.message })),
        ),
        400,
      );
    }
    try {
      deps.faults.add(parsed.data);
    } catch (error) {
      return c.json(badRequest(`'path' geçerli bir düzenli ifade değil: ${(error as Error).message}`), 400);
    }
    return c.json({ faults: deps.faults.list() }, 201);
  });
  app.delete('/faults', (c) => {
    deps.faults.clear();
    return c.body(null, 204);
  });

  // Server-side expiry before `expiresIn`: the client's 401 → refresh → retry path, for real.
  app.post('/expire-access-tokens', (c) => c.json({ expired: sb.tokens.expireIssuedAccessTokens() }));

  app.get('/config', (c) => c.json(sb.config));
  app.post('/config', async (c) => {
    const raw = await readJsonBody(c.req.raw);
    const parsed = RuntimeConfigUpdate.safeParse(raw);
    if (!parsed.success) {
      return c.json(
        badRequest(
          'Beklenen: { tokenTtl?: saniye, quoteDelay?: [min, max] ms, failRate?: 0..1, latency?: ms }',
          parsed.error.issues.map((i) => ({ propertyName: i.path.join('.') || 'body', errorMessage: i.message })),
        ),
        400,
      );
    }
    sb.config = applyConfig(sb.config, parsed.data);
    return c.json(sb.config);
  });

  return app;
}
