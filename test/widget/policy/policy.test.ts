import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/widget/elements/insurup-policy/element.js';
import type { InsurupPolicy } from '../../../src/widget/elements/insurup-policy/element.js';
import { formatDate, formatMoney, translate } from '../../../src/widget/i18n/index.js';
import { clearSandboxFaults, resetWidgetState, sandboxFault, sandboxRequests, testEnv, until } from '../support/env.js';
import { q, root, text, tr } from '../support/shadow.js';
import { buyViaApi, documentStatus, phoneWithFlow, prepareCheckout, recordEvents, type Prepared } from '../checkout/purchase-support.js';
import { brokenWords, linesOf, overflowing } from '../support/layout.js';

async function mount(lang = 'tr'): Promise<InsurupPolicy> {
  const { proxyUrl } = await testEnv();
  return fixture<InsurupPolicy>(html`<insurup-policy proxy-url=${proxyUrl} product="tss" lang=${lang}></insurup-policy>`);
}

async function ready(el: InsurupPolicy): Promise<void> {
  await until(() => root(el).querySelector('[part~="details"]'), 'the policy details', 15_000);
}

async function boughtPolicy(): Promise<Prepared & { policyId: string }> {
  const prepared = await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT', 'many');
  const policyId = await buyViaApi(prepared);
  return { ...prepared, policyId };
}

// What is drawn, not the grid cells: the lines of text of a label or a value.
function inked(node: Element): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(node);
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/**
 * The details as a customer reads them on a phone: no label runs into its value, nothing leaves
 * the card, the premium is one piece, each date and each group of the policy number stays whole
 * (lines break between them only), and no word is split.
 */
function checkDetails(el: InsurupPolicy, where: string, lang: 'tr' | 'en'): void {
  const card = q(el, '[part~="details"]').getBoundingClientRect();
  const labels = [...root(el).querySelectorAll('dt')];
  expect(labels.length, 'details shown').to.be.at.least(6);
  for (const dt of labels) {
    const dd = dt.nextElementSibling!;
    expect(dd.localName).to.equal('dd');
    const what = `${where}: ${dt.textContent!.trim()} / ${dd.textContent!.trim()}`;
    for (const l of inked(dt)) for (const v of inked(dd)) expect(overlaps(l, v), `${what}: they overlap`).to.equal(false);
    for (const box of [dt, dd]) {
      expect(box.scrollWidth, `${what}: the ${box.localName} overflows`).to.be.at.most(box.clientWidth);
      for (const line of inked(box)) {
        expect(line.left, `${what}: the ${box.localName} leaves the card`).to.be.at.least(card.left);
        expect(line.right, `${what}: the ${box.localName} leaves the card`).to.be.at.most(card.right);
      }
    }
  }
  const period = labels.find((dt) => dt.textContent!.trim() === translate(lang, 'policy.period'))!.nextElementSibling!;
  const dates = period.textContent!.trim().split(' – ');
  expect(dates, 'the period').to.have.length(2);
  expect(linesOf(period, dates), `${where}: ${dates.join(' / ')}`).to.deep.equal([1, 1]);
  const number = q(el, '[part~="policy-number"]');
  const groups = number.textContent!.trim().split('-');
  expect(linesOf(number, groups), `${where}: ${groups.join('-')}`).to.deep.equal(groups.map(() => 1));
  const premium = q(el, '[part~="premium"]');
  expect(linesOf(premium, [premium.textContent!.trim()]), `${where}: the premium`).to.deep.equal([1]);
  const amounts = [...root(el).querySelectorAll('.money')];
  expect(amounts.length, `${where}: amounts marked`).to.be.at.least(1);
  for (const amount of amounts) expect(amount.getClientRects().length, `${where}: ${amount.textContent}`).to.equal(1);
  expect(brokenWords(el), `${where}: words split`).to.deep.equal([]);
  expect(el.scrollWidth, `${where}: the element scrolls sideways`).to.be.at.most(el.clientWidth);
  expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(360);
}

function setEmail(el: InsurupPolicy, value: string): HTMLInputElement {
  const input = q<HTMLInputElement>(el, '#policy-email');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  return input;
}

async function sendRequests(policyId: string) {
  return (await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === `/api/policies/${policyId}/document/send`);
}

interface Mail {
  to: string;
  policyId: string;
  attachment: { url: string };
}

async function mailTo(address: string): Promise<Mail | undefined> {
  const { sandboxUrl } = await testEnv();
  const { messages } = (await (await fetch(`${sandboxUrl}/sandbox/mail-outbox`)).json()) as { messages: Mail[] };
  return messages.find((m) => m.to === address);
}

describe('<insurup-policy>', () => {
  beforeEach(() => resetWidgetState());
  afterEach(() => clearSandboxFaults());

  it('passes axe', async () => {
    await boughtPolicy();
    const el = await mount();
    await ready(el);
    await expect(el).to.be.accessible();
  });

  it('shows the policy number, insurer, dates, premium and instalments from the API', async () => {
    const bought = await boughtPolicy();
    const policy = await bought.auth.client.request('getPolicy', { params: { policyId: bought.policyId } });
    const el = await mount();
    await ready(el);
    expect(q(el, '[part~="policy-number"]').textContent!.trim()).to.equal(policy.insuranceCompanyPolicyNumber);
    expect(q(el, '[part~="insurer"]').textContent!.trim()).to.equal(bought.product.insuranceCompanyName);
    expect(text(el)).to.include(bought.product.productName);
    expect(text(el)).to.include(`${formatDate(policy.startDate, 'tr')} – ${formatDate(policy.endDate, 'tr')}`);
    expect(q(el, '[part~="premium"]').textContent!.trim()).to.equal(formatMoney(policy.grossPremium, policy.currency, 'tr'));
    expect(text(el)).to.include(
      policy.installmentNumber === 1 ? tr('policy.singlePayment') : tr('policy.installments', { count: policy.installmentNumber }),
    );
    expect(text(el)).to.include(tr('policy.state.ACTIVE'));
  });

  it('fires insurup-purchase-complete once per policy, with no personal data', async () => {
    const recorder = recordEvents();
    try {
      const bought = await boughtPolicy();
      const policy = await bought.auth.client.request('getPolicy', { params: { policyId: bought.policyId } });
      const first = await mount();
      await ready(first);
      // A second element for the same session, and a re-render, do not count the sale again.
      const second = await mount();
      await ready(second);
      first.requestUpdate();
      await first.updateComplete;
      const completes = recorder.events.filter((e) => e.type === 'insurup-purchase-complete');
      expect(completes).to.have.length(1);
      expect(completes[0]!.detail).to.deep.equal({
        branch: 'tss',
        insuranceCompanyId: String(policy.insuranceCompanyId),
        grossPremium: policy.grossPremium,
        currency: policy.currency,
        policyId: policy.id,
      });
    } finally {
      recorder.stop();
    }
  });

  it('Download PDF fetches a fresh link and opens it; the PDF is served', async () => {
    const bought = await boughtPolicy();
    const el = await mount();
    await ready(el);
    const opened: string[] = [];
    el.openDocument = (url) => {
      opened.push(url);
      return true;
    };
    // By keyboard: the button stays focused while it is busy (a disabled one would drop focus).
    const download = q<HTMLButtonElement>(el, '[part~="download-button"]');
    download.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => opened.length === 1, 'the document to open');
    expect(root(el).activeElement, 'focus on Download after opening').to.equal(download);
    expect(q<HTMLAnchorElement>(el, '[part~="document-link"]').href).to.equal(opened[0]);
    expect(await documentStatus(opened[0]!)).to.equal(200);
    const asked = (await sandboxRequests()).filter((r) => r.path === `/api/policies/${bought.policyId}/document`);
    expect(asked).to.have.length(1);
  });

  it('validates the e-mail next to the field and sends nothing while it is invalid', async () => {
    const bought = await boughtPolicy();
    const el = await mount();
    await ready(el);
    const input = setEmail(el, 'ayse@ornek');
    await el.updateComplete;
    expect(q(el, '#policy-email-error').textContent).to.equal(tr('validation.email'));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    q<HTMLButtonElement>(el, '[part~="send-button"]').click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(input);
    setEmail(el, '');
    q<HTMLButtonElement>(el, '[part~="send-button"]').click();
    await el.updateComplete;
    expect(q(el, '#policy-email-error').textContent).to.equal(tr('validation.required'));
    expect(await sendRequests(bought.policyId)).to.have.length(0);
  });

  it('sends the policy by e-mail with the keyboard (Enter) and confirms it; the mail arrives', async () => {
    const bought = await boughtPolicy();
    const el = await mount();
    await ready(el);
    const address = `ayse.${bought.policyId.slice(-6)}@ornek.com.tr`;
    expect(q(el, '#policy-email').getAttribute('autocomplete')).to.equal('email');
    q(el, '[part~="download-button"]').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('policy-email');
    await sendKeys({ type: address });
    await sendKeys({ press: 'Enter' });
    const sent = await until(() => root(el).querySelector('[part~="sent"]'), 'the sent message');
    expect(sent.textContent).to.equal(tr('policy.email.sent', { email: address }));
    expect(sent.getAttribute('role')).to.equal('status');
    const mail = await until(() => mailTo(address), 'the mail in the outbox');
    expect(mail.policyId).to.equal(bought.policyId);
    expect(await sendRequests(bought.policyId)).to.have.length(1);
    // Again with the Send button itself: it keeps focus while sending and after.
    const send = q<HTMLButtonElement>(el, '[part~="send-button"]');
    send.focus();
    await sendKeys({ press: 'Enter' });
    await until(async () => (await sendRequests(bought.policyId)).length === 2 && send.getAttribute('aria-disabled') === 'false', 'the second sending');
    expect(root(el).activeElement, 'focus on Send').to.equal(send);
  });

  it('prefills the e-mail from the customer', async () => {
    const bought = await boughtPolicy();
    // The sandbox remembers the first address a policy went to as the customer's e-mail.
    const address = `kayitli.${bought.policyId.slice(-6)}@ornek.com`;
    await bought.auth.client.request('sendPolicyDocument', {
      params: { policyId: bought.policyId },
      body: { type: 'email', email: address },
    });
    await bought.auth.loadCustomer();
    expect(bought.auth.customer?.primaryEmail).to.equal(address);
    const el = await mount();
    await ready(el);
    expect(q<HTMLInputElement>(el, '#policy-email').value).to.equal(address);
  });

  it('a failed load shows an alert with Retry, which then loads the policy', async () => {
    const bought = await boughtPolicy();
    // The client retries a GET three times; fail all four attempts.
    await sandboxFault({ method: 'GET', path: `^/api/policies/${bought.policyId}$`, fault: 503, times: 4 });
    const el = await mount();
    const alert = await until(() => root(el).querySelector('[role="alert"]'), 'the error alert', 15_000);
    // The API's own sentence for users (problem `detail`) is shown when it has one.
    const message = alert.querySelector('.message')!.textContent!.trim();
    expect(message.length).to.be.greaterThan(10);
    expect(message).not.to.match(/errors\.|HTTP/);
    (alert.querySelector('[part~="retry-button"]') as HTMLButtonElement).click();
    await ready(el);
  });

  it('speaks English with lang="en"', async () => {
    await boughtPolicy();
    const el = await mount('en');
    await ready(el);
    expect(q(el, 'h2').textContent).to.equal('Your policy');
    expect(q(el, '[part~="download-button"]').textContent!.trim()).to.equal('Download the policy (PDF)');
    setEmail(el, 'not-an-address');
    await el.updateComplete;
    expect(q(el, '#policy-email-error').textContent).to.equal('Enter a valid e-mail address.');
  });

  it('fits a 360 px phone inside the flow and in a theme column, in Turkish and English: details clear of their labels, amounts, ids and words whole', async () => {
    const bought = await boughtPolicy();
    const { proxyUrl } = await testEnv();
    for (const lang of ['tr', 'en'] as const) {
      // Inside <insurup-flow> on the demo's card: the flow is the surface, the policy starts at its edge.
      const phone = await phoneWithFlow(bought, lang, bought.policyId);
      try {
        const el = await until(() => phone.flow.shadowRoot!.querySelector<InsurupPolicy>('insurup-policy'), 'the policy step');
        await ready(el);
        const edge = phone.flow.shadowRoot!.querySelector('[part~="progress"]')!.getBoundingClientRect();
        expect(Math.round(q(el, 'h2').getBoundingClientRect().left), `${lang}: the heading starts at the flow edge`).to.equal(Math.round(edge.left));
        expect(Math.round(q(el, '[part~="details"]').getBoundingClientRect().width), `${lang}: the card takes the flow's width`).to.equal(Math.round(edge.width));
        expect(overflowing(phone.flow), `${lang}: overflowing`).to.deep.equal([]);
        expect(brokenWords(phone.flow.shadowRoot!.querySelector('[part~="progress"]')!), `${lang}: progress words split`).to.deep.equal([]);
        checkDetails(el, `${lang}, in the flow`, lang);
      } finally {
        await phone.restore();
      }
      // Alone in a CMS block inside a theme's padded column (about 260 px wide).
      await setViewport({ width: 360, height: 740 });
      try {
        const host = await fixture<HTMLElement>(html`<main style="padding: 0 20px"><article style="padding: 22px; border: 1px solid"><insurup-policy
          proxy-url=${proxyUrl} product="tss" lang=${lang}></insurup-policy></article></main>`);
        const el = host.querySelector('insurup-policy')!;
        await ready(el);
        expect(overflowing(el), `${lang}: overflowing`).to.deep.equal([]);
        checkDetails(el, `${lang}, in a column`, lang);
        host.remove();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    }
  });

  it('says when there is no policy yet', async () => {
    await prepareCheckout('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const el = await mount();
    await until(() => text(el).includes(tr('common.needsPolicy')), 'the no-policy message');
  });
});
