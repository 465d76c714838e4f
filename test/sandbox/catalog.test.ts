import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COVERAGE_FIELDS } from '../../src/contract/coverage.js';
import { buildCatalog, catalogView } from '../../src/sandbox/catalog/index.js';
import { makeTckn } from '../../src/sandbox/catalog/people.js';
import { modelOnSaleIn } from '../../src/sandbox/catalog/vehicles.js';
import { seededRng } from '../../src/sandbox/random.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { isValidTckn, isValidVkn, isValidYkn, luhnValid, parsePlate } from '../../src/widget/validation/index.js';
import { Api, freshIdentity, individualLogin, login, start } from './helpers.js';

const REAL_INSURERS = /anadolu|allianz|axa|doğa|türkiye sigorta|ray|sompo|hdi|quick|neova|mapfre|aksigorta|bereket|güneş|ankara|magdeburger|unico|corpus|hepiyi|zurich|generali|groupama|eureko|orient|koru|gri|türk nippon|acıbadem|bupa/i;

describe('sandbox catalogue', () => {
  const catalog = buildCatalog(1);

  it('is deterministic for a seed and differs between seeds', () => {
    assert.deepEqual(catalogView(buildCatalog(1)), catalogView(catalog));
    assert.notDeepEqual(catalogView(buildCatalog(2)).coverageGroups, catalogView(catalog).coverageGroups);
    assert.notDeepEqual(catalogView(buildCatalog(2)).uavtSamples, catalogView(catalog).uavtSamples);
  });

  it('has at least 8 fictional insurers with the market\'s payment mix and an SVG logo each', () => {
    const insurers = catalog.insurers;
    assert.ok(insurers.length >= 8);
    for (const i of insurers) {
      assert.doesNotMatch(i.name, REAL_INSURERS, `${i.name} is fictional`);
      assert.match(i.logo, /^data:image\/svg\+xml;base64,/);
      assert.match(Buffer.from(i.logo.split(',')[1]!, 'base64').toString(), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(i.logo.length < 1000, 'small');
    }
    const has = (option: string) => insurers.filter((i) => i.supportedPaymentOptions.includes(option as never));
    const threeD = has('ASYNC_3D_SECURE').length;
    assert.ok(threeD >= 1 && threeD <= 3, 'few offer the bank 3-D Secure page');
    const redirectAndThirdParty = insurers.filter((i) =>
      i.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT') && i.supportedPaymentOptions.includes('ASYNC_THIRD_PARTY_3D_SECURE'));
    assert.ok(redirectAndThirdParty.length > insurers.length / 2, 'most offer the insurer page and third-party 3-D Secure');
    const cardOnly = insurers.filter((i) =>
      i.productType === 'WEB_SERVICE' && !i.supportedPaymentOptions.includes('ASYNC_INSURANCE_COMPANY_REDIRECT') && !i.supportedPaymentOptions.includes('ASYNC_3D_SECURE'));
    assert.equal(cardOnly.length, 1, 'one takes cards only');
    assert.ok(insurers.some((i) => i.productType === 'ROBOT'));
    const everyBranch = insurers.filter((i) => i.branches.length === 6).length;
    assert.ok(everyBranch >= insurers.length * 0.7, 'most quote every branch');
    for (const branch of ['KASKO', 'TRAFIK', 'IMM', 'DASK', 'KONUT', 'TSS']) {
      assert.ok(insurers.filter((i) => i.branches.includes(branch as never)).length >= 7, `${branch} is widely quoted`);
    }
  });

  it('has coverage groups for every branch and a rule for every coverage field', () => {
    for (const branch of Object.keys(COVERAGE_FIELDS)) {
      const groups = catalog.coverageGroups.filter((g) => g.branch === branch);
      assert.ok(groups.length >= 1, branch);
      for (const g of groups) assert.match(g.id, /^[0-9a-f]{24}$/);
    }
  });

  it('has brands with models by year and a registry of valid plates', () => {
    assert.ok(catalog.brands.length >= 8);
    for (const brand of catalog.brands) {
      assert.ok(brand.models.length >= 2);
      for (const m of brand.models) assert.ok(modelOnSaleIn(m, m.from) && !modelOnSaleIn(m, m.from - 1));
    }
    assert.ok(catalog.registry.length >= 6);
    for (const r of catalog.registry) {
      assert.deepEqual(parsePlate(`${String(r.plate.city).padStart(2, '0')} ${r.plate.code}`), r.plate);
      assert.match(`${r.documentSerial.code}${r.documentSerial.number}`, /^[A-Z]{2}\d{6}$/);
      assert.ok(modelOnSaleIn(r.model, r.year), 'the registry car was made that year');
      assert.equal(r.chassis.length, 17);
    }
  });

  it('has an address tree of at least 3 cities down to apartments whose value is a 10-digit UAVT', () => {
    assert.ok(catalog.addresses.cities.length >= 3);
    let apartments = 0;
    const walk = (nodes: typeof catalog.addresses.cities, depth: number) => {
      for (const n of nodes) {
        if (depth === 6) {
          apartments++;
          assert.match(n.value, /^\d{10}$/);
          assert.equal(catalog.addresses.byUavt.get(n.value)?.apartment.value, n.value);
        } else {
          assert.ok(n.children.length > 0, `${n.text} has children`);
          walk(n.children, depth + 1);
        }
      }
    };
    walk(catalog.addresses.cities, 0);
    assert.equal(apartments, catalog.addresses.byUavt.size);
  });

  it('makes citizens\' TCKNs outside the foreign residents\' 99 range', () => {
    const rng = seededRng('tckn-range');
    for (let i = 0; i < 5000; i++) {
      const tckn = makeTckn(rng);
      assert.ok(isValidTckn(tckn) && !tckn.startsWith('99'), tckn);
    }
    assert.ok(isValidYkn(makeTckn(rng, '99')));
  });

  it('offers valid test identities and cards', () => {
    const view = catalogView(catalog);
    for (const t of view.testIdentities) {
      if (t.$type === 'company') assert.ok(isValidVkn(String(t.taxNumber).padStart(10, '0')));
      else if (t.$type === 'foreign') assert.ok(isValidYkn(String(t.identityNumber)));
      else assert.ok(isValidTckn(String(t.identityNumber)));
      assert.match(t.phoneNumber.number, /^5\d{9}$/);
    }
    for (const c of view.testCards) assert.ok(luhnValid(c.number));
    for (const uavt of view.uavtSamples) assert.ok(catalog.addresses.byUavt.has(uavt));
  });

  describe('over HTTP', () => {
    let sandbox: StartedSandbox;
    let api: Api;
    before(async () => {
      sandbox = await start();
      api = new Api(sandbox.url);
    });
    after(() => sandbox.close());

    it('serves the catalogue at /sandbox/catalog in the documented shape', async () => {
      const { body } = await api.get('/sandbox/catalog');
      for (const key of ['insurers', 'coverageGroups', 'registry', 'uavtSamples']) assert.ok(Array.isArray(body[key]), key);
      assert.deepEqual(Object.keys(body.insurers[0]).sort(), ['branches', 'id', 'logo', 'name', 'productType', 'supportedPaymentOptions']);
      assert.deepEqual(Object.keys(body.coverageGroups[0]).sort(), ['branch', 'id', 'name']);
      assert.ok(body.registry[0].plate.city && body.registry[0].documentSerial.code && body.registry[0].brand && body.registry[0].model && body.registry[0].year);
    });

    it('finds every registry plate by external lookup', async () => {
      const { customerId } = await login(api, individualLogin(freshIdentity('catalog')));
      for (const entry of catalog.registry) {
        const found = await api.post(`/api/customers/${customerId}/vehicles/external-lookup`, { plate: entry.plate });
        assert.equal(found.status, 200);
        assert.equal(found.body.chassis, entry.chassis);
      }
    });

    it('answers coverage choices per insurer for kasko, tss, konut and imm', async () => {
      for (const [branch, field] of [['kasko', 'carpisma'], ['tss', 'hastaneAgi'], ['konut', 'firtina'], ['imm', 'immLimitiAyrimsiz']] as const) {
        const { status, body } = await api.get(`/api/coverage-choices:${branch}`);
        assert.equal(status, 200);
        assert.equal(body.length, catalog.insurers.filter((i) => i.branches.includes(branch.toUpperCase() as never)).length);
        assert.ok(Array.isArray(body[0].coverageChoices[field]) && body[0].coverageChoices[field].length >= 1);
      }
      const one = await api.get(`/api/coverage-choices:kasko?insuranceCompanyId=${catalog.insurers[0]!.id}`);
      assert.equal(one.body.length, 1);
    });

    it('lets the registered test customer in without a birth date, with a saved vehicle, home and health info', async () => {
      const { body } = await api.get('/sandbox/catalog');
      const returning = body.testIdentities.find((t: { registered: boolean }) => t.registered);
      const customer = new Api(sandbox.url);
      await login(customer, { $type: 'individual', identityNumber: returning.identityNumber, phoneNumber: returning.phoneNumber, agentId: '3f2c1e8a-7b6d-4c5e-9f0a-1b2c3d4e5f60' });
      const me = (await customer.get('/api/customers/me')).body;
      assert.equal(me.fullName, returning.fullName);
      assert.equal((await customer.get('/api/customers/me/vehicles')).body.length, 1);
      assert.equal((await customer.get('/api/customers/me/properties')).body.length, 1);
      assert.equal((await customer.get(`/api/customers/${me.id}/health-info`)).status, 200);
    });
  });
});
