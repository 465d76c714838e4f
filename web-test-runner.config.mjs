// Browser tests: @web/test-runner in Debian's headless Chromium. `npm test` runs this through
// `node --import tsx`, so the config can start the TypeScript sandbox and proxy in-process.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const files = process.env.WTR_FILES
  ? process.env.WTR_FILES.split(',')
  : ['test/widget/**/*.test.ts', '!test/widget/**/*.node.test.ts'];

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Same host name as the proxy, so the refresh cookie is same-site.
  hostname: '127.0.0.1',
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
