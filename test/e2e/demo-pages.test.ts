/**
 * The `npm start` demo as its visitors meet it: a customer buying kasko on the full-flow page
 * (down to the policy PDF's text and the e-mail on the simulated phone), the same purchase under
 * the strict Content-Security-Policy with no violation, the blog page's separate blocks sharing
 * one login on a 360 px phone in English, every page linked and accessible, the themes, and the
 * configurator used by keyboard. One demo stack and one browser for the whole file.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { STRICT_CSP } from '../../demo/pages.js';
import { launchBrowser, newIdentity, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import {
  addRegistryVehicle,
  buyWithBankCard,
  catalogOf,
  logIn,
  payAtTheBank,
  readPdf,
  shownPolicyNumber,
  WORDS,
  type Catalog,
} from './support/journey.js';

let demo: DemoStack;
let browser: Browser;
let catalog: Catalog;

before(async () => {
  demo = await startDemoStack();
  browser = await launchBrowser();
  catalog = await catalogOf(demo);
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

const at = (path: string) => new URL(path, demo.url).href;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('full flow (Turkish): a visitor buys kasko, reads the policy PDF and gets it by e-mail on the simulated phone', async () => {
  const { page, problems } = await openPage(browser, demo.url);
  await page.getByRole('heading', { name: 'Hemen teklif alın, online satın alın' }).waitFor();
  await logIn(page, 'tr', newIdentity());
  await addRegistryVehicle(page, 'tr', catalog);
  const insurer = await buyWithBankCard(page, 'tr', catalog);
  await payAtTheBank(page, 'tr');

  const policyNumber = await shownPolicyNumber(page, 'tr');
  await page.locator('insurup-policy').getByText(insurer, { exact: true }).first().waitFor();

  // "Download": the PDF opens in a new tab; read what it says.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: WORDS.tr.download }).click()]);
  const pdfUrl = tab.url() === 'about:blank' ? (await tab.waitForEvent('framenavigated')).url() : tab.url();
  await tab.close();
  const response = await fetch(pdfUrl);
  assert.match(response.headers.get('content-type') ?? '', /application\/pdf/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), '%PDF');
  const pdf = await readPdf(bytes);
  assert.ok(pdf.pages >= 1, 'the PDF has pages');
  assert.ok(pdf.text.includes(policyNumber), `the PDF names policy ${policyNumber}`);

  // Send it by e-mail: the mail arrives on the simulated phone with the PDF attached.
  await page.getByLabel(WORDS.tr.email).fill('musteri@example.com');
  await page.getByRole('button', { name: WORDS.tr.sendEmail }).click();
  const mail = page.locator('[data-mail] article').first();
  await mail.waitFor();
  assert.match((await mail.textContent()) ?? '', /m\*\*\*@example\.com/);
  const attachment = mail.getByRole('link', { name: /PDF/ });
  const attached = await fetch((await attachment.getAttribute('href'))!);
  assert.equal(Buffer.from(await attached.arrayBuffer()).subarray(0, 4).toString('latin1'), '%PDF');

  assert.deepEqual(problems, []);
  await page.context().close();
});

test('strict CSP: the page is served with exactly the policy and a whole purchase causes no violation', async () => {
  const response = await fetch(at('/csp'));
  assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);

  const { page, problems } = await openPage(browser, at('/csp'));
  const violations = () => problems.filter((p) => p.includes('CSP violation'));
  await page.getByRole('heading', { name: 'Sıkı Content-Security-Policy altında tam akış' }).waitFor();
  await logIn(page, 'tr', newIdentity());
  await addRegistryVehicle(page, 'tr', catalog);
  await buyWithBankCard(page, 'tr', catalog);
  // The page's own counter, read before the browser leaves for the bank.
  assert.equal(await page.locator('[data-csp-violations]').textContent(), '0');
  await payAtTheBank(page, 'tr');
  await shownPolicyNumber(page, 'tr');
  assert.equal(new URL(page.url()).pathname, '/csp', 'the bank sent the customer back to the strict page');
  assert.equal(await page.locator('[data-csp-violations]').textContent(), '0');
  assert.deepEqual(violations(), []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('blog page in English on a 360×740 phone: separate blocks share one login and complete a purchase, nothing scrolls sideways', async () => {
  const { page, problems } = await openPage(browser, at('/cms?lang=en'), { viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const w = WORDS.en;
  const vehicleBlock = page.locator('insurup-vehicle-form');
  const quotesBlock = page.locator('insurup-quotes');
  await page.getByRole('heading', { name: /Comprehensive \(kasko\) or compulsory traffic insurance/ }).waitFor();
  await vehicleBlock.getByText(w.needsLogin).waitFor();
  await quotesBlock.getByText(w.needsLogin).waitFor();
  assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll before login');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);

  await logIn(page, 'en', newIdentity());
  // One login opens every block: the vehicle block stops asking for it.
  await page.locator('insurup-login').getByRole('heading', { name: /^Welcome|^You are logged in/ }).waitFor();
  await vehicleBlock.getByRole('button', { name: w.lookup }).waitFor();
  assert.equal(await vehicleBlock.getByText(w.needsLogin).count(), 0);
  await addRegistryVehicle(page, 'en', catalog);
  await buyWithBankCard(page, 'en', catalog);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'quotes and checkout fit 360 px');
  await payAtTheBank(page, 'en');

  const policyBlock = page.locator('insurup-policy');
  await shownPolicyNumber(policyBlock, 'en');
  assert.equal(new URL(page.url()).pathname, '/cms');
  assert.equal(await page.locator('insurup-login').getByRole('heading', { name: w.loginHeading, exact: true }).count(), 0, 'still logged in after the bank');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'the policy fits 360 px');
  assert.deepEqual(problems, []);
  await page.context().close();
});

const PAGE_HEADINGS: Array<{ link: string; heading: string; english: string }> = [
  { link: 'Blog yazısında bloklar', heading: 'Kasko mu, trafik sigortası mı? Aracınız için doğru seçim', english: 'Blocks in a blog post' },
  { link: 'Temalar', heading: 'Aynı öğe, üç tema', english: 'Themes' },
  { link: 'Sıkı CSP', heading: 'Sıkı Content-Security-Policy altında tam akış', english: 'Strict CSP' },
  { link: 'Yapılandırıcı', heading: 'Yapılandırıcı: sitenize eklenecek kodu hazırlayın', english: 'Configurator' },
  { link: 'Tam akış', heading: 'Hemen teklif alın, online satın alın', english: 'Full flow' },
];

test('every demo page is linked from the full-flow page, switches to English, and passes an axe check', async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Injecting axe is an inline script: the test's own context bypasses the pages' policy.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(demo.url);
  for (const { link, heading, english } of PAGE_HEADINGS) {
    const nav = page.getByRole('navigation', { name: 'Demo sayfaları' });
    await nav.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(await nav.getByRole('link', { name: link }).getAttribute('aria-current'), 'page');
    // Let the elements render their first view before axe reads the page.
    await page.locator(':is(insurup-flow, insurup-login) [part~="heading"]').first().waitFor();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (window as any).axe;
      const { violations } = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(result, [], `${link}: axe violations`);

    // The language switch keeps the visitor on the same page.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Demo pages' }).getByRole('link', { name: english }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByRole('navigation', { name: 'Demo pages' }).getByRole('link', { name: english }).getAttribute('aria-current'), 'page');
    await page.getByRole('link', { name: 'Türkçe' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await context.close();
});

test('themes: three visibly different themes from custom properties and ::part only', async () => {
  const css = await readFile(new URL('../../demo/themes.css', import.meta.url), 'utf8');
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)];
  assert.ok(rules.length >= 6);
  for (const [, selectors, body] of rules) {
    for (const selector of selectors!.split(',').map((s) => s.trim())) {
      assert.match(selector, /^insurup-flow\.theme-[a-z]+(::part\([a-z-]+\))?$/, `selector ${selector}`);
      if (!selector.includes('::part')) {
        for (const declaration of body!.split(';').map((d) => d.trim()).filter(Boolean)) {
          assert.match(declaration, /^--insurup-[a-z-]+:/, `${selector} sets only --insurup-* properties`);
        }
      }
    }
  }

  const { page, problems } = await openPage(browser, at('/theming'));
  await page.locator('#theme-night [part~="heading"]').waitFor();
  const style = (selector: string, property: string) =>
    page.locator(selector).first().evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
  const looks = [];
  for (const id of ['theme-corporate', 'theme-vivid', 'theme-night']) {
    looks.push({
      button: await style(`#${id} [part~="submit-button"]`, 'background-color'),
      radius: await style(`#${id} [part~="submit-button"]`, 'border-top-left-radius'),
      font: await style(`#${id} [part~="heading"]`, 'font-family'),
      backdrop: await style(`#${id}`, 'background-color'),
    });
  }
  for (const key of ['button', 'radius', 'font', 'backdrop'] as const) {
    assert.equal(new Set(looks.map((l) => l[key])).size, 3, `three different ${key}s: ${looks.map((l) => l[key]).join(' | ')}`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('configurator by keyboard: the preview and the snippet follow the choices, and Copy puts the snippet on the clipboard', async () => {
  const { page, problems } = await openPage(browser, at('/configurator'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
  const preview = page.locator('#configurator-preview');
  const snippet = page.locator('[data-snippet]');
  await page.getByRole('checkbox', { name: 'Kasko Dar Paket' }).waitFor();
  await preview.getByRole('heading', { name: 'Giriş yapın' }).waitFor();

  // Product: trafik (arrow keys on the focused select), and its coverage list follows.
  await page.getByLabel('Ürün').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await preview.getAttribute('product'), 'trafik');
  const trafikGroup = page.getByRole('checkbox', { name: 'Trafik Standart' });
  await trafikGroup.waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Kasko Dar Paket' }).count(), 0);
  await trafikGroup.focus();
  await page.keyboard.press('Space');

  // Language: English (arrow keys in the radio group), and the preview speaks it.
  await page.getByRole('radio', { name: 'Türkçe' }).focus();
  await page.keyboard.press('ArrowDown');
  await preview.getByRole('heading', { name: 'Log in', exact: true }).waitFor();

  // Main colour: the preview's buttons take it.
  await page.getByLabel('Ana renk (düğmeler, bağlantılar)').fill('#8b1a1a');
  const buttonColour = await preview.locator('[part~="submit-button"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(buttonColour, 'rgb(139, 26, 26)');

  const { coverageGroups } = (await (await fetch(at('/demo/catalog'))).json()) as { coverageGroups: Array<{ id: string; name: string }> };
  const trafikId = coverageGroups.find((g) => g.name === 'Trafik Standart')!.id;
  const code = (await snippet.textContent())!;
  assert.match(code, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/insurup-elements\.js"><\/script>/);
  assert.ok(code.includes('--insurup-color-primary: #8b1a1a;'), code);
  for (const attribute of ['product="trafik"', 'proxy-url="/insurup"', 'lang="en"', `coverage-group-ids="${trafikId}"`]) {
    assert.ok(code.includes(attribute), `${attribute} in ${code}`);
  }

  // Copy with the keyboard: Enter on the button, a spoken confirmation, the clipboard holds it.
  await page.getByRole('button', { name: 'Kodu kopyala' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Kod panoya kopyalandı.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  // The snippet works as pasted: on a blank page of this site it renders the configured flow.
  const blank = await page.context().newPage();
  await blank.goto(at('/demo/kvkk.html'));
  await blank.evaluate((html) => {
    const range = document.createRange();
    document.body.replaceChildren(range.createContextualFragment(html));
  }, code);
  await blank.locator('insurup-flow').getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  await blank.close();

  assert.deepEqual(problems, []);
  await page.context().close();
});
