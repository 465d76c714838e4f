/**
 * The demo's quotes step end to end, as a customer on a phone uses it: log in, add a kasko
 * vehicle from the registry, watch the insurers' quotes arrive one by one, pick a quote and an
 * instalment plan, and land on checkout with that choice.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { focusedText, launchBrowser, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import { catalogOf, findVehicle, logInNewCustomer, saveVehicle, writtenPlate } from './support/journey.js';

let demo: DemoStack;
let browser: Browser;

before(async () => {
  // Insurers answer over a few seconds here, so the arrival is visible.
  demo = await startDemoStack({ sandbox: { quoteDelay: [600, 4000] } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('kasko quotes arrive one by one and one is chosen with an instalment plan', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=kasko`, { viewport: { width: 360, height: 780 } });
  const { registry } = await catalogOf(demo);
  const vehicle = registry[1] ?? registry[0]!;
  await logInNewCustomer(page, demo);
  await findVehicle(page, 'tr', vehicle, { plate: writtenPlate(vehicle), submit: 'enter' });
  await saveVehicle(page, 'tr');

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
