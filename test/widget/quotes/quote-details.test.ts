/**
 * What a quote explains and offers: its coverage in words, its documents, the compare PDF, and
 * Retry for a failed quote — against the sandbox through the proxy.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sandboxConfig, testEnv, until } from '../support/env.js';
import { byRole, deepActiveElement, visibleText } from '../core/dom.js';
import { freshPage, requestMark, requestsSince } from '../core/stack.js';
import type { InsurupQuotes } from '../../../src/widget/elements/insurup-quotes/element.js';
import type { InsurupQuoteCard } from '../../../src/widget/elements/insurup-quotes/quote-card.js';
import {
  cardState,
  cards,
  cardsIn,
  inCard,
  insurerOf,
  kaskoFlowAtQuotes,
  mountQuotes,
  untilComplete,
  untilProposal,
  keepSandboxConfig,
} from './support.js';

/** What a sandbox document link points at (its signed payload is base64url JSON). */
function documentOf(url: string): Record<string, unknown> {
  const payload = new URL(url).pathname.split('/').pop()!.split('.')[0]!;
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
}

/** Catches what would open in a new tab (the browser API the element calls). */
function catchNewTabs(): { urls: string[]; restore(): void } {
  const urls: string[] = [];
  const original = window.open;
  window.open = ((url?: string | URL) => {
    urls.push(String(url));
    return { opener: window } as unknown as Window;
  }) as typeof window.open;
  return { urls, restore: () => (window.open = original) };
}

describe('<insurup-quotes> details', () => {
  keepSandboxConfig();
  beforeEach(async () => {
    await freshPage();
    await sandboxConfig({ quoteDelay: [200, 1200] });
  });
  after(() => freshPage());

  it('passes axe with coverage open and quotes chosen for comparison', async () => {
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    await untilComplete(el);
    const [a, b] = cardsIn(el, 'active');
    inCard<HTMLButtonElement>(a!, '[part="details-button"]')!.click();
    inCard<HTMLInputElement>(a!, 'input[name="compare"]')!.click();
    inCard<HTMLInputElement>(b!, 'input[name="compare"]')!.click();
    await until(() => inCard(a!, '.coverage-list'), 'the coverage');
    await expect(el).to.be.accessible();
  });

  /** Opens a card's details (documents and coverage), as a customer taps Details. */
  async function openDetails(card: InsurupQuoteCard): Promise<void> {
    inCard<HTMLButtonElement>(card, '[part="details-button"]')!.click();
    await card.updateComplete;
  }

  it('shows the documents and the coverage in words under Details', async () => {
    const mark = await requestMark();
    await kaskoFlowAtQuotes();
    const el = await mountQuotes();
    const card = await until(() => cardsIn(el, 'active')[0], 'a quote');
    const toggle = inCard<HTMLButtonElement>(card, '[part="details-button"]')!;
    expect(visibleText(toggle)).to.equal('Detaylar');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('details');
    expect(inCard(card, '#details')!.hasAttribute('hidden')).to.equal(true);
    expect(inCard(card, '[part="document-button"]'), 'the documents wait under Details').to.equal(null);
    toggle.click();
    await until(() => inCard(card, '.coverage-list'), 'the coverage list');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(visibleText(inCard(card, '[part="documents"]')!)).to.equal('Ürün belgesi Bilgilendirme formu');
    const text = visibleText(inCard(card, '[part="coverage"]')!);
    // Labels from the tables, values in words, amounts as money; never a raw key.
    expect(text).to.include('Çarpışma');
    expect(text).to.include('Rayiç değer');
    expect(text).to.include('Yol yardımı');
    expect(text).to.match(/Dahil/);
    expect(text).to.match(/₺[\d.]+,\d{2}/);
    expect(text).to.not.match(/carpisma|MARKET_VALUE|immLimitiAyrimsiz|\$type/);
    const proposalId = el.session!.state.proposalId!;
    const coveragePath = new RegExp(`^/api/proposals/${proposalId}/products/${card.product.id}/coverage$`);
    await until(async () => (await requestsSince(mark, coveragePath, 'GET')).length === 1, 'the coverage request');
    toggle.click();
    await card.updateComplete;
    expect(inCard(card, '#details')!.hasAttribute('hidden')).to.equal(true);
  });

  it('opens the product document and the information form in a new tab', async () => {
    const tabs = catchNewTabs();
    try {
      await kaskoFlowAtQuotes();
      const el = await mountQuotes();
      const card = await until(() => cardsIn(el, 'active')[0], 'a quote');
      await openDetails(card);
      const [product, form] = [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="document-button"]')];
      expect(visibleText(product!)).to.match(/^Ürün belgesi/);
      expect(visibleText(form!)).to.match(/^Bilgilendirme formu/);
      // By keyboard: the button stays focused while the link is fetched (it is busy, not
      // disabled), so the reader keeps their place when they come back from the new tab.
      product!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => product!.getAttribute('aria-disabled') === 'true' || tabs.urls.length === 1, 'the button busy');
      expect(deepActiveElement(), 'focus while busy').to.equal(product);
      await until(() => tabs.urls.length === 1, 'the document to open');
      expect(deepActiveElement(), 'focus after opening').to.equal(product);
      form!.click();
      await until(() => tabs.urls.length === 2, 'the form to open');
      const { sandboxUrl } = await testEnv();
      expect(tabs.urls.every((url) => url.startsWith(`${sandboxUrl}/documents/`))).to.equal(true);
      // Signed links to this product's offer and information form (opened without a token).
      expect(documentOf(tabs.urls[0]!)).to.include({ kind: 'offer', productId: card.product.id });
      expect(documentOf(tabs.urls[1]!)).to.include({ kind: 'information-form', productId: card.product.id });
    } finally {
      tabs.restore();
    }
  });

  it('shows the link when the browser blocks the new tab', async () => {
    const original = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      await kaskoFlowAtQuotes();
      const el = await mountQuotes();
      const card = await until(() => cardsIn(el, 'active')[0], 'a quote');
      await openDetails(card);
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="document-button"]')!.click();
      const link = await until(() => inCard<HTMLAnchorElement>(card, '[part="document-link"] a'), 'the fallback link');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.include('noopener');
      expect(visibleText(link)).to.equal('Belgeyi aç');
    } finally {
      window.open = original;
    }
  });

  it('compares 2 or 3 chosen quotes in one PDF', async () => {
    const tabs = catchNewTabs();
    try {
      const mark = await requestMark();
      await kaskoFlowAtQuotes();
      const el = await mountQuotes();
      await untilComplete(el);
      const quotes = cardsIn(el, 'active');
      expect(quotes.length).to.be.at.least(4);
      const box = (i: number) => inCard<HTMLInputElement>(quotes[i]!, 'input[name="compare"]')!;
      box(0).click();
      await el.updateComplete;
      const compare = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="compare-button"]')!;
      expect(compare().disabled).to.equal(true);
      expect(visibleText(el.shadowRoot!.querySelector('[part="compare-bar"]')!)).to.include('2 veya 3 teklif seçin');
      box(1).click();
      box(2).click();
      await el.updateComplete;
      await quotes[3]!.updateComplete;
      expect(box(3).disabled, 'a fourth cannot be chosen').to.equal(true);
      expect(visibleText(el.shadowRoot!)).to.include('3 teklif seçildi');
      expect(compare().disabled).to.equal(false);
      compare().focus();
      await sendKeys({ press: 'Enter' });
      await until(() => tabs.urls.length === 1, 'the comparison to open');
      expect(deepActiveElement(), 'focus stays on Compare (busy, not disabled, meanwhile)').to.equal(compare());
      const posts = await requestsSince(mark, /\/products\/compare-pdf$/, 'POST');
      expect(posts).to.have.length(1);
      const ids = (posts[0]!.body as { proposalProductIds: string[] }).proposalProductIds;
      expect(ids).to.have.length(3);
      const chosen = quotes.slice(0, 3).map((c) => c.product.id);
      expect([...ids].sort()).to.deep.equal([...chosen].sort());
      expect(documentOf(tabs.urls[0]!)).to.include({ kind: 'compare' });
      // Clearing the choice hides the bar.
      byRole(el.shadowRoot!, 'button', 'Temizle').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="compare-bar"]')).to.equal(null);
      expect(box(0).checked).to.equal(false);
    } finally {
      tabs.restore();
    }
  });

  it('folds a failed quote with its reason, and Retry asks the insurer again', async () => {
    // Outcomes are seeded per vehicle: find one with a failure the insurer calls temporary.
    let el!: InsurupQuotes;
    let failed: ReturnType<typeof cards>[number] | undefined;
    for (let attempt = 0; attempt < 8 && !failed; attempt++) {
      if (attempt > 0) await freshPage();
      await kaskoFlowAtQuotes(`RETRY${attempt}X${Date.now() % 1e6}`);
      el = await mountQuotes({ groups: await threeGroups() });
      await untilComplete(el);
      failed = cardsIn(el, 'failed').find((c) => /yeniden deneyebilirsiniz/.test(c.product.errorMessage ?? ''));
      if (!failed) el.remove();
    }
    expect(failed, 'a temporarily failed quote').to.exist;
    const card = failed!;
    const insurer = insurerOf(card);
    const reason = inCard<HTMLDetailsElement>(card, 'details[part="failure-reason"]')!;
    expect(reason.open).to.equal(false);
    expect(visibleText(card.shadowRoot!)).to.include('Teklif alınamadı');
    reason.querySelector('summary')!.click();
    expect(reason.open).to.equal(true);
    expect(visibleText(reason)).to.match(/yeniden deneyebilirsiniz/);

    await sandboxConfig({ quoteDelay: [600, 900] });
    const mark = await requestMark();
    const retry = inCard<HTMLButtonElement>(card, '[part="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Tekrar dene');
    // Its name for screen readers says which insurer it asks again.
    expect(retry.getAttribute('aria-label')).to.match(new RegExp(`^Tekrar dene: ${insurer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, |$)`));
    retry.focus();
    retry.click();
    // The card waits again (focus stays in it), then shows the new quote.
    await until(() => cardState(card) === 'waiting', 'the card to wait again');
    await until(() => deepActiveElement() === inCard(card, 'h3'), 'focus on the card heading');
    await until(() => cardState(card) === 'active', 'the retried quote', 10_000);
    expect(inCard(card, '[part="price"]')).to.exist;
    // The card became a quote around the focused heading: focus is still there, not on the page.
    expect(deepActiveElement()).to.equal(inCard(card, 'h3'));
    const proposalId = await untilProposal(el);
    expect(await requestsSince(mark, new RegExp(`^/api/proposals/${proposalId}/products/${card.product.id}/retry$`), 'POST')).to.have.length(1);
    await until(() => el.feed.status === 'complete', 'the list to be complete again');
  });
});

async function threeGroups(): Promise<string[]> {
  const { kaskoGroupIds } = await import('./support.js');
  return kaskoGroupIds(3);
}
