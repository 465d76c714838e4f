/**
 * The compare bar sticks to the bottom of the screen while quotes are chosen to compare (on a
 * phone it takes a third of it): a keyboard user tabbing through the cards must always see
 * the control they are on, never have it hidden behind the bar (WCAG 2.4.11).
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement } from '../core/dom.js';
import { until } from '../support/env.js';
import { freshPage } from '../core/stack.js';
import { cardsIn, inCard, mountFlowAtQuotes, untilComplete } from './support.js';

describe('<insurup-quotes> compare bar and keyboard focus', () => {
  before(() => setViewport({ width: 360, height: 640 }));
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await freshPage();
  });
  beforeEach(() => freshPage());

  it('never hides the focused control behind the sticky compare bar', async () => {
    const { quotes } = await mountFlowAtQuotes({ inColumn: true });
    await untilComplete(quotes);
    const compare = inCard<HTMLInputElement>(cardsIn(quotes, 'active')[0]!, 'input[name="compare"]')!;
    compare.focus();
    await sendKeys({ press: 'Space' });
    const bar = await (async () => {
      await quotes.updateComplete;
      return quotes.shadowRoot!.querySelector<HTMLElement>('[part="compare-bar"]')!;
    })();
    expect(bar, 'the compare bar').to.exist;
    expect(bar.getBoundingClientRect().bottom, 'the bar at the bottom of the screen').to.be.closeTo(640, 1);

    const seen: string[] = [];
    // Through several cards: each one's plan picker, Buy, Details and Compare.
    for (let i = 0; i < 16; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = deepActiveElement() as HTMLElement;
      if (bar.contains(focused)) break;
      const name = focused.getAttribute('aria-label') ?? (focused as HTMLSelectElement).labels?.[0]?.textContent?.trim() ?? focused.localName;
      const rect = focused.getBoundingClientRect();
      seen.push(name);
      expect(rect.top, `${name}: on the screen`).to.be.at.least(0);
      expect(rect.bottom, `${name}: above the compare bar`).to.be.at.most(bar.getBoundingClientRect().top + 0.5);
    }
    expect(seen.length, 'controls of several cards').to.be.at.least(8);
  });

  it('says what choosing to compare did and where the button is, and Clear keeps focus on the list', async () => {
    const { quotes } = await mountFlowAtQuotes({ inColumn: true });
    await untilComplete(quotes);
    const region = quotes.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    const [first, second] = cardsIn(quotes, 'active').map((card) => inCard<HTMLInputElement>(card, 'input[name="compare"]')!);
    first!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => region.textContent!.includes('Karşılaştırma için seçilen teklif: 1.'), 'the first choice said', 5000);
    expect(region.textContent).to.include('Karşılaştırmak için 2 veya 3 teklif seçin.');
    second!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => region.textContent!.includes('Karşılaştırma için seçilen teklif: 2.'), 'the second choice said', 5000);
    expect(region.textContent).to.include('“Karşılaştır (PDF)” düğmesi listenin altında.');

    // Clear takes the bar away, its own button with it: focus returns to the last quote ticked.
    quotes.shadowRoot!.querySelector<HTMLElement>('[part="compare-clear"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await quotes.updateComplete;
    expect(quotes.shadowRoot!.querySelector('[part="compare-bar"]'), 'the bar gone').to.equal(null);
    expect(deepActiveElement(), 'focus on the last Compare ticked').to.equal(second);
    expect(second!.checked).to.equal(false);
  });
});
