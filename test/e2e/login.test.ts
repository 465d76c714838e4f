/**
 * The demo as a customer uses it: open the page, log in by the visible labels with the code
 * the simulated phone shows, and arrive at the vehicle step; a reload keeps the place.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { focusedAttribute, focusedText, launchBrowser, newIdentity, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import { codeOnPhone, enterCode, requestCode, WORDS } from './support/journey.js';

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

// On a 360×740 phone a field the widget focuses for its error shows with its label, clear of
// the demo's sticky phone bar: with a wrong TCKN, "Doğrulama kodu gönder" used to leave the
// input at the bar's edge and "T.C. kimlik numarası" under the bar.
test('a wrong TCKN sent from the bottom of the login form: the field, its label and its error are in view, none under the bar', async () => {
  const { page, problems } = await openPage(browser, demo.url, { viewport: { width: 360, height: 740 } });
  const w = WORDS.tr;
  const who = newIdentity();
  await page.getByRole('heading', { name: w.loginHeading, exact: true }).waitFor();
  await page.getByLabel(w.tckn).pressSequentially('12345678901');
  await page.getByLabel(w.birthDate).pressSequentially(who.birthDate.replace(/\./g, ''));
  await page.getByLabel(w.phone).pressSequentially(who.phone);
  await page.getByLabel(w.consent).check();
  await page.getByRole('button', { name: w.sendCode }).click();
  await page.waitForFunction(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id === 'identity';
  });
  assert.equal(await focusedAttribute(page, 'id'), 'identity');

  const barBottom = await page.locator('.phone-bar').evaluate((el) => el.getBoundingClientRect().bottom);
  const flow = page.locator('insurup-flow');
  for (const [name, locator] of [
    ['the label', flow.locator('label[for="identity"]')],
    ['the field', page.getByLabel(w.tckn)],
    ['its error', flow.locator('#identity-error')],
  ] as const) {
    const { top, bottom } = await locator.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    assert.ok(top >= barBottom && bottom <= 740, `${name} is in view below the bar (${barBottom}): ${top}–${bottom}`);
  }
  assert.match((await flow.locator('#identity-error').textContent()) ?? '', /T\.C\. kimlik/);

  // Whatever the page scrolls to focus stops below the bar also at its tallest, with a code.
  await page.getByLabel(w.tckn).fill(who.tckn);
  await page.getByRole('button', { name: w.sendCode }).click();
  await page.locator('[data-code]').waitFor();
  const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
  const tallest = await page.locator('.phone-bar').evaluate((el) => el.getBoundingClientRect().bottom);
  assert.ok(padding >= tallest, `scroll-padding-top ${padding} clears the bar with its code (${tallest})`);
  assert.deepEqual(problems, []);
  await page.context().close();
});
