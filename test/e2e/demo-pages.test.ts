/**
 * The `npm start` demo as its visitors meet it: a customer buying kasko on the full-flow page
 * (down to the policy PDF's text and the e-mail on the simulated phone), the same purchase under
 * the strict Content-Security-Policy with no violation, the blog page's separate blocks sharing
 * one login on a 360 px phone in English, the simulated phone on a 360 px phone (the code in view
 * at once, only this visitor's codes), the sales case carrying the vehicle once quotes are asked
 * for, every page linked and accessible, the themes (Turkish capitals right), and the
 * configurator: used by keyboard, its HTML and CSS pasted into a strict-CSP agency page, and its
 * default code, as pasted, getting a new customer as far as quotes. One demo stack and one
 * browser for the whole file.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { STRICT_CSP } from '../../demo/pages.js';
import { launchBrowser, newIdentity, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import {
  addRegistryVehicle,
  buyWithBankCard,
  catalogOf,
  customerApi,
  logIn,
  logInNewCustomer,
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

/** Where a locator is in the viewport now (no scrolling), in CSS pixels. */
async function boxOf(locator: Locator): Promise<{ top: number; bottom: number }> {
  return locator.evaluate((el) => {
    const { top, bottom } = el.getBoundingClientRect();
    return { top, bottom };
  });
}

/** True when the element's centre is what the visitor sees there (not under a sticky bar). */
async function onTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const { left, top, width, height } = el.getBoundingClientRect();
    let hit: Element | null = document.elementFromPoint(left + width / 2, top + height / 2);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(left + width / 2, top + height / 2);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit === el || el.contains(hit);
  });
}

/**
 * An agency's own page on this site (same origin, so the demo's proxy and bundle are 'self')
 * under the strict policy the README advertises, with the configurator's HTML pasted into its
 * body and its CSS, if any, in the site's stylesheet (never inline). The page is a plain demo
 * document rewritten in place, the policy in its head as a meta tag (the same directives a
 * header would carry), so the browser treats it as the local page it is.
 */
async function agencyPage(context: BrowserContext, html: string, css = ''): Promise<{ page: Page; problems: string[] }> {
  await context.route(at('/agency/style.css'), (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/css; charset=utf-8' }, body: `body { font-family: serif; }\n${css}\n` }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(at('/demo/kvkk.html'));
  await page.setContent(`<!doctype html><html lang="tr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<title>Kasko teklifi</title><link rel="stylesheet" href="/agency/style.css"></head>
<body><main><h1>Kasko teklifi alın</h1>
${html}
</main></body></html>`);
  return { page, problems };
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
  // Another visitor's mailbox does not show it.
  const other = await openPage(browser, demo.url);
  assert.deepEqual(await other.page.evaluate(() => fetch('/demo/mail').then((r) => r.json())), { messages: [] });
  await other.page.context().close();

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

test('simulated phone on a 360×740 phone: the code shows in a bar at the top, in view with the code field, without scrolling', async () => {
  const { page, problems } = await openPage(browser, demo.url, { viewport: { width: 360, height: 740 } });
  const w = WORDS.tr;
  const who = newIdentity();
  const bar = page.locator('.phone-bar');
  const details = page.getByRole('button', { name: 'Ayrıntılar' });
  await page.getByRole('heading', { name: w.loginHeading, exact: true }).waitFor();
  // Before any SMS: a compact bar above the form, the rest folded away.
  assert.ok((await boxOf(bar)).bottom < (await boxOf(page.getByRole('heading', { name: w.loginHeading, exact: true }))).top, 'the bar is above the form');
  assert.equal(await details.getAttribute('aria-expanded'), 'false');
  await page.getByText('SMS kodunuz burada görünür.').waitFor();
  assert.equal(await page.getByText('Deneme bilgileri').isVisible(), false);

  await page.getByLabel(w.tckn).pressSequentially(who.tckn);
  await page.getByLabel(w.birthDate).pressSequentially(who.birthDate.replace(/\./g, ''));
  await page.getByLabel(w.phone).pressSequentially(who.phone);
  await page.getByLabel(w.consent).check();
  await page.getByRole('button', { name: w.sendCode }).click();
  const codeField = page.getByLabel(w.code);
  await codeField.waitFor();
  const code = page.locator('[data-code]');
  await code.waitFor();
  assert.equal((await code.textContent())?.trim(), await demo.readSms(who.phone));
  // Both in view as they are (nothing scrolled), and the bar covers neither the field nor its label.
  const codeLabel = page.locator('insurup-flow').getByText(w.code, { exact: true });
  for (const [name, locator] of [['the code', code], ['the code field', codeField], ['its label', codeLabel]] as const) {
    const box = await boxOf(locator);
    assert.ok(box.top >= 0 && box.bottom <= 740, `${name} is in view: ${JSON.stringify(box)}`);
    assert.ok(await onTop(locator), `${name} is not covered`);
  }
  assert.ok((await boxOf(bar)).bottom <= 740 * 0.15, 'the bar stays compact');

  // Details opens the whole phone: the SMS itself (number masked) and the test data.
  await details.click();
  assert.equal(await details.getAttribute('aria-expanded'), 'true');
  const sms = page.locator('[data-phone]');
  await sms.getByText(/doğrulama kodunuz/i).waitFor();
  const shown = (await sms.textContent()) ?? '';
  assert.match(shown, new RegExp(`\\+90 ${who.phone.slice(0, 3)} \\*\\*\\* \\*\\* ${who.phone.slice(8)}`));
  assert.ok(!shown.includes(who.phone), 'the number is masked');
  await page.getByText('Deneme bilgileri').waitFor();
  await details.click();
  assert.equal(await details.getAttribute('aria-expanded'), 'false');

  // After the login the focused step heading is not hidden under the sticky bar.
  await codeField.pressSequentially((await code.textContent())!.trim());
  await page.keyboard.press('Enter');
  const vehicleHeading = page.getByRole('heading', { name: w.vehicleHeading, exact: true });
  await vehicleHeading.waitFor();
  await page.waitForFunction(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim() === 'Aracınız';
  });
  assert.ok((await boxOf(vehicleHeading)).top >= (await boxOf(bar)).bottom, 'the focused heading is below the bar');
  assert.ok(await onTop(vehicleHeading), 'the focused heading is not covered');
  assert.deepEqual(problems, []);

  // Another visitor's phone shows none of this visitor's codes.
  const other = await openPage(browser, demo.url, { viewport: { width: 360, height: 740 } });
  await other.page.getByText('SMS kodunuz burada görünür.').waitFor();
  assert.deepEqual(await other.page.evaluate(() => fetch('/demo/sms').then((r) => r.json())), {});
  assert.equal(await other.page.locator('[data-code]').isVisible(), false);
  const mine = await page.evaluate(() => fetch('/demo/sms').then((r) => r.json()));
  assert.equal(mine.code, (await code.textContent())!.trim());
  assert.ok(!JSON.stringify(mine).includes(who.phone), 'the number is masked');
  await other.page.context().close();
  await page.context().close();
});

test('the sales case: created before the vehicle is entered, it carries the chosen vehicle once quotes are asked for', async () => {
  const { page, problems } = await openPage(browser, demo.url);
  const who = newIdentity();
  await logIn(page, 'tr', who);
  await addRegistryVehicle(page, 'tr', catalog);
  await page.getByRole('heading', { name: WORDS.tr.quotesHeading, exact: true }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: /^Satın al: / }).first().waitFor({ timeout: 30_000 });

  const api = await customerApi(demo, who);
  const car = catalog.registry[0]!;
  const vehicles = (await api.get('/api/customers/me/vehicles')) as Array<{ id: string; plate: { city: number; code: string } }>;
  const vehicle = vehicles.find((v) => v.plate.city === car.plate.city && v.plate.code === car.plate.code);
  assert.ok(vehicle, 'the chosen vehicle was saved');
  const cases = await api.openCases('KASKO');
  assert.equal(cases.length, 1, 'one open kasko case');
  assert.equal(cases[0]!.assetType, 'VEHICLE');
  assert.equal(cases[0]!.assetId, vehicle.id);

  // The guide's order: the case was opened before the vehicle was entered (so without it).
  const recorded = (await (await fetch(`${demo.sandboxUrl}/sandbox/requests`)).json()) as {
    requests: Array<{ id: number; method: string; path: string; body: any; status: number }>;
  };
  const created = recorded.requests.find((r) => r.path === '/api/cases:new-sale-opportunity' && r.body?.customerId === api.customerId);
  const saved = recorded.requests.find((r) => r.method === 'POST' && r.path === `/api/customers/${api.customerId}/vehicles`);
  assert.ok(created && saved, 'both requests were recorded');
  assert.ok(created.id < saved.id, 'the case came first');
  assert.equal(created.body.assetId, null);
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

  // Turkish letters stay right: no theme synthesizes small capitals (which drew "Giriş yapın"
  // as "GIRIŞ YAPIN"), and text drawn in other case (innerText is what the browser draws after
  // text-transform) is the Turkish capital form ("GİRİŞ", never "GIRIŞ").
  for (const id of ['theme-corporate', 'theme-vivid', 'theme-night']) {
    for (const part of ['heading', 'submit-button']) {
      const element = page.locator(`#${id} [part~="${part}"]`).first();
      assert.equal(await style(`#${id} [part~="${part}"]`, 'font-variant-caps'), 'normal', `${id} ${part}: no synthesized small capitals`);
      const { text, drawn } = await element.evaluate((el) => ({ text: el.textContent!.trim(), drawn: (el as HTMLElement).innerText.trim() }));
      if (drawn !== text) assert.equal(drawn, text.toLocaleUpperCase('tr'), `${id} ${part}`);
    }
  }
  assert.equal(await page.locator('#theme-corporate [part~="heading"]').first().innerText(), 'Giriş yapın');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('configurator by keyboard: the preview, the HTML and the CSS follow the choices; each Copy puts its code on the clipboard', async () => {
  const { page, problems } = await openPage(browser, at('/configurator'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
  const preview = page.locator('#configurator-preview');
  const html = page.locator('[data-snippet]');
  const css = page.locator('[data-snippet-css]');
  const { coverageGroups } = (await (await fetch(at('/demo/catalog'))).json()) as { coverageGroups: Array<{ id: string; name: string }> };
  const idOf = (name: string) => coverageGroups.find((g) => g.name === name)!.id;
  // Quotes need a package: the product's first one starts chosen.
  const kaskoGroup = page.getByRole('checkbox', { name: 'Kasko Dar Paket' });
  await kaskoGroup.waitFor();
  assert.equal(await kaskoGroup.isChecked(), true);
  await preview.getByRole('heading', { name: 'Giriş yapın' }).waitFor();
  await page.getByText('Renkleri ve köşeleri değiştirmediniz: CSS gerekmez.').waitFor();

  // Product: trafik (arrow keys on the focused select), and its coverage list follows.
  await page.getByLabel('Ürün').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await preview.getAttribute('product'), 'trafik');
  const standard = page.getByRole('checkbox', { name: 'Trafik Standart' });
  const withImm = page.getByRole('checkbox', { name: "Trafik + İMM'li Paket" });
  await standard.waitFor();
  assert.equal(await kaskoGroup.count(), 0);
  assert.equal(await standard.isChecked(), true);
  // The last chosen package cannot be unticked, and the page says why.
  await standard.focus();
  await page.keyboard.press('Space');
  assert.equal(await standard.isChecked(), true);
  await page.getByRole('status').filter({ hasText: 'En az bir paket seçili kalmalı' }).waitFor();
  // Another one first, then the first can go.
  await withImm.focus();
  await page.keyboard.press('Space');
  await standard.focus();
  await page.keyboard.press('Space');
  assert.deepEqual([await standard.isChecked(), await withImm.isChecked()], [false, true]);
  assert.equal(await preview.getAttribute('coverage-group-ids'), idOf("Trafik + İMM'li Paket"));

  // Language: English (arrow keys in the radio group), and the preview speaks it.
  await page.getByRole('radio', { name: 'Türkçe' }).focus();
  await page.keyboard.press('ArrowDown');
  await preview.getByRole('heading', { name: 'Log in', exact: true }).waitFor();

  // Main colour: the preview's buttons take it.
  await page.getByLabel('Ana renk (düğmeler, bağlantılar)').fill('#8b1a1a');
  const buttonColour = await preview.locator('[part~="submit-button"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(buttonColour, 'rgb(139, 26, 26)');

  // The agency's details.
  await page.getByLabel('KVKK aydınlatma metninizin adresi').fill('/gizlilik/kvkk/');
  await page.getByLabel('Acente telefonu').fill('+90 212 555 00 00');
  await page.getByLabel('İletişim sayfası').fill('/iletisim/');

  // The script address: where the agency uploaded the files; emptied, this demo's copy.
  const scriptAddress = page.getByLabel('Betik dosyasının adresi');
  assert.match(await scriptAddress.inputValue(), /^http:\/\/127\.0\.0\.1:\d+\/dist\/insurup-elements\.js$/);
  await scriptAddress.fill('/wp-content/uploads/insurup/insurup-elements.js');
  assert.match((await html.textContent())!, /^<script type="module" src="\/wp-content\/uploads\/insurup\/insurup-elements\.js"><\/script>\n/);
  await scriptAddress.fill('');

  // The HTML: the script and the element, nothing inline; the colour is in the CSS only.
  const code = (await html.textContent())!;
  assert.match(code, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/insurup-elements\.js"><\/script>\n<insurup-flow\n/);
  assert.ok(!/<style|style=|--insurup/.test(code), `no inline style in ${code}`);
  for (const attribute of ['product="trafik"', 'proxy-url="/insurup"', 'lang="en"', `coverage-group-ids="${idOf("Trafik + İMM'li Paket")}"`,
    'kvkk-url="/gizlilik/kvkk/"', 'agency-phone="+90 212 555 00 00"', 'contact-url="/iletisim/"']) {
    assert.ok(code.includes(attribute), `${attribute} in ${code}`);
  }
  const stylesheet = (await css.textContent())!;
  assert.equal(stylesheet, 'insurup-flow {\n  --insurup-color-primary: #8b1a1a;\n}');
  await page.getByText(/temanızın \(tercihen alt temanızın\) style\.css dosyasına ya da Görünüm → Özelleştir → Ek CSS’e/).waitFor();
  await page.getByText(/sıkı Content-Security-Policy kullanan bir sitede onun yerine style\.css’i kullanın/).waitFor();

  // Copy with the keyboard: Enter on each button, a spoken confirmation, the clipboard holds it.
  await page.getByRole('button', { name: 'HTML kodunu kopyala' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'HTML kodu panoya kopyalandı.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await page.getByRole('button', { name: 'CSS’i kopyala' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'CSS panoya kopyalandı.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), stylesheet);

  // Pasted as told on a strict-CSP agency page (HTML in the page, CSS in its stylesheet): the
  // flow renders in the chosen colour with no violation.
  const agency = await agencyPage(page.context(), code, stylesheet);
  const submit = agency.page.locator('insurup-flow [part~="submit-button"]').first();
  await agency.page.locator('insurup-flow').getByRole('heading', { name: 'Log in', exact: true }).waitFor();
  assert.equal(await submit.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(139, 26, 26)');
  assert.equal(await agency.page.locator('insurup-flow').getByRole('link', { name: /privacy notice \(KVKK\)/ }).getAttribute('href'), '/gizlilik/kvkk/');
  assert.deepEqual(agency.problems, []);
  await agency.page.close();

  assert.deepEqual(problems, []);
  await page.context().close();
});

test('configurator: its default code, pasted as is on a strict-CSP page, takes a new customer as far as the quotes', async () => {
  const { page, problems } = await openPage(browser, at('/configurator'));
  await page.getByRole('checkbox', { name: 'Kasko Dar Paket', checked: true }).waitFor();
  const code = (await page.locator('[data-snippet]').textContent())!;
  assert.ok(code.includes('kvkk-url="/kvkk-aydinlatma-metni/"'), code);

  const agency = await agencyPage(page.context(), code);
  await logInNewCustomer(agency.page, demo);
  await addRegistryVehicle(agency.page, 'tr', catalog);
  await agency.page.getByRole('heading', { name: WORDS.tr.quotesHeading, exact: true }).waitFor({ timeout: 20_000 });
  // Quotes arrive: a Buy button names an insurer and the configured package.
  await agency.page.getByRole('button', { name: /^Satın al: .+, Kasko Dar Paket$/ }).first().waitFor({ timeout: 30_000 });
  assert.deepEqual(agency.problems, []);
  await agency.page.close();
  assert.deepEqual(problems, []);
  await page.context().close();
});
