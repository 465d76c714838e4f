/**
 * `<insurup-quotes>` against the sandbox through the proxy: the proposal, quotes streaming in
 * over the hub, instalments, sorting, best price, ROBOT products, languages and keyboard use.
 */
import { expect } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { sandboxConfig, until } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import type { InsurupQuotes } from '../../../src/widget/elements/insurup-quotes/element.js';
import type { InsurupQuoteCard } from '../../../src/widget/elements/insurup-quotes/quote-card.js';
import {
  amountOf,
  cardState,
  cards,
  cardsIn,
  catalogView,
  inCard,
  insurerOf,
  kaskoFlowAtQuotes,
  mountFlowAtQuotes,
  mountQuotes,
  priceOf,
  untilComplete,
  untilProposal,
  keepSandboxConfig,
} from './support.js';

describe('<insurup-quotes>', () => {
  keepSandboxConfig();
  beforeEach(async () => {
    await freshPage();
    await sandboxConfig({ quoteDelay: [300, 2500] });
  });
  after(() => freshPage());

  it('passes axe while quotes arrive and when all are in', async () => {
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    await until(() => cardsIn(el, 'active').length > 0, 'a first quote');
    await expect(el).to.be.accessible();
    await untilComplete(el);
    await expect(el).to.be.accessible();
  });

  it('creates one proposal and shows quotes progressively: a quote while others still wait', async () => {
    const mark = await requestMark();
    const session = await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    const proposalId = await untilProposal(el);

    // Placeholders with the insurer's name first, then prices as each insurer answers, live.
    await until(() => cards(el).length > 0, 'the placeholders');
    await until(() => visibleText(el.shadowRoot!).includes('Teklifler geldikçe burada görünecek.'), 'the live notice');
    expect(cardsIn(el, 'waiting').length).to.be.greaterThan(0);
    expect(insurerOf(cards(el)[0]!)).to.match(/Sigorta/);
    await until(() => cardsIn(el, 'active').length > 0 && cardsIn(el, 'waiting').length > 0, 'a quote shown while others wait');
    expect(priceOf(cardsIn(el, 'active')[0]!)).to.match(/₺[\d.]+,\d{2}/);
    const progress = () => visibleText(el.shadowRoot!.querySelector('[part="progress"] p')!);
    expect(progress()).to.match(/^Teklifler geliyor: \d+\/\d+$/);

    await untilComplete(el);
    expect(visibleText(el.shadowRoot!)).to.include('Tüm sigorta şirketleri yanıt verdi.');
    const { insurers } = await catalogView();
    const total = insurers.filter((i) => i.branches.includes('KASKO')).length;
    expect(cards(el)).to.have.length(total);
    expect(progress()).to.equal(`Gelen yanıtlar: ${total}/${total}`);

    const posts = await requestsSince(mark, /^\/api\/proposals$/, 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.include({ $type: 'kasko', productBranch: 'KASKO', channel: 'WEBSITE' });
    expect((posts[0]!.body as { vehicleId: string }).vehicleId).to.equal(session.state.asset!.id);
    expect(await requestsSince(mark, new RegExp(`^/api/proposals/${proposalId}$`), 'GET')).to.not.be.empty;
  });

  it('says it is not configured without coverage groups, and asks for nothing', async () => {
    const mark = await requestMark();
    await kaskoFlowAtQuotes();
    const el = await mountQuotes({ groups: [] });
    await until(() => visibleText(el.shadowRoot!).includes('coverage-group-ids'), 'the configuration message');
    expect(byRole(el.shadowRoot!, 'alert').textContent).to.include('yapılandırılmamış');
    expect(await requestsSince(mark, /^\/api\/proposals/)).to.have.length(0);
  });

  it('changes the price and the per-instalment amount with the instalment plan', async () => {
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    const card = await until(() => cardsIn(el, 'active').find((c) => inCard(c, 'select[name="installment"]')), 'a quote with plans');
    const select = inCard<HTMLSelectElement>(card, 'select[name="installment"]')!;
    expect(byLabel(card.shadowRoot!, 'Ödeme seçeneği')).to.equal(select);
    const cash = amountOf(priceOf(card));
    expect(visibleText(inCard(card, '[part="per-installment"]')!)).to.equal('Peşin');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['1', '3', '6', '9']);
    // The plans by name; the price is shown once, above them.
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Peşin', '3 taksit', '6 taksit', '9 taksit']);

    select.value = '6';
    select.dispatchEvent(new Event('change'));
    await card.updateComplete;
    const six = amountOf(priceOf(card));
    expect(six).to.be.greaterThan(cash);
    const per = visibleText(inCard(card, '[part="per-installment"]')!);
    expect(per).to.match(/^6 taksit × ₺/);
    expect(amountOf(per.replace(/^6 taksit × /, ''))).to.be.closeTo(six / 6, 0.01);
  });

  it('sorts by price with the best price marked, or by insurer', async () => {
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    await untilComplete(el);
    const shown = cards(el);
    const quotes = shown.filter((c) => cardState(c) === 'active');
    // Quotes to buy here cheapest first, then those completed with the agency, failed ones last.
    const buyable = quotes.filter((c) => inCard(c, '[part="buy-button"]'));
    const agencyOnly = quotes.filter((c) => inCard(c, '[part="agency-note"]'));
    expect(buyable.length + agencyOnly.length).to.equal(quotes.length);
    expect(quotes).to.deep.equal([...buyable, ...agencyOnly]);
    for (const group of [buyable, agencyOnly]) {
      const prices = group.map((c) => amountOf(priceOf(c)));
      expect(prices).to.deep.equal([...prices].sort((a, b) => a - b));
    }
    const states = shown.map(cardState);
    expect(states.slice(0, quotes.length).every((s) => s === 'active')).to.equal(true);
    expect(states.slice(quotes.length).every((s) => s === 'failed')).to.equal(true);
    const best = shown.filter((c) => inCard(c, '[part="best-price"]'));
    expect(best).to.have.length(1);
    expect(best[0]).to.equal(buyable[0]);
    expect(visibleText(inCard(best[0]!, '[part="best-price"]')!)).to.equal('En uygun fiyat');

    const sort = byLabel<HTMLSelectElement>(el.shadowRoot!, 'Sırala');
    sort.value = 'insurer';
    sort.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const names = cards(el).map(insurerOf);
    expect(names).to.deep.equal([...names].sort(new Intl.Collator('tr-TR').compare));
    expect(el.getAttribute('sort')).to.equal('insurer');
  });

  it('offers ROBOT products through the agency instead of Buy', async () => {
    const { insurers } = await catalogView();
    const robot = insurers.find((i) => i.productType === 'ROBOT')!;
    // Quotes are seeded per vehicle: find one the robot insurer quotes (most vehicles).
    let el!: Awaited<ReturnType<typeof mountQuotes>>;
    let card: ReturnType<typeof cards>[number] | undefined;
    for (let attempt = 0; attempt < 6 && !card; attempt++) {
      if (attempt > 0) await freshPage();
      await kaskoFlowAtQuotes(`ROBOT${attempt}CHASSIS${Date.now() % 1e6}`);
      el = await mountQuotes({ agencyPhone: '0212 555 01 02', contactUrl: 'https://acente.example/iletisim' });
      await untilComplete(el);
      card = cards(el).find((c) => insurerOf(c) === robot.name && cardState(c) === 'active');
      if (!card) el.remove();
    }
    expect(card, 'a quote from the robot insurer').to.exist;
    if (!card) return;
    expect(inCard(card, '[part="buy-button"]')).to.equal(null);
    expect(inCard(card, '[part="best-price"]')).to.equal(null);
    expect(visibleText(inCard(card, '[part="agency-note"]')!)).to.match(
      /^Bu teklif internetten satın alınamıyor; acentemizle tamamlayabilirsiniz\./,
    );
    const phone = inCard<HTMLAnchorElement>(card, 'a[part="agency-phone"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:02125550102');
    expect(visibleText(phone)).to.include('0212 555 01 02');
    expect(inCard<HTMLAnchorElement>(card, 'a[part="agency-contact"]')!.href).to.equal('https://acente.example/iletisim');
    // Every web-service quote can be bought.
    for (const other of cardsIn(el, 'active').filter((c) => c !== card)) {
      expect(inCard(other, '[part="buy-button"]'), insurerOf(other)).to.exist;
    }

    // The same quote on a page that gave neither a phone nor a contact page: plain advice, no
    // "complete it with our agency" without a way to reach it.
    const bare = await mountQuotes({ agencyPhone: null, contactUrl: null });
    await untilComplete(bare);
    const same = cards(bare).find((c) => c.product.id === card!.product.id)!;
    expect(inCard(same, '[part="buy-button"]')).to.equal(null);
    expect(visibleText(inCard(same, '[part="agency-note"]')!)).to.equal(
      'Bu teklif internetten satın alınamıyor. Satın almak için acentenizle iletişime geçin.',
    );
    expect(inCard(same, 'a')).to.equal(null);
  });

  it('with payment-types on the flow, a quote taking none of them is completed with the agency and never the best price', async () => {
    const { insurers } = await catalogView();
    const takesRedirect = (name: string) =>
      insurers.find((i) => i.name === name)!.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT');
    const robot = (name: string) => insurers.find((i) => i.name === name)!.productType === 'ROBOT';
    // Outcomes are seeded per vehicle: find one where an insurer taking cards only quoted.
    let el!: InsurupQuotes;
    let cardOnly: InsurupQuoteCard[] = [];
    for (let attempt = 0; attempt < 4 && cardOnly.length === 0; attempt++) {
      if (attempt > 0) await freshPage();
      ({ quotes: el } = await mountFlowAtQuotes({
        paymentTypes: 'insurance-company-redirect',
        agencyPhone: '0212 555 01 02',
        chassis: `PTYPE${attempt}X${Date.now() % 1e6}`,
      }));
      // The flow hands its setting to the quotes step.
      expect(el.getAttribute('payment-types')).to.equal('insurance-company-redirect');
      await untilComplete(el);
      cardOnly = cardsIn(el, 'active').filter((c) => !robot(insurerOf(c)) && !takesRedirect(insurerOf(c)));
    }
    expect(cardOnly.length, 'a quote from an insurer that takes cards only').to.be.greaterThan(0);
    for (const card of cardOnly) {
      expect(inCard(card, '[part="buy-button"]'), insurerOf(card)).to.equal(null);
      expect(inCard(card, '[part="best-price"]'), insurerOf(card)).to.equal(null);
      expect(visibleText(inCard(card, '[part="agency-note"]')!)).to.include('internetten satın alınamıyor');
      expect(inCard<HTMLAnchorElement>(card, 'a[part="agency-phone"]')!.getAttribute('href')).to.equal('tel:02125550102');
    }
    // Buy is offered exactly where the insurer's payment page is; the cheapest of those is the best price.
    const quotes = cardsIn(el, 'active');
    const buyable = quotes.filter((c) => inCard(c, '[part="buy-button"]'));
    expect(buyable.map(insurerOf)).to.deep.equal(quotes.map(insurerOf).filter((name) => takesRedirect(name)));
    const cheapest = Math.min(...buyable.map((c) => amountOf(priceOf(c))));
    const best = quotes.filter((c) => inCard(c, '[part="best-price"]'));
    expect(best).to.have.length(1);
    expect(amountOf(priceOf(best[0]!))).to.equal(cheapest);
    expect(cards(el)[0]).to.equal(best[0]);

    // Buy leads to a checkout that can take the payment, not to "can't be bought online".
    inCard<HTMLButtonElement>(best[0]!, '[part="buy-button"]')!.click();
    const flow = el.getRootNode() as ShadowRoot;
    const checkout = await until(() => flow.querySelector('insurup-checkout'), 'the checkout step');
    await until(() => visibleText(checkout.shadowRoot!).includes('Sigorta şirketinin ödeme sayfasında öde'), 'the insurer’s payment page offered', 15_000);
    expect(visibleText(checkout.shadowRoot!)).to.not.include('internetten satın alınamıyor');
  });

  it('stores the chosen quote and instalment and fires insurup-quote-selected without personal data', async () => {
    const session = await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    const card = await until(() => cardsIn(el, 'active').find((c) => inCard(c, '[part="buy-button"]')), 'a buyable quote');
    const select = inCard<HTMLSelectElement>(card, 'select[name="installment"]')!;
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    await card.updateComplete;
    const events: CustomEvent[] = [];
    document.addEventListener('insurup-quote-selected', (e) => events.push(e as CustomEvent), { once: true });
    inCard<HTMLButtonElement>(card, '[part="buy-button"]')!.click();
    await until(() => events.length, 'the event');
    const detail = events[0]!.detail;
    expect(Object.keys(detail).sort()).to.deep.equal(
      ['currency', 'grossPremium', 'installmentNumber', 'insuranceCompanyId', 'product', 'productId'].sort(),
    );
    expect(detail).to.include({ product: 'kasko', installmentNumber: 3, currency: 'TURKISH_LIRA' });
    const selection = session.state.selection!;
    expect(selection.installmentNumber).to.equal(3);
    expect(selection.insuranceCompanyName).to.equal(insurerOf(card));
    expect(selection.grossPremium).to.equal(detail.grossPremium);
    expect(session.state.step).to.equal('checkout');
    // This customer's own national id and phone, and any free-standing id- or phone-shaped
    // number (ids are hex and GUIDs, whose digit runs have letters or dashes around them).
    const stored = JSON.stringify(sessionStorage);
    const customer = session.auth.customer!;
    expect(stored).to.not.contain(String(customer.identityNumber));
    expect(stored).to.not.contain(customer.primaryPhoneNumber!.number);
    expect(stored).to.not.match(/(?<![\w-])(\d{11}|5\d{9})(?![\w-])/);
  });

  it('works with the keyboard alone: sort, instalment, Buy with Enter', async () => {
    const session = await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    await untilComplete(el);
    el.shadowRoot!.querySelector<HTMLElement>('h2')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byLabel(el.shadowRoot!, 'Sırala'));
    await sendKeys({ press: 'Tab' });
    const first = cards(el)[0]!;
    const select = inCard<HTMLSelectElement>(first, 'select[name="installment"]')!;
    expect(deepActiveElement()).to.equal(select);
    const before = priceOf(first);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await first.updateComplete;
    expect(select.value).to.equal('6');
    expect(priceOf(first)).to.not.equal(before);
    // On to the first Buy button, then Enter.
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      if (active?.getAttribute('part') === 'buy-button') break;
    }
    const buy = deepActiveElement()!;
    expect(buy.getAttribute('part')).to.equal('buy-button');
    expect(buy.textContent).to.include('Satın al');
    await sendKeys({ press: 'Enter' });
    await until(() => session.state.selection, 'the selection');
    expect(session.state.step).to.equal('checkout');
  });

  it('names each card’s controls as a sentence: "Satın al: <insurer>, <package>", no stray space', async () => {
    await sandboxConfig({ quoteDelay: [50, 300] });
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    await untilComplete(el);
    const buyable = cardsIn(el, 'active').filter((c) => inCard(c, '[part="buy-button"]'));
    expect(buyable.length).to.be.greaterThan(0);
    // The documents are in the details (of the last card to buy, so the open coverage pushes
    // no other card to buy off screen, out of the accessibility tree).
    const opened = buyable.at(-1)!;
    inCard<HTMLButtonElement>(opened, '[part="details-button"]')!.click();
    await opened.updateComplete;
    // What a screen reader announces: the names in Chromium's accessibility tree.
    type AxNode = { role: string; name?: string; description?: string; children?: AxNode[] };
    const flat = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(flat)];
    const tree = flat((await a11ySnapshot({})) as unknown as AxNode);
    const named = (role: string, start: string) => tree.filter((n) => n.role === role && n.name?.startsWith(start)).map((n) => n.name);
    const expected = (card: (typeof buyable)[number], action: string) => {
      const pack = visibleText(inCard(card, '[part="product-name"]')!).split(' · ')[1];
      return `${action}: ${insurerOf(card)}${pack ? `, ${pack}` : ''}`;
    };
    expect(named('button', 'Satın al').sort()).to.deep.equal(buyable.map((c) => expected(c, 'Satın al')).sort());
    expect(named('button', 'Ürün belgesi')).to.include(`${expected(opened, 'Ürün belgesi')} (yeni sekmede açılır)`);
    expect(named('button', 'Detaylar')).to.include(expected(buyable[0]!, 'Detaylar'));
    expect(named('checkbox', 'Karşılaştır')).to.include(expected(buyable[0]!, 'Karşılaştır'));
    // Each card's plan picker says whose plan it is and, as its description, the price it gives.
    const withPlans = buyable.find((c) => inCard(c, 'select[name="installment"]'))!;
    const picker = tree.find((n) => n.role === 'combobox' && n.name === expected(withPlans, 'Ödeme seçeneği'));
    expect(picker, 'the plan picker named by its quote').to.exist;
    expect(picker!.description).to.equal(visibleText(inCard(withPlans, '[part="price"]')!.parentElement!));
    const everyName = tree.map((n) => n.name ?? '');
    expect(everyName.filter((name) => /\s[,:]/.test(name)), 'names with a space before a comma').to.deep.equal([]);
    // The button still shows just the action.
    expect(visibleText(inCard(buyable[0]!, '[part="buy-button"]')!)).to.equal('Satın al');
  });

  it('speaks English when asked, and announces new quotes in batches', async () => {
    await kaskoFlowAtQuotes();
    const el = await mountQuotes({ lang: 'en', announceDelay: 400 });
    const progress = () => visibleText(el.shadowRoot!.querySelector('[part="progress"] p') ?? el.shadowRoot!);
    await until(() => /^Quotes coming in: \d+ of \d+$/.test(progress()), 'the progress while quotes arrive');
    const region = el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    await until(() => /new quotes? arrived/.test(region.textContent ?? ''), 'an announcement');
    expect(region.textContent).to.match(/^\d+ new quotes? arrived\./);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Quotes');
    await untilComplete(el);
    expect(progress()).to.match(/^Answers received: (\d+) of \1$/);
    const card = cardsIn(el, 'active').find((c) => inCard(c, '[part="buy-button"]'))!;
    expect(visibleText(inCard(card, '[part="buy-button"]')!)).to.match(/^Buy/);
    expect(byLabel(card.shadowRoot!, 'Payment plan')).to.exist;
    await until(() => (region.textContent ?? '').includes('All quotes are in.'), 'the closing announcement');
  });
});
