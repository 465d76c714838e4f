import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPath, endpoints, ENDPOINT_IDS, identifyGraphqlOperation, graphqlOperations, matchEndpoint } from '../../src/contract/index.js';

describe('endpoint table', () => {
  it('matches every endpoint by its own path', () => {
    for (const id of ENDPOINT_IDS) {
      const def = endpoints[id];
      const path = def.path.replace(/\{(\w+)\}/g, (_, n: string) => ('params' in def && (def.params as Record<string, string>)[n] === 'int' ? '3' : 'abc123'));
      assert.equal(matchEndpoint(def.method, path)?.id, id, `${def.method} ${path}`);
    }
  });
  it('treats the colons in cases: and coverage-choices: literally', () => {
    assert.equal(matchEndpoint('POST', '/api/cases:new-sale-opportunity')?.id, 'createSaleOpportunity');
    assert.equal(matchEndpoint('POST', '/api/cases:anything-else'), undefined);
    assert.equal(matchEndpoint('POST', '/api/cases'), undefined);
    assert.equal(matchEndpoint('GET', '/api/coverage-choices:kasko')?.id, 'coverageChoicesKasko');
    assert.equal(matchEndpoint('GET', '/api/coverage-choices:evil'), undefined);
  });
  it('refuses parameters that are not plain ids', () => {
    for (const path of [
      '/api/proposals/..', '/api/proposals/%2e%2e', '/api/proposals/a%2Fb', '/api/proposals/a/b/c',
      '/api/proposals/https:%2F%2Fevil.example', '/api/policies/.', '/api/proposals/-x', '/api/proposals/',
      '/api/proposals/a b', '/api/proposals/a/products/b/premiums/0', '/api/proposals/a/products/b/premiums/1000',
    ]) {
      assert.equal(matchEndpoint('GET', path), undefined, path);
    }
  });
  it('prefers literal segments over parameters', () => {
    assert.equal(matchEndpoint('POST', '/api/proposals/p1/products/compare-pdf')?.id, 'compareProducts');
    assert.equal(matchEndpoint('GET', '/api/customers/me/vehicles')?.id, 'listVehicles');
    assert.equal(matchEndpoint('POST', '/api/customers/c1/vehicles')?.id, 'createVehicle');
  });
  it('matches methods exactly', () => {
    assert.equal(matchEndpoint('DELETE', '/api/customers/me'), undefined);
    assert.equal(matchEndpoint('get', '/api/customers/me')?.id, 'getMe');
  });
  it('builds paths and refuses bad parameters', () => {
    assert.equal(buildPath('getPolicy', { policyId: 'p1' }), '/api/policies/p1');
    assert.throws(() => buildPath('getPolicy', { policyId: '../x' }));
  });
  it('keeps the back-office endpoints off the customer allowlist', () => {
    assert.equal(endpoints.purchaseSync.customerFacing, false);
    assert.equal(endpoints.coverageChoicesKasko.customerFacing, false);
    assert.equal(endpoints.purchaseAsync.customerFacing, true);
  });
  it('recognises the widget\'s GraphQL documents in any whitespace, and nothing else', () => {
    const doc = graphqlOperations.OpenSaleOpportunityCases.query;
    assert.equal(identifyGraphqlOperation(doc.replace(/\s+/g, '  ')), 'OpenSaleOpportunityCases');
    assert.equal(identifyGraphqlOperation(doc.replace('status', 'statusX')), undefined);
    assert.equal(identifyGraphqlOperation('{ __schema { types { name } } }'), undefined);
  });
});
