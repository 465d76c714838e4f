/**
 * The demo: one Node server on one origin that serves the demo pages and the widget bundle,
 * mounts the agency token proxy under `/insurup` (so the refresh cookie is first-party, as on
 * an agency's own site) with its SignalR WebSocket bridge, and runs the InsurUp sandbox beside
 * it on a loopback port. `npm start` (scripts/start.mjs) and the end-to-end tests
 * (test/e2e/support/demo.ts) both use `startDemo()`.
 *
 * Routes (every page takes ?lang=en; pages.ts has the table, strings.ts the sentences):
 *   /                  demo/index.html: an agency page with <insurup-flow> (?product=)
 *   /cms               demo/cms.html: a blog post with the elements in separate blocks
 *   /theming           demo/theming.html: three themes (demo/themes.css)
 *   /csp               demo/csp.html: the flow under the exact strict policy (STRICT_CSP)
 *   /configurator      demo/configurator.html: attributes, colours, preview, embed snippet
 *   /demo/<file>       demo assets (phone.js, demo.css, kvkk.html, ...)
 *   /demo/sms          the simulated phone: the latest SMS sent to a number this visitor typed
 *                      into a login form on these pages (number masked; nobody else's codes)
 *   /demo/mail         the simulated mailbox: the latest policy e-mails of the customers this
 *                      visitor logged in as (address masked)
 *   /demo/catalog      products and coverage groups for the configurator
 *   /dist/<file>       the built widget (insurup-elements.js and its chunks)
 *   /insurup/...       the token proxy (REST, GraphQL, the hub WebSocket)
 */
import { createAdaptorServer } from '@hono/node-server';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createProxyCore } from '../src/proxy/app.js';
import type { ProxyOptions } from '../src/proxy/options.js';
import { attachHubBridge } from '../src/proxy/ws-bridge.js';
import { startSandbox } from '../src/sandbox/node.js';
import type { SandboxOptions } from '../src/sandbox/index.js';
import { maskedEmail, PAGES, pageLang, PRODUCTS, productOptions, renderPage, STRICT_CSP, type DemoCatalog, type DemoPage, type Product } from './pages.js';

export const DEMO_AGENT_ID = '7d9f0c2a-4b1e-4c3d-9a8b-1f2e3d4c5b6a';
export const DEMO_BRANCH_ID = 'b3c4d5e6-f7a8-4b9c-8d0e-1a2b3c4d5e6f';
export const PROXY_PATH = '/insurup';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

export interface DemoOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the built widget is (insurup-elements.js and chunks/); default dist/. */
  bundleDir?: string;
  /** The sandbox's options; default: random SMS codes and real quote delays. */
  sandbox?: SandboxOptions;
  /** Proxy options over the demo's defaults (e.g. rate limits for tests). */
  proxy?: Partial<ProxyOptions>;
  /** Request log lines of the sandbox and the proxy; default: silent. */
  log?: (line: string) => void;
}

export interface RunningDemo {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The sandbox's own origin (its /sandbox/* controls: SMS outbox, catalogue, requests). */
  sandboxUrl: string;
  close(): Promise<void>;
}

/** Strict: scripts and styles from this origin only, no inline code, no eval. */
function contentSecurityPolicy(origin: string, sandboxOrigin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${sandboxOrigin}`,
    `connect-src 'self' ${ws}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function masked(phone: string): string {
  return phone.length === 10 ? `${phone.slice(0, 3)} *** ** ${phone.slice(8)}` : '***';
}

/** The demo's visitor cookie: which SMS and e-mails this browser may see on the simulated phone. */
const VISITOR_COOKIE = 'insurup-demo-visitor';
const MAX_VISITORS = 10_000;
const LOGIN_PATH = `${PROXY_PATH}/api/auth/customer/login-or-register`;
const SEND_POLICY_PATH = new RegExp(`^${PROXY_PATH}/api/policies/[^/]+/document/send$`);

function visitorOf(request: Request): string | undefined {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${VISITOR_COOKIE}=([A-Za-z0-9-]{36})(?:;|$)`).exec(cookie);
  return match?.[1];
}

/**
 * Which SMS and e-mails each visitor may see on the simulated phone: the mobile numbers this
 * browser logged in with (read from the login request, which carries the visitor cookie), and
 * the addresses a policy of one of those customers was e-mailed to. So the phone never shows
 * the latest code sent to someone else. In memory, the oldest forgotten first.
 */
class VisitorOutboxes {
  private readonly phonesByVisitor = new Map<string, string[]>();
  private readonly emailsByPhone = new Map<string, string[]>();

  constructor(private readonly sandboxUrl: string) {}

  private static add(map: Map<string, string[]>, key: string, value: string): void {
    const values = map.get(key) ?? [];
    map.delete(key);
    map.set(key, [value, ...values.filter((v) => v !== value)].slice(0, 5));
    if (map.size > MAX_VISITORS) map.delete(map.keys().next().value!);
  }

  phonesOf(visitor: string | undefined): string[] {
    return (visitor && this.phonesByVisitor.get(visitor)) || [];
  }

  emailsOf(visitor: string | undefined): string[] {
    return this.phonesOf(visitor).flatMap((phone) => this.emailsByPhone.get(phone) ?? []);
  }

  /** Notes the phone of a login, or the address of a policy e-mail, on its way to the proxy. */
  async record(request: Request, path: string): Promise<void> {
    if (request.method !== 'POST' || Number(request.headers.get('content-length') ?? Infinity) > 64 * 1024) return;
    const visitor = visitorOf(request);
    const authorization = request.headers.get('authorization');
    try {
      if (path === LOGIN_PATH && visitor) {
        const body = (await request.clone().json()) as { phoneNumber?: { number?: unknown } };
        const phone = body.phoneNumber?.number;
        if (typeof phone === 'string' && /^\d{10}$/.test(phone)) VisitorOutboxes.add(this.phonesByVisitor, visitor, phone);
      } else if (SEND_POLICY_PATH.test(path) && authorization) {
        // API calls carry no cookie: the customer (by the token) names the phone instead.
        const body = (await request.clone().json()) as { email?: unknown };
        if (typeof body.email !== 'string' || body.email.length > 254) return;
        const me = await fetch(`${this.sandboxUrl}/api/customers/me`, { headers: { authorization } });
        if (!me.ok) return;
        const phone = ((await me.json()) as { primaryPhoneNumber?: { number?: string } }).primaryPhoneNumber?.number;
        if (phone) VisitorOutboxes.add(this.emailsByPhone, phone, body.email.trim().toLowerCase());
      }
    } catch {
      // not JSON, or the sandbox is away: the proxy answers the request itself
    }
  }
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const log = options.log ?? (() => {});
  const bundleDir = resolve(options.bundleDir ?? join(DEMO_DIR, '..', 'dist'));
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', log, ...options.sandbox });
  const catalog = (await (await fetch(`${sandbox.url}/sandbox/catalog`)).json()) as DemoCatalog;
  const coverageFor = (product: Product) =>
    catalog.coverageGroups
      .filter((g) => g.branch === product.toUpperCase())
      .slice(0, 2)
      .map((g) => g.id)
      .join(',');

  let origin = '';
  let core: ReturnType<typeof createProxyCore> | undefined;
  const templates = new Map(
    await Promise.all(PAGES.map(async (p) => [p.id, await readFile(join(DEMO_DIR, p.file), 'utf8')] as const)),
  );

  /** gzip -9 of text files, kept while the file is unchanged (the bundle is 4× smaller on the wire). */
  const compressed = new Map<string, { stamp: string; body: Buffer }>();
  async function gzipped(file: string, body: Buffer): Promise<Buffer> {
    const { mtimeMs, size } = await stat(file);
    const stamp = `${mtimeMs}:${size}`;
    const cached = compressed.get(file);
    if (cached?.stamp === stamp) return cached.body;
    const zipped = gzipSync(body, { level: 9 });
    compressed.set(file, { stamp, body: zipped });
    return zipped;
  }

  async function serveFile(root: string, relative: string, request: Request): Promise<Response> {
    if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(relative) || relative.split('/').includes('..')) {
      return new Response('Not found', { status: 404 });
    }
    try {
      const base = await realpath(root);
      const file = await realpath(join(base, relative));
      if (!file.startsWith(base + sep)) return new Response('Not found', { status: 404 });
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      // As an agency's web server would: text compressed for browsers that accept gzip.
      if (/^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
        return new Response(new Uint8Array(await gzipped(file, body)), { headers: { ...headers, 'content-encoding': 'gzip' } });
      }
      return new Response(body, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }

  const outboxes = new VisitorOutboxes(sandbox.url);

  function page(demoPage: DemoPage, url: URL, request: Request): Response {
    const askedProduct = url.searchParams.get('product') ?? 'kasko';
    // Only the full-flow page switches product; the others are kasko pages.
    const product: Product =
      demoPage.id === 'flow' && (PRODUCTS as readonly string[]).includes(askedProduct) ? (askedProduct as Product) : 'kasko';
    const html = renderPage(templates.get(demoPage.id)!, {
      page: demoPage,
      url,
      catalog,
      values: {
        product,
        proxyUrl: PROXY_PATH,
        scriptUrl: new URL('/dist/insurup-elements.js', url).href,
        coverageGroupIds: coverageFor(product),
        agentBranchId: DEMO_BRANCH_ID,
        strictCsp: STRICT_CSP,
      },
      pieces: { productOptions: productOptions(pageLang(url), product) },
    });
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': demoPage.csp === 'strict' ? STRICT_CSP : contentSecurityPolicy(origin, sandbox.url),
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-content-type-options': 'nosniff',
        ...(visitorOf(request)
          ? {}
          : { 'set-cookie': `${VISITOR_COOKIE}=${crypto.randomUUID()}; Path=/; HttpOnly; SameSite=Strict` }),
      },
    });
  }

  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });

  /** The simulated mailbox: this visitor's latest e-mails, the address masked, the PDF link as sent. */
  async function latestMail(request: Request): Promise<Response> {
    const emails = outboxes.emailsOf(visitorOf(request));
    if (!emails.length) return json({ messages: [] });
    const outbox = (await (await fetch(`${sandbox.url}/sandbox/mail-outbox`)).json()) as {
      messages: Array<{ to: string; subject: string; text: string; sentAt: string; attachment: { filename: string; url: string } }>;
    };
    const mine = outbox.messages.filter((m) => emails.includes(m.to.trim().toLowerCase()));
    return json({
      messages: mine.slice(0, 3).map((m) => ({
        to: maskedEmail(m.to),
        subject: m.subject,
        text: m.text,
        sentAt: m.sentAt,
        attachment: { filename: m.attachment.filename, url: m.attachment.url },
      })),
    });
  }

  /** The simulated phone's screen: the latest SMS to a number this visitor logged in with, masked. */
  async function latestSms(request: Request): Promise<Response> {
    const phones = outboxes.phonesOf(visitorOf(request));
    if (!phones.length) return json({});
    const outbox = (await (await fetch(`${sandbox.url}/sandbox/sms-outbox`)).json()) as {
      messages: Array<{ phone: string; code: string; text: string; sentAt: string }>;
    };
    const latest = outbox.messages.find((m) => phones.includes(m.phone));
    return json(latest ? { to: `+90 ${masked(latest.phone)}`, code: latest.code, text: latest.text, sentAt: latest.sentAt } : {});
  }

  const server = createAdaptorServer({
    fetch: async (request: Request, env: unknown) => {
      const url = new URL(request.url);
      const path = url.pathname;
      if (path === PROXY_PATH || path.startsWith(`${PROXY_PATH}/`)) {
        await outboxes.record(request, path);
        return core!.fetch(request, env);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
      const demoPage = PAGES.find((p) => p.path === path) ?? (path === '/index.html' ? PAGES[0] : undefined);
      if (demoPage) return page(demoPage, url, request);
      if (path === '/demo/sms') return latestSms(request);
      if (path === '/demo/mail') return latestMail(request);
      if (path === '/demo/catalog') return json({ products: PRODUCTS, coverageGroups: catalog.coverageGroups });
      if (path.startsWith('/demo/')) return serveFile(DEMO_DIR, path.slice('/demo/'.length), request);
      if (path.startsWith('/dist/')) return serveFile(bundleDir, path.slice('/dist/'.length), request);
      if (path === '/favicon.ico') return new Response(null, { status: 204 });
      return new Response('Not found', { status: 404 });
    },
  }) as Server;

  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8080, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  core = createProxyCore({
    upstream: sandbox.url,
    agentId: DEMO_AGENT_ID,
    // The page may be opened as 127.0.0.1 or as localhost.
    allowedOrigins: [origin, `http://localhost:${port}`],
    basePath: PROXY_PATH,
    // The demo runs on plain http on this machine; an agency's proxy keeps the default (Secure).
    secureCookies: false,
    log,
    ...options.proxy,
  });
  const hub = attachHubBridge(server, core);

  return {
    url: `${origin}/`,
    sandboxUrl: sandbox.url,
    close: async () => {
      hub.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await sandbox.close();
    },
  };
}

/**
 * Builds the widget bundle with Vite (quietly; errors are thrown): into dist/ as
 * `npm run build` does, or into `outDir` (emptied first), e.g. a test's temporary directory.
 */
export async function buildWidget(outDir?: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(DEMO_DIR, '..', 'vite.config.ts'),
    root: join(DEMO_DIR, '..'),
    logLevel: 'silent',
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
  });
}
