import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Proposal, ProposalProduct } from '../../../src/contract/proposals.js';
import type { HubEventPayload } from '../../../src/contract/realtime.js';
import { QuoteBook } from '../../../src/widget/realtime/quote-book.js';
import { nextPollDelay } from '../../../src/widget/realtime/backoff-schedule.js';

const PROPOSAL = 'p1';

function product(id: string, patch: Partial<ProposalProduct> = {}): ProposalProduct {
  return {
    id,
    insuranceCompanyId: 101,
    insuranceCompanyName: `Insurer ${id}`,
    insuranceCompanyLogo: null,
    productId: 10101,
    productName: 'Kasko',
    productType: 'WEB_SERVICE',
    state: 'WAITING',
    errorMessage: null,
    policyId: null,
    premiums: [],
    coverageGroupId: null,
    coverageGroupName: null,
    supportedPaymentOptions: ['ASYNC_3D_SECURE'],
    ...patch,
  };
}

function snapshot(products: ProposalProduct[], total = products.length): Proposal {
  return {
    proposalId: PROPOSAL,
    productBranch: 'KASKO',
    state: products.every((p) => p.state !== 'WAITING') ? 'COMPLETED' : 'WAITING',
    totalProductsCount: total,
    succeedProductsCount: products.filter((p) => p.state === 'ACTIVE').length,
    createdAt: '2025-01-01T10:00:00Z',
    products,
  };
}

const premium = (n: number, gross: number) => ({
  installmentNumber: n,
  netPremium: gross * 0.8,
  grossPremium: gross,
  currency: 'TURKISH_LIRA' as const,
});

function success(id: string, gross = 1000): HubEventPayload<'ReceiveProposalProductSuccess'> {
  return {
    proposalId: PROPOSAL,
    proposalProductId: id,
    productId: 10101,
    productName: 'Kasko',
    productType: 'WEB_SERVICE',
    insuranceCompanyId: 101,
    insuranceCompanyName: `Insurer ${id}`,
    insuranceCompanyLogo: null,
    supportedPaymentOptions: ['ASYNC_3D_SECURE'],
    premiums: [premium(1, gross), premium(3, gross * 1.03)],
  };
}

describe('QuoteBook', () => {
  it('takes the first snapshot and reports quotes already there as new', () => {
    const book = new QuoteBook(PROPOSAL);
    const change = book.applySnapshot(snapshot([product('a'), product('b', { state: 'ACTIVE', premiums: [premium(1, 5)] })]), 0);
    assert.equal(change.changed, true);
    assert.deepEqual(change.newQuotes, ['b']);
    assert.equal(book.size, 2);
    assert.equal(book.settledCount, 1);
    assert.equal(book.complete, false);
  });

  it('applies a success event at once and keeps the other products the same objects', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a'), product('b')]), 0);
    const [a0, b0] = book.products;
    const change = book.applyEvent('ReceiveProposalProductSuccess', success('a'), 10);
    assert.deepEqual(change.newQuotes, ['a']);
    const [a1, b1] = book.products;
    assert.notEqual(a1, a0);
    assert.equal(a1!.state, 'ACTIVE');
    assert.equal(a1!.premiums.length, 2);
    assert.equal(b1, b0, 'an unchanged product keeps its object (its card does not re-render)');
  });

  it('does not let an older snapshot undo a newer event', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a')]), 0);
    // GET sent at t=5, event at t=10, the GET's answer (still WAITING) arrives after the event.
    book.applyEvent('ReceiveProposalProductSuccess', success('a'), 10);
    const change = book.applySnapshot(snapshot([product('a')]), 5);
    assert.equal(change.changed, false);
    assert.equal(book.get('a')!.state, 'ACTIVE');
    // A snapshot sent after the event wins.
    book.applySnapshot(snapshot([product('a', { state: 'FAILED', errorMessage: 'x' })]), 20);
    assert.equal(book.get('a')!.state, 'FAILED');
  });

  it('ignores events and snapshots of another proposal', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a')]), 0);
    assert.equal(book.applyEvent('ReceiveProposalProductSuccess', { ...success('a'), proposalId: 'other' }, 1).changed, false);
    assert.equal(book.applySnapshot({ ...snapshot([]), proposalId: 'other' }, 2).changed, false);
    assert.equal(book.get('a')!.state, 'WAITING');
  });

  it('learns of a product from its event before any snapshot lists it', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a')], 2), 0);
    book.applyEvent('ReceiveProposalProductSuccess', success('z'), 1);
    assert.equal(book.size, 2);
    assert.equal(book.get('z')!.insuranceCompanyName, 'Insurer z');
  });

  it('is complete only when every expected product is final', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a')], 2), 0);
    book.applyEvent('ReceiveProposalProductSuccess', success('a'), 1);
    assert.equal(book.complete, false, 'one of two products is not even known yet');
    book.applyEvent('ReceiveProposalProductFailed', { ...success('b'), errorMessage: 'no' }, 2);
    assert.equal(book.complete, true);
    assert.equal(book.get('b')!.errorMessage, 'no');
  });

  it('marks a retried product waiting, and a duplicate event changes nothing', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applySnapshot(snapshot([product('a', { state: 'FAILED', errorMessage: 'timeout' })]), 0);
    assert.equal(book.markWaiting('a', 1).changed, true);
    assert.equal(book.get('a')!.state, 'WAITING');
    assert.equal(book.get('a')!.errorMessage, null);
    book.applyEvent('ReceiveProposalProductSuccess', success('a'), 2);
    const version = book.version;
    assert.equal(book.applyEvent('ReceiveProposalProductSuccess', success('a'), 3).changed, false);
    assert.equal(book.version, version);
  });

  it('follows revisions, purchase states and coverage', () => {
    const book = new QuoteBook(PROPOSAL);
    book.applyEvent('ReceiveProposalProductSuccess', success('a', 1000), 1);
    book.applyEvent('ReceiveProposalProductRevised', { ...success('a', 900) }, 2);
    assert.equal(book.get('a')!.premiums[0]!.grossPremium, 900);
    book.applyEvent('ReceiveProposalProductCoverage', { ...success('a'), coverage: { $type: 'kasko', productBranch: 'KASKO', carpisma: { $type: 'INCLUDED' } } }, 3);
    assert.deepEqual(book.get('a')!.coverage?.carpisma, { $type: 'INCLUDED' });
    // A later snapshot without coverage keeps the coverage the event brought.
    book.applySnapshot(snapshot([{ ...book.get('a')!, coverage: null }]), 4);
    assert.deepEqual(book.get('a')!.coverage?.carpisma, { $type: 'INCLUDED' });
    book.applyEvent('ReceiveProposalProductPurchasing', success('a'), 5);
    assert.equal(book.get('a')!.state, 'PURCHASING');
    book.applyEvent('ReceiveProposalProductPurchaseFailed', { ...success('a'), errorMessage: 'card declined' }, 6);
    assert.equal(book.get('a')!.state, 'ACTIVE');
    book.applyEvent('ReceiveProposalProductPurchased', { ...success('a'), policyId: 'pol1' }, 7);
    assert.equal(book.get('a')!.state, 'PURCHASED');
    assert.equal(book.get('a')!.policyId, 'pol1');
  });
});

describe('nextPollDelay', () => {
  const timing = { baseMs: 3000, maxMs: 15000, factor: 1.5 };
  it('starts at the base, backs off while nothing changes, resets on a change, stops at the max', () => {
    let delay = nextPollDelay(null, timing, false);
    assert.equal(delay, 3000);
    const seen = [delay];
    for (let i = 0; i < 6; i++) seen.push((delay = nextPollDelay(delay, timing, false)));
    assert.deepEqual(seen, [3000, 4500, 6750, 10125, 15000, 15000, 15000]);
    assert.equal(nextPollDelay(15000, timing, true), 3000);
  });
});
