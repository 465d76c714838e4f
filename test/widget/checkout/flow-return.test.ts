/**
 * The payment round trip inside `<insurup-flow>`: checkout in the flow, the bank's page, and a
 * fresh page load at the callback URL that resumes at checkout, verifies with the API and
 * lands on the policy.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-flow/element.js';
import '../../../src/widget/elements/insurup-checkout/element.js';
import '../../../src/widget/elements/insurup-policy/element.js';
import type { InsurupCheckout } from '../../../src/widget/elements/insurup-checkout/element.js';
import type { InsurupPolicy } from '../../../src/widget/elements/insurup-policy/element.js';
import { resetAuthSessions } from '../../../src/widget/session/auth-session.js';
import { resetWidgetState, testEnv, until } from '../support/env.js';
import { decidePayment, prepareCheckout, purchaseRequests, readableStorage, recordEvents } from './purchase-support.js';

const originalUrl = location.href;

async function mountFlow(): Promise<HTMLElement & { session?: import('../../../src/widget/session/flow-session.js').FlowSession }> {
  const { proxyUrl } = await testEnv();
  return fixture(html`<insurup-flow proxy-url=${proxyUrl} product="tss"></insurup-flow>`);
}

function stepElement<T extends Element>(flow: HTMLElement, tag: string): T | null {
  return flow.shadowRoot!.querySelector<T>(tag);
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
});
