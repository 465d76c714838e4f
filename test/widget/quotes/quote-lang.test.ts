/**
 * The language a screen reader speaks each part of a quote in: on an English page the widget's
 * own words are English, while what the insurer sent — its name, its product and package, the
 * reason a quote failed — is Turkish and marked so (lang="tr"), so it is pronounced in Turkish.
 */
import { expect } from '@open-wc/testing';
import { freshPage } from '../core/stack.js';
import { cardsIn, inCard, kaskoFlowAtQuotes, kaskoGroupIds, mountQuotes, untilComplete } from './support.js';

describe('<insurup-quotes> language of parts', () => {
  beforeEach(() => freshPage());

  it('speaks the insurer’s Turkish in Turkish on an English page', async () => {
    let failed: ReturnType<typeof cardsIn>[number] | undefined;
    let el!: Awaited<ReturnType<typeof mountQuotes>>;
    // Outcomes are seeded per vehicle: find one with a failure that has the insurer's reason.
    for (let attempt = 0; attempt < 6 && !failed; attempt++) {
      if (attempt > 0) await freshPage();
      await kaskoFlowAtQuotes(`LANG${attempt}X${Date.now() % 1e6}`);
      el = await mountQuotes({ lang: 'en', groups: await kaskoGroupIds(3) });
      await untilComplete(el);
      failed = cardsIn(el, 'failed').find((c) => c.product.errorMessage);
    }
    expect(failed, 'a failed quote with a reason').to.exist;
    const active = cardsIn(el, 'active').find((c) => inCard(c, '[part="buy-button"]'))!;

    expect(inCard(active, '[part="buy-button"]')!.matches(':lang(en)'), 'Buy').to.equal(true);
    expect(inCard(active, '[part="insurer"]')!.matches(':lang(tr)'), 'the insurer').to.equal(true);
    expect(inCard(active, '[part="product-name"]')!.matches(':lang(tr)'), 'product and package').to.equal(true);
    const reason = inCard(failed!, '[part="failure-reason"]')!;
    expect(reason.querySelector('summary')!.matches(':lang(en)'), 'the widget’s "Why?"').to.equal(true);
    expect(reason.querySelector('p')!.textContent).to.equal(failed!.product.errorMessage);
    expect(reason.querySelector('p')!.matches(':lang(tr)'), 'the insurer’s reason').to.equal(true);
  });
});
