/**
 * The browser half of `npm run bench:quotes` (bundled by scripts/bench-quotes.ts, not shipped).
 * It logs a customer in through the proxy, asks for kasko quotes with `<insurup-quotes>` and
 * notes the moment each card first shows a price; and it times re-renders of a synthetic
 * 40-product list with 12 instalments each.
 */
import '../src/widget/elements/insurup-quotes/element.js';
import type { InsurupQuotes } from '../src/widget/elements/insurup-quotes/element.js';
import { InsurupQuoteCard } from '../src/widget/elements/insurup-quotes/quote-card.js';
import type { Premium, Proposal, ProposalProduct } from '../src/contract/proposals.js';
import { authSessionFor, resetAuthSessions } from '../src/widget/session/auth-session.js';
import { pageSessionFor, resetPageSessions } from '../src/widget/session/context.js';
import { QuoteBook } from '../src/widget/realtime/quote-book.js';

/** Wall-clock ms (comparable with the Node side's `performance.timeOrigin + performance.now()`). */
const wallClock = () => performance.timeOrigin + performance.now();

/** Product id → when its card first rendered a price. */
const pricedAt = new Map<string, number>();
type CardInternals = { updated(changed: Map<string, unknown>): void };
const cardProto = InsurupQuoteCard.prototype as unknown as CardInternals;
const originalUpdated = cardProto.updated;
cardProto.updated = function (this: InsurupQuoteCard, changed) {
  originalUpdated.call(this, changed);
  if (this.product.state === 'ACTIVE' && !pricedAt.has(this.product.id)) pricedAt.set(this.product.id, wallClock());
};

function tckn(nine: string): string {
  const d = [...nine].map(Number);
  const tenth = ((((d[0]! + d[2]! + d[4]! + d[6]! + d[8]!) * 7 - (d[1]! + d[3]! + d[5]! + d[7]!)) % 10) + 10) % 10;
  return `${nine}${tenth}${(d.reduce((a, b) => a + b, 0) + tenth) % 10}`;
}

let run = Math.floor(Math.random() * 1e6);

interface RunOptions {
  proxyUrl: string;
  otp: string;
  coverageGroupIds: string[];
  vehicle: { brand: string; model: string; year: number };
  pollInterval: number;
  width?: number;
}

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let current: InsurupQuotes | null = null;

/** One customer, one vehicle, one proposal: resolves when every insurer has answered. */
async function quoteRun(options: RunOptions): Promise<{ proposalId: string; products: number }> {
  current?.remove();
  resetPageSessions();
  resetAuthSessions();
  sessionStorage.clear();
  run += 7919;
  const serial = String(run % 1e8).padStart(8, '0');
  const auth = authSessionFor(options.proxyUrl);
  const { token } = await auth.client.request('loginOrRegister', {
    body: {
      $type: 'individual',
      identityNumber: Number(tckn(`1${serial}`)),
      birthDate: '1985-04-12',
      phoneNumber: { number: `55${serial}`, countryCode: 90 },
    },
  });
  await auth.completeLogin(await auth.client.request('verifyMfa', { body: { token, code: options.otp } }));
  const customerId = auth.customer!.id;
  const { id } = await auth.client.request('createVehicle', {
    params: { customerId },
    body: {
      customerId,
      plate: { city: 34, code: `BN${100 + (run % 900)}` },
      modelYear: options.vehicle.year,
      brandReference: options.vehicle.brand,
      modelTypeReference: options.vehicle.model,
      utilizationStyle: 'PRIVATE_CAR',
      fuel: { type: 'GASOLINE' },
      chassis: `BENCH${serial}`,
      documentSerial: null,
    },
  });
  pageSessionFor(options.proxyUrl, 'kasko').completeAsset({ type: 'VEHICLE', id });
  const el = document.createElement('insurup-quotes');
  el.setAttribute('proxy-url', options.proxyUrl);
  el.setAttribute('product', 'kasko');
  el.setAttribute('coverage-group-ids', options.coverageGroupIds.join(','));
  el.setAttribute('poll-interval', String(options.pollInterval));
  el.setAttribute('agency-phone', '0212 555 00 00');
  el.setAttribute('contact-url', 'https://acente.example/iletisim');
  document.body.append(el);
  current = el;
  await until(() => el.feed.status === 'complete', 120_000);
  await el.updateComplete;
  return { proposalId: el.feed.book!.proposalId, products: el.feed.book!.size };
}

function pricedTimes(): Array<[string, number]> {
  return [...pricedAt.entries()];
}

function premiums(base: number): Premium[] {
  return Array.from({ length: 12 }, (_, i) => ({
    installmentNumber: i + 1,
    netPremium: Math.round(base * 0.85 * (1 + i * 0.01) * 100) / 100,
    grossPremium: Math.round(base * (1 + i * 0.01) * 100) / 100,
    currency: 'TURKISH_LIRA' as const,
    insuranceCompanyProposalNumber: `B-${i}`,
  }));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * Times re-renders of 40 products × 12 instalments in the element the last run left on the
 * page: from the change being applied to the DOM updated and laid out (offsetHeight forces
 * style and layout, so the figure is what one frame would have to fit).
 */
async function renderBench(): Promise<Record<string, number>> {
  const el = current!;
  const logo = el.feed.book!.products[0]?.insuranceCompanyLogo ?? null;
  const products: ProposalProduct[] = Array.from({ length: 40 }, (_, i) => ({
    id: `bench${String(i).padStart(2, '0')}`,
    insuranceCompanyId: 500 + i,
    insuranceCompanyName: `Bench ${String.fromCharCode(65 + (i % 26))}${i} Sigorta`,
    insuranceCompanyLogo: logo,
    productId: 50000 + i,
    productName: 'Bench Kasko',
    productType: 'WEB_SERVICE',
    state: 'ACTIVE',
    errorMessage: null,
    policyId: null,
    premiums: premiums(9000 + ((i * 7919) % 4000)),
    coverageGroupId: null,
    coverageGroupName: 'Kasko Geniş Paket',
    supportedPaymentOptions: ['ASYNC_3D_SECURE', 'ASYNC_INSURANCE_COMPANY_REDIRECT'],
  }));
  const proposal = (list: ProposalProduct[]): Proposal => ({
    proposalId: 'bench',
    productBranch: 'KASKO',
    state: 'COMPLETED',
    totalProductsCount: list.length,
    succeedProductsCount: list.length,
    createdAt: new Date().toISOString(),
    products: list,
  });
  const book = new QuoteBook('bench');
  el.feed.book = book;
  /** Script time of the last settle (render and DOM updates, before style and layout). */
  let scriptMs = 0;
  const settle = async () => {
    const start = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    await Promise.all([...el.shadowRoot!.querySelectorAll('insurup-quote-card')].map((c) => c.updateComplete));
    scriptMs = performance.now() - start;
    void el.offsetHeight;
  };

  let t0 = performance.now();
  book.applySnapshot(proposal(products), 0);
  await settle();
  const firstRender = performance.now() - t0;

  // One quote revised (its price moves it in the price order), as a hub event does.
  const single: number[] = [];
  const singleScript: number[] = [];
  for (let i = 0; i < 200; i++) {
    const target = products[(i * 13) % 40]!;
    t0 = performance.now();
    book.applyEvent(
      'ReceiveProposalProductRevised',
      {
        proposalId: 'bench',
        proposalProductId: target.id,
        productId: target.productId,
        productName: target.productName,
        productType: 'WEB_SERVICE',
        insuranceCompanyId: target.insuranceCompanyId,
        insuranceCompanyName: target.insuranceCompanyName,
        insuranceCompanyLogo: logo,
        supportedPaymentOptions: target.supportedPaymentOptions,
        premiums: premiums(8000 + ((i * 6007) % 5000)),
      },
      performance.now(),
    );
    await settle();
    single.push(performance.now() - t0);
    singleScript.push(scriptMs);
  }

  // Every one of the 40 revised at once (a reconciling GET after a long disconnect).
  const all: number[] = [];
  const allScript: number[] = [];
  for (let i = 0; i < 40; i++) {
    const revised = products.map((p, k) => ({ ...p, premiums: premiums(8500 + ((i * 31 + k * 977) % 5000)) }));
    t0 = performance.now();
    book.applySnapshot(proposal(revised), performance.now());
    await settle();
    all.push(performance.now() - t0);
    allScript.push(scriptMs);
  }
  const cards = el.shadowRoot!.querySelectorAll('insurup-quote-card').length;
  const options = [...el.shadowRoot!.querySelectorAll('insurup-quote-card')].reduce(
    (n, c) => n + c.shadowRoot!.querySelectorAll('option').length,
    0,
  );
  return {
    cards,
    options,
    firstRender,
    singleP50: percentile(single, 50),
    singleP95: percentile(single, 95),
    allP50: percentile(all, 50),
    allP95: percentile(all, 95),
    singleScriptP50: percentile(singleScript, 50),
    allScriptP50: percentile(allScript, 50),
  };
}

Object.assign(window, { bench: { quoteRun, pricedTimes, renderBench } });
