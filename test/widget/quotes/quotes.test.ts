/**
 * `<insurup-quotes>` against the sandbox through the proxy: the proposal, quotes streaming in
 * over the hub, instalments, sorting, best price, ROBOT products, languages and keyboard use.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { sandboxConfig, until } from '../support/env.js';
import { byLabel, byRole, deepActiveElement, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import {
  amountOf,
  cardState,
  cards,
  cardsIn,
  catalogView,
  inCard,
  insurerOf,
  kaskoFlowAtQuotes,
  mountQuotes,
  priceOf,
  untilComplete,
  untilProposal,
} from './support.js';

describe('<insurup-quotes>', () => {
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

    // Placeholders with the insurer's name first, then prices as each insurer answers.
    await until(() => cards(el).length > 0, 'the placeholders');
    expect(cardsIn(el, 'waiting').length).to.be.greaterThan(0);
    expect(insurerOf(cards(el)[0]!)).to.match(/Sigorta/);
    await until(() => cardsIn(el, 'active').length > 0 && cardsIn(el, 'waiting').length > 0, 'a quote shown while others wait');
    expect(priceOf(cardsIn(el, 'active')[0]!)).to.match(/₺[\d.]+,\d{2}/);

    await untilComplete(el);
    expect(visibleText(el.shadowRoot!)).to.include('Tüm sigorta şirketleri yanıt verdi.');
    const { insurers } = await catalogView();
    expect(cards(el)).to.have.length(insurers.filter((i) => i.branches.includes('KASKO')).length);

    const posts = await requestsSince(mark, /^\/api\/proposals$/, 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.include({ $type: 'kasko', productBranch: 'KASKO', channel: 'WEBSITE' });
    expect((posts[0]!.body as { vehicleId: string }).vehicleId).to.equal(session.state.asset!.id);
    // Live over the hub: the list did not need polling.
    const gets = await requestsSince(mark, new RegExp(`^/api/proposals/${proposalId}$`), 'GET');
    expect(gets.length).to.be.at.most(3);
  });
});
