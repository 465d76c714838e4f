/**
 * `<insurup-quotes>` when things go wrong or change under the customer: the hub blocked, a
 * reload mid-quotes, insurers too slow, and quotes arriving while the customer is on a card.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { InsurupQuoteCard } from '../../../src/widget/elements/insurup-quotes/quote-card.js';
import { clearSandboxFaults, sandboxConfig, sandboxFault, until } from '../support/env.js';
import { byRole, deepActiveElement, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import { resetAuthSessions } from '../../../src/widget/session/auth-session.js';
import { resetPageSessions } from '../../../src/widget/session/context.js';
import { sortProducts } from '../../../src/widget/elements/insurup-quotes/quote-order.js';
import {
  cardState,
  cards,
  cardsIn,
  inCard,
  kaskoFlowAtQuotes,
  mountQuotes,
  untilComplete,
  untilProposal,
  keepSandboxConfig,
} from './support.js';

describe('<insurup-quotes> live', () => {
  keepSandboxConfig();
  beforeEach(async () => {
    await freshPage();
    await clearSandboxFaults();
    await sandboxConfig({ quoteDelay: [300, 2500] });
  });
  afterEach(() => clearSandboxFaults());
  after(() => freshPage());

  it('completes the list by polling when the hub is blocked, and says so', async () => {
    await sandboxFault({ path: 'hubs/proposal-detail', fault: 'close', times: 100 });
    const mark = await requestMark();
    await kaskoFlowAtQuotes();
    const el = await mountQuotes({ pollInterval: 250 });
    const proposalId = await untilProposal(el);
    await until(() => visibleText(el.shadowRoot!).includes('Teklifler birkaç saniyede bir yenileniyor.'), 'the polling notice');
    await until(() => cardsIn(el, 'active').length > 0 && cardsIn(el, 'waiting').length > 0, 'quotes while others wait');
    await untilComplete(el);
    expect(visibleText(el.shadowRoot!)).to.include('Tüm sigorta şirketleri yanıt verdi.');
    expect((await requestsSince(mark, new RegExp(`^/api/proposals/${proposalId}$`), 'GET')).length).to.be.at.least(3);
    expect(await requestsSince(mark, /^\/api\/proposals$/, 'POST')).to.have.length(1);
  });

  it('re-attaches to the same proposal after a reload mid-quotes', async () => {
    await sandboxConfig({ quoteDelay: [800, 4000] });
    const mark = await requestMark();
    await kaskoFlowAtQuotes();
    const first = await mountQuotes();
    const proposalId = await untilProposal(first);
    await until(() => cards(first).length > 0 && cardsIn(first, 'waiting').length > 0, 'quotes still coming');

    // A reload: the page's memory is gone; the tab's sessionStorage and the proxy's refresh cookie stay.
    first.remove();
    resetPageSessions();
    resetAuthSessions();
    const again = await mountQuotes();
    await until(() => cards(again).length > 0, 'the list again');
    expect(again.session!.state.proposalId).to.equal(proposalId);
    await untilComplete(again);
    expect(await requestsSince(mark, /^\/api\/proposals$/, 'POST')).to.have.length(1);
    const gets = await requestsSince(mark, new RegExp(`^/api/proposals/${proposalId}$`), 'GET');
    expect(gets.length).to.be.at.least(2);
  });

  it('tells the customer when insurers are too slow, and checks again on request', async () => {
    await sandboxConfig({ quoteDelay: [1500, 2500] });
    await kaskoFlowAtQuotes();
    const el = await mountQuotes({ quoteTimeout: 400, announceDelay: 100 });
    const notice = await until(() => el.shadowRoot!.querySelector('[part="timeout-notice"]'), 'the timeout notice');
    expect(visibleText(notice)).to.include('Bazı sigorta şirketleri zamanında yanıt vermedi.');
    const waiting = cardsIn(el, 'waiting');
    expect(waiting.length).to.be.greaterThan(0);
    expect(visibleText(waiting[0]!.shadowRoot!)).to.include('zamanında yanıt gelmedi');
    const region = el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    await until(() => (region.textContent ?? '').includes('Bazı teklifler zamanında gelmedi.'), 'the announcement');

    el.quoteTimeout = 30_000;
    byRole(el.shadowRoot!, 'button', 'Tekrar kontrol et').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The notice and its button are gone: focus is on the quotes' heading, not lost to the page.
    expect(el.shadowRoot!.querySelector('[part="timeout-notice"]')).to.equal(null);
    expect(deepActiveElement(), 'focus after Check again').to.equal(el.shadowRoot!.querySelector('h2'));
    await untilComplete(el);
    expect(el.shadowRoot!.querySelector('[part="timeout-notice"]')).to.equal(null);
  });

  /**
   * Holds a card (focus or pointer) from the first quote on, and checks it never moves while
   * the rest arrive; releasing it applies the price order. The test needs a cheaper quote to
   * arrive after the held one (unfrozen, that would push it down); arrival order is seeded per
   * vehicle, so it tries a few.
   */
  async function checkHeldCardStays(hold: (card: InsurupQuoteCard) => Promise<() => Promise<void>>): Promise<void> {
    await sandboxConfig({ quoteDelay: [200, 3500] });
    for (let attempt = 0; attempt < 6; attempt++) {
      if (attempt > 0) await freshPage();
      await kaskoFlowAtQuotes(`FREEZE${attempt}X${Date.now() % 1e6}`);
      const el = await mountQuotes();
      const card = await until(() => cardsIn(el, 'active')[0], 'a first quote');
      await el.updateComplete;
      const release = await hold(card);
      const index = cards(el).indexOf(card);
      const top = card.getBoundingClientRect().top;
      const focused = deepActiveElement();
      await until(() => {
        // After every change: same place in the list, same place on screen, focus untouched.
        expect(cards(el).indexOf(card)).to.equal(index);
        expect(deepActiveElement()).to.equal(focused);
        expect(Math.abs(card.getBoundingClientRect().top - top)).to.be.below(1);
        return el.feed.status === 'complete';
      }, 'every quote while the customer stays on one', 15_000);
      const expected = sortProducts(el.feed.book!.products, 'price').map((p) => p.id);
      if (expected.indexOf(card.product.id) === index) {
        await release();
        el.remove(); // nothing cheaper came later: this run could not tell
        continue;
      }
      await release();
      await el.updateComplete;
      expect(cards(el).map((c) => c.product.id)).to.deep.equal(expected);
      expect(cards(el).indexOf(card)).to.be.greaterThan(index);
      return;
    }
    expect.fail('no vehicle had a cheaper quote arriving after the first one');
  }

  it('never moves the card that has focus; the order catches up when focus leaves', async () => {
    await checkHeldCardStays(async (card) => {
      const control = inCard<HTMLElement>(card, '[part="details-button"]')!;
      control.focus();
      expect(deepActiveElement()).to.equal(control);
      return async () => control.blur();
    });
  });

  /**
   * Sorted by insurer, on a phone, with the browser's scroll anchoring off (Safari has none):
   * holds a card that has placeholders right above it on screen and checks, frame by frame,
   * that its top stays put while the cards above it turn into quotes or failures of another
   * height. Which insurers answer when is seeded per vehicle, so it tries a few.
   */
  async function checkHeldCardKeepsItsPlace(hold: (card: InsurupQuoteCard) => Promise<() => Promise<void>>): Promise<void> {
    await setViewport({ width: 360, height: 740 });
    document.documentElement.style.overflowAnchor = 'none';
    try {
      await sandboxConfig({ quoteDelay: [1500, 5000] });
      for (let attempt = 0; attempt < 4; attempt++) {
        if (attempt > 0) await freshPage();
        await kaskoFlowAtQuotes(`ANCHOR${attempt}X${Date.now() % 1e6}`);
        const el = await mountQuotes();
        el.sort = 'insurer';
        // A card with a placeholder right above it, far enough down the list to scroll to.
        const card = await until(() => {
          const shown = cards(el);
          return shown.find((c, i) => i >= 2 && cardState(shown[i - 1]!) === 'waiting' && cardState(shown[i - 2]!) === 'waiting');
        }, 'a card below two placeholders');
        await el.updateComplete;
        // Scroll so the placeholder above is on screen and the card sits low on it, and let the
        // cards scrolled past take their real height (off screen they count as 22em until then).
        window.scrollBy({ top: card.getBoundingClientRect().top - 520, behavior: 'instant' });
        let last = NaN;
        await until(() => {
          const now = card.getBoundingClientRect().top;
          const still = now === last;
          last = now;
          return still;
        }, 'the list to settle after scrolling');
        const release = await hold(card);
        const list = el.shadowRoot!.querySelector('.list')!;
        const top = card.getBoundingClientRect().top;
        const offset = top - list.getBoundingClientRect().top;
        let shifted = 0;
        await until(() => {
          // After every change, on every frame: the held card is where it was on screen.
          expect(Math.abs(card.getBoundingClientRect().top - top), 'the held card moved on screen').to.be.below(1);
          shifted = Math.max(shifted, Math.abs(card.getBoundingClientRect().top - list.getBoundingClientRect().top - offset));
          return el.feed.status === 'complete';
        }, 'every quote while the customer stays on one card', 20_000);
        await release();
        el.remove();
        window.scrollTo({ top: 0, behavior: 'instant' });
        // The cards above must have changed height for this run to prove anything.
        if (shifted >= 8) return;
      }
      expect.fail('no run had a card above the held one change its height');
    } finally {
      document.documentElement.style.removeProperty('overflow-anchor');
      await setViewport({ width: 800, height: 600 });
    }
  }

  it('keeps the card under the mouse in place on screen when cards above it settle (insurer sort, no scroll anchoring)', async () => {
    await checkHeldCardKeepsItsPlace(async (card) => {
      const box = card.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + 20)] });
      await sendMouse({ type: 'move', position: [Math.round(box.left + 30), Math.round(box.top + 30)] });
      return async () => {
        await sendMouse({ type: 'move', position: [0, 0] });
      };
    });
  });

  it('keeps the card that has focus in place on screen when cards above it settle (insurer sort, no scroll anchoring)', async () => {
    await checkHeldCardKeepsItsPlace(async (card) => {
      const heading = inCard<HTMLElement>(card, 'h3')!;
      heading.focus();
      expect(deepActiveElement()).to.equal(heading);
      return async () => {
        // The card answered too, and kept its heading: focus never fell to the page.
        expect(deepActiveElement()).to.equal(heading);
        heading.blur();
      };
    });
  });

  it('never moves the card under the mouse; the order catches up when it leaves the list', async () => {
    await checkHeldCardStays(async (card) => {
      const box = card.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + 20)] });
      await sendMouse({ type: 'move', position: [Math.round(box.left + 30), Math.round(box.top + 30)] });
      return async () => {
        await sendMouse({ type: 'move', position: [0, 0] });
      };
    });
  });
});
