/**
 * The demo's quotes step end to end, as a customer on a phone uses it: log in, add a kasko
 * vehicle from the registry, watch the insurers' quotes arrive one by one, pick a quote and an
 * instalment plan, and land on checkout with that choice.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { focusedText, launchBrowser, newIdentity, openPage, startDemoStack, type DemoStack } from './support/demo.js';

let demo: DemoStack;
let browser: Browser;

interface Catalog {
  registry: Array<{ plate: { city: number; code: string }; documentSerial: { code: string; number: string } }>;
}

before(async () => {
  // Insurers answer over a few seconds here, so the arrival is visible.
  demo = await startDemoStack({ sandbox: { quoteDelay: [600, 4000] } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

async function logIn(page: Page): Promise<void> {
  const who = newIdentity();
  await page.getByRole('heading', { name: 'Giriş yapın' }).waitFor();
  await page.getByLabel('T.C. kimlik numarası').pressSequentially(who.tckn);
  await page.getByLabel('Doğum tarihi').pressSequentially(who.birthDate.replace(/\./g, ''));
  await page.getByLabel('Cep telefonu').pressSequentially(who.phone);
  await page.getByLabel(/KVKK Aydınlatma Metni/).check();
  await page.getByRole('button', { name: 'Doğrulama kodu gönder' }).click();
  await page.getByRole('heading', { name: 'Doğrulama kodu' }).waitFor();
  await page.getByLabel('SMS ile gelen kod').pressSequentially(await demo.readSms(who.phone));
  await page.keyboard.press('Enter');
}

async function addRegistryVehicle(page: Page): Promise<void> {
  const { registry } = (await (await fetch(`${demo.sandboxUrl}/sandbox/catalog`)).json()) as Catalog;
  const vehicle = registry[1] ?? registry[0]!;
  await page.getByRole('heading', { name: 'Araç ekle' }).waitFor();
  await page.getByLabel('Plaka', { exact: true }).pressSequentially(`${String(vehicle.plate.city).padStart(2, '0')} ${vehicle.plate.code}`);
  await page.getByLabel('Ruhsat seri numarası').pressSequentially(`${vehicle.documentSerial.code}${vehicle.documentSerial.number}`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Araç bilgileri' }).waitFor();
  await page.getByLabel('Model', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Aracı kaydet ve devam et' }).click();
}

test('kasko quotes arrive one by one and one is chosen with an instalment plan', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=kasko`, { viewport: { width: 360, height: 780 } });
  await logIn(page);
  await addRegistryVehicle(page);

  await page.getByRole('heading', { name: 'Teklifler', exact: true }).waitFor({ timeout: 20_000 });
  assert.equal(await focusedText(page), 'Teklifler');

  // A priced quote is on screen while other insurers are still working on theirs.
  const waiting = page.getByText('Teklif bekleniyor…').first();
  const buyable = page.locator('insurup-quote-card').filter({ has: page.getByRole('button', { name: /Satın al/ }) });
  await buyable.first().waitFor({ timeout: 20_000 });
  assert.ok(await waiting.isVisible(), 'some insurers are still answering when the first quote shows');
  await page.getByText('Tüm sigorta şirketleri yanıt verdi.').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText('Teklif bekleniyor…').count(), 0);

  // Sorted by price: the cheapest quote carries the mark.
  const best = page.locator('insurup-quote-card').first();
  await best.getByText('En uygun fiyat').waitFor();

  const card = buyable.first();
  const insurer = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
  const plan = card.getByLabel('Ödeme seçeneği');
  await plan.selectOption('6');
  const perInstallment = (await card.locator('[part="per-installment"]').textContent())!.trim();
  assert.match(perInstallment, /^6 taksit × ₺[\d.]+,\d{2}$/);
  const total = (await card.locator('[part="price"]').textContent())!.trim();

  await page.evaluate(() => {
    document.addEventListener('insurup-quote-selected', (e) => ((window as any).selected = (e as CustomEvent).detail), { once: true });
  });
  await card.getByRole('button', { name: /Satın al/ }).click();

  await page.getByRole('heading', { name: 'Ödeme', exact: true }).waitFor({ timeout: 20_000 });
  const checkout = page.locator('insurup-checkout');
  await checkout.getByText(insurer).first().waitFor();
  await checkout.getByText(total).first().waitFor();
  const detail = await page.evaluate(() => (window as any).selected);
  assert.deepEqual(Object.keys(detail).sort(), ['currency', 'grossPremium', 'installmentNumber', 'insuranceCompanyId', 'product', 'productId']);
  assert.equal(detail.installmentNumber, 6);
  assert.equal(detail.product, 'kasko');

  assert.deepEqual(problems, []);
  await page.context().close();
});
