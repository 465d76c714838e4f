import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/widget/elements/insurup-my-policies/element.js';
import type { InsurupMyPolicies } from '../../../src/widget/elements/insurup-my-policies/element.js';
import { authSessionFor } from '../../../src/widget/session/auth-session.js';
import { formatDate, formatMoney } from '../../../src/widget/i18n/index.js';
import { clearSandboxFaults, loginViaApi, resetWidgetState, sandboxFault, sandboxRequests, testEnv, until } from '../support/env.js';
import { q, root, text, tr } from '../support/shadow.js';
import { buyViaApi, documentStatus, prepareCheckout, settledProposal } from '../checkout/purchase-support.js';
import { brokenWords, linesOf, overflowing } from '../support/layout.js';

function all(el: Element, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

async function mount(o: { lang?: string; pageSize?: number } = {}): Promise<InsurupMyPolicies> {
  const { proxyUrl } = await testEnv();
  return fixture<InsurupMyPolicies>(
    html`<insurup-my-policies proxy-url=${proxyUrl} lang=${o.lang ?? 'tr'} page-size=${o.pageSize ?? 10}></insurup-my-policies>`,
  );
}

async function listed(el: InsurupMyPolicies, part: 'policy-item' | 'proposal-item', count = 1): Promise<HTMLElement[]> {
  return until(() => {
    const items = all(el, `[part~="${part}"]`);
    return items.length >= count ? items : null;
  }, `${count} ${part}`, 15_000);
}

/** A customer with one bought policy (its proposal is listed too). */
async function customerWithPolicy() {
  const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
  const policyId = await buyViaApi(prepared);
  const policy = await prepared.auth.client.request('getPolicy', { params: { policyId } });
  return { ...prepared, policy };
}

describe('<insurup-my-policies>', () => {
  beforeEach(() => resetWidgetState());
  afterEach(() => clearSandboxFaults());

  it('passes axe', async () => {
    await customerWithPolicy();
    const el = await mount();
    await listed(el, 'policy-item');
    await listed(el, 'proposal-item');
    await expect(el).to.be.accessible();
  });

  it("lists the customer's policies and quotes over GraphQL", async () => {
    const { policy, product, proposalId, auth } = await customerWithPolicy();
    const el = await mount();
    const [item] = await listed(el, 'policy-item');
    expect(item!.textContent).to.include(policy.insuranceCompanyPolicyNumber!);
    expect(item!.textContent).to.include(product.insuranceCompanyName);
    expect(item!.textContent).to.include(tr('policy.branch.tss'));
    expect(item!.textContent).to.include(formatMoney(policy.grossPremium, policy.currency, 'tr'));
    expect(item!.textContent).to.include(formatDate(policy.startDate, 'tr'));
    expect(item!.textContent).to.include(tr('policy.state.ACTIVE'));

    const [quote] = await listed(el, 'proposal-item');
    const proposal = await auth.client.request('getProposal', { params: { proposalId } });
    expect(quote!.textContent).to.include(formatDate(proposal.createdAt, 'tr'));
    expect(quote!.textContent).to.include(
      tr('myPolicies.proposal.offersValue', { succeeded: proposal.succeedProductsCount, total: proposal.totalProductsCount }),
    );
  });

  it("opens a policy's PDF from the list with the keyboard", async () => {
    await customerWithPolicy();
    const el = await mount();
    const [item] = await listed(el, 'policy-item');
    const opened: string[] = [];
    el.openDocument = (url) => {
      opened.push(url);
      return true;
    };
    const button = item!.querySelector<HTMLButtonElement>('[part~="download-button"]')!;
    expect(button.textContent).to.include(tr('myPolicies.policy.download'));
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => opened.length === 1, 'the document to open');
    // Busy meanwhile, not disabled: the button kept focus, so the reader keeps their place.
    expect(root(el).activeElement, 'focus on the download button').to.equal(button);
    expect(await documentStatus(opened[0]!)).to.equal(200);
    expect(item!.querySelector<HTMLAnchorElement>('[part~="document-link"]')!.href).to.equal(opened[0]);
  });

  it("opens a quote with the keyboard to show each offer's price and its documents, which open", async () => {
    const { auth, proposalId } = await customerWithPolicy();
    const proposal = await auth.client.request('getProposal', { params: { proposalId } });
    const active = proposal.products.filter((p) => p.state === 'ACTIVE');
    expect(active.length, 'offers to show').to.be.greaterThan(1);
    const el = await mount();
    const [item] = await listed(el, 'proposal-item');
    const toggle = item!.querySelector<HTMLButtonElement>('[part~="offers-button"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal(tr('myPolicies.proposal.showOffers'));
    const list = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const offers = await until(() => {
      const found = [...list.querySelectorAll<HTMLElement>('[part~="offer"]')];
      return found.length ? found : null;
    }, 'the offers');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal(tr('myPolicies.proposal.hideOffers'));
    // Only what can still be bought (not the bought one, not the failed ones), cheapest first.
    const price = (p: (typeof active)[number]) => (p.premiums.find((x) => x.installmentNumber === 1) ?? p.premiums[0]!).grossPremium;
    const expected = [...active].sort((a, b) => price(a) - price(b));
    expect(offers.map((o) => o.dataset.proposalProductId)).to.deep.equal(expected.map((p) => p.id));
    for (const [index, offer] of offers.entries()) {
      const product = expected[index]!;
      expect(offer.textContent).to.include(product.insuranceCompanyName);
      expect(offer.textContent).to.include(formatMoney(price(product), 'TURKISH_LIRA', 'tr'));
      const buttons = [...offer.querySelectorAll<HTMLButtonElement>('[part~="offer-document-button"]')];
      expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        `${tr('myPolicies.offer.productDocument')}: ${product.insuranceCompanyName}`,
        `${tr('myPolicies.offer.informationForm')}: ${product.insuranceCompanyName}`,
      ]);
    }
    await expect(el).to.be.accessible();

    const opened: string[] = [];
    el.openDocument = (url) => {
      opened.push(url);
      return true;
    };
    const first = offers[0]!;
    const [productDocument, informationForm] = [...first.querySelectorAll<HTMLButtonElement>('[part~="offer-document-button"]')];
    productDocument!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => opened.length === 1, 'the product document to open');
    expect(root(el).activeElement, 'focus on the document button').to.equal(productDocument);
    expect(await documentStatus(opened[0]!)).to.equal(200);
    informationForm!.click();
    await until(() => opened.length === 2, 'the information form to open');
    expect(await documentStatus(opened[1]!)).to.equal(200);
    expect(first.querySelector<HTMLAnchorElement>('[part~="document-link"]')!.href).to.equal(opened[1]);
    const asked = (await sandboxRequests()).filter((r) => r.method === 'GET' && r.path.startsWith(`/api/proposals/${proposalId}/products/${first.dataset.proposalProductId}/`));
    expect(asked.map((r) => r.path.split('/').at(-1))).to.include.members(['document', 'information-form-document']);

    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'false', 'the offers to close');
    expect(list.hidden).to.equal(true);
  });

  it("a quote's offers that fail to load show an alert with Retry", async () => {
    const { proposalId } = await customerWithPolicy();
    // The client retries a GET three times; fail all four attempts.
    await sandboxFault({ method: 'GET', path: `^/api/proposals/${proposalId}$`, fault: 503, times: 4 });
    const el = await mount();
    const [item] = await listed(el, 'proposal-item');
    item!.querySelector<HTMLButtonElement>('[part~="offers-button"]')!.click();
    const alert = await until(() => item!.querySelector('[role="alert"]'), 'the error alert', 15_000);
    alert.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => item!.querySelector('[part~="offer"]'), 'the offers after Retry');
  });

  it('pages through the quotes a page at a time and moves focus to the list heading', async () => {
    const { auth, proposalId: older } = await customerWithPolicy();
    const { proposalId: newer } = await settledProposal(auth);
    const el = await mount({ pageSize: 1 });
    const [first] = await listed(el, 'proposal-item');
    const pager = q(el, '[part~="proposals"] [part~="pager"]');
    expect(pager.getAttribute('aria-label')).to.equal(tr('myPolicies.proposals.pages'));
    expect(pager.textContent).to.include(tr('myPolicies.range', { from: 1, to: 1, total: 2 }));
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(previous!.disabled).to.equal(true);
    expect(first!.dataset.proposalId).to.equal(newer); // newest first
    next!.click();
    await until(
      () => root(el).querySelector('[part~="proposals"] [part~="pager"]')?.textContent?.includes('2–2'),
      'the second page',
    );
    const [second] = await listed(el, 'proposal-item');
    expect(second!.dataset.proposalId).to.equal(older);
    expect(root(el).activeElement?.id).to.equal('proposals-heading');
    // One policy: no pager for the policies.
    expect(root(el).querySelector('[part~="policies"] [part~="pager"]')).to.equal(null);
  });

  it('asks to log in first (with the login element), then lists once logged in', async () => {
    const { proxyUrl } = await testEnv();
    await authSessionFor(proxyUrl).logout(); // no refresh cookie from earlier tests
    resetWidgetState();
    const el = await mount();
    await until(() => text(el).includes(tr('myPolicies.loginFirst')), 'the log-in message');
    expect(root(el).querySelector('insurup-login')).not.to.equal(null);
    await loginViaApi();
    await until(() => text(el).includes(tr('myPolicies.policies.empty')), 'the empty policy list');
    await until(() => text(el).includes(tr('myPolicies.proposals.empty')), 'the empty quote list');
    expect(root(el).querySelector('insurup-login')).to.equal(null);
  });

  it('a failed list shows an alert with Retry', async () => {
    await customerWithPolicy();
    await sandboxFault({ method: 'POST', path: '^/graphql$', fault: 503, times: 2 });
    const el = await mount();
    await until(() => all(el, '[role="alert"]').length === 2, 'both lists to fail', 15_000);
    for (const button of all(el, '[part~="retry-button"]')) button.click();
    await listed(el, 'policy-item');
    await listed(el, 'proposal-item');
  });

  it('speaks English with lang="en"', async () => {
    await customerWithPolicy();
    const el = await mount({ lang: 'en' });
    await listed(el, 'policy-item');
    expect(q(el, 'h2').textContent).to.equal('My quotes and policies');
    expect(q(el, '#policies-heading').textContent).to.equal('My policies');
    expect(text(el)).to.include('Download PDF');
  });

  it('fits a 360 px phone in Turkish and English: amounts, policy numbers and words whole, nothing overflows', async () => {
    const { policy } = await customerWithPolicy();
    // Long amounts (nine digits), as the API may answer them for a fleet or a commercial risk.
    const client = authSessionFor((await testEnv()).proxyUrl).client;
    const bigger = async (response: Response, ctx: { endpoint: string }) => {
      if (ctx.endpoint !== 'graphql') return response;
      const body = (await response.json()) as { data?: { policies?: { items: Array<{ grossPremium: number }> }; proposals?: { items: Array<{ lowestPremium?: number | null }> } } };
      for (const item of body.data?.policies?.items ?? []) item.grossPremium = 123_456_789;
      for (const item of body.data?.proposals?.items ?? []) item.lowestPremium = 98_765_432.1;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    client.interceptors.response.push(bigger);
    const margin = document.body.style.margin;
    document.body.style.margin = '0';
    await setViewport({ width: 360, height: 740 });
    try {
      for (const lang of ['tr', 'en'] as const) {
        const { proxyUrl } = await testEnv();
        const page = await fixture<HTMLElement>(html`<main style="padding: 24px 16px"><insurup-my-policies
          proxy-url=${proxyUrl} lang=${lang}></insurup-my-policies></main>`);
        const el = page.querySelector('insurup-my-policies')!;
        const [item] = await listed(el, 'policy-item');
        const [quote] = await listed(el, 'proposal-item');
        quote!.querySelector<HTMLButtonElement>('[part~="offers-button"]')!.click();
        await until(() => quote!.querySelector('[part~="offer"]'), 'the offers');
        const what = (s: string) => `${lang}: ${s}`;
        expect(overflowing(el), what('overflowing')).to.deep.equal([]);
        expect(document.documentElement.scrollWidth, what('the page scrolls sideways')).to.be.at.most(360);
        const premium = formatMoney(123_456_789, policy.currency, lang);
        const value = [...item!.querySelectorAll('dd')].find((dd) => dd.textContent!.includes(premium))!;
        expect(linesOf(value, [premium]), what(premium)).to.deep.equal([1]);
        const amounts = all(el, '.money');
        expect(amounts.length, what('amounts marked')).to.be.at.least(2);
        for (const amount of amounts) expect(amount.getClientRects().length, what(amount.textContent!)).to.equal(1);
        const number = policy.insuranceCompanyPolicyNumber!;
        const numberValue = [...item!.querySelectorAll('dd')].find((dd) => dd.textContent!.trim() === number)!;
        const groups = number.split('-');
        expect(linesOf(numberValue, groups), what(number)).to.deep.equal(groups.map(() => 1));
        expect(brokenWords(el), what('words split')).to.deep.equal([]);
        page.remove();
      }
    } finally {
      client.interceptors.response.splice(client.interceptors.response.indexOf(bigger), 1);
      document.body.style.margin = margin;
      await setViewport({ width: 800, height: 600 });
    }
  });
});
