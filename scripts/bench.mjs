#!/usr/bin/env node
// `npm run bench`: a benchmark, not a test. Prints, each against its goal, the widget's gzip
// sizes (and what fills the entry chunk), the time from the script starting to load to the
// first interactive render of <insurup-flow> in headless Chromium, the quote latency
// (scripts/bench-quotes.ts) and proxy overhead (scripts/bench-proxy.mjs) figures, and
// Lighthouse scores of the demo page. A missed goal is reported, never a failure.
//
//   BENCH_SKIP=lighthouse,proxy,quotes npm run bench     skip parts
//   BENCH_RENDER_RUNS=7                                  cold loads for the render median
//   BENCH_LIGHTHOUSE_JSON=/tmp/lhr.json                  keep Lighthouse's whole report
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

register();
const { buildWidget, startDemo } = await import('../demo/server.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 7);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const summary = [];
const record = (what, goal, measured, met) => summary.push({ what, goal, measured, met });

function heading(text) {
  console.log(`\n== ${text} ${'='.repeat(Math.max(0, 86 - text.length))}`);
}

async function jsFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

// ---- sizes -------------------------------------------------------------------------------

const VLQ = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = VLQ[char];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Minified bytes of a chunk by where they came from (package or src/ area), from its source map. */
function bytesBySource(code, map) {
  const lines = code.split('\n');
  const totals = new Map();
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments = line ? line.split(',').map(decodeSegment) : [];
    let column = 0;
    const starts = [];
    for (const segment of segments) {
      column += segment[0];
      if (segment.length >= 4) source += segment[1];
      starts.push({ column, source: segment.length >= 4 ? source : -1 });
    }
    const length = lines[lineIndex]?.length ?? 0;
    starts.forEach((start, i) => {
      if (start.source < 0) return;
      const end = starts[i + 1]?.column ?? length;
      const name = groupOf(map.sources[start.source] ?? '?');
      totals.set(name, (totals.get(name) ?? 0) + Math.max(0, end - start.column));
    });
  });
  return totals;
}

function groupOf(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = source.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = source.indexOf('src/');
  if (src < 0) return source;
  const parts = source.slice(src).split('/');
  // src/widget/elements/insurup-quotes/… → the element; src/contract/… → contract
  if (parts[1] === 'widget' && parts[2] === 'elements') return `src/widget/elements/${parts[3]}`;
  if (parts[1] === 'widget') return `src/widget/${parts[2].replace(/\.ts$/, '')}`;
  return `src/${parts[1].replace(/\.ts$/, '')}`;
}

async function sizes(bundleDir) {
  heading('Bundle sizes (minified, gzip -9)');
  const files = await jsFiles(bundleDir);
  const rows = [];
  for (const path of files) rows.push({ path: relative(bundleDir, path), gzip: gzipSync(await readFile(path), { level: 9 }).length });
  rows.sort((a, b) => b.gzip - a.gzip);
  for (const row of rows) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.path}`);
  const entry = rows.find((r) => r.path === 'insurup-elements.js')?.gzip ?? NaN;
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  console.log(`  entry chunk ${kb(entry)} (goal ≤ 30 KB), everything ${kb(total)} (goal ≤ 65 KB)`);
  record('entry chunk, gzip', '≤ 30 KB', kb(entry), entry <= 30 * 1024);
  record('all chunks with SignalR, gzip', '≤ 65 KB', kb(total), total <= 65 * 1024);

  // What fills the entry and the largest chunk, so the next size work knows where to look.
  for (const name of [...new Set(['insurup-elements.js', rows[0]?.path].filter(Boolean))]) {
    const path = join(bundleDir, name);
    try {
      const code = await readFile(path, 'utf8');
      const map = JSON.parse(await readFile(`${path}.map`, 'utf8'));
      const totals = [...bytesBySource(code, map)].sort((a, b) => b[1] - a[1]);
      const all = totals.reduce((n, [, b]) => n + b, 0);
      console.log(`\n  What fills ${name} (minified bytes by origin, from its source map):`);
      for (const [origin, bytes] of totals.slice(0, 14)) {
        console.log(`  ${kb(bytes).padStart(9)}  ${((bytes / all) * 100).toFixed(1).padStart(5)} %  ${origin}`);
      }
    } catch (error) {
      console.log(`  (no source map to break ${name} down: ${error.message})`);
    }
  }
}

// ---- first interactive render ---------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function firstRender(demo, chromium, bundleDir) {
  heading(`First interactive render of <insurup-flow> (headless Chromium, ${RENDER_RUNS} cold loads)`);
  const { chromium: playwright } = await import('playwright-core');
  const browser = await playwright.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
  const fromScript = [];
  const fromNavigation = [];
  let loadedBeforeReady = [];
  try {
    for (let i = 0; i < RENDER_RUNS; i++) {
      // A new context each time: nothing cached, no cookie, like a first visit.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        // Interactive = the login form's first input is there and enabled (after the silent
        // session check through the proxy). Checked every frame.
        const check = () => {
          const login = document.querySelector('insurup-flow')?.shadowRoot?.querySelector('insurup-login');
          const input = login?.shadowRoot?.querySelector('input:not([disabled])');
          if (input) window.__insurupReady = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      await page.goto(demo.url);
      await page.waitForFunction(() => window.__insurupReady !== undefined, null, { timeout: 30_000 });
      const timing = await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/insurup-elements.js'));
        // Every widget file the browser had fetched by then: what a first visit costs.
        const widget = performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.startsWith('/dist/') && e.responseEnd <= window.__insurupReady)
          .map((e) => new URL(e.name).pathname.slice('/dist/'.length));
        return { ready: window.__insurupReady, scriptStart: script?.startTime ?? 0, widget };
      });
      loadedBeforeReady = timing.widget;
      fromScript.push(timing.ready - timing.scriptStart);
      fromNavigation.push(timing.ready);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`  script load start → login form usable: median ${ms(median(fromScript))} (runs: ${fromScript.map((n) => n.toFixed(0)).join(', ')} ms)`);
  console.log(`  navigation start → login form usable:  median ${ms(median(fromNavigation))}`);
  console.log('  (loopback, no network throttling: this is the script and render cost, plus one proxy round trip)');
  let firstLoad = 0;
  for (const file of loadedBeforeReady) firstLoad += gzipSync(await readFile(join(bundleDir, file)), { level: 9 }).length;
  console.log(`  widget files fetched before it was usable: ${loadedBeforeReady.length}, ${kb(firstLoad)} gzip (${loadedBeforeReady.join(', ')})`);
  record('JS fetched until the flow is usable, gzip', '≤ 30 KB', kb(firstLoad), firstLoad <= 30 * 1024);
  record('script load → interactive <insurup-flow>', '(reported)', `${ms(median(fromScript))} median`, true);
}

// ---- the other benchmarks, run as they are ----------------------------------------------

function runScript(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// ---- Lighthouse ------------------------------------------------------------------------------

async function lighthouseScores(demo, chromium) {
  heading('Lighthouse 12 (mobile emulation, simulated throttling) on the full-flow demo page');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      demo.url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
    );
    const { categories, audits } = result.lhr;
    if (process.env.BENCH_LIGHTHOUSE_JSON) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(process.env.BENCH_LIGHTHOUSE_JSON, JSON.stringify(result.lhr, null, 2));
      console.log(`  full report: ${process.env.BENCH_LIGHTHOUSE_JSON}`);
    }
    const goals = { performance: 95, accessibility: 100, 'best-practices': 100 };
    for (const [id, goal] of Object.entries(goals)) {
      const score = Math.round((categories[id]?.score ?? 0) * 100);
      console.log(`  ${categories[id]?.title.padEnd(16)} ${String(score).padStart(3)}   (goal ≥ ${goal})`);
      record(`Lighthouse ${categories[id]?.title}`, `≥ ${goal}`, String(score), score >= goal);
      // What cost points, so the next person knows where to look.
      const lost = categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]?.score < 1)
        .map((ref) => `${ref.id} (${Math.round((audits[ref.id].score ?? 0) * 100)})`);
      if (lost.length) console.log(`      below full marks: ${lost.join(', ')}`);
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      if (audits[id]) console.log(`  ${audits[id].title.padEnd(26)} ${audits[id].displayValue}`);
    }
  } finally {
    await chrome.kill();
  }
}

// ---- main ------------------------------------------------------------------------------------

const chromium = findChromium();
const bundleDir = await mkdtemp(join(tmpdir(), 'insurup-bench-'));
let demo;
try {
  console.log('Building the widget (vite, minified) …');
  await buildWidget(bundleDir);
  await sizes(bundleDir);
  if (!chromium) {
    console.log('\nChromium not found (CHROME_PATH or /usr/bin/chromium): the browser figures are skipped.');
  } else {
    demo = await startDemo({ port: 0, bundleDir, sandbox: { quoteDelay: [100, 1500] } });
    if (!skip.has('render')) await firstRender(demo, chromium, bundleDir);
    if (!skip.has('lighthouse')) {
      try {
        await lighthouseScores(demo, chromium);
      } catch (error) {
        console.log(`  Lighthouse did not run: ${error.message}`);
        record('Lighthouse', 'scores', 'did not run', false);
      }
    }
  }
  await demo?.close();
  demo = undefined;
  if (!skip.has('quotes') && chromium) {
    heading('Quote latency and re-render (scripts/bench-quotes.ts)');
    const code = await runScript(['scripts/bench-quotes.ts', '--runs=2']);
    if (code !== 0) record('quote benchmark', 'runs', `exit ${code}`, false);
  }
  if (!skip.has('proxy')) {
    heading('Proxy overhead (scripts/bench-proxy.mjs)');
    const code = await runScript(['scripts/bench-proxy.mjs'], { BENCH_SECONDS: process.env.BENCH_SECONDS ?? '3' });
    if (code !== 0) record('proxy benchmark', 'runs', `exit ${code}`, false);
  }
} finally {
  await demo?.close();
  await rm(bundleDir, { recursive: true, force: true });
}

heading('Summary (goal vs measured; quote and proxy goals are printed in their sections)');
for (const row of summary) {
  console.log(`  ${row.met ? 'meets ' : 'MISSES'}  ${row.what.padEnd(42)} goal ${row.goal.padEnd(10)} measured ${row.measured}`);
}
