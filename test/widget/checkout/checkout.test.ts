import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/widget/elements/insurup-checkout/element.js';
import type { InsurupCheckout } from '../../../src/widget/elements/insurup-checkout/element.js';
import { pageSessionFor, resetPageSessions } from '../../../src/widget/session/context.js';
import { resetAuthSessions, authSessionFor } from '../../../src/widget/session/auth-session.js';
import { translate } from '../../../src/widget/i18n/index.js';
import { formatMoney } from '../../../src/widget/i18n/index.js';
import { resetWidgetState, sandboxFault, clearSandboxFaults, testEnv, until, loginViaApi } from '../support/env.js';
import { q, root, text, tr } from '../support/shadow.js';
import {
  decidePayment,
  documentStatus,
  futureExpiry,
  prepareCheckout,
  purchaseRequests,
  readableStorage,
  recordEvents,
  TEST_CARD,
  phoneWithFlow,
  type Prepared,
} from './purchase-support.js';
import { brokenWords, linesOf, overflowing } from '../support/layout.js';
import type { ProposalProduct } from '../../../src/contract/proposals.js';
import type { Currency } from '../../../src/contract/z.js';

const originalUrl = location.href;
function active(el: Element): Element | null {
  return root(el).activeElement;
}

interface MountOptions {
  lang?: string;
  paymentTypes?: string;
  pollMs?: number;
  waitMs?: number;
  agencyPhone?: string;
  contactUrl?: string;
}

async function mount(o: MountOptions = {}): Promise<InsurupCheckout> {
  const { proxyUrl } = await testEnv();
  return fixture<InsurupCheckout>(
    html`<insurup-checkout
      proxy-url=${proxyUrl}
      product="tss"
      lang=${o.lang ?? 'tr'}
      payment-types=${ifDefined(o.paymentTypes)}
      agency-phone=${ifDefined(o.agencyPhone)}
      contact-url=${ifDefined(o.contactUrl)}
      .purchasePollMs=${o.pollMs ?? 1_000}
      .purchaseWaitMs=${o.waitMs ?? 120_000}
    ></insurup-checkout>`,
  );
}

async function ready(el: InsurupCheckout): Promise<HTMLFormElement> {
  return until(() => root(el).querySelector<HTMLFormElement>('form'), 'the checkout form', 15_000);
}

/** Types like a paste: sets the value and fires input (and blur, which shows the field's error). */
function type(el: Element, selector: string, value: string, blur = true): void {
  const input = q<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) input.dispatchEvent(new Event('blur'));
}

function check(el: Element, selector: string, checked = true): void {
  const box = q<HTMLInputElement>(el, selector);
  if (box.checked !== checked) box.click();
}

async function fillValidCard(el: InsurupCheckout): Promise<void> {
  type(el, '#card-holder-name', TEST_CARD.holder);
  type(el, '#card-number', TEST_CARD.number);
  type(el, '#card-expiry', futureExpiry());
  type(el, '#card-cvc', TEST_CARD.cvc);
  check(el, '#information-form-confirm');
  await el.updateComplete;
}

function chooseType(el: Element, value: string): void {
  q<HTMLInputElement>(el, `input[name="payment-type"][value="${value}"]`).click();
}

function payButton(el: Element): HTMLButtonElement {
  return q<HTMLButtonElement>(el, '[part~="pay-button"]');
}

/** What the browser would do on return: load the callback URL the sandbox redirects to. */
async function simulateReturn(prepared: Prepared, extra: Record<string, string>, options: { reload?: boolean } = {}) {
  const [request] = await purchaseRequests(prepared.proposalId);
  const callbackUrl = new URL((request!.body as { callbackUrl: string }).callbackUrl);
  for (const [key, value] of Object.entries(extra)) callbackUrl.searchParams.append(key, value);
  history.replaceState(null, '', callbackUrl.href);
  // A new page load: fresh sessions read back from sessionStorage and the refresh cookie.
  resetPageSessions();
  if (options.reload !== false) resetAuthSessions();
}

function storageHasNoCard(): void {
  const stored = readableStorage();
  expect(stored).not.to.include(TEST_CARD.number);
  expect(stored).not.to.include(TEST_CARD.grouped);
  expect(stored).not.to.include(futureExpiry());
  expect(stored.toLowerCase()).not.to.match(/"(card|cvc|number|holdername)"/);
}

/** Checkout inside the flow on a 360 px phone (see phoneWithFlow), checked as a customer would look. */
async function fitsPhoneInFlow(prepared: Prepared, premium: { grossPremium: number; currency: Currency; installmentNumber: number }, lang: 'tr' | 'en') {
  const phone = await phoneWithFlow(prepared, lang);
  try {
    const { flow } = phone;
    const el = await until(() => flow.shadowRoot!.querySelector<InsurupCheckout>('insurup-checkout'), 'checkout in the flow');
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    const what = (s: string) => `${lang}: ${s}`;
    // The flow is the surface: the step starts at the flow's edge (as every step does) and
    // keeps the flow's whole width (288 px of a 360 px phone on the demo's card).
    const edge = flow.shadowRoot!.querySelector('[part~="progress"]')!.getBoundingClientRect();
    const heading = q(el, 'h2').getBoundingClientRect();
    expect(Math.round(heading.left), what('the heading starts at the flow edge')).to.equal(Math.round(edge.left));
    expect(Math.round(q(el, '[part~="checkout"]').getBoundingClientRect().width), what('the step width')).to.equal(Math.round(edge.width));
    // Nothing sticks out or scrolls sideways.
    expect(overflowing(flow), what('overflowing')).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, what('the page scrolls sideways')).to.be.at.most(360);
    // Amounts never break: the total, the instalment amount and the Pay button's.
    const total = formatMoney(premium.grossPremium, premium.currency, lang);
    expect(linesOf(q(el, '[part~="total"]'), [total]), what(total)).to.deep.equal([1]);
    expect(linesOf(payButton(el), [total]), what(`Pay ${total}`)).to.deep.equal([1]);
    const each = formatMoney(premium.grossPremium / premium.installmentNumber, premium.currency, lang);
    const plan = [...root(el).querySelectorAll('dd')].find((dd) => dd.textContent!.includes(each))!;
    expect(linesOf(plan, [each]), what(each)).to.deep.equal([1]);
    const amounts = [...root(el).querySelectorAll('.money')];
    expect(amounts.length, what('amounts marked')).to.be.at.least(3);
    for (const amount of amounts) expect(amount.getClientRects().length, what(amount.textContent!)).to.equal(1);
    // No word of the summary, the payment types or the progress is split across lines.
    expect(brokenWords(el), what('words split')).to.deep.equal([]);
    expect(brokenWords(flow.shadowRoot!.querySelector('[part~="progress"]')!), what('progress words split')).to.deep.equal([]);
    // Labels and values never overlap.
    const textBox = (node: Element) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    };
    for (const dt of root(el).querySelectorAll('dt')) {
      const label = textBox(dt);
      const value = textBox(dt.nextElementSibling!);
      const apart = label.bottom <= value.top + 0.5 || label.right <= value.left + 0.5;
      expect(apart, what(`${dt.textContent} overlaps its value`)).to.equal(true);
    }
    const targets = root(el).querySelectorAll<HTMLElement>('button, input:not([type="checkbox"]):not([type="radio"]), label.choice, a');
    expect(targets.length).to.be.greaterThan(8);
    for (const target of targets) {
      expect(target.getBoundingClientRect().height, what(target.outerHTML.slice(0, 80))).to.be.at.least(44);
    }
  } finally {
    await phone.restore();
  }
}

describe('<insurup-checkout>', () => {
  let navigated: string[];

  beforeEach(() => {
    resetWidgetState();
    navigated = [];
  });
  afterEach(async () => {
    history.replaceState(null, '', originalUrl);
    await clearSandboxFaults();
  });

  /** A checkout with 3-D Secure chosen and the test card filled in; where it navigates goes to `navigated`. */
  async function mountWithCard(): Promise<InsurupCheckout> {
    const el = await mount();
    await ready(el);
    el.navigate = (url) => navigated.push(url);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    await fillValidCard(el);
    return el;
  }

  /** Presses Pay and waits until the checkout sends the browser to the payment page. */
  async function payAndLeave(el: InsurupCheckout): Promise<void> {
    payButton(el).click();
    await until(() => navigated.length === 1, 'navigation');
  }

  /** Pays by the insurer's redirect (no card) and leaves: the checkout is gone, as after navigating away. */
  async function payByRedirectAndLeave(): Promise<void> {
    const el = await mount({ paymentTypes: 'insurance-company-redirect' });
    await ready(el);
    el.navigate = (url) => navigated.push(url);
    check(el, '#information-form-confirm');
    await el.updateComplete;
    await payAndLeave(el);
    el.remove();
  }

  it('passes axe with the card form, summary and pre-contract form', async () => {
    await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount();
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows the chosen offer, its instalments and total, and only the payment types the product supports', async () => {
    const prepared = await prepareCheckout((p) => p.premiums.some((x) => x.installmentNumber > 1), 'many');
    const el = await mount();
    await ready(el);
    const { product, selection } = prepared;
    const premium = product.premiums.find((p) => p.installmentNumber === selection.installmentNumber)!;
    expect(text(el)).to.include(product.insuranceCompanyName);
    expect(text(el)).to.include(product.productName);
    expect(q(el, '[part~="total"]').textContent!.trim()).to.equal(formatMoney(premium.grossPremium, premium.currency, 'tr'));
    expect(text(el)).to.include(`${selection.installmentNumber} taksit`);
    expect(payButton(el).textContent).to.include(formatMoney(premium.grossPremium, premium.currency, 'tr'));

    const offered = [...root(el).querySelectorAll<HTMLInputElement>('input[name="payment-type"]')].map((r) => r.value);
    const expected = [
      ['ASYNC_3D_SECURE', '3d-secure'],
      ['ASYNC_THIRD_PARTY_3D_SECURE', 'third-party-3d-secure'],
      ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'insurance-company-redirect'],
    ]
      .filter(([option]) => product.supportedPaymentOptions.includes(option as never))
      .map(([, type]) => type);
    expect(offered).to.deep.equal(expected);

    // A screen reader says each payment type by its short name, then its explanation.
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const flat = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(flat)];
    const radios = flat((await a11ySnapshot({})) as unknown as AxNode).filter((n) => n.role === 'radio');
    expect(radios.map((r) => [r.name, r.description])).to.deep.equal(
      expected.map((type) => [tr(`checkout.type.${type}` as Parameters<typeof tr>[0]), tr(`checkout.type.${type}.hint` as Parameters<typeof tr>[0])]),
    );
  });

  it('narrows the payment types with the payment-types attribute (redirect only: no card form)', async () => {
    await prepareCheckout(
      (p) => p.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT') && p.supportedPaymentOptions.length > 1,
    );
    const el = await mount({ paymentTypes: 'insurance-company-redirect' });
    await ready(el);
    const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[name="payment-type"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['insurance-company-redirect']);
    expect(radios[0]!.checked).to.equal(true);
    expect(root(el).querySelector('#card-number')).to.equal(null);
  });

  it('says the offer cannot be bought online when no allowed type is supported', async () => {
    await prepareCheckout((p) => !p.supportedPaymentOptions.includes('ASYNC_3D_SECURE'));
    const el = await mount({ paymentTypes: '3d-secure', agencyPhone: '0212 555 12 34', contactUrl: 'javascript:alert(1)' });
    await until(() => text(el).includes(tr('checkout.type.none')), 'the no-payment-type message');
    expect(root(el).querySelector('form')).to.equal(null);
    expect(q(el, '[part~="choose-another-button"]').textContent).to.include(tr('checkout.chooseAnother'));
    // Help from the agency: its phone as a tel: link; a script URL is never rendered as a link.
    expect(q<HTMLAnchorElement>(el, '[part~="agency-phone"]').href).to.equal('tel:02125551234');
    expect(q(el, '[part~="agency-phone"]').textContent).to.include('0212 555 12 34');
    expect(root(el).querySelector('[part~="agency-contact"]')).to.equal(null);
  });

  it('validates every card field with its own message and sends nothing while invalid', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount();
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;

    // Empty submit: every field says it is required, focus goes to the first, the consent is asked for.
    payButton(el).click();
    await el.updateComplete;
    for (const id of ['card-holder-name', 'card-number', 'card-expiry', 'card-cvc']) {
      expect(q(el, `#${id}-error`).textContent, id).to.equal(tr('validation.required'));
      expect(q(el, `#${id}`).getAttribute('aria-invalid'), id).to.equal('true');
      expect(q(el, `#${id}`).getAttribute('aria-describedby'), id).to.include(`${id}-error`);
    }
    expect(q(el, '#information-form-error').textContent).to.equal(tr('checkout.infoForm.required'));
    await until(() => active(el)?.id === 'card-holder-name', 'focus on the first invalid field');

    type(el, '#card-holder-name', 'Ayşe');
    type(el, '#card-number', '4111111111111112');
    type(el, '#card-expiry', '13/30');
    type(el, '#card-cvc', '12');
    await el.updateComplete;
    expect(q(el, '#card-holder-name-error').textContent).to.equal(tr('validation.holderName'));
    expect(q(el, '#card-number-error').textContent).to.equal('Kart numarası geçerli değil.');
    expect(q(el, '#card-expiry-error').textContent).to.equal(tr('validation.cardExpiry'));
    expect(q(el, '#card-cvc-error').textContent).to.equal(tr('validation.cvc'));

    type(el, '#card-expiry', '01/20');
    await el.updateComplete;
    expect(q(el, '#card-expiry-error').textContent).to.equal('Kartın son kullanma tarihi geçmiş.');

    // The holder's identity number appears only when the card is someone else's, and is checked.
    expect(root(el).querySelector('#card-holder-identity')).to.equal(null);
    check(el, 'input[name="card-holder-is-other"]');
    await el.updateComplete;
    type(el, '#card-holder-identity', '12345678901');
    await el.updateComplete;
    expect(q(el, '#card-holder-identity-error').textContent).to.equal(tr('validation.tckn'));

    payButton(el).click();
    await el.updateComplete;
    expect(await purchaseRequests(prepared.proposalId)).to.have.length(0);
    expect(navigated).to.have.length(0);
  });

  it('groups the number as typed, shows the brand and keeps the expiry as MM/YY', async () => {
    await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount();
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    q(el, '#card-number').focus();
    await sendKeys({ type: '5555555555554444' });
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('5555 5555 5555 4444');
    expect(q(el, '[part~="card-brand"]').textContent).to.include('Mastercard');
    q(el, '#card-expiry').focus();
    await sendKeys({ type: '0829' });
    expect(q<HTMLInputElement>(el, '#card-expiry').value).to.equal('08/29');
    const autocomplete = (id: string) => q(el, `#${id}`).getAttribute('autocomplete');
    expect([autocomplete('card-holder-name'), autocomplete('card-number'), autocomplete('card-expiry'), autocomplete('card-cvc')]).to.deep.equal([
      'cc-name',
      'cc-number',
      'cc-exp',
      'cc-csc',
    ]);
    for (const id of ['card-number', 'card-expiry', 'card-cvc']) {
      expect(q(el, `#${id}`).getAttribute('inputmode'), id).to.equal('numeric');
    }
  });

  it('is usable with the keyboard alone: type, tick, Enter pays once and leaves for the bank', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount();
    await ready(el);
    el.navigate = (url) => navigated.push(url);
    q<HTMLInputElement>(el, 'input[name="payment-type"][value="3d-secure"]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('card-holder-name');
    await sendKeys({ type: TEST_CARD.holder });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('card-number');
    await sendKeys({ type: TEST_CARD.number });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('card-expiry');
    await sendKeys({ type: futureExpiry().replace('/', '') });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('card-cvc');
    await sendKeys({ type: TEST_CARD.cvc });
    await sendKeys({ press: 'Tab' }); // "the card is someone else's"
    await sendKeys({ press: 'Tab' }); // the information form link
    expect(active(el)?.getAttribute('part')).to.equal('information-form-link');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('information-form-confirm');
    await sendKeys({ press: 'Space' });
    storageHasNoCard();
    // Back in a text field, Enter submits the form (implicit submission); twice.
    q(el, '#card-cvc').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => navigated.length > 0, 'navigation to the payment page');
    expect(navigated[0]).to.match(/\/pay\//);
    expect(await purchaseRequests(prepared.proposalId)).to.have.length(1);
  });

  it('sends exactly one purchase on a double click, disables Pay meanwhile, and never keeps or emits the card', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const recorder = recordEvents();
    try {
      const el = await mountWithCard();
      storageHasNoCard();
      // The card is not on the element as a property or an attribute.
      expect(el.outerHTML).not.to.include(TEST_CARD.number);
      expect(JSON.stringify(Object.keys(el))).not.to.match(/card/i);

      const button = payButton(el);
      button.click();
      button.click();
      await el.updateComplete;
      expect(button.disabled).to.equal(true);
      await until(() => navigated.length === 1, 'navigation');
      const requests = await purchaseRequests(prepared.proposalId);
      expect(requests).to.have.length(1);
      const body = requests[0]!.body as { $type: string; callbackUrl: string; installmentNumber: number };
      expect(body.$type).to.equal('3d-secure');
      expect(body.installmentNumber).to.equal(prepared.selection.installmentNumber);
      const callback = new URL(body.callbackUrl);
      expect(callback.origin).to.equal(location.origin);
      expect(callback.searchParams.get('insurup_return')).to.equal(prepared.session.state.purchase!.returnMarker);

      // Cleared after submit: the inputs are empty, nothing readable by script holds it.
      expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('');
      expect(q<HTMLInputElement>(el, '#card-cvc').value).to.equal('');
      storageHasNoCard();
      expect(prepared.session.state.purchase).to.include({ paymentType: '3d-secure' });
      const started = recorder.events.find((e) => e.type === 'insurup-payment-started');
      expect(started?.detail).to.deep.equal({ product: 'tss', paymentType: '3d-secure' });
      const all = JSON.stringify(recorder.events);
      expect(all).not.to.include(TEST_CARD.number);
      expect(all).not.to.include(TEST_CARD.holder);
    } finally {
      recorder.stop();
    }
  });

  it('sends no card for the insurer redirect and uses the callback-url attribute', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const el = await mount({ paymentTypes: 'insurance-company-redirect' });
    el.callbackUrl = '/odeme-sonucu?kaynak=site#ust';
    await ready(el);
    el.navigate = (url) => navigated.push(url);
    check(el, '#information-form-confirm');
    await el.updateComplete;
    await payAndLeave(el);
    const [request] = await purchaseRequests(prepared.proposalId);
    const body = request!.body as Record<string, unknown>;
    expect(body.$type).to.equal('insurance-company-redirect');
    expect(body).not.to.have.property('card');
    const callback = new URL(body.callbackUrl as string);
    expect(callback.pathname).to.equal('/odeme-sonucu');
    expect(callback.searchParams.get('kaynak')).to.equal('site');
    expect(callback.hash).to.equal('');
    expect(callback.searchParams.get('insurup_return')).to.match(/^[0-9a-f]{32}$/);
  });

  it('the pre-contract form link opens the PDF', async () => {
    await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount();
    await ready(el);
    const link = q<HTMLAnchorElement>(el, '[part~="information-form-link"]');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(new URL(link.href).origin).to.equal(new URL((await testEnv()).sandboxUrl).origin);
    expect(await documentStatus(link.href)).to.equal(200);
  });

  it('clears the card and offers Retry when the purchase fails, keeping the other choices', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const recorder = recordEvents();
    try {
      const el = await mountWithCard();
      await sandboxFault({ method: 'POST', path: 'purchase/async$', fault: 503, times: 1 });
      payButton(el).click();
      const alert = await until(() => root(el).querySelector('[role="alert"]'), 'the error alert');
      expect(alert.textContent).to.include(tr('checkout.card.cleared'));
      expect(alert.querySelector('[part~="retry-button"]')).not.to.equal(null);
      expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('');
      expect(q<HTMLInputElement>(el, '#card-holder-name').value).to.equal('');
      expect(q<HTMLInputElement>(el, '#information-form-confirm').checked).to.equal(true);
      expect(payButton(el).disabled).to.equal(false);
      expect(navigated).to.have.length(0);
      expect(prepared.session.state.purchase).to.equal(null);
      const error = recorder.events.find((e) => e.type === 'insurup-error');
      expect(error?.detail).to.deep.include({ step: 'checkout', status: 503 });
      storageHasNoCard();
      expect(JSON.stringify(recorder.events)).not.to.include(TEST_CARD.number);

      // Retry with a card type asks for the card again (focus on its first field).
      (alert.querySelector('[part~="retry-button"]') as HTMLButtonElement).click();
      await until(() => active(el)?.id === 'card-holder-name', 'focus on the card');
    } finally {
      recorder.stop();
    }
  });

  it('forgets the card when removed from the page', async () => {
    await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mountWithCard();
    const parent = el.parentNode!;
    el.remove();
    expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('');
    parent.appendChild(el);
    await el.updateComplete;
    await ready(el);
    expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('');
    expect(q<HTMLInputElement>(el, '#card-cvc').value).to.equal('');
    expect(q<HTMLInputElement>(el, '#card-holder-name').value).to.equal('');
  });

  it('forgets the card once its form is gone: another payment type, a logout, the next customer on the page', async () => {
    const prepared = await prepareCheckout((p) =>
      p.supportedPaymentOptions.includes('ASYNC_3D_SECURE') && p.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT'),
    );
    const el = await mountWithCard();
    // Another payment type hides the card form: the card is gone, not kept for later.
    chooseType(el, 'insurance-company-redirect');
    await el.updateComplete;
    expect(root(el).querySelector('#card-fields')).to.equal(null);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#card-number').value).to.equal('');
    expect(q<HTMLInputElement>(el, '#card-cvc').value).to.equal('');

    // A logout on a shared computer: the next customer at this standalone block sees no card.
    await fillValidCard(el);
    await prepared.auth.logout();
    await until(() => !root(el).querySelector('#card-fields'), 'the card form to go with the logout');
    await prepareCheckout('ASYNC_3D_SECURE');
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    for (const id of ['#card-holder-name', '#card-number', '#card-expiry', '#card-cvc']) {
      expect(q<HTMLInputElement>(el, id).value, id).to.equal('');
    }
  });

  it('on return, a PURCHASED product (checked with the API) completes the purchase; the address bar is cleaned; a reload still shows it', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mountWithCard();
    await payAndLeave(el);
    await decidePayment(navigated[0]!, 'approve');
    el.remove();

    const { proxyUrl } = await testEnv();
    const product = await prepared.auth.client.request('getProposalProduct', {
      params: { proposalId: prepared.proposalId, proposalProductId: prepared.selection.proposalProductId },
    });
    expect(product.state).to.equal('PURCHASED');
    await simulateReturn(prepared, { success: 'true', policyId: product.policyId! });

    const back = await mount();
    await until(() => text(back).includes(tr('checkout.done.title')), 'the payment received message', 15_000);
    const session = pageSessionFor(proxyUrl, 'tss');
    expect(session.state.policyId).to.equal(product.policyId);
    expect(session.state.purchase).to.equal(null);
    expect(session.step).to.equal('policy');
    expect(location.search).not.to.include('insurup_return');
    expect(location.search).not.to.include('success');
    expect(location.search).not.to.include('policyId');
    expect(location.href.split('?')[0]).to.equal(originalUrl.split('?')[0]);
    storageHasNoCard();
    expect(document.cookie).not.to.match(/refresh/i);

    // Reload the (cleaned) return page: still the policy, no second verification needed.
    back.remove();
    resetPageSessions();
    resetAuthSessions();
    const reloaded = await mount();
    await until(() => text(reloaded).includes(tr('checkout.done.title')), 'the payment received message after reload');
    expect(pageSessionFor(proxyUrl, 'tss').state.policyId).to.equal(product.policyId);
  });

  it('on return from a declined payment (product ACTIVE again) says so and offers to try again or pay another way', async () => {
    const prepared = await prepareCheckout(
      (p) => p.supportedPaymentOptions.includes('ASYNC_3D_SECURE') && p.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT'),
    );
    const el = await mountWithCard();
    await payAndLeave(el);
    await decidePayment(navigated[0]!, 'decline');
    el.remove();
    await simulateReturn(prepared, { success: 'false', error: 'Reddedildi' });

    const back = await mount();
    const heading = await until(() => root(back).querySelector('#outcome-heading'), 'the not-paid message');
    expect(heading.textContent).to.equal(tr('checkout.notPaid.title'));
    expect(heading.closest('[role="alert"]')).not.to.equal(null);
    await until(() => active(back) === heading, 'focus on the message');
    const { proxyUrl } = await testEnv();
    const session = pageSessionFor(proxyUrl, 'tss');
    expect(session.state.policyId).to.equal(null);
    expect(session.state.purchase).to.equal(null);
    expect(location.search).not.to.include('insurup_return');
    // The same payment type is kept for "try again".
    expect(q<HTMLInputElement>(back, 'input[name="payment-type"]:checked').value).to.equal('3d-secure');

    q<HTMLButtonElement>(back, '[part~="pay-another-way-button"]').click();
    await until(() => (active(back) as HTMLInputElement | null)?.name === 'payment-type', 'focus on the payment types');
    expect(root(back).querySelector('#outcome-heading')).to.equal(null);

    // The second attempt, another way, goes through.
    back.navigate = (url) => navigated.push(url);
    chooseType(back, 'insurance-company-redirect');
    check(back, '#information-form-confirm');
    await back.updateComplete;
    payButton(back).click();
    await until(() => navigated.length === 2, 'second navigation');
    expect(await purchaseRequests(prepared.proposalId)).to.have.length(2);
  });

  it('a forged ?success=true for an unpaid product shows no policy', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mountWithCard();
    await payAndLeave(el);
    el.remove();
    // Never paid: the customer (or anyone) opens the return address with success=true.
    await simulateReturn(prepared, { success: 'true', policyId: '0123456789abcdef01234567' });

    const back = await mount();
    await until(() => root(back).querySelector('#outcome-heading'), 'the verification outcome');
    expect(text(back)).to.include(tr('checkout.notPaid.title'));
    expect(text(back)).not.to.include(tr('checkout.done.title'));
    const { proxyUrl } = await testEnv();
    expect(pageSessionFor(proxyUrl, 'tss').state.policyId).to.equal(null);
    expect(location.search).not.to.include('success');
  });

  it('waits while the product is PURCHASING, then completes; gives up after the timeout with a message and Check again', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    await payByRedirectAndLeave();
    await decidePayment(navigated[0]!, 'approve');

    // The insurer is slow to confirm: the API says PURCHASING for a while (the real answer is kept).
    let slowAnswers = Number.POSITIVE_INFINITY;
    const client = prepared.auth.client;
    const slow = async (response: Response, ctx: { endpoint: string }) => {
      if (ctx.endpoint !== 'getProposalProduct' || slowAnswers <= 0) return response;
      slowAnswers--;
      const product = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...product, state: 'PURCHASING', policyId: null }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    client.interceptors.response.push(slow);
    try {
      await simulateReturn(prepared, { success: 'true' }, { reload: false });
      const waiting = await mount({ pollMs: 50, waitMs: 400 });
      await until(() => text(waiting).includes(tr('checkout.verifying')), 'the verifying message');
      await until(() => text(waiting).includes(tr('checkout.timeout.title')), 'the timeout message', 10_000);
      expect(text(waiting)).not.to.include(tr('checkout.done.title'));
      expect(root(waiting).querySelector('[part~="pay-button"]')).to.equal(null);
      await until(() => active(waiting)?.id === 'outcome-heading', 'focus on the timeout message');

      // Two more slow answers, then the real one: "Check again" waits and completes.
      slowAnswers = 2;
      waiting.purchaseWaitMs = 10_000;
      q<HTMLButtonElement>(waiting, '[part~="check-again-button"]').click();
      await until(() => text(waiting).includes(tr('checkout.done.title')), 'the payment received message');
      expect(pageSessionFor((await testEnv()).proxyUrl, 'tss').state.policyId).to.be.a('string');
    } finally {
      client.interceptors.response.splice(client.interceptors.response.indexOf(slow), 1);
    }
  });

  it('a hub "purchased" event ends the payment wait at once, long before the next poll', async () => {
    const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    await payByRedirectAndLeave();

    // Back before the insurer has decided: the API says PURCHASING until the product really is
    // bought (the sandbox keeps it ACTIVE until the decision); every product read is counted.
    const client = prepared.auth.client;
    let reads = 0;
    const purchasing = async (response: Response, ctx: { endpoint: string }) => {
      if (ctx.endpoint !== 'getProposalProduct') return response;
      reads++;
      const product = (await response.json()) as ProposalProduct;
      const answer = product.state === 'ACTIVE' ? { ...product, state: 'PURCHASING', policyId: null } : product;
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    client.interceptors.response.push(purchasing);
    try {
      await simulateReturn(prepared, {}, { reload: false });
      // Polls a minute apart (then two): only the hub can end this wait within seconds.
      const waiting = await mount({ paymentTypes: 'insurance-company-redirect', pollMs: 60_000, waitMs: 600_000 });
      await until(() => text(waiting).includes(tr('checkout.verifying')), 'the verifying message');
      // The first read, then one more once the hub listens (an event may have come before it did).
      await until(() => reads >= 2, 'the hub to listen', 15_000);
      expect(text(waiting)).to.include(tr('checkout.verifying'));
      const decided = performance.now();
      await decidePayment(navigated[0]!, 'approve');
      await until(() => text(waiting).includes(tr('checkout.done.title')), 'the payment received message', 10_000);
      expect(performance.now() - decided, 'ms from the payment to the message').to.be.below(10_000);
      expect(reads, 'product reads').to.equal(3);
      expect(pageSessionFor((await testEnv()).proxyUrl, 'tss').state.policyId).to.be.a('string');
    } finally {
      client.interceptors.response.splice(client.interceptors.response.indexOf(purchasing), 1);
    }
  });

  it('fits a 360 px phone inside the flow, in Turkish and English: one edge, amounts and words whole, nothing overflows, 44 px targets', async () => {
    const prepared = await prepareCheckout(
      (p) => p.premiums.some((x) => x.installmentNumber > 1) && p.supportedPaymentOptions.includes('ASYNC_3D_SECURE'),
      'many',
    );
    // A kasko-sized price (seven digits) and a long product name, as the API may answer them.
    const BIG = 200;
    const client = prepared.auth.client;
    const bigger = async (response: Response, ctx: { endpoint: string }) => {
      if (ctx.endpoint !== 'getProposalProduct') return response;
      const product = (await response.json()) as ProposalProduct;
      const premiums = product.premiums.map((p) => ({ ...p, grossPremium: p.grossPremium * BIG }));
      const productName = `${product.productName} Genişletilmiş Yatarak ve Ayakta Tedavi Paketi`;
      return new Response(JSON.stringify({ ...product, premiums, productName }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const original = prepared.product.premiums.find((p) => p.installmentNumber === prepared.selection.installmentNumber)!;
    const premium = { ...original, grossPremium: original.grossPremium * BIG };
    client.interceptors.response.push(bigger);
    try {
      for (const lang of ['tr', 'en'] as const) await fitsPhoneInFlow(prepared, premium, lang);
    } finally {
      client.interceptors.response.splice(client.interceptors.response.indexOf(bigger), 1);
    }
  });

  it('speaks English with lang="en"', async () => {
    const prepared = await prepareCheckout('ASYNC_3D_SECURE');
    const el = await mount({ lang: 'en' });
    await ready(el);
    chooseType(el, '3d-secure');
    await el.updateComplete;
    expect(q(el, 'h2').textContent).to.equal('Payment');
    // The insurer's names in the summary are Turkish: a screen reader reads them in Turkish.
    const insurer = [...el.shadowRoot!.querySelectorAll('dd')].find((dd) => dd.textContent === prepared.product.insuranceCompanyName)!;
    expect(insurer.matches(':lang(tr)'), 'the insurer read in Turkish').to.equal(true);
    expect(q(el, 'h2').matches(':lang(en)'), 'the widget’s own words in English').to.equal(true);
    const premium = prepared.product.premiums.find((p) => p.installmentNumber === prepared.selection.installmentNumber)!;
    expect(payButton(el).textContent!.trim()).to.equal(`Pay ${formatMoney(premium.grossPremium, premium.currency, 'en')}`);
    payButton(el).click();
    await el.updateComplete;
    expect(q(el, '#card-number-error').textContent).to.equal('This field is required.');
    expect(q(el, '#information-form-error').textContent).to.equal(translate('en', 'checkout.infoForm.required'));
  });

  it('asks to log in first, and to choose a quote first', async () => {
    const { proxyUrl } = await testEnv();
    await authSessionFor(proxyUrl).logout(); // the proxy drops the refresh cookie of earlier tests
    resetWidgetState();
    const el = await mount();
    await until(() => text(el).includes(tr('common.needsLogin')), 'the log-in message');
    el.remove();
    await loginViaApi();
    const again = await mount();
    await until(() => text(again).includes(tr('common.needsQuote')), 'the choose-a-quote message');
    expect(authSessionFor(proxyUrl).isAuthenticated).to.equal(true);
  });
});
