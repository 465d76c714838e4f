/**
 * `npm run bench:quotes` (a benchmark, not a test): in headless Chromium, how fast a quote the
 * sandbox has just produced shows up as a priced card in `<insurup-quotes>` — over SignalR and
 * with the polling fallback — and how long re-rendering a 40-product × 12-instalment list takes.
 *
 *   node --import tsx scripts/bench-quotes.ts [--runs=3] [--groups=3] [--screenshots=DIR]
 *
 * Starts its own sandbox and proxy in this process and serves a tiny page with the element.
 * The sandbox's emit time and the page's render time are both wall-clock on this machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startSandbox } from '../src/sandbox/node.js';
import { startProxy } from '../src/proxy/node.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const RUNS = Number(args.get('runs') ?? 3);
const GROUPS = Number(args.get('groups') ?? 3);
const SCREENSHOTS = args.get('screenshots');
const OTP = '246810';
const GOAL_LIVE_P95_MS = 100;
const GOAL_RENDER_MS = 16;

const root = new URL('..', import.meta.url).pathname;
const wallClock = () => performance.timeOrigin + performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function bundlePage(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: { bench: join(root, 'scripts/bench-quotes-page.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/out',
    minify: true,
    conditions: ['browser', 'production'],
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^\/out/, ''), f.text]));
}

function servePage(files: Map<string, string>): Promise<Server> {
  const html =
    '<!doctype html><html lang="tr"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>insurup-quotes bench</title><style>body{margin:0;padding:12px;font-family:system-ui;background:#f4f6f9}</style>' +
    '</head><body><script type="module" src="/bench.js"></script></body></html>';
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const body = path === '/' ? html : files.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': path === '/' ? 'text/html; charset=utf-8' : 'text/javascript' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ otp: OTP, quoteDelay: [100, 2500], log: () => {} });
  const emittedAt = new Map<string, number>();
  // Stamp each success the moment the sandbox emits it (before the hub sends it on).
  const events = sandbox.sandbox.services.events;
  const emit = events.emit.bind(events);
  events.emit = ((name, product, extra) => {
    if (name === 'ReceiveProposalProductSuccess' && !emittedAt.has(product.id)) emittedAt.set(product.id, wallClock());
    emit(name, product, extra);
  }) as typeof events.emit;

  const page = await servePage(await bundlePage());
  const pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  const big = { limit: 1_000_000, windowMs: 60_000 };
  const proxy = await startProxy({
    upstream: sandbox.url,
    agentId: '0b7e4f3a-6c1d-4e8f-9a2b-3c4d5e6f7a8b',
    allowedOrigins: [pageOrigin],
    secureCookies: false,
    port: 0,
    rateLimit: { perIp: big, loginPerIp: big, loginPerPhone: big, verifyPerIp: big },
    log: () => {},
  });

  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: set CHROME_PATH or install Debian chromium.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.error('page error:', error.message));
    await tab.goto(pageOrigin);
    await tab.waitForFunction(() => 'bench' in window);

    const catalog = sandbox.sandbox.catalog;
    const coverageGroupIds = catalog.coverageGroups.filter((g) => g.branch === 'KASKO').slice(0, GROUPS).map((g) => g.id);
    const entry = catalog.registry[0]!;
    const runOptions = {
      proxyUrl: proxy.url,
      otp: OTP,
      coverageGroupIds,
      vehicle: { brand: entry.brand.value, model: entry.model.value, year: entry.year },
    };

    const measure = async (label: string, pollInterval: number) => {
      const before = new Set<string>(await tab.evaluate(() => (window as any).bench.pricedTimes().map(([id]: [string]) => id)));
      let products = 0;
      for (let i = 0; i < RUNS; i++) {
        const result = await tab.evaluate((o) => (window as any).bench.quoteRun(o), { ...runOptions, pollInterval });
        products += result.products;
      }
      const priced: Array<[string, number]> = await tab.evaluate(() => (window as any).bench.pricedTimes());
      const latencies = priced
        .filter(([id]) => !before.has(id) && emittedAt.has(id))
        .map(([id, at]) => at - emittedAt.get(id)!);
      return { label, products, quotes: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
    };

    if (SCREENSHOTS) {
      // Pictures for a design review: quotes arriving, then details open and two chosen to compare.
      mkdirSync(SCREENSHOTS, { recursive: true });
      const config = sandbox.sandbox.services;
      const quoteDelay = config.config.quoteDelay;
      config.config = { ...config.config, quoteDelay: [1500, 6000] };
      await tab.setViewportSize({ width: 360, height: 800 });
      await tab.evaluate((o) => void ((window as any).pending = (window as any).bench.quoteRun(o)), { ...runOptions, pollInterval: 3000 });
      await tab.waitForFunction(() => (document.querySelector('insurup-quotes')?.feed.book?.settledCount ?? 0) >= 3, null, { timeout: 20_000 });
      await tab.screenshot({ path: join(SCREENSHOTS, 'quotes-arriving-360.png') });
      await tab.evaluate(() => (window as any).pending);
      config.config = { ...config.config, quoteDelay };
      await tab.evaluate(async () => {
        const el = document.querySelector('insurup-quotes')!;
        const shown = [...el.shadowRoot!.querySelectorAll('insurup-quote-card')];
        shown[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part="details-button"]')!.click();
        for (const card of shown.slice(0, 2)) card.shadowRoot!.querySelector<HTMLInputElement>('input[name="compare"]')!.click();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await tab.screenshot({ path: join(SCREENSHOTS, 'quotes-details-360.png') });
      await tab.mouse.wheel(0, 700);
      await tab.screenshot({ path: join(SCREENSHOTS, 'quotes-coverage-360.png') });
      await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await tab.waitForTimeout(200);
      await tab.screenshot({ path: join(SCREENSHOTS, 'quotes-end-360.png') });
      await tab.evaluate(() => window.scrollTo(0, 0));
      await tab.setViewportSize({ width: 1024, height: 900 });
    }

    const live = await measure('SignalR', 3000);
    sandbox.sandbox.faults.add({ path: 'hubs/proposal-detail', fault: 'close', times: 1000 });
    const polling = await measure('polling fallback (every 3 s)', 3000);
    sandbox.sandbox.faults.clear();

    if (SCREENSHOTS) {
      for (const width of [360, 1024]) {
        await tab.setViewportSize({ width, height: 900 });
        await tab.screenshot({ path: join(SCREENSHOTS, `quotes-${width}.png`) });
      }
      await tab.setViewportSize({ width: 1024, height: 900 });
    }

    const render = await tab.evaluate(() => (window as any).bench.renderBench());
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const verdict = (ok: boolean) => (ok ? 'meets the goal' : 'MISSES the goal');
    console.log('\n<insurup-quotes> benchmark (headless Chromium, sandbox and proxy on this machine)\n');
    console.log('Time from the sandbox emitting a quote to its priced card being in the DOM:');
    for (const r of [live, polling]) {
      console.log(
        `  ${r.label.padEnd(30)} ${String(r.quotes).padStart(3)} quotes of ${r.products} products   ` +
          `p50 ${ms(r.p50).padStart(9)}   p95 ${ms(r.p95).padStart(9)}   max ${ms(r.max).padStart(9)}`,
      );
    }
    console.log(`  goal: p95 under ${GOAL_LIVE_P95_MS} ms over SignalR → ${verdict(live.p95 < GOAL_LIVE_P95_MS)}`);
    console.log(`\nRe-render of ${render.cards} cards with ${render.options} instalment options (DOM updated and laid out):`);
    console.log(`  first render of the whole list  ${ms(render.firstRender)}`);
    console.log(`  one quote revised (re-sorted)   p50 ${ms(render.singleP50)}   p95 ${ms(render.singleP95)}   (script p50 ${ms(render.singleScriptP50)})`);
    console.log(`  all 40 revised at once          p50 ${ms(render.allP50)}   p95 ${ms(render.allP95)}   (script p50 ${ms(render.allScriptP50)})`);
    console.log(`  goal: an update under ${GOAL_RENDER_MS} ms → ${verdict(render.singleP95 < GOAL_RENDER_MS && render.allP95 < GOAL_RENDER_MS)}`);
    if (SCREENSHOTS) console.log(`\nScreenshots in ${SCREENSHOTS}`);
  } finally {
    await browser.close();
    await proxy.close();
    await sandbox.close();
    await new Promise((resolve) => page.close(resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
