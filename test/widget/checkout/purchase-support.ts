/**
 * Test support for checkout, policy and my-policies: a logged-in customer with a TSS proposal
 * (TSS needs no vehicle or home), a purchasable product that takes a given payment option,
 * the page session already at checkout, and the sandbox's payment pages driven like a browser.
 */
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/widget/elements/insurup-flow/element.js';
import { until, loginViaApi, sandboxCatalog, sandboxRequests, testEnv, type Identity } from '../support/env.js';
import { pageSessionFor } from '../../../src/widget/session/context.js';
import type { FlowSession } from '../../../src/widget/session/flow-session.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';
import type { PaymentOption, ProposalProduct } from '../../../src/contract/proposals.js';
import type { QuoteSelection } from '../../../src/widget/session/flow-state.js';

/** The sandbox's test card (Luhn-valid); any future expiry and any CVC are accepted. */
export const TEST_CARD = { number: '4111111111111111', grouped: '4111 1111 1111 1111', holder: 'Ayşe Yılmaz', cvc: '864' };

export function futureExpiry(): string {
  const year = (new Date().getFullYear() + 3) % 100;
  return `08/${String(year).padStart(2, '0')}`;
}

export interface Prepared {
  auth: AuthSession;
  session: FlowSession;
  proposalId: string;
  product: ProposalProduct;
  selection: QuoteSelection;
}

interface CatalogView {
  coverageGroups: Array<{ id: string; branch: string }>;
}

/** Proposals whose products all settled, by customer, so a suite can reuse one. */
export async function settledProposal(auth: AuthSession): Promise<{ proposalId: string; products: ProposalProduct[] }> {
  const client = auth.client;
  const customer = auth.customer!;
  await client.request('updateHealthInfo', {
    params: { customerId: customer.id },
    body: { $type: 'individual', customerId: customer.id, height: 175, weight: 72 },
  });
  const catalog = await sandboxCatalog<CatalogView>();
  const group = catalog.coverageGroups.find((g) => g.branch === 'TSS');
  if (!group) throw new Error('no TSS coverage group in the sandbox catalogue');
  const { proposalId } = await client.request('createProposal', {
    body: {
      $type: 'tss',
      productBranch: 'TSS',
      insurerCustomerId: customer.id,
      insuredCustomerId: customer.id,
      coverageGroupIds: [group.id],
      channel: 'WEBSITE',
    },
  });
  const proposal = await until(
    async () => {
      const p = await client.request('getProposal', { params: { proposalId } });
      return p.products.length > 0 && p.products.every((x) => x.state !== 'WAITING') ? p : null;
    },
    'quotes to settle',
    30_000,
  );
  return { proposalId, products: proposal.products };
}

/**
 * Logs a new customer in, gets TSS quotes, and puts the page session (proxy URL + `tss`) at
 * checkout with an ACTIVE web-service product that supports `option`.
 */
export async function prepareCheckout(
  wanted: PaymentOption | ((product: ProposalProduct) => boolean),
  installments: 'single' | 'many' = 'single',
  /** This customer (e.g. to log the same one in again later); default a new one per attempt. */
  identity?: Identity,
): Promise<Prepared> {
  const { proxyUrl } = await testEnv();
  const fits = typeof wanted === 'function' ? wanted : (p: ProposalProduct) => p.supportedPaymentOptions.includes(wanted);
  // Insurers fail a share of quotes (seeded per customer); a rare insurer may not have quoted,
  // so another customer is tried before giving up.
  let found: { auth: AuthSession; proposalId: string; product: ProposalProduct } | undefined;
  let states = '';
  for (let attempt = 0; attempt < 4 && !found; attempt++) {
    const auth = await loginViaApi(identity);
    const { proposalId, products } = await settledProposal(auth);
    const product = products.find((p) => p.state === 'ACTIVE' && p.productType === 'WEB_SERVICE' && fits(p));
    if (product) found = { auth, proposalId, product };
    states = products.map((p) => p.state).join(',');
  }
  if (!found) throw new Error(`no ACTIVE product fits (last states: ${states})`);
  const { auth, proposalId, product } = found;
  const premium =
    installments === 'many' ? (product.premiums.find((p) => p.installmentNumber > 1) ?? product.premiums[0]!) : product.premiums[0]!;
  const selection: QuoteSelection = {
    proposalProductId: product.id,
    installmentNumber: premium.installmentNumber,
    insuranceCompanyId: String(product.insuranceCompanyId),
    insuranceCompanyName: product.insuranceCompanyName,
    productId: String(product.productId),
    productName: product.productName,
    grossPremium: premium.grossPremium,
    currency: premium.currency,
  };
  const session = pageSessionFor(proxyUrl, 'tss');
  session.completeAsset(null);
  session.setProposal(proposalId);
  session.selectQuote(selection);
  return { auth, session, proposalId, product, selection };
}

/** The purchase/async requests the sandbox saw for a proposal. */
export async function purchaseRequests(proposalId: string) {
  return (await sandboxRequests()).filter(
    (r) => r.method === 'POST' && r.path.includes(proposalId) && r.path.endsWith('/purchase/async'),
  );
}

/**
 * Submits the sandbox's payment page like the customer would (`decision=approve|decline`; the
 * insurer's own page also wants a card). The page answers 303 to the callback URL; the request
 * is cross-origin without CORS, so its answer is opaque, but the decision is recorded.
 */
export async function decidePayment(redirectUrl: string, decision: 'approve' | 'decline'): Promise<void> {
  const form = new URLSearchParams({ decision });
  if (decision === 'approve') {
    form.set('cardNumber', TEST_CARD.number);
    form.set('cardExpiry', futureExpiry());
    form.set('cvc', TEST_CARD.cvc);
    form.set('holderName', TEST_CARD.holder);
  }
  await fetch(redirectUrl, { method: 'POST', body: form, mode: 'no-cors', credentials: 'omit' });
}

/** Buys the product through purchase/async and the payment page, without the UI. */
export async function buyViaApi(prepared: Prepared): Promise<string> {
  const { session, proposalId, selection, auth } = prepared;
  const { redirectUrl } = await auth.client.request('purchaseAsync', {
    params: { proposalId, proposalProductId: selection.proposalProductId },
    body: {
      $type: 'insurance-company-redirect',
      proposalId,
      proposalProductId: selection.proposalProductId,
      installmentNumber: selection.installmentNumber,
      callbackUrl: location.href,
    },
  });
  await decidePayment(redirectUrl, 'approve');
  const product = await auth.client.request('getProposalProduct', {
    params: { proposalId, proposalProductId: selection.proposalProductId },
  });
  if (product.state !== 'PURCHASED' || !product.policyId) throw new Error(`not purchased: ${product.state}`);
  session.completePurchase(product.policyId);
  return product.policyId;
}

/** Everything page script can read back: both storages and the cookies it can see. */
export function readableStorage(): string {
  const dump = (storage: Storage) =>
    Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`).join('\n');
  return `${dump(sessionStorage)}\n${dump(localStorage)}\n${document.cookie}`;
}

/** Records the detail of every `insurup-*` event dispatched on the page. */
export function recordEvents(): { events: Array<{ type: string; detail: unknown }>; stop: () => void } {
  const names = [
    'insurup-step-change',
    'insurup-login',
    'insurup-logout',
    'insurup-error',
    'insurup-asset-ready',
    'insurup-quotes-requested',
    'insurup-quote-selected',
    'insurup-payment-started',
    'insurup-purchase-complete',
  ];
  const events: Array<{ type: string; detail: unknown }> = [];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const name of names) document.addEventListener(name, listener);
  return { events, stop: () => names.forEach((name) => document.removeEventListener(name, listener)) };
}

/**
 * Opens a signed document link like a new tab would (no CORS on the sandbox's documents, so the
 * answer is opaque to the page) and answers the status the sandbox served it with.
 */
export async function documentStatus(url: string): Promise<number> {
  const path = new URL(url).pathname;
  await fetch(url, { mode: 'no-cors', credentials: 'omit' });
  const served = await until(
    async () => (await sandboxRequests()).reverse().find((r) => r.method === 'GET' && r.path === path),
    'the document request in the sandbox log',
  );
  return served.status;
}

/**
 * A 360 × 740 phone showing `<insurup-flow>` on an agency page like the demo's: the page's
 * 16 px margins and a card with 20 px padding around the flow (288 px left for the flow). The
 * flow's session is put at `prepared`'s checkout, or at its policy with `policyId`. Call
 * `phone.restore()` afterwards.
 */
export async function phoneWithFlow(
  prepared: Prepared,
  lang: 'tr' | 'en',
  policyId?: string,
): Promise<{ flow: HTMLElement & { session?: FlowSession }; restore: () => Promise<void> }> {
  const { proxyUrl } = await testEnv();
  await setViewport({ width: 360, height: 740 });
  const margin = document.body.style.margin;
  document.body.style.margin = '0';
  const page = await fixture<HTMLElement>(html`<main style="padding: 24px 16px">
    <div style="background: #fff; border-radius: 12px; padding: 20px">
      <insurup-flow proxy-url=${proxyUrl} product="tss" lang=${lang}></insurup-flow>
    </div>
  </main>`);
  const flow = page.querySelector('insurup-flow') as HTMLElement & { session?: FlowSession };
  const session = await until(() => (flow.session?.auth.isAuthenticated ? flow.session : null), 'the flow to see the login');
  session.completeAsset(null);
  session.setProposal(prepared.proposalId);
  session.selectQuote(prepared.selection);
  if (policyId) session.completePurchase(policyId);
  return {
    flow,
    restore: async () => {
      page.remove();
      document.body.style.margin = margin;
      await setViewport({ width: 800, height: 600 });
    },
  };
}
