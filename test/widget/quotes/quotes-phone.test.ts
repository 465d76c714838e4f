/**
 * `<insurup-quotes>` on a 360 px phone, inside `<insurup-flow>` on a page with margins (as on
 * an agency's site), in Turkish and in English: compact cards (two to a screen), prices that
 * never wrap or get cut off, plan pickers whose text fits, touch-sized controls.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { sandboxConfig, until } from '../support/env.js';
import { freshPage } from '../core/stack.js';
import type { InsurupQuoteCard } from '../../../src/widget/elements/insurup-quotes/quote-card.js';
import { cards, cardsIn, inCard, insurerOf, keepSandboxConfig, mountFlowAtQuotes, untilComplete } from './support.js';

/** The lines `element`'s text is laid out on (a block's own box is always one rect). */
function textLines(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return tops.size;
}

/** Whether the chosen option's text fits the closed select, beside its arrow. */
function selectTextFits(select: HTMLSelectElement): boolean {
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = select.selectedOptions[0]!.textContent!.trim();
  const arrow = 1.25 * parseFloat(style.fontSize);
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
  return select.scrollWidth <= select.clientWidth && context.measureText(text).width <= room;
}

/** Every price on a card: on one line, inside the card, not cut off. */
function checkPrices(card: InsurupQuoteCard): void {
  const name = insurerOf(card);
  const edge = card.getBoundingClientRect().right;
  for (const part of ['price', 'per-installment']) {
    const element = inCard(card, `[part="${part}"]`);
    if (!element) continue;
    expect(element.getClientRects().length, `${name}: ${part} boxes`).to.equal(1);
    expect(textLines(element), `${name}: ${part} "${element.textContent!.trim()}" on one line`).to.equal(1);
    expect(element.scrollWidth, `${name}: ${part} not cut off`).to.be.at.most(element.clientWidth);
    expect(element.getBoundingClientRect().right, `${name}: ${part} inside the card`).to.be.at.most(edge);
  }
}

for (const lang of ['tr', 'en'] as const) {
  describe(`<insurup-quotes> on a 360 px phone (${lang})`, () => {
    keepSandboxConfig();
    before(() => setViewport({ width: 360, height: 740 }));
    after(async () => {
      await setViewport({ width: 800, height: 600 });
      await freshPage();
    });
    beforeEach(async () => {
      await freshPage();
      await sandboxConfig({ quoteDelay: [600, 2500] });
    });

    it('shows compact cards: at most 420 px each, while waiting and when every quote is in', async () => {
      // Redirect payments only (the README's PCI advice): insurers taking cards only join the
      // robot among quotes completed with the agency, the tallest kind of card.
      const { quotes } = await mountFlowAtQuotes({
        lang,
        inColumn: true,
        paymentTypes: 'insurance-company-redirect',
        agencyPhone: '+90 212 555 00 00',
        contactUrl: 'https://acente.example/iletisim',
      });
      await until(() => cardsIn(quotes, 'waiting').length > 0, 'the placeholders');
      for (const card of cardsIn(quotes, 'waiting')) {
        expect(card.getBoundingClientRect().height, `${insurerOf(card)} waiting`).to.be.at.most(420);
      }
      await untilComplete(quotes);
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(360);
      const shown = cards(quotes);
      expect(cardsIn(quotes, 'active').some((c) => inCard(c, '[part="agency-note"]')), 'a quote completed with the agency').to.equal(true);
      for (const card of shown) {
        const { height, width } = card.getBoundingClientRect();
        expect(width, 'the card of a phone column').to.be.at.most(300);
        expect(height, `${insurerOf(card)} (${card.product.state})`).to.be.at.most(420);
      }
    });

    it('keeps every price on one line and the plan picker’s text whole, for every plan', async () => {
      const { quotes } = await mountFlowAtQuotes({ lang, inColumn: true });
      await untilComplete(quotes);
      for (const card of cardsIn(quotes, 'active')) checkPrices(card);

      const card = cardsIn(quotes, 'active').find((c) => inCard(c, 'select[name="installment"]'))!;
      const select = inCard<HTMLSelectElement>(card, 'select[name="installment"]')!;
      const fontSize = parseFloat(getComputedStyle(quotes).fontSize);
      expect(select.getBoundingClientRect().height).to.be.at.least(fontSize * 2.75 - 0.5);
      for (const option of [...select.options]) {
        select.value = option.value;
        select.dispatchEvent(new Event('change'));
        await card.updateComplete;
        expect(selectTextFits(select), `"${option.textContent!.trim()}" fits the closed picker`).to.equal(true);
        checkPrices(card);
      }
      // Touch-sized controls, all inside the screen.
      for (const control of [
        inCard(card, '[part="buy-button"]')!,
        inCard(card, '[part="details-button"]')!,
        inCard(card, '[part="compare"]')!,
      ]) {
        expect(control.getBoundingClientRect().height, control.getAttribute('part')!).to.be.at.least(fontSize * 2.75 - 0.5);
        expect(control.getBoundingClientRect().right).to.be.at.most(360);
      }
    });
  });
}
