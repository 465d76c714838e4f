#!/usr/bin/env node
// `npm run size`: gzip -9 sizes of the entry chunk and of every chunk of the widget build.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist', import.meta.url).pathname;
const entry = join(dist, 'insurup-elements.js');
if (!existsSync(entry)) {
  console.error('dist/insurup-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node' || name === 'types' ? [] : files(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

export function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const all = files(dist);
const sizes = all.map((path) => ({ path: relative(dist, path), gzip: gzipSize(path) }));
const entrySize = gzipSize(entry);
const total = sizes.reduce((n, s) => n + s.gzip, 0);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ entry: entrySize, total, files: sizes }));
} else {
  for (const s of sizes.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.path}`);
  console.log(`entry chunk (gzip -9): ${kb(entrySize)}`);
  console.log(`all chunks  (gzip -9): ${kb(total)}`);
}
