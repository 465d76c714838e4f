import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COVERAGE_ENUMS, COVERAGE_FIELDS } from '../../../src/contract/coverage.js';
import type { ProposalProduct } from '../../../src/contract/proposals.js';
import '../../../src/widget/elements/insurup-quotes/messages.js';
import { isMessageKey, translate } from '../../../src/widget/i18n/index.js';
import {
  coverageEnumLabel,
  coverageFieldLabel,
  coverageRows,
  coverageValueText,
  readableKey,
} from '../../../src/widget/elements/insurup-quotes/coverage-text.js';
import {
  bestPriceId,
  displayOrder,
  sellableAnywhere,
  sellableUnder,
  sortProducts,
} from '../../../src/widget/elements/insurup-quotes/quote-order.js';
import { parsePaymentTypes } from '../../../src/widget/elements/insurup-checkout/payment-types.js';
import { parseCoverageGroupIds } from '../../../src/widget/elements/insurup-quotes/coverage-groups.js';
import { perInstallment, premiumFor } from '../../../src/widget/elements/insurup-quotes/premiums.js';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('coverage labels', () => {
  it('has a Turkish and an English label for every known field and enum value', () => {
    const fields = new Set(Object.values(COVERAGE_FIELDS).flat());
    for (const field of fields) {
      assert.ok(isMessageKey(`quotes.field.${field}`), `missing label for ${field}`);
      const tr = coverageFieldLabel(field, 'tr');
      const en = coverageFieldLabel(field, 'en');
      assert.notEqual(tr, field);
      assert.notEqual(en, field);
    }
    for (const value of Object.values(COVERAGE_ENUMS).flat()) {
      assert.ok(isMessageKey(`quotes.enum.${value}`), `missing label for ${value}`);
    }
    assert.equal(coverageFieldLabel('carpisma', 'tr'), 'Çarpışma');
    assert.equal(coverageFieldLabel('carpisma', 'en'), 'Collision');
    assert.equal(coverageEnumLabel('YETKILI_SERVIS', 'tr'), 'Yetkili servis');
  });

  it('makes unknown keys readable instead of showing them raw', () => {
    assert.equal(readableKey('yeniTeminatAlani'), 'Yeni teminat alani');
    assert.equal(readableKey('OZEL_HASTANE_AGI'), 'Ozel hastane agi');
    assert.equal(coverageFieldLabel('ekTeminatLimiti', 'en'), 'Ek teminat limiti');
    assert.equal(coverageEnumLabel('YENI_SERVIS', 'tr'), 'Yeni servis');
  });

  it('puts $type values into words, money, numbers and percents', () => {
    assert.equal(coverageValueText({ $type: 'INCLUDED' }, 'tr'), 'Dahil');
    assert.equal(coverageValueText({ $type: 'NOT_INCLUDED' }, 'en'), 'Not included');
    assert.equal(coverageValueText({ $type: 'LIMITLESS' }, 'tr'), 'Limitsiz');
    assert.equal(coverageValueText({ $type: 'MARKET_VALUE' }, 'tr'), 'Rayiç değer');
    assert.equal(coverageValueText({ $type: 'HIGHEST_LIMIT' }, 'en'), 'Highest limit');
    assert.equal(nbsp(coverageValueText({ $type: 'DECIMAL', value: 500000 }, 'tr')), '₺500.000,00');
    assert.equal(coverageValueText({ $type: 'NUMBER', value: 15 }, 'tr'), '15');
    assert.equal(nbsp(coverageValueText({ $type: 'PERCENT', value: 10 }, 'tr')), '%10');
    assert.equal(coverageValueText({ $type: 'PERCENT', value: 2.5 }, 'en'), '2.5%');
    assert.equal(coverageValueText({ $type: 'UNDEFINED' }, 'tr'), 'Belirtilmemiş');
    assert.equal(coverageValueText('ANLASMALI_YETKILI_SERVIS', 'en'), 'Contracted authorised dealer');
    assert.equal(coverageValueText(null, 'en'), translate('en', 'quotes.value.UNDEFINED'));
  });

  it('lists known fields in the branch order, then unknown ones', () => {
    const rows = coverageRows(
      { $type: 'kasko', productBranch: 'KASKO', yanma: { $type: 'INCLUDED' }, ekAlan: { $type: 'NOT_INCLUDED' }, carpisma: { $type: 'MARKET_VALUE' } },
      'tr',
    );
    assert.deepEqual(rows.map((r) => r.field), ['carpisma', 'yanma', 'ekAlan']);
    assert.deepEqual(rows.map((r) => r.label), ['Çarpışma', 'Yanma', 'Ek alan']);
    assert.deepEqual(rows.map((r) => r.included), [true, true, false]);
  });
});

function quote(
  id: string,
  name: string,
  state: ProposalProduct['state'],
  price?: number,
  options: Partial<Pick<ProposalProduct, 'productType' | 'supportedPaymentOptions'>> = {},
): ProposalProduct {
  return {
    id,
    insuranceCompanyId: id,
    insuranceCompanyName: name,
    productId: id,
    productName: 'Kasko',
    productType: 'WEB_SERVICE',
    state,
    premiums: price === undefined ? [] : [
      { installmentNumber: 3, netPremium: price, grossPremium: price * 1.05, currency: 'TURKISH_LIRA' },
      { installmentNumber: 1, netPremium: price, grossPremium: price, currency: 'TURKISH_LIRA' },
    ],
    supportedPaymentOptions: ['ASYNC_INSURANCE_COMPANY_REDIRECT', 'ASYNC_THIRD_PARTY_3D_SECURE'],
    ...options,
  };
}

describe('quote order', () => {
  const products = [
    quote('w', 'Zeytin Sigorta', 'WAITING'),
    quote('f', 'Akasya Sigorta', 'FAILED'),
    quote('e', 'Çınar Sigorta', 'ACTIVE', 900),
    quote('c', 'Lale Sigorta', 'ACTIVE', 500),
    quote('d', 'Ilgın Sigorta', 'ACTIVE', 700),
  ];

  it('sorts by price: quotes cheapest first, then waiting, failed last', () => {
    assert.deepEqual(sortProducts(products, 'price').map((p) => p.id), ['c', 'd', 'e', 'w', 'f']);
  });

  it('sorts by insurer with Turkish collation', () => {
    assert.deepEqual(sortProducts(products, 'insurer').map((p) => p.id), ['f', 'e', 'd', 'c', 'w']);
  });

  it('keeps a frozen order and puts newcomers after it', () => {
    const frozen = ['e', 'w', 'f'];
    const now = [...products, quote('n', 'Ada Sigorta', 'ACTIVE', 100)];
    assert.deepEqual(displayOrder(now, 'price', frozen).map((p) => p.id), ['e', 'w', 'f', 'n', 'c', 'd']);
    assert.deepEqual(displayOrder(now, 'price', null).map((p) => p.id), ['n', 'c', 'd', 'e', 'w', 'f']);
  });

  it('marks the cheapest quote when there are two or more', () => {
    assert.equal(bestPriceId(products), 'c');
    assert.equal(bestPriceId([products[2]!]), null);
  });

  it('puts quotes completed with the agency after those bought here, and never marks them best', () => {
    const cardOnly = { supportedPaymentOptions: ['ASYNC_THIRD_PARTY_3D_SECURE', 'SYNC_CREDIT_CARD'] } as const;
    const mixed = [
      quote('card', 'Ada Sigorta', 'ACTIVE', 300, { supportedPaymentOptions: [...cardOnly.supportedPaymentOptions] }),
      quote('robot', 'Bora Sigorta', 'ACTIVE', 350, { productType: 'ROBOT', supportedPaymentOptions: [] }),
      quote('r1', 'Cemre Sigorta', 'ACTIVE', 600),
      quote('r2', 'Defne Sigorta', 'ACTIVE', 400),
      quote('w', 'Ege Sigorta', 'WAITING'),
      quote('f', 'Fulya Sigorta', 'FAILED'),
    ];
    // Every payment type allowed: the card-only quote is the cheapest; the robot never is.
    assert.deepEqual(sortProducts(mixed, 'price').map((p) => p.id), ['card', 'r2', 'r1', 'robot', 'w', 'f']);
    assert.equal(bestPriceId(mixed), 'card');
    // Only the insurer's own payment page: the card-only quote joins the robot, after the rest.
    const redirectOnly = sellableUnder(parsePaymentTypes('insurance-company-redirect'));
    assert.deepEqual(sortProducts(mixed, 'price', redirectOnly).map((p) => p.id), ['r2', 'r1', 'card', 'robot', 'w', 'f']);
    assert.equal(bestPriceId(mixed, redirectOnly), 'r2');
    assert.deepEqual(displayOrder(mixed, 'price', null, redirectOnly).map((p) => p.id), ['r2', 'r1', 'card', 'robot', 'w', 'f']);
    // By insurer, names decide alone.
    assert.deepEqual(sortProducts(mixed, 'insurer', redirectOnly).map((p) => p.id), ['card', 'robot', 'r1', 'r2', 'w', 'f']);
    // A single quote to buy is not "the best" of anything.
    assert.equal(bestPriceId(mixed.filter((p) => p.id !== 'r1'), redirectOnly), null);
    assert.equal(sellableAnywhere(mixed[1]!), false);
    assert.equal(redirectOnly(mixed[0]!), false);
    assert.equal(redirectOnly(mixed[2]!), true);
  });

  it('reads premiums by instalment', () => {
    const p = products[3]!;
    assert.equal(premiumFor(p, 3)!.installmentNumber, 3);
    assert.equal(premiumFor(p, 9)!.installmentNumber, 1, 'a plan that is gone falls back to the first');
    assert.equal(perInstallment({ installmentNumber: 3, netPremium: 0, grossPremium: 1000, currency: 'TURKISH_LIRA' }), 333.33);
  });
});

describe('coverage-group-ids', () => {
  const id = (c: string) => c.repeat(24);
  it('accepts 1 to 3 comma-separated 24-hex ids', () => {
    assert.deepEqual(parseCoverageGroupIds(`${id('a')}`), [id('a')]);
    assert.deepEqual(parseCoverageGroupIds(` ${id('a')}, ${id('b')} ,${id('a')}`), [id('a'), id('b')]);
  });
  it('refuses missing, malformed or too many ids', () => {
    assert.equal(parseCoverageGroupIds(undefined), null);
    assert.equal(parseCoverageGroupIds(''), null);
    assert.equal(parseCoverageGroupIds('abc'), null);
    assert.equal(parseCoverageGroupIds([id('a'), id('b'), id('c'), id('d')].join(',')), null);
  });
});
