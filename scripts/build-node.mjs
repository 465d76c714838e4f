#!/usr/bin/env node
// Compiles the Node entries (sandbox, proxy) to dist/node/ with esbuild, because Node 20 cannot
// run TypeScript. Runs on `npm ci` (prepare) and in `npm run build`; takes well under a second.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const entryPoints = {
  'sandbox-cli': 'src/sandbox/cli.ts',
  sandbox: 'src/sandbox/index.ts',
  'proxy-cli': 'src/proxy/cli.ts',
  proxy: 'src/proxy/index.ts',
  'proxy-node': 'src/proxy/node.ts',
  'sandbox-node': 'src/sandbox/node.ts',
  contract: 'src/contract/index.ts',
};
const present = Object.fromEntries(
  Object.entries(entryPoints).filter(([, file]) => existsSync(root + file)),
);

await build({
  absWorkingDir: root,
  entryPoints: present,
  outdir: 'dist/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built dist/node: ${Object.keys(present).join(', ') || '(nothing yet)'}`);
