/**
 * Paying on the demo page, end to end, as a customer does: log in, TSS health details, quotes,
 * checkout, then the sandbox's bank / provider / insurer page in the same tab, and back to the
 * agency's page. Checks what a customer (and an attacker) would notice: the policy and its PDF,
 * a declined card, one charge for a double click, a forged "success" link, a reload of the
 * return page, and that nothing readable by page script keeps the card or the refresh token.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { focusedText, launchBrowser, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import { logInNewCustomer } from './support/journey.js';

let demo: DemoStack;
let browser: Browser;

interface CatalogInsurer {
  id: number;
  name: string;
  productType: 'WEB_SERVICE' | 'ROBOT';
  branches: string[];
  supportedPaymentOptions: string[];
}
let insurers: CatalogInsurer[];

const CARD = { number: '4111111111111111', grouped: '4111 1111 1111 1111', cvc: '918', holder: 'Ayşe Yılmaz' };
const EXPIRY = `08${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

type Option = 'ASYNC_3D_SECURE' | 'ASYNC_THIRD_PARTY_3D_SECURE' | 'ASYNC_INSURANCE_COMPANY_REDIRECT';
const RADIO: Record<Option, RegExp> = {
  ASYNC_3D_SECURE: /bankanızın 3-D Secure doğrulaması/,
  ASYNC_THIRD_PARTY_3D_SECURE: /güvenli ödeme kuruluşu ile 3-D Secure/,
  ASYNC_INSURANCE_COMPANY_REDIRECT: /Sigorta şirketinin ödeme sayfasında öde/,
};

before(async () => {
  demo = await startDemoStack();
  browser = await launchBrowser();
  ({ insurers } = (await (await fetch(`${demo.sandboxUrl}/sandbox/catalog`)).json()) as { insurers: CatalogInsurer[] });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/**
 * The harness's problems minus one expected "Failed to load resource" line: a new customer's
 * health info answers 404 (the reference: "404 = not filled yet").
 */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/status of 404 .*\/api\/customers\/[^/]+\/health-info\)$/.test(p));
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function purchaseCount(): Promise<number> {
  const response = await fetch(`${demo.sandboxUrl}/sandbox/requests?path=${encodeURIComponent('/purchase/async$')}`);
  const { requests } = (await response.json()) as { requests: Array<{ method: string }> };
  return requests.filter((r) => r.method === 'POST').length;
}

/** Everything page script can read: each storage entry (`key=value`) and each cookie. */
async function readableEntries(page: Page): Promise<string[]> {
  // A string, not a function: the test loader's helpers (esbuild's __name) do not exist in the page.
  return page.evaluate<string[]>(
    `[sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => k + '=' + s.getItem(k))).concat(document.cookie.split('; '))`,
  );
}

/** A string as it is, URL-decoded, and with each base64-looking token decoded. */
function readableForms(value: string): string[] {
  const forms = [value];
  try {
    forms.push(decodeURIComponent(value));
  } catch {
    // not URL-encoded
  }
  for (const token of value.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
    forms.push(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'));
  }
  return forms;
}

/**
 * The card secrets found in what page script can read, in any form: the card number as its
 * digits in order whatever separates them (spaces, dashes, a JSON number, split over fields or
 * entries), the CVC as a number of its own (a string, a JSON number, `=918`, `cvc918`, spaced),
 * URL-encoded or base64 too, and card-like field names.
 */
function secretsIn(entries: readonly string[]): string[] {
  const text = entries.flatMap(readableForms).join('\n');
  const found: string[] = [];
  if (text.replace(/\D/g, '').includes(CARD.number)) found.push('card number');
  const cvc = CARD.cvc.split('').join('[\\s.-]?');
  if (
    new RegExp(`(?<![0-9A-Za-z])${cvc}(?![0-9A-Za-z])`).test(text) ||
    new RegExp(`(cvc|cvv|cvn|csc|cid|security)\\W*${cvc}`, 'i').test(text)
  ) {
    found.push('CVC');
  }
  if (/"(card|cvc|cvv|number|cardNumber|securityCode)"\s*:/i.test(text)) found.push('a card field');
  return found;
}

/**
 * Nothing page script can read (both storages, document.cookie) holds the card number, the
 * CVC or the refresh token; the refresh cookie is HttpOnly.
 */
async function assertNothingSecretReadable(page: Page, where: string): Promise<void> {
  const entries = await readableEntries(page);
  assert.deepEqual(secretsIn(entries), [], `${where}: card data readable by page script`);
  const readable = entries.join('\n');
  const cookies = await page.context().cookies();
  const refresh = cookies.filter((c) => /refresh/i.test(c.name));
  for (const cookie of refresh) {
    assert.equal(cookie.httpOnly, true, `${where}: refresh cookie must be HttpOnly`);
    assert.ok(!readable.includes(cookie.value), `${where}: refresh token readable`);
  }
  assert.ok(!/refresh/i.test(await page.evaluate(() => document.cookie)), `${where}: refresh cookie visible to script`);
}

test('the secret check finds the card number and the CVC in any form page script could read', () => {
  const base64 = (s: string) => Buffer.from(s).toString('base64');
  const leaks = [
    `insurup:v1:x={"pan":${CARD.number}}`,
    `draft=${CARD.grouped}`,
    'draft=4111-1111-1111-1111',
    'draft={"a":"4111 1111","b":"1111 1111"}',
    `k=${encodeURIComponent(JSON.stringify({ pan: CARD.grouped }))}`,
    `k=${base64(JSON.stringify({ p: CARD.number }))}`,
    `k={"c":${CARD.cvc}}`,
    `k={"c":"${CARD.cvc}"}`,
    `pay=c%3D${CARD.cvc}`,
    `k=cvc${CARD.cvc}`,
    `k=${CARD.cvc.split('').join(' ')}`,
    `k=${base64(`{"c":"${CARD.cvc}"}`)}`,
  ];
  for (const leak of leaks) assert.notDeepEqual(secretsIn([leak]), [], `not caught: ${leak}`);
  // What the widget does keep (ids, a step, a marker, prices, timestamps) is not mistaken for card data.
  const state = {
    product: 'tss', step: 'checkout', customerId: '64f1c2ab918e4d0a91827364', caseId: null, asset: null, assetReady: true,
    proposalId: 'a918b7c6d5e4f3a2b1c0d9e8', purchase: { proposalProductId: '918aa7c6d5e4f3a2b1c0d918', paymentType: '3d-secure',
      returnMarker: 'c0ffee918c0ffee918c0ffee918c0ff', startedAt: 1764300918123 },
    selection: { grossPremium: 5918.62, installmentNumber: 9, insuranceCompanyName: 'Kervan Sigorta' },
  };
  assert.deepEqual(secretsIn([`insurup:v1:flow=${JSON.stringify(state)}`, 'insurup:v1:utm={"source":"google","campaign":"kasko-kis"}']), []);
});

/** A new customer on the TSS page: login, height and weight, until every insurer answered. */
async function toQuotes(page: Page): Promise<void> {
  await logInNewCustomer(page, demo);
  await page.getByRole('heading', { name: 'Sağlık bilgileriniz' }).waitFor();
  await page.getByLabel('Boy (cm)').pressSequentially('176');
  await page.getByLabel('Kilo (kg)').pressSequentially('71');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Teklifler', exact: true }).waitFor({ timeout: 20_000 });
  await page.getByText('Tüm sigorta şirketleri yanıt verdi.').waitFor({ timeout: 30_000 });
}

/** Buys from an insurer that offers `option` and quoted: on to checkout. Answers its name. */
async function buyFrom(page: Page, option: Option): Promise<string> {
  const candidates = insurers.filter(
    (i) => i.productType === 'WEB_SERVICE' && i.branches.includes('TSS') && i.supportedPaymentOptions.includes(option),
  );
  for (const insurer of candidates) {
    // "Satın al: <insurer>" (and ", <package>": one card per package) for screen readers.
    const buy = page.getByRole('button', { name: new RegExp(`^Satın al: ${escapeRegex(insurer.name)}(, |$)`) });
    if ((await buy.count()) === 0) continue;
    await buy.first().click();
    await page.getByRole('heading', { name: 'Ödeme', exact: true }).waitFor();
    assert.equal(await focusedText(page), 'Ödeme');
    await page.getByRole('radio', { name: RADIO[option] }).waitFor();
    return insurer.name;
  }
  throw new Error(`no quote from an insurer offering ${option}`);
}

async function fillCard(page: Page): Promise<void> {
  await page.getByLabel('Kart üzerindeki ad soyad').fill(CARD.holder);
  await page.getByLabel('Kart numarası', { exact: true }).pressSequentially(CARD.number);
  assert.equal(await page.getByLabel('Kart numarası', { exact: true }).inputValue(), CARD.grouped);
  await page.getByLabel('Son kullanma tarihi').pressSequentially(EXPIRY);
  await page.getByLabel('Güvenlik kodu (CVC)').fill(CARD.cvc);
}

async function confirmInformationForm(page: Page): Promise<void> {
  await page.getByLabel('Ön Bilgilendirme Formu’nu okudum ve onaylıyorum.').check();
}

function payButton(page: Page) {
  return page.getByRole('button', { name: / öde$/ });
}

/** Pays with a card type and waits for the bank / provider page. */
async function payByCard(page: Page, option: 'ASYNC_3D_SECURE' | 'ASYNC_THIRD_PARTY_3D_SECURE'): Promise<void> {
  await page.getByRole('radio', { name: RADIO[option] }).check();
  await fillCard(page);
  await confirmInformationForm(page);
  await assertNothingSecretReadable(page, 'card typed');
  await payButton(page).click();
  await page.waitForURL(/\/pay\//);
}

/** Back on the agency's page after an approved payment: the policy step. */
async function expectPolicy(page: Page, insurer: string): Promise<void> {
  await page.getByRole('heading', { name: 'Poliçeniz' }).waitFor({ timeout: 20_000 });
  await page.getByText('Poliçeniz hazır.', { exact: false }).waitFor();
  await page.getByText(insurer, { exact: true }).first().waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('insurup_return'), null, 'return marker left in the address bar');
  assert.equal(url.searchParams.get('success'), null, 'success flag left in the address bar');
  assert.equal(url.searchParams.get('product'), 'tss', "the page's own parameters stay");
}

test('3-D Secure approved: the policy is shown and its PDF downloads', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_3D_SECURE');
  await payByCard(page, 'ASYNC_3D_SECURE');
  // The bank's page shows only the masked card.
  assert.ok((await page.content()).includes('************1111'));
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(page, insurer);
  await assertNothingSecretReadable(page, 'policy shown');

  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Poliçeyi indir (PDF)' }).click(),
  ]);
  const pdfUrl = tab.url() === 'about:blank' ? (await tab.waitForEvent('framenavigated')).url() : tab.url();
  const pdf = await fetch(pdfUrl);
  assert.equal(pdf.status, 200);
  assert.match(pdf.headers.get('content-type') ?? '', /application\/pdf/);
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
  await tab.close();
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test('declined at the bank: a clear message, then a second attempt succeeds', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_3D_SECURE');
  await payByCard(page, 'ASYNC_3D_SECURE');
  await page.getByRole('button', { name: 'Ödemeyi reddet' }).click();

  await page.getByRole('heading', { name: 'Ödemeniz tamamlanmadı' }).waitFor({ timeout: 20_000 });
  assert.equal(await focusedText(page), 'Ödemeniz tamamlanmadı');
  assert.equal(await page.getByRole('heading', { name: 'Poliçeniz' }).count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('error'), null);
  await assertNothingSecretReadable(page, 'declined');
  // The card was never kept: it must be typed again.
  assert.equal(await page.getByLabel('Kart numarası', { exact: true }).inputValue(), '');

  await page.getByRole('button', { name: 'Tekrar dene' }).click();
  await fillCard(page);
  await confirmInformationForm(page);
  await payButton(page).click();
  await page.waitForURL(/\/pay\//);
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(page, insurer);
  await assertNothingSecretReadable(page, 'second attempt');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test("insurer redirect: no card on the agency's page, paid on the insurer's own page", async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_INSURANCE_COMPANY_REDIRECT');
  await page.getByRole('radio', { name: RADIO.ASYNC_INSURANCE_COMPANY_REDIRECT }).check();
  assert.equal(await page.getByLabel('Kart numarası', { exact: true }).count(), 0);
  await confirmInformationForm(page);
  await payButton(page).click();
  await page.waitForURL(/\/pay\//);
  await page.getByRole('heading', { name: 'Güvenli ödeme' }).waitFor();
  await page.getByLabel('Kart numarası').fill(CARD.number);
  await page.getByLabel('Son kullanma (AA/YY)').fill(`${EXPIRY.slice(0, 2)}/${EXPIRY.slice(2)}`);
  await page.getByLabel('Güvenlik kodu (CVC)').fill(CARD.cvc);
  await page.getByLabel('Kart üzerindeki ad').fill(CARD.holder);
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(page, insurer);
  await assertNothingSecretReadable(page, 'insurer page');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test("third-party 3-D Secure: verified on the provider's page", async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_THIRD_PARTY_3D_SECURE');
  await payByCard(page, 'ASYNC_THIRD_PARTY_3D_SECURE');
  await page.getByText('Güvenpara Ödeme Hizmetleri').waitFor();
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(page, insurer);
  await assertNothingSecretReadable(page, 'third party');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test('a double click on Pay sends exactly one purchase', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  await buyFrom(page, 'ASYNC_3D_SECURE');
  await page.getByRole('radio', { name: RADIO.ASYNC_3D_SECURE }).check();
  await fillCard(page);
  await confirmInformationForm(page);
  const before = await purchaseCount();
  await payButton(page).dblclick();
  await page.waitForURL(/\/pay\//);
  assert.equal((await purchaseCount()) - before, 1, 'the sandbox saw more than one purchase');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test('a forged ?success=true return for an unpaid product shows no policy', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  await buyFrom(page, 'ASYNC_3D_SECURE');
  await payByCard(page, 'ASYNC_3D_SECURE');
  // Instead of paying, go straight to the return address with a made-up success.
  const response = await fetch(`${demo.sandboxUrl}/sandbox/requests?path=${encodeURIComponent('/purchase/async$')}`);
  const { requests } = (await response.json()) as { requests: Array<{ body: { callbackUrl: string } }> };
  const forged = new URL(requests.at(-1)!.body.callbackUrl);
  forged.searchParams.set('success', 'true');
  forged.searchParams.set('policyId', '0123456789abcdef01234567');
  await page.goto(forged.href);

  await page.getByRole('heading', { name: 'Ödemeniz tamamlanmadı' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByRole('heading', { name: 'Poliçeniz' }).count(), 0);
  assert.equal(await page.getByText('Ödemeniz alındı').count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('success'), null);
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test('reloading the return page still shows the policy', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_3D_SECURE');
  await payByCard(page, 'ASYNC_3D_SECURE');
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(page, insurer);
  const number = (await page.locator('insurup-policy [part~="policy-number"]').textContent())?.trim();
  assert.ok(number);

  await page.reload();
  await expectPolicy(page, insurer);
  assert.equal((await page.locator('insurup-policy [part~="policy-number"]').textContent())?.trim(), number);
  await assertNothingSecretReadable(page, 'reloaded');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});

test('paid in another tab (a banking app opening a new one): that tab confirms the policy with the API and shows it', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await toQuotes(page);
  const insurer = await buyFrom(page, 'ASYNC_3D_SECURE');
  await payByCard(page, 'ASYNC_3D_SECURE');
  // The bank's page is finished in a new tab of the same browser: its own sessionStorage (no
  // pending purchase there), the shared cookies.
  const other = await page.context().newPage();
  other.on('console', (message) => {
    if (message.type() === 'error') problems.push(`other tab: ${message.text()}`);
  });
  other.on('pageerror', (error) => problems.push(`other tab: ${error.message}`));
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Ödemeyi onayla' }).click();
  await expectPolicy(other, insurer);
  assert.equal(await other.getByText('Ödemeniz burada doğrulanamadı').count(), 0);
  await assertNothingSecretReadable(other, 'other tab');
  assert.deepEqual(unexpected(problems), []);
  await page.context().close();
});
