// Browser tests: @web/test-runner in Debian's headless Chromium. `npm test` runs this through
// `node --import tsx`, so the config can start the TypeScript sandbox and proxy in-process.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { startTestStack } from './test/support/stack.ts';

const files = process.env.WTR_FILES
  ? process.env.WTR_FILES.split(',')
  : ['test/widget/**/*.test.ts', '!test/widget/**/*.node.test.ts'];

// The sandbox and the proxy for this run (fixed seed and OTP, short delays), started with the
// dev server and described to the tests at /__insurup_env (test/widget/support/env.ts).
let stack;
const testStack = {
  name: 'insurup-test-stack',
  async serverStart({ config }) {
    stack = await startTestStack({ allowedOrigins: [`http://127.0.0.1:${config.port}`] });
  },
  serve(context) {
    if (context.path === '/__insurup_env') {
      const { proxyUrl, sandboxUrl, otp } = stack;
      return { body: JSON.stringify({ proxyUrl, sandboxUrl, otp }), type: 'json' };
    }
    return undefined;
  },
  async serverStop() {
    await stack?.close();
  },
};

// executeServerCommand('default-font-size', { px }): the reader's own browser text size (Chrome's
// Settings → Appearance → Font size), which only the DevTools protocol can set from a test.
const defaultFontSize = {
  name: 'insurup-default-font-size',
  async executeCommand({ command, payload, session }) {
    if (command !== 'default-font-size') return undefined;
    const cdp = await session.browser.getPage(session.id).target().createCDPSession();
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: payload.px } });
    await cdp.detach();
    return true;
  },
};

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Same host name as the proxy, so the refresh cookie is same-site.
  hostname: '127.0.0.1',
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  // a11ySnapshot(): Chromium's accessibility tree, for the names a screen reader announces.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), a11ySnapshotPlugin(), defaultFontSize, testStack],
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
