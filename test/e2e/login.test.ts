/**
 * The demo as a customer uses it: open the page, log in by the visible labels with the code
 * the simulated phone shows, and arrive at the vehicle step; a reload keeps the place.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { focusedAttribute, focusedText, launchBrowser, newIdentity, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import { codeOnPhone, enterCode, requestCode } from './support/journey.js';

let demo: DemoStack;
let browser: Browser;

before(async () => {
  demo = await startDemoStack();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('a customer logs in on the demo page and reaches the vehicle step', async () => {
  const { page, problems } = await openPage(browser, demo.url);
  const who = newIdentity();

  await requestCode(page, 'tr', who);

  // The code arrives on the simulated phone beside the form.
  const code = await codeOnPhone(page);
  assert.equal(code, await demo.readSms(who.phone));
  assert.equal(await focusedAttribute(page, 'autocomplete'), 'one-time-code');
  await enterCode(page, 'tr', code);

  await page.getByRole('heading', { name: 'Aracınız' }).waitFor();
  assert.equal(await page.locator('insurup-flow [aria-current="step"]').innerText().then((t) => t.replace(/\s+/g, ' ').trim()), '2 Araç');
  assert.equal(await focusedText(page), 'Aracınız');
  assert.deepEqual(problems, []);

  // A reload resumes at the same step through the proxy's refresh cookie.
  await page.reload();
  await page.getByRole('heading', { name: 'Aracınız' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Giriş yapın' }).count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});
