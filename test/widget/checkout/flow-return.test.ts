/**
 * The payment round trip inside `<insurup-flow>`: checkout in the flow, the bank's page, and a
 * fresh page load at the callback URL that resumes at checkout, verifies with the API and
 * lands on the policy. And the return landing in a tab that did not start the payment (the
 * payment finished in another tab, or a banking app opened a new one): its `policyId` is only
 * a hint, shown as a policy once the customer's own `GET /api/policies/{id}` confirms it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-flow/element.js';
import '../../../src/widget/elements/insurup-checkout/element.js';
import '../../../src/widget/elements/insurup-policy/element.js';
import type { InsurupCheckout } from '../../../src/widget/elements/insurup-checkout/element.js';
import type { InsurupPolicy } from '../../../src/widget/elements/insurup-policy/element.js';
import '../../../src/widget/elements/insurup-login/element.js';
import { authSessionFor, resetAuthSessions } from '../../../src/widget/session/auth-session.js';
import { resetPageSessions } from '../../../src/widget/session/context.js';
import { loginViaApi, newIdentity, resetWidgetState, sandboxRequests, testEnv, until } from '../support/env.js';
import { visibleText } from '../core/dom.js';
import { tr } from '../support/shadow.js';
import { buyViaApi, decidePayment, prepareCheckout, purchaseRequests, readableStorage, recordEvents } from './purchase-support.js';

const originalUrl = location.href;

async function mountFlow(): Promise<HTMLElement & { session?: import('../../../src/widget/session/flow-session.js').FlowSession }> {
  const { proxyUrl } = await testEnv();
  return fixture(html`<insurup-flow proxy-url=${proxyUrl} product="tss"></insurup-flow>`);
}

function stepElement<T extends Element>(flow: HTMLElement, tag: string): T | null {
  return flow.shadowRoot!.querySelector<T>(tag);
}

/**
 * The callback address as InsurUp sends the customer back to it, opened in a tab that did not
 * start the payment: its own sessionStorage (nothing pending) and memory, the shared refresh
 * cookie. The page's own parameter (`kaynak`) must survive.
 */
function openReturnInNewTab(extra: Record<string, string>): void {
  sessionStorage.clear();
  resetPageSessions();
  resetAuthSessions();
  const url = new URL(originalUrl);
  url.searchParams.set('kaynak', 'kampanya');
  url.searchParams.set('insurup_return', 'c0ffee'.repeat(5) + '00');
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  history.replaceState(null, '', url.href);
}

function expectReturnParamsGone(): void {
  const params = new URL(location.href).searchParams;
  expect([...params.keys()].filter((k) => ['insurup_return', 'success', 'policyId', 'error'].includes(k))).to.deep.equal([]);
  expect(params.get('kaynak')).to.equal('kampanya');
}

async function policyAsked(policyId: string) {
  return (await sandboxRequests()).filter((r) => r.method === 'GET' && r.path === `/api/policies/${policyId}`);
}

describe('payment return inside <insurup-flow>', () => {
  beforeEach(() => resetWidgetState());
  afterEach(() => history.replaceState(null, '', originalUrl));

  it('a reload at the callback URL resumes at checkout, confirms with the API and shows the policy', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const flow = await mountFlow();
    const session = flow.session!;
    await until(() => session.auth.isAuthenticated, 'the flow to see the login');
    session.completeAsset(null);
    session.setProposal(prepared.proposalId);
    session.selectQuote(prepared.selection);

    const checkout = await until(() => stepElement<InsurupCheckout>(flow, 'insurup-checkout'), 'checkout in the flow');
    const navigated: string[] = [];
    checkout.navigate = (url) => navigated.push(url);
    const form = await until(() => checkout.shadowRoot!.querySelector('form'), 'the checkout form', 15_000);
    form.querySelector<HTMLInputElement>('input[value="insurance-company-redirect"]')!.click();
    checkout.shadowRoot!.querySelector<HTMLInputElement>('#information-form-confirm')!.click();
    await checkout.updateComplete;
    checkout.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pay-button"]')!.click();
    await until(() => navigated.length === 1, 'navigation to the insurer page');
    await decidePayment(navigated[0]!, 'approve');
    flow.remove();

    // The insurer sends the browser back: a new page load at the callback URL.
    const [request] = await purchaseRequests(prepared.proposalId);
    const back = new URL((request!.body as { callbackUrl: string }).callbackUrl);
    back.searchParams.set('success', 'true');
    history.replaceState(null, '', back.href);
    resetAuthSessions();
    const recorder = recordEvents();
    try {
      const returned = await mountFlow();
      const policy = await until(() => stepElement<InsurupPolicy>(returned, 'insurup-policy'), 'the policy step', 15_000);
      await until(() => policy.shadowRoot!.querySelector('[part~="policy-number"]'), 'the policy number');
      const steps = recorder.events.filter((e) => e.type === 'insurup-step-change').map((e) => (e.detail as { step: string }).step);
      expect(steps).to.deep.equal(['checkout', 'policy']);
      expect(recorder.events.filter((e) => e.type === 'insurup-purchase-complete')).to.have.length(1);
      expect(location.search).not.to.include('insurup_return');
      expect(readableStorage()).not.to.include('4111');
    } finally {
      recorder.stop();
    }
  });

  it('a payment finished in another tab: the new tab confirms the policy with the API and shows it', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const policyId = await buyViaApi(prepared);
    openReturnInNewTab({ success: 'true', policyId });
    const recorder = recordEvents();
    try {
      const flow = await mountFlow();
      // The parameters leave the address bar as soon as the flow has read them.
      expectReturnParamsGone();
      const policy = await until(() => stepElement<InsurupPolicy>(flow, 'insurup-policy'), 'the policy step', 15_000);
      const number = await until(() => policy.shadowRoot!.querySelector('[part~="policy-number"]'), 'the policy number');
      const bought = await prepared.auth.client.request('getPolicy', { params: { policyId } });
      expect(number.textContent!.trim()).to.equal(bought.insuranceCompanyPolicyNumber);
      expect(flow.session!.state.policyId).to.equal(policyId);
      // No early step flashes by while the policy is checked: the policy is the first step shown.
      const steps = recorder.events.filter((e) => e.type === 'insurup-step-change').map((e) => (e.detail as { step: string }).step);
      expect(steps).to.deep.equal(['policy']);
      expect((await policyAsked(policyId)).map((r) => r.status)).to.include(200);
      expect(visibleText(flow)).not.to.include(tr('common.paymentReturn.unconfirmed.title'));
    } finally {
      recorder.stop();
    }
  });

  it("a forged return naming another customer's policy shows no policy, says so, and cleans the address bar", async () => {
    const victim = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const theirs = await buyViaApi(victim);
    // Someone else is logged in on this browser and opens a link with the victim's policy id.
    resetAuthSessions();
    await loginViaApi();
    openReturnInNewTab({ success: 'true', policyId: theirs });
    const flow = await mountFlow();
    expectReturnParamsGone();
    const notice = await until(
      () => [...flow.shadowRoot!.querySelectorAll('[role="alert"]')].find((n) => n.textContent!.includes(tr('common.paymentReturn.unconfirmed.title'))),
      'the not-confirmed message',
      15_000,
    );
    expect(notice.textContent).to.include(tr('common.paymentReturn.unconfirmed.body'));
    expect((await policyAsked(theirs)).at(-1)!.status).to.equal(404);
    // The customer carries on from where this tab is (the asset step); never a policy.
    await until(() => flow.shadowRoot!.querySelector('insurup-health-form'), 'the health step');
    expect(stepElement(flow, 'insurup-policy')).to.equal(null);
    expect(flow.session!.state.policyId).to.equal(null);
    expect(visibleText(flow)).not.to.include(victim.product.insuranceCompanyName);
  });

  it('a return with no policy id (declined in another tab) shows no policy and says it could not be confirmed', async () => {
    await loginViaApi();
    openReturnInNewTab({ success: 'false', error: 'Reddedildi' });
    const flow = await mountFlow();
    expectReturnParamsGone();
    await until(() => visibleText(flow).includes(tr('common.paymentReturn.unconfirmed.title')), 'the not-confirmed message', 15_000);
    expect(stepElement(flow, 'insurup-policy')).to.equal(null);
  });

  it('not logged in in the new tab: asks to log in first, then shows the policy once it is confirmed', async () => {
    const who = newIdentity();
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT', 'single', who);
    const policyId = await buyViaApi(prepared);
    await prepared.auth.logout(); // no refresh cookie: the new tab cannot log in silently
    openReturnInNewTab({ success: 'true', policyId });
    const flow = await mountFlow();
    expectReturnParamsGone();
    await until(() => visibleText(flow).includes(tr('common.paymentReturn.login')), 'the log-in message', 15_000);
    await until(() => stepElement(flow, 'insurup-login'), 'the login step');
    expect(stepElement(flow, 'insurup-policy')).to.equal(null);
    expect(await policyAsked(policyId)).to.have.length(0);

    await loginViaApi(who);
    const policy = await until(() => stepElement<InsurupPolicy>(flow, 'insurup-policy'), 'the policy after the login', 15_000);
    await until(() => policy.shadowRoot!.querySelector('[part~="policy-number"]'), 'the policy number');
    expect(visibleText(flow)).not.to.include(tr('common.paymentReturn.login'));
    await authSessionFor((await testEnv()).proxyUrl).logout();
  });
});

describe('payment return in a new tab, with elements placed on their own', () => {
  beforeEach(() => resetWidgetState());
  afterEach(() => history.replaceState(null, '', originalUrl));

  async function mountBlocks(): Promise<{ checkout: InsurupCheckout; policy: InsurupPolicy }> {
    const { proxyUrl } = await testEnv();
    // A login block without a product first (its page session is kasko's): the return is still
    // checked by the tss blocks that can show it.
    const page = await fixture<HTMLElement>(html`<main>
      <section><insurup-login proxy-url=${proxyUrl}></insurup-login></section>
      <section><insurup-checkout proxy-url=${proxyUrl} product="tss"></insurup-checkout></section>
      <section><p>Blog metni</p></section>
      <section><insurup-policy proxy-url=${proxyUrl} product="tss"></insurup-policy></section>
    </main>`);
    return { checkout: page.querySelector('insurup-checkout')!, policy: page.querySelector('insurup-policy')! };
  }

  it('the page session confirms the policy: <insurup-policy> shows it, <insurup-checkout> says the payment was received', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const policyId = await buyViaApi(prepared);
    openReturnInNewTab({ success: 'true', policyId });
    const { checkout, policy } = await mountBlocks();
    expectReturnParamsGone();
    await until(() => policy.shadowRoot!.querySelector('[part~="policy-number"]'), 'the policy number', 15_000);
    await until(() => visibleText(checkout).includes(tr('checkout.done.title')), 'the payment received message');
    expect(visibleText(checkout)).not.to.include(tr('common.paymentReturn.unconfirmed.title'));
  });

  it("a forged policy id shows no policy; the message appears once", async () => {
    const victim = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const theirs = await buyViaApi(victim);
    resetAuthSessions();
    await loginViaApi();
    openReturnInNewTab({ success: 'true', policyId: theirs });
    const { checkout, policy } = await mountBlocks();
    expectReturnParamsGone();
    await until(() => visibleText(checkout).includes(tr('common.paymentReturn.unconfirmed.title')), 'the not-confirmed message', 15_000);
    await until(() => visibleText(policy).includes(tr('common.needsPolicy')), 'no policy in the policy block');
    expect(policy.shadowRoot!.querySelector('[part~="policy-number"]')).to.equal(null);
    expect(visibleText(policy)).not.to.include(tr('common.paymentReturn.unconfirmed.title'));
  });

  it('the return parameters leave the address bar whatever element is on the page (a login block alone)', async () => {
    openReturnInNewTab({ success: 'true', policyId: '0123456789abcdef01234567' });
    const { proxyUrl } = await testEnv();
    await fixture(html`<insurup-login proxy-url=${proxyUrl}></insurup-login>`);
    expectReturnParamsGone();
  });
});
