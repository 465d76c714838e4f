/**
 * Sessions without a server: persistence (never tokens or card data, tampered state refused),
 * the page-level provider that separately placed elements share, and flows that keep their own
 * steps under one login.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { InsurUpClient } from '../../../src/widget/api/client.js';
import { AuthSession, authSessionFor } from '../../../src/widget/session/auth-session.js';
import { FlowSession } from '../../../src/widget/session/flow-session.js';
import { loadFlowState, saveFlowState, storageKey } from '../../../src/widget/session/persistence.js';
import { initialFlowState, RETURN_MARKER_PARAM } from '../../../src/widget/session/flow-state.js';
import { InsurupElement } from '../../../src/widget/elements/shared/insurup-element.js';
import { defineElement } from '../../../src/widget/define.js';
import { resetWidgetState, until } from '../support/env.js';
import { CUSTOMER, FakeFetch, json, OTHER_CUSTOMER, problem } from './fake-fetch.js';

class InsurupProbe extends InsurupElement {
  override render() {
    return html`<p>${this.session?.step ?? 'none'}</p>`;
  }
}
defineElement('insurup-probe', InsurupProbe);

function fakeAuth(customer: object = CUSTOMER): { auth: AuthSession; fake: FakeFetch } {
  const fake = new FakeFetch();
  fake
    .on('GET', '/p/api/customers/me', () => json(200, customer))
    .on('POST', '/p/api/auth/customer/refresh', () => problem(401, 'unauthorized'));
  return { auth: new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: fake.fetch })), fake };
}

const SECRET = 'eyJ.SECRET-ACCESS-TOKEN.sig';

describe('Persistence', () => {
  beforeEach(() => resetWidgetState());

  it('keeps step and ids in sessionStorage, never tokens, card data or personal data', async () => {
    const { auth } = fakeAuth();
    await auth.completeLogin({ accessToken: SECRET, expiresIn: 600 });
    const key = storageKey('http://proxy.test/p', 'kasko', 'f1');
    const flow = new FlowSession({ auth, product: 'kasko', storageKey: key });
    flow.completeAsset({ type: 'VEHICLE', id: 'veh-1' });
    flow.setProposal('0123456789abcdef01234567');
    flow.selectQuote({
      proposalProductId: 'pp-1',
      installmentNumber: 1,
      insuranceCompanyId: '7',
      insuranceCompanyName: 'Doğa Sigorta',
      productId: '12',
      productName: 'Kasko',
      grossPremium: 12000,
      currency: 'TURKISH_LIRA',
    });
    // Whatever a careless caller adds to the state is not written.
    flow.update({ card: { number: '4111111111111111', cvc: '123' }, phone: '5321234567' } as never);
    flow.startPurchase({ proposalProductId: 'pp-1', paymentType: '3d-secure', returnMarker: 'r-1', startedAt: 1 });
    const everything = Object.keys(sessionStorage)
      .map((k) => `${k}=${sessionStorage.getItem(k)}`)
      .join('\n');
    expect(everything).to.contain('veh-1');
    for (const secret of [SECRET, 'SECRET-ACCESS-TOKEN', '4111111111111111', '5321234567', 'Ayşe', 'cvc', 'refresh']) {
      expect(everything).not.to.contain(secret);
    }
    expect(Object.keys(JSON.parse(sessionStorage.getItem(key)!))).to.have.members([
      'product', 'step', 'customerId', 'caseId', 'asset', 'assetReady', 'proposalId', 'selection', 'purchase', 'policyId',
    ]);
    // A reload resumes at the same step with the same ids.
    const again = new FlowSession({ auth, product: 'kasko', storageKey: key });
    expect(again.step).to.equal('checkout');
    expect(again.state.asset).to.deep.equal({ type: 'VEHICLE', id: 'veh-1' });
  });

  it('refuses a tampered or foreign saved state', () => {
    const key = storageKey('http://proxy.test/p', 'kasko');
    sessionStorage.setItem(key, JSON.stringify({ ...initialFlowState('kasko'), step: 'admin' }));
    expect(loadFlowState(key)).to.equal(null);
    sessionStorage.setItem(key, JSON.stringify({ ...initialFlowState('kasko'), asset: { type: 'VEHICLE', id: '../../x' } }));
    expect(loadFlowState(key)).to.equal(null);
    sessionStorage.setItem(key, '{not json');
    expect(loadFlowState(key)).to.equal(null);
    saveFlowState(key, { ...initialFlowState('kasko'), step: 'asset' });
    expect(loadFlowState(key)?.step).to.equal('asset');
  });
});

describe('FlowSession and the login', () => {
  beforeEach(() => resetWidgetState());

  it('moves from login to the asset step on login, and remembers whose state it is', async () => {
    const { auth } = fakeAuth();
    const flow = new FlowSession({ auth, product: 'kasko' });
    expect(flow.step).to.equal('login');
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    expect(flow.step).to.equal('asset');
    expect(flow.state.customerId).to.equal(CUSTOMER.id);
  });

  it('starts over after a logout, keeps its place after an expiry', async () => {
    let revoked = false;
    const fake = new FakeFetch();
    fake
      .on('GET', '/p/api/customers/me', () => (revoked ? problem(401, 'unauthorized') : json(200, CUSTOMER)))
      .on('POST', '/p/api/auth/customer/refresh', () => problem(401, 'unauthorized'))
      .on('POST', '/p/api/auth/customer/logout', () => new Response(null, { status: 204 }));
    const auth = new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: fake.fetch }));
    const key = storageKey('http://proxy.test/p', 'kasko', 'x');
    const flow = new FlowSession({ auth, product: 'kasko', storageKey: key });
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    flow.completeAsset({ type: 'VEHICLE', id: 'veh-1' });
    expect(flow.step).to.equal('quotes');

    // Expiry: the API refuses the token and the refresh is refused too.
    revoked = true;
    await auth.client.request('getMe', {}).catch(() => undefined);
    expect(auth.status).to.equal('anonymous');
    expect(auth.endReason).to.equal('expired');
    expect(flow.step).to.equal('login');
    revoked = false;
    await auth.completeLogin({ accessToken: 't2', expiresIn: 600 });
    expect(flow.step).to.equal('quotes');

    await auth.logout();
    expect(flow.step).to.equal('login');
    expect(flow.state.asset).to.equal(null);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('never resumes another customer’s saved flow', async () => {
    const key = storageKey('http://proxy.test/p', 'kasko', 'y');
    saveFlowState(key, {
      ...initialFlowState('kasko'),
      customerId: OTHER_CUSTOMER.id,
      step: 'quotes',
      asset: { type: 'VEHICLE', id: 'theirs' },
      assetReady: true,
    });
    const { auth } = fakeAuth(CUSTOMER);
    const flow = new FlowSession({ auth, product: 'kasko', storageKey: key });
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    expect(flow.step).to.equal('asset');
    expect(flow.state.asset).to.equal(null);
    expect(flow.state.customerId).to.equal(CUSTOMER.id);
  });

  it('starts over cleanly when the silent refresh on load fails', async () => {
    const key = storageKey('http://proxy.test/p', 'kasko', 'z');
    saveFlowState(key, { ...initialFlowState('kasko'), customerId: CUSTOMER.id, step: 'quotes', assetReady: true });
    const { auth } = fakeAuth();
    const flow = new FlowSession({ auth, product: 'kasko', storageKey: key });
    await auth.restore();
    expect(auth.status).to.equal('anonymous');
    expect(flow.step).to.equal('login');
    expect(flow.state.assetReady).to.equal(false);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('keeps its place, a pending payment included, when resuming fails for a passing reason, and resumes on retry', async () => {
    const key = storageKey('http://proxy.test/p', 'kasko', 'r');
    const pending = { proposalProductId: 'pp1', paymentType: '3d-secure' as const, returnMarker: 'm1', startedAt: 1 };
    const selection = {
      proposalProductId: 'pp1', installmentNumber: 1, insuranceCompanyId: '7', insuranceCompanyName: 'Doğa',
      productId: '12', productName: 'Kasko', grossPremium: 12000, currency: 'TURKISH_LIRA' as const,
    };
    saveFlowState(key, {
      ...initialFlowState('kasko'), customerId: CUSTOMER.id, step: 'checkout', assetReady: true,
      asset: { type: 'VEHICLE', id: 'v1' }, proposalId: 'p1', selection, purchase: pending,
    });
    const fake = new FakeFetch();
    let refreshes = 0;
    fake
      .on('GET', '/p/api/customers/me', () => json(200, CUSTOMER))
      .on('POST', '/p/api/auth/customer/refresh', () =>
        ++refreshes === 1 ? problem(503, 'upstream-service', 'InsurUp could not be reached.') : json(200, { accessToken: SECRET, expiresIn: 600 }),
      );
    const auth = new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: fake.fetch, retries: 0 }));
    const flow = new FlowSession({ auth, product: 'kasko', storageKey: key });
    await auth.restore();
    expect(auth.status).to.equal('anonymous');
    expect(auth.endReason).to.equal('restore-error');
    expect(flow.state.purchase).to.deep.equal(pending);
    expect(loadFlowState(key)?.purchase).to.deep.equal(pending);
    await auth.restore(); // the login's "Try again"
    expect(auth.status).to.equal('authenticated');
    expect(flow.step).to.equal('checkout');
    expect(flow.state.purchase).to.deep.equal(pending);
  });

  it('two flows share one login and keep their own steps', async () => {
    const { auth } = fakeAuth();
    const a = new FlowSession({ auth, product: 'kasko', storageKey: storageKey('u', 'kasko', 'a') });
    const b = new FlowSession({ auth, product: 'kasko', storageKey: storageKey('u', 'kasko', 'b') });
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    expect([a.step, b.step]).to.deep.equal(['asset', 'asset']);
    a.completeAsset({ type: 'VEHICLE', id: 'veh-a' });
    expect([a.step, b.step]).to.deep.equal(['quotes', 'asset']);
    expect(b.state.asset).to.equal(null);
  });

  it('recognises its own payment return and lands on checkout', async () => {
    const { auth } = fakeAuth();
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    const flow = new FlowSession({ auth, product: 'kasko' });
    flow.completeAsset({ type: 'VEHICLE', id: 'v' });
    flow.setProposal('p1');
    flow.selectQuote({
      proposalProductId: 'pp', installmentNumber: 1, insuranceCompanyId: '1', insuranceCompanyName: 'X',
      productId: '1', productName: 'K', grossPremium: 1, currency: 'TURKISH_LIRA',
    });
    flow.startPurchase({ proposalProductId: 'pp', paymentType: 'insurance-company-redirect', returnMarker: 'm-42', startedAt: 1 });
    flow.goTo('quotes');
    expect(flow.resumePaymentReturn(`https://agency.example/kasko?${RETURN_MARKER_PARAM}=other`)).to.equal(false);
    expect(flow.step).to.equal('quotes');
    expect(flow.resumePaymentReturn(`https://agency.example/kasko?${RETURN_MARKER_PARAM}=m-42&success=true`)).to.equal(true);
    expect(flow.step).to.equal('checkout');
  });
});

describe('Page-level session provider', () => {
  beforeEach(() => resetWidgetState());

  it('gives separately placed elements with the same proxy and product one session, and every product one login', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <section><insurup-probe id="a" proxy-url="/no-proxy-here" product="kasko"></insurup-probe></section>
      <aside><insurup-probe id="b" proxy-url="/no-proxy-here/" product="kasko"></insurup-probe></aside>
      <footer><insurup-probe id="c" proxy-url="/no-proxy-here" product="trafik"></insurup-probe></footer>
    </div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => page.querySelector<InsurupProbe>(`#${id}`)!) as [InsurupProbe, InsurupProbe, InsurupProbe];
    expect(a.session).to.exist;
    expect(b.session).to.equal(a.session);
    expect(c.session).not.to.equal(a.session);
    expect(c.session!.auth).to.equal(a.session!.auth);
    expect(a.session!.auth).to.equal(authSessionFor('/no-proxy-here'));
    // No proxy answers here: the silent restore ends anonymous, and both show the login step.
    await until(() => a.session!.auth.status === 'anonymous', 'restore to finish');
    await a.updateComplete;
    expect(a.shadowRoot!.textContent).to.contain('login');
  });

  it('announces the progress of separately placed elements with insurup-step-change on document', async () => {
    const { testEnv, loginViaApi } = await import('../support/env.js');
    const { proxyUrl } = await testEnv();
    const steps: unknown[] = [];
    const listener = (event: Event) => steps.push((event as CustomEvent).detail);
    document.addEventListener('insurup-step-change', listener);
    try {
      await loginViaApi();
      const el = await fixture<InsurupProbe>(html`<insurup-probe proxy-url=${proxyUrl} product="trafik"></insurup-probe>`);
      await until(() => steps.length >= 1, 'the first step');
      expect(steps[0]).to.deep.equal({ step: 'asset', previousStep: null, product: 'trafik' });
      el.session!.completeAsset({ type: 'VEHICLE', id: 'v1' });
      await until(() => steps.length >= 2, 'the quotes step');
      expect(steps[1]).to.deep.equal({ step: 'quotes', previousStep: 'asset', product: 'trafik' });
      expect(steps).to.have.length(2);
    } finally {
      document.removeEventListener('insurup-step-change', listener);
      await fetch(`${proxyUrl}/api/auth/customer/logout`, { method: 'POST', credentials: 'include' });
    }
  });

  it('answers nothing to an element without proxy-url', async () => {
    const el = await fixture<InsurupProbe>(html`<insurup-probe product="kasko"></insurup-probe>`);
    expect(el.session).to.equal(undefined);
    el.proxyUrl = '/late';
    await el.updateComplete;
    await el.updateComplete;
    expect(el.session).to.exist;
  });
});
