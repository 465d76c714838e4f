/**
 * A customer's kasko purchase on the demo pages, step by step, by the labels the customer
 * reads (Turkish or English), plus reading a policy PDF's text. Used by the end-to-end tests,
 * each step written once here (the login, the vehicle); the steps take a `scope` so the same code
 * drives `<insurup-flow>` and separate CMS blocks.
 */
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { DEMO_AGENT_ID } from '../../../demo/server.js';
import { graphqlOperations } from '../../../src/contract/graphql.js';
import { newIdentity, type DemoStack } from './demo.js';
import { pdfText } from '../../support/pdf-text.js';

export type Lang = 'tr' | 'en';

/** The widget's own words (src/widget/i18n) for the steps of a kasko purchase. */
export const WORDS = {
  tr: {
    loginHeading: 'Giriş yapın',
    tckn: 'T.C. kimlik numarası',
    birthDate: 'Doğum tarihi',
    phone: 'Cep telefonu',
    consent: /KVKK Aydınlatma Metni/,
    sendCode: 'Doğrulama kodu gönder',
    codeHeading: 'Doğrulama kodu',
    code: 'SMS ile gelen kod',
    vehicleHeading: 'Aracınız',
    addVehicleHeading: 'Araç ekle',
    plate: 'Plaka',
    serial: 'Ruhsat seri numarası',
    lookup: 'Aracımı bul',
    vehicleDetailsHeading: 'Araç bilgileri',
    model: 'Model',
    saveVehicle: 'Aracı kaydet ve devam et',
    quotesHeading: 'Teklifler',
    allAnswered: 'Tüm sigorta şirketleri yanıt verdi.',
    buy: 'Satın al',
    checkoutHeading: 'Ödeme',
    bankCard: /bankanızın 3-D Secure doğrulaması/,
    holder: 'Kart üzerindeki ad soyad',
    cardNumber: 'Kart numarası',
    expiry: 'Son kullanma tarihi',
    cvc: 'Güvenlik kodu (CVC)',
    informationForm: 'Ön Bilgilendirme Formu’nu okudum ve onaylıyorum.',
    pay: / öde$/,
    policyHeading: 'Poliçeniz',
    policyNumber: 'Poliçe numarası',
    download: 'Poliçeyi indir (PDF)',
    email: 'E-posta adresi',
    sendEmail: 'E-posta ile gönder',
    needsLogin: 'Devam etmek için önce giriş yapın.',
  },
  en: {
    loginHeading: 'Log in',
    tckn: 'Turkish ID number (TCKN)',
    birthDate: 'Date of birth',
    phone: 'Mobile number',
    consent: /privacy notice \(KVKK\)/,
    sendCode: 'Send verification code',
    codeHeading: 'Verification code',
    code: 'Code from the SMS',
    vehicleHeading: 'Your vehicle',
    addVehicleHeading: 'Add a vehicle',
    plate: 'Plate',
    serial: 'Registration serial number',
    lookup: 'Find my vehicle',
    vehicleDetailsHeading: 'Vehicle details',
    model: 'Model',
    saveVehicle: 'Save the vehicle and continue',
    quotesHeading: 'Quotes',
    allAnswered: 'Every insurer has answered.',
    buy: 'Buy',
    checkoutHeading: 'Payment',
    bankCard: /your bank’s 3-D Secure check/,
    holder: 'Name on card',
    cardNumber: 'Card number',
    expiry: 'Expiry date',
    cvc: 'Security code (CVC)',
    informationForm: 'I have read and accept the pre-contract information form.',
    pay: /^Pay /,
    policyHeading: 'Your policy',
    policyNumber: 'Policy number',
    download: 'Download the policy (PDF)',
    email: 'E-mail address',
    sendEmail: 'Send by e-mail',
    needsLogin: 'Please log in first to continue.',
  },
} as const;

/** A car in the sandbox's vehicle registry, with the brand and model the registry answers for it. */
export interface RegistryCar {
  plate: { city: number; code: string };
  documentSerial: { code: string; number: string };
  brand: { value: string; text: string };
  model: { value: string; text: string };
}

export interface Catalog {
  insurers: Array<{ name: string; productType: string; branches: string[]; supportedPaymentOptions: string[] }>;
  registry: RegistryCar[];
}

export async function catalogOf(demo: DemoStack): Promise<Catalog> {
  return (await (await fetch(`${demo.sandboxUrl}/sandbox/catalog`)).json()) as Catalog;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EXPIRY = `08${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

type Who = { tckn: string; phone: string; birthDate: string };

/** Fills in the login form and asks for the code: ends on the code step. */
export async function requestCode(page: Page, lang: Lang, who: Who): Promise<void> {
  const w = WORDS[lang];
  await page.getByRole('heading', { name: w.loginHeading, exact: true }).waitFor();
  await page.getByLabel(w.tckn).pressSequentially(who.tckn);
  await page.getByLabel(w.birthDate).pressSequentially(who.birthDate.replace(/\./g, ''));
  await page.getByLabel(w.phone).pressSequentially(who.phone);
  await page.getByLabel(w.consent).check();
  await page.getByRole('button', { name: w.sendCode }).click();
  await page.getByRole('heading', { name: w.codeHeading, exact: true }).waitFor();
}

/** The code the page's simulated phone shows, as a visitor reads it. */
export async function codeOnPhone(page: Page): Promise<string> {
  const onPhone = page.locator('[data-code]');
  await onPhone.waitFor();
  return (await onPhone.textContent())!.trim();
}

/** Types the code and sends it with Enter. */
export async function enterCode(page: Page, lang: Lang, code: string): Promise<void> {
  await page.getByLabel(WORDS[lang].code).pressSequentially(code);
  await page.keyboard.press('Enter');
}

/**
 * Logs in with the code the page's simulated phone shows (as a visitor would read it), or, on a
 * page without the phone (a pasted snippet), with the code `readCode` answers.
 */
export async function logIn(page: Page, lang: Lang, who: Who, readCode?: () => Promise<string>): Promise<void> {
  await requestCode(page, lang, who);
  await enterCode(page, lang, readCode ? await readCode() : await codeOnPhone(page));
}

/** Logs a new customer in with the code from the sandbox's SMS outbox. Answers who it is. */
export async function logInNewCustomer(page: Page, demo: DemoStack, lang: Lang = 'tr'): Promise<Who> {
  const who = newIdentity();
  await logIn(page, lang, who, () => demo.readSms(who.phone));
  return who;
}

/**
 * The customer's own API session straight at the sandbox (a second login with the same
 * identity and the code from the outbox), to read what InsurUp recorded for them.
 */
export async function customerApi(demo: DemoStack, who: Who) {
  const call = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await fetch(`${demo.sandboxUrl}${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const body = (await response.json()) as any;
    assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  const started = await call('/api/auth/customer/login-or-register', {
    body: {
      $type: 'individual',
      identityNumber: Number(who.tckn),
      birthDate: who.birthDate.split('.').reverse().join('-'),
      phoneNumber: { number: who.phone, countryCode: 90 },
      agentId: DEMO_AGENT_ID,
    },
  });
  const { accessToken } = await call('/api/auth/customer/verify-mfa', { body: { token: started.token, code: await demo.readSms(who.phone) } });
  const me = await call('/api/customers/me', { token: accessToken });
  return {
    customerId: me.id as string,
    get: (path: string) => call(path, { token: accessToken }),
    /** The customer's open sale-opportunity cases of a branch (newest first). */
    openCases: async (productBranch: string) =>
      (
        await call('/graphql', {
          token: accessToken,
          body: { query: graphqlOperations.OpenSaleOpportunityCases.query, variables: { customerId: me.id, productBranch } },
        })
      ).data.cases.items as Array<{ id: string; assetType: string | null; assetId: string | null; productBranch: string }>,
  };
}

/** A car's plate as it is written: "06 ABC123". */
export function writtenPlate(car: RegistryCar): string {
  return `${String(car.plate.city).padStart(2, '0')} ${car.plate.code}`;
}

/**
 * A new customer adds `car` by plate and serial: the plate typed as `plate` gives (by default its
 * digits and letters run together), sent with "Find my vehicle" or, as a keyboard user does, with
 * Enter. Ends on the vehicle's details, filled in from the registry.
 */
export async function findVehicle(
  page: Page,
  lang: Lang,
  car: RegistryCar,
  { plate = `${car.plate.city}${car.plate.code}`, submit = 'button' }: { plate?: string; submit?: 'button' | 'enter' } = {},
): Promise<void> {
  const w = WORDS[lang];
  await page.getByRole('heading', { name: w.vehicleHeading }).waitFor();
  await page.getByRole('heading', { name: w.addVehicleHeading, exact: true }).waitFor();
  await page.getByLabel(w.plate, { exact: true }).pressSequentially(plate);
  await page.getByLabel(w.serial).pressSequentially(`${car.documentSerial.code}${car.documentSerial.number}`);
  if (submit === 'enter') await page.keyboard.press('Enter');
  else await page.getByRole('button', { name: w.lookup }).click();
  await page.getByRole('heading', { name: w.vehicleDetailsHeading, exact: true }).waitFor();
}

/** The details step's model list, once its models have loaded. */
export async function loadedModels(page: Page, lang: Lang): Promise<Locator> {
  const model = page.getByLabel(WORDS[lang].model, { exact: true });
  await model.locator('option').first().waitFor({ state: 'attached' });
  return model;
}

/** Saves the vehicle on its details step once its models have loaded: on to the quotes. */
export async function saveVehicle(page: Page, lang: Lang): Promise<void> {
  await loadedModels(page, lang);
  await page.getByRole('button', { name: WORDS[lang].saveVehicle }).click();
}

/** Adds the registry's first car by plate and serial and saves it. */
export async function addRegistryVehicle(page: Page, lang: Lang, catalog: Catalog): Promise<void> {
  await findVehicle(page, lang, catalog.registry[0]!);
  await saveVehicle(page, lang);
}

/**
 * Waits for every insurer to answer, then buys from an insurer that quoted online and offers
 * the bank's 3-D Secure page. Answers the insurer's name.
 */
export async function buyWithBankCard(page: Page, lang: Lang, catalog: Catalog): Promise<string> {
  const w = WORDS[lang];
  await page.getByRole('heading', { name: w.quotesHeading, exact: true }).waitFor({ timeout: 20_000 });
  await page.getByText(w.allAnswered).waitFor({ timeout: 30_000 });
  const candidates = catalog.insurers.filter(
    (i) => i.productType === 'WEB_SERVICE' && i.branches.includes('KASKO') && i.supportedPaymentOptions.includes('ASYNC_3D_SECURE'),
  );
  for (const insurer of candidates) {
    // The Buy button's accessible name carries the insurer's (and the coverage group's) name:
    // "Satın al: Doğa Sigorta, Kasko Dar Paket".
    const buy = page.getByRole('button', { name: new RegExp(`^${w.buy}: ${escapeRegex(insurer.name)}(, |$)`) });
    if ((await buy.count()) === 0) continue;
    await buy.first().click();
    await page.getByRole('heading', { name: w.checkoutHeading, exact: true }).waitFor();
    return insurer.name;
  }
  throw new Error('no kasko quote from an insurer with a 3-D Secure bank page');
}

/** Card, pre-contract form, Pay, then "approve" on the sandbox bank's page. */
export async function payAtTheBank(page: Page, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  await page.getByRole('radio', { name: w.bankCard }).check();
  await page.getByLabel(w.holder).fill('Deneme Müşteri');
  await page.getByLabel(w.cardNumber, { exact: true }).pressSequentially('4111111111111111');
  await page.getByLabel(w.expiry).pressSequentially(EXPIRY);
  await page.getByLabel(w.cvc).fill('123');
  await page.getByLabel(w.informationForm).check();
  await page.getByRole('button', { name: w.pay }).click();
  await page.waitForURL(/\/pay\//);
  // The sandbox bank's page is Turkish only, like a Turkish bank's.
  await page.getByRole('button', { name: 'Ödemeyi onayla' }).click();
}

/** The policy number the policy step shows beside "Policy number". */
export async function shownPolicyNumber(scope: Page | Locator, lang: Lang): Promise<string> {
  await scope.getByRole('heading', { name: WORDS[lang].policyHeading, exact: true }).waitFor({ timeout: 20_000 });
  const text = (await scope.locator('dd[part~="policy-number"]').textContent())?.trim();
  assert.ok(text, 'a policy number is shown');
  return text;
}

/** Page count, title and the text drawn on a PDF's pages (pdf-lib writes hex strings). */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; title: string | undefined; text: string }> {
  const doc = await PDFDocument.load(bytes);
  return { pages: doc.getPageCount(), title: doc.getTitle(), text: pdfText(bytes) };
}
