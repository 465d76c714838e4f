/**
 * End-to-end harness: the `npm start` demo (widget bundle, demo pages, token proxy under
 * /insurup, InsurUp sandbox) in this process on ephemeral ports, driven by Debian's Chromium
 * through playwright-core. Small on purpose:
 *
 *   const demo = await startDemoStack();        // built once per process; fixed OTP, short delays
 *   const browser = await launchBrowser();       // CHROME_PATH or /usr/bin/chromium
 *   const { page, problems } = await openPage(browser, demo.url + '?product=konut');
 *   ...act by labels and roles (Playwright locators reach into shadow roots)...
 *   assert.deepEqual(problems, []);              // console errors, page errors, CSP violations
 *   await demo.readSms(phone)                    // latest SMS code from the sandbox outbox
 *   newIdentity()                                // a fresh valid TCKN and mobile
 *   await focusedText(page), await focusedAttribute(page, 'autocomplete')   // where focus is
 *   await browser.close(); await demo.close();
 *
 * `startDemoStack({ sandbox: { tokenTtl: 5 } })` passes sandbox options through.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWidget, startDemo } from '../../../demo/server.js';
import type { SandboxOptions } from '../../../src/sandbox/index.js';

export const E2E_OTP = '246810';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface DemoStack {
  /** The demo page, `http://127.0.0.1:PORT/`. */
  url: string;
  sandboxUrl: string;
  otp: string;
  /** The latest SMS code sent to a 10-digit mobile (from the sandbox's outbox). */
  readSms(phone: string): Promise<string>;
  close(): Promise<void>;
}

let bundle: Promise<string> | undefined;

/** The widget, built once per process into a temporary directory (parallel runs do not share dist/). */
function builtBundle(): Promise<string> {
  bundle ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insurup-e2e-'));
    await buildWidget(dir);
    process.once('exit', () => void rm(dir, { recursive: true, force: true }));
    return dir;
  })();
  return bundle;
}

export async function startDemoStack(options: { sandbox?: SandboxOptions } = {}): Promise<DemoStack> {
  const bundleDir = await builtBundle();
  const demo = await startDemo({
    port: 0,
    bundleDir,
    sandbox: { otp: E2E_OTP, quoteDelay: [50, 400], seed: 1, ...options.sandbox },
    // One browser plays many customers from one address.
    proxy: {
      rateLimit: {
        perIp: { limit: 100_000, windowMs: 60_000 },
        loginPerIp: { limit: 10_000, windowMs: 60_000 },
        loginPerPhone: { limit: 100, windowMs: 60_000 },
        verifyPerIp: { limit: 10_000, windowMs: 60_000 },
      },
    },
  });
  return {
    url: demo.url,
    sandboxUrl: demo.sandboxUrl,
    otp: options.sandbox?.otp ?? E2E_OTP,
    async readSms(phone: string) {
      const response = await fetch(`${demo.sandboxUrl}/sandbox/sms-outbox?phone=${encodeURIComponent(phone)}`);
      const { messages } = (await response.json()) as { messages: Array<{ code: string }> };
      const latest = messages[0];
      if (!latest) throw new Error(`no SMS for ${phone.slice(0, 3)}…`);
      return latest.code;
    },
    close: () => demo.close(),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
}

/**
 * A new page (own cookies) at `url`. `problems` collects what a user would never want: console
 * errors, uncaught page errors and Content-Security-Policy violations.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1200, height: 900 },
    locale: options.locale ?? 'tr-TR',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, problems };
}

/** The text of the focused element, looking inside shadow roots. */
export function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim();
  });
}

/** An attribute of the focused element (inside shadow roots), e.g. `autocomplete`. */
export function focusedAttribute(page: Page, name: string): Promise<string | null | undefined> {
  return page.evaluate((attribute) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute(attribute);
  }, name);
}

let serial = Math.floor(Math.random() * 1e6);

/** A fresh valid TCKN (checksums) and a mobile number, unique within the run. */
export function newIdentity(): { tckn: string; phone: string; birthDate: string } {
  serial = (serial + 7919) % 1e8;
  const nine = `2${String(serial).padStart(8, '0')}`;
  const d = [...nine].map(Number);
  const tenth = ((((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10) + 10) % 10;
  const eleventh = (d.reduce((a, b) => a + b, 0) + tenth) % 10;
  return { tckn: `${nine}${tenth}${eleventh}`, phone: `54${String(serial).padStart(8, '0')}`, birthDate: '15.06.1990' };
}
