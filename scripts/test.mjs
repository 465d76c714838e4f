#!/usr/bin/env node
// `npm test`: the type check, the Node tests, the browser tests and the end-to-end tests, with
// one closing line `N passed, N failed` over everything that ran. Exits non-zero on a failure.
//
//   npm test                      everything
//   npm test -- --only=node,e2e   some stages (typecheck, node, browser, e2e)
//   npm test -- test/proxy        only test files whose path contains one of these words
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const filters = args.filter((a) => !a.startsWith('--'));
const wants = (stage) => !only || only.includes(stage);

function walk(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(walk(path));
    else out.push(relative(root, path));
  }
  return out.sort();
}

const allTests = walk(join(root, 'test')).filter((f) => f.endsWith('.test.ts'));
const matching = (files) => (filters.length ? files.filter((f) => filters.some((w) => f.includes(w))) : files);
const isE2e = (f) => f.startsWith('test/e2e/');
const isBrowser = (f) => f.startsWith('test/widget/') && !f.endsWith('.node.test.ts');
const nodeFiles = matching(allTests.filter((f) => !isE2e(f) && !isBrowser(f)));
const browserFiles = matching(allTests.filter(isBrowser));
const e2eFiles = matching(allTests.filter(isE2e));

function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env } });
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
const record = (stage, passed, failed, code) => {
  // A runner that crashed before counting still counts as a failure.
  if (code !== 0 && failed === 0) failed = 1;
  results.push({ stage, passed, failed });
  console.log(`\n[${stage}] ${passed} passed, ${failed} failed\n`);
};

function tapCounts(file) {
  const text = readFileSync(file, 'utf8');
  const num = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled') };
}

async function nodeTests(stage, files, extra = []) {
  const tap = join(cache, `${stage}.tap`);
  rmSync(tap, { force: true });
  const { code } = await run(process.execPath, [
    '--import', 'tsx',
    '--test',
    ...extra,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  let counts = { passed: 0, failed: 0 };
  try {
    counts = tapCounts(tap);
  } catch {
    // no report written: the runner itself failed
  }
  record(stage, counts.passed, counts.failed, code);
}

if (wants('typecheck')) {
  console.log('> type check (tsc --noEmit)');
  const { code } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
  record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1, code);
}

let chromium;
const needsBrowser = (wants('browser') && browserFiles.length) || (wants('e2e') && e2eFiles.length);
if (needsBrowser) {
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

if (wants('node') && nodeFiles.length) {
  console.log(`> node tests (${nodeFiles.length} files)`);
  await nodeTests('node', nodeFiles);
}

if (wants('browser') && browserFiles.length) {
  console.log(`> browser tests (${browserFiles.length} files, ${chromium})`);
  const { code, output } = await run(
    process.execPath,
    ['--import', 'tsx', join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'web-test-runner.config.mjs'],
    { CHROME_PATH: chromium, WTR_FILES: browserFiles.join(',') },
  );
  // @web/test-runner closes with "Chrome: |███| N/N test files | P passed, F failed".
  const m = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  record('browser', Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), code);
}

if (wants('e2e') && e2eFiles.length) {
  console.log(`> end-to-end tests (${e2eFiles.length} files)`);
  process.env.CHROME_PATH = chromium;
  await nodeTests('e2e', e2eFiles, ['--test-concurrency=1']);
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(results.map((r) => `${r.stage}: ${r.passed} passed, ${r.failed} failed`).join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
