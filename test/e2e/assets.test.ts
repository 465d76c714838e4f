/**
 * The demo's asset steps end to end, as a customer uses them: log in, then kasko with a new
 * vehicle from the registry, konut through the address cascade, and tss with height and
 * weight, each until the insurers' quotes arrive.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { focusedText, launchBrowser, openPage, startDemoStack, type DemoStack } from './support/demo.js';
import { catalogOf, findVehicle, loadedModels, logInNewCustomer, saveVehicle, writtenPlate } from './support/journey.js';

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

/** The quotes step, until the first insurer's offer can be bought. */
async function reachQuotes(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Teklifler', exact: true }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: /Satın al/ }).first().waitFor({ timeout: 30_000 });
}

test('kasko: a new vehicle found in the registry reaches quotes', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=kasko`, { viewport: { width: 360, height: 780 } });
  const vehicle = (await catalogOf(demo)).registry[0]!;
  await logInNewCustomer(page, demo);

  // The plate as a customer may type it: spaced, in lower case; sent with Enter.
  await findVehicle(page, 'tr', vehicle, { plate: writtenPlate(vehicle).toLowerCase(), submit: 'enter' });
  assert.equal(await focusedText(page), 'Araç bilgileri');
  const model = await loadedModels(page, 'tr');
  assert.equal(await page.getByLabel('Marka', { exact: true }).inputValue(), vehicle.brand.value);
  assert.equal(await model.inputValue(), vehicle.model.value);
  await saveVehicle(page, 'tr');

  await reachQuotes(page);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('konut: a home chosen through the address cascade reaches quotes', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=konut`);
  await logInNewCustomer(page, demo);

  await page.getByRole('heading', { name: 'Konutunuz' }).waitFor();
  await page.getByLabel(/UAVT kodumu bilmiyorum/).check();
  // Search the province by typing without accents, then each level's first entry.
  const city = page.getByLabel('İl', { exact: true });
  await city.locator('option').first().waitFor({ state: 'attached' });
  await page.getByLabel('İl ara').pressSequentially('izmir');
  await page.keyboard.press('Enter');
  assert.equal(await city.inputValue(), '35');
  for (const label of ['İlçe', 'Bucak / köy', 'Mahalle', 'Cadde / sokak', 'Bina (dış kapı no)', 'Daire (iç kapı no)']) {
    const list = page.getByLabel(label, { exact: true });
    await list.locator('option').first().waitFor({ state: 'attached' });
    await list.selectOption({ index: 0 });
  }
  const uavt = await page.getByLabel('Daire (iç kapı no)', { exact: true }).inputValue();
  assert.match(uavt, /^\d{10}$/);
  await page.getByText(`Seçtiğiniz dairenin UAVT kodu: ${uavt}`).waitFor();
  await page.getByRole('button', { name: 'Devam et', exact: true }).click();

  await page.getByRole('heading', { name: 'Konut bilgileri' }).waitFor();
  await page.getByLabel('Brüt alan (m²)').fill('115');
  await page.getByLabel('Yapım yılı').fill('2008');
  await page.getByLabel('Binadaki kat sayısı').fill('6');
  await page.getByLabel('Dairenin bulunduğu kat').selectOption('4');
  await page.getByLabel('Yapı tarzı').selectOption('STEEL_REINFORCED_CONCRETE');
  await page.getByLabel('Hasar durumu').selectOption('NONE');
  await page.getByLabel('Kullanım şekli').selectOption('HOUSE');
  await page.getByLabel('Sahiplik').selectOption('PROPRIETOR');
  await page.getByRole('button', { name: 'Konutu kaydet ve devam et' }).click();

  await reachQuotes(page);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('tss: height and weight reach quotes', async () => {
  const { page, problems } = await openPage(browser, `${demo.url}?product=tss`);
  await logInNewCustomer(page, demo);

  await page.getByRole('heading', { name: 'Sağlık bilgileriniz' }).waitFor();
  await page.getByLabel('Boy (cm)').pressSequentially('176');
  await page.getByLabel('Kilo (kg)').pressSequentially('71');
  await page.keyboard.press('Enter');

  await reachQuotes(page);
  // A new customer's health-info answers 404 ("not filled in yet", the API's way); the browser
  // logs every 4xx fetch, which is expected here and nothing else is.
  const expected404 = /Failed to load resource.*404.*\/api\/customers\/[^/]+\/health-info\)$/;
  assert.deepEqual(problems.filter((p) => !expected404.test(p)), []);
  await page.context().close();
});
