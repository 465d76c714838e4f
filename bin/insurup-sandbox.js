#!/usr/bin/env node
// Runs the compiled CLI (dist/node, built by `npm ci` through the prepare script). In a
// checkout where it was not built, runs the TypeScript source through tsx instead.
try {
  await import('../dist/node/sandbox-cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('sandbox-cli')) throw error;
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/sandbox/cli.ts');
}
