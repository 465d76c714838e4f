/**
 * The sandbox and the token proxy as tests use them: on loopback, ephemeral ports, the fixed
 * seed, the fixed OTP and short quote delays. Used by the browser tests' runner config, the
 * end-to-end tests and the benchmarks.
 */
import { startSandbox } from '../../src/sandbox/node.js';
import { startProxy } from '../../src/proxy/node.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';

export const TEST_OTP = '123456';
export const TEST_AGENT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

export interface TestStack {
  sandboxUrl: string;
  proxyUrl: string;
  otp: string;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Origins the proxy lets in (the test page's origin). */
  allowedOrigins: string[];
  sandbox?: SandboxOptions;
  /** Extra proxy options (rate limits are raised for tests unless given). */
  proxy?: Partial<Parameters<typeof startProxy>[0]>;
}

export async function startTestStack(options: TestStackOptions): Promise<TestStack> {
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    seed: 1,
    otp: TEST_OTP,
    quoteDelay: [30, 400],
    log: () => {},
    ...options.sandbox,
  });
  const proxy = await startProxy({
    port: 0,
    host: '127.0.0.1',
    upstream: sandbox.url,
    agentId: TEST_AGENT_ID,
    allowedOrigins: options.allowedOrigins,
    // The test page and the proxy are both on http://127.0.0.1 (different ports).
    secureCookies: false,
    // One browser logs in hundreds of customers from one IP during a run.
    rateLimit: {
      perIp: { limit: 1_000_000, windowMs: 60_000 },
      loginPerPhone: { limit: 1000, windowMs: 60_000 },
      loginPerIp: { limit: 100_000, windowMs: 60_000 },
      verifyPerToken: { limit: 1000, windowMs: 60_000 },
      verifyPerIp: { limit: 100_000, windowMs: 60_000 },
    },
    log: () => {},
    ...options.proxy,
  });
  return {
    sandboxUrl: sandbox.url,
    proxyUrl: proxy.url,
    otp: TEST_OTP,
    async close() {
      await proxy.close();
      await sandbox.close();
    },
  };
}
