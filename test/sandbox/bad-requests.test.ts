// Bad requests answered with the problem details InsurUp sends: the right kind, status and code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemDetails } from '../../src/contract/problems.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { Api, assertProblem, freshIdentity, individualLogin, start, type Answer } from './helpers.js';
import { createKaskoProposal, customerWithVehicle, settledProposal } from './quoting.js';

const HEX = '0123456789abcdef01234567';

describe('sandbox bad requests', () => {
  let sandbox: StartedSandbox;
  let api: Api;
  let other: Api;
  let me: string;
  let otherId: string;
  let vehicleId: string;
  let otherVehicleId: string;
  let catalog: any;
  let proposal: any;

  before(async () => {
    sandbox = await start();
    api = new Api(sandbox.url);
    other = new Api(sandbox.url);
    ({ customerId: me, vehicleId, catalog } = await customerWithVehicle(api, 'bad'));
    ({ customerId: otherId, vehicleId: otherVehicleId } = await customerWithVehicle(other, 'bad-other'));
    proposal = await settledProposal(api, await createKaskoProposal(api, me, vehicleId, catalog));
  });
  after(() => sandbox.close());

  const group = (branch: string) => catalog.coverageGroups.find((g: { branch: string }) => g.branch === branch).id;
  const kasko = (extra: Record<string, unknown> = {}) => ({
    $type: 'kasko', productBranch: 'KASKO', vehicleId, insurerCustomerId: me, insuredCustomerId: me, coverageGroupIds: [group('KASKO')], channel: 'WEBSITE', ...extra,
  });
  const raw = (method: string, path: string, body: string, type: string, token?: string) =>
    fetch(sandbox.url + path, { method, body, headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) } }).then(
      async (r): Promise<Answer> => ({ status: r.status, body: await r.json(), headers: r.headers }),
    );

  const cases: Array<[string, () => Promise<Answer>, number, string, string?]> = [
    ['unknown path', () => api.get('/api/nothing-here'), 404, 'endpoint-not-found', 'ENDPOINT_NOT_FOUND'],
    ['a cases: action that does not exist', () => api.post('/api/cases:close-everything', {}), 404, 'endpoint-not-found'],
    ['known path, wrong method', () => api.call('DELETE', '/api/customers/me'), 405, 'method-not-allowed', 'METHOD_NOT_ALLOWED'],
    ['not JSON', () => raw('POST', '/api/auth/customer/login-or-register', 'a=b', 'text/plain'), 415, 'unsupported-media-type'],
    ['broken JSON', () => raw('POST', '/api/auth/customer/login-or-register', '{"$type":', 'application/json'), 400, 'input-validation', 'INVALID_JSON'],
    ['unknown customer type', () => api.post('/api/auth/customer/login-or-register', { ...individualLogin(freshIdentity()), $type: 'person' }), 400, 'input-validation'],
    ['a 5-digit SMS code', () => api.post('/api/auth/customer/verify-mfa', { token: 'x', code: '12345' }), 400, 'input-validation'],
    ['no bearer token', () => new Api(sandbox.url).get('/api/customers/me/vehicles'), 401, 'unauthorized', 'TOKEN_MISSING'],
    ['another customer\'s id in the path', () => api.post(`/api/customers/${otherId}/vehicles/external-lookup`, { plate: { city: 34, code: 'ABC123' } }), 403, 'access-denied', 'CUSTOMER_MISMATCH'],
    ['a plate not in the registry', () => api.post(`/api/customers/${me}/vehicles/external-lookup`, { plate: { city: 34, code: 'ZZZ99' } }), 404, 'resource-not-found', 'VEHICLE_NOT_FOUND'],
    ['a plate with the wrong registration serial', () => api.post(`/api/customers/${me}/vehicles/external-lookup`, { plate: catalog.registry[0].plate, documentSerial: { code: 'ZZ', number: '000000' } }), 404, 'resource-not-found', 'DOCUMENT_SERIAL_MISMATCH'],
    ['an unknown model', () => api.post(`/api/customers/${me}/vehicles`, { customerId: me, plate: { city: 6, code: 'AB1234' }, modelYear: 2020, brandReference: '011', modelTypeReference: '999999', utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: null }), 400, 'business-validation', 'VEHICLE_MODEL_NOT_FOUND'],
    ['a model year the model was not made', () => api.post(`/api/customers/${me}/vehicles`, { customerId: me, plate: { city: 6, code: 'AB1235' }, modelYear: 2001, brandReference: '122', modelTypeReference: '122001', utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'ELECTRIC' }, documentSerial: null }), 400, 'business-validation', 'VEHICLE_MODEL_YEAR_MISMATCH'],
    ['the same vehicle twice', () => api.post(`/api/customers/${me}/vehicles`, { customerId: me, plate: catalog.registry[2].plate, modelYear: catalog.registry[2].year, brandReference: catalog.registry[2].brand.value, modelTypeReference: catalog.registry[2].model.value, utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: null }), 409, 'resource-duplicate', 'VEHICLE_ALREADY_EXISTS'],
    ['body customerId differs from the path', () => api.post(`/api/customers/${me}/vehicles`, { customerId: otherId, plate: { city: 6, code: 'AB1236' }, modelYear: 2020, brandReference: '011', modelTypeReference: '011001', utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: null }), 400, 'input-validation'],
    ['models of an unknown brand', () => api.get('/api/vehicle-parameters/models?brandReference=999&year=2020'), 404, 'resource-not-found', 'VEHICLE_BRAND_NOT_FOUND'],
    ['models without a year', () => api.get('/api/vehicle-parameters/models?brandReference=011'), 400, 'input-validation'],
    ['districts of an unknown city', () => api.get('/api/address-parameters/districts?cityReference=99'), 404, 'resource-not-found', 'ADDRESS_REFERENCE_NOT_FOUND'],
    ['an unknown UAVT number', () => api.post('/api/properties/query-address-by-property-number', { propertyNumber: 1000000001 }), 404, 'resource-not-found', 'PROPERTY_NUMBER_NOT_FOUND'],
    ['a floor above the building', () => api.post(`/api/customers/${me}/properties`, { customerId: me, number: Number(catalog.uavtSamples[1]), squareMeter: 90, constructionYear: 1999, damageStatus: 'NONE', floor: { totalFloors: { $type: 'exact', value: 4 }, currentFloor: 9 }, structure: 'OTHER', utilizationStyle: 'HOUSE', ownershipType: 'TENANT' }), 400, 'input-validation'],
    ['an impossible height', () => api.put(`/api/customers/${me}/health-info`, { $type: 'individual', customerId: me, height: 400, weight: 70 }), 400, 'input-validation'],
    ['a child\'s height for the (adult) customer', () => api.put(`/api/customers/${me}/health-info`, { $type: 'individual', customerId: me, height: 99, weight: 70 }), 400, 'input-validation'],
    ['a child\'s weight for the (adult) customer', () => api.put(`/api/customers/${me}/health-info`, { $type: 'individual', customerId: me, height: 170, weight: 24 }), 400, 'input-validation'],
    ['TSS without height and weight', () => api.post('/api/proposals', { $type: 'tss', productBranch: 'TSS', insurerCustomerId: me, insuredCustomerId: me, coverageGroupIds: [group('TSS')], channel: 'WEBSITE' }), 400, 'business-validation', 'PROPOSAL_HEIGHT_REQUIRED'],
    ['an unknown coverage group', () => api.post('/api/proposals', kasko({ coverageGroupIds: [HEX] })), 400, 'business-validation', 'COVERAGE_GROUP_NOT_FOUND'],
    ['a coverage group of another branch', () => api.post('/api/proposals', kasko({ coverageGroupIds: [group('KONUT')] })), 400, 'business-validation', 'COVERAGE_GROUP_BRANCH_MISMATCH'],
    ['four coverage groups', () => api.post('/api/proposals', kasko({ coverageGroupIds: [HEX, HEX, HEX, HEX] })), 400, 'input-validation'],
    ['another customer\'s vehicle', () => api.post('/api/proposals', kasko({ vehicleId: otherVehicleId })), 404, 'resource-not-found', 'VEHICLE_NOT_FOUND'],
    ['insuring someone else', () => api.post('/api/proposals', kasko({ insuredCustomerId: otherId })), 403, 'access-denied', 'CUSTOMER_MISMATCH'],
    ['a case with the wrong asset type', () => api.post('/api/cases:new-sale-opportunity', { customerId: me, assetType: 'PROPERTY', assetId: vehicleId, productBranch: 'KASKO', channel: 'WEBSITE' }), 400, 'input-validation'],
    ['an unknown proposal', () => api.get(`/api/proposals/${HEX}`), 404, 'resource-not-found', 'PROPOSAL_NOT_FOUND'],
    ['an unknown product of a real proposal', () => api.get(`/api/proposals/${proposal.proposalId}/products/${HEX}`), 404, 'resource-not-found', 'PROPOSAL_PRODUCT_NOT_FOUND'],
    ['an instalment count not offered', () => api.get(`/api/proposals/${proposal.proposalId}/products/${proposal.products.find((p: any) => p.state === 'ACTIVE').id}/premiums/12`), 404, 'resource-not-found', 'PREMIUM_NOT_FOUND'],
    ['compare with one product', () => api.post(`/api/proposals/${proposal.proposalId}/products/compare-pdf`, { proposalProductIds: [proposal.products[0].id] }), 400, 'input-validation'],
    ['an unknown policy', () => api.get(`/api/policies/${HEX}`), 404, 'resource-not-found', 'POLICY_NOT_FOUND'],
    ['coverage choices of an unknown insurer', () => api.get('/api/coverage-choices:kasko?insuranceCompanyId=1'), 404, 'resource-not-found', 'INSURANCE_COMPANY_NOT_FOUND'],
    ['a tampered document link', () => fetch(`${sandbox.url}/documents/eyJraW5kIjoicG9saWN5In0.AAAA`).then(async (r) => ({ status: r.status, body: await r.json(), headers: r.headers })), 403, 'access-denied', 'DOCUMENT_LINK_INVALID'],
  ];

  for (const [name, send, status, kind, code] of cases) {
    it(`${name} → ${status} ${kind}${code ? ` ${code}` : ''}`, async () => {
      const answer = await send();
      assertProblem(answer, status, kind, code);
      assert.ok(ProblemDetails.safeParse(answer.body).success, 'the body is a contract problem');
      assert.match(answer.body.traceId, /^[0-9a-f]{32}$/);
      assert.ok(answer.body.instance.startsWith('/'), 'instance is the request path');
      if (kind === 'input-validation' && !code) {
        assert.ok(answer.body.validationErrors.length > 0);
        for (const e of answer.body.validationErrors) assert.ok(e.propertyName && e.errorMessage);
      }
    });
  }

  it('answers 405 with an Allow header and names both TSS codes', async () => {
    const wrongMethod = await api.call('DELETE', '/api/customers/me');
    assert.equal(wrongMethod.headers.get('allow'), 'GET');
    const tss = await api.post('/api/proposals', { $type: 'tss', productBranch: 'TSS', insurerCustomerId: me, insuredCustomerId: me, coverageGroupIds: [group('TSS')], channel: 'WEBSITE' });
    assert.deepEqual(tss.body.codes, ['PROPOSAL_HEIGHT_REQUIRED', 'PROPOSAL_WEIGHT_REQUIRED']);
  });
});
