// Every example payload of reference/insurup-api.md parses with its schema, and at least one
// malformed variant of each is rejected.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as c from '../../src/contract/index.js';

const GUID = '8f89a1b6-4e3c-4e5a-9abc-0123456789ab';
const HEX = '6911d24a134c60468e941886';
type Schema = { safeParse(v: unknown): { success: boolean } };

const premium = { installmentNumber: 1, netPremium: 10000, grossPremium: 12000, commission: 1200, currency: 'TURKISH_LIRA', insuranceCompanyProposalNumber: 'P-1' };
const product = {
  id: HEX, insuranceCompanyId: 7, insuranceCompanyName: 'Doğa Sigorta', insuranceCompanyLogo: 'data:image/svg+xml;base64,AA==',
  productId: 12, productName: 'Kasko Plus', productType: 'WEB_SERVICE', state: 'ACTIVE', errorMessage: null, policyId: null,
  premiums: [premium], coverageGroupId: HEX, coverageGroupName: 'Geniş', supportedPaymentOptions: ['ASYNC_3D_SECURE'],
  needsInvestigationByCompany: false, hasUndamagedDiscount: true,
};
const address = Object.fromEntries(['city', 'district', 'town', 'neighborhood', 'street', 'building', 'apartment'].map((k) => [k, { value: '1', text: k }]));
const card = { number: '4111111111111111', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'Ayşe Yılmaz', identityNumber: null };
const hubCommon = { proposalId: HEX, proposalProductId: HEX, productId: 1, productName: 'Kasko', productType: 'WEB_SERVICE', insuranceCompanyId: 1, insuranceCompanyName: 'A', insuranceCompanyLogo: null, supportedPaymentOptions: ['ASYNC_3D_SECURE'] };

/** [name, schema, valid example, malformed variants] */
const cases: Array<[string, Schema, unknown, unknown[]]> = [
  ['login individual', c.LoginOrRegisterRequest,
    { $type: 'individual', identityNumber: 12345678901, birthDate: '1990-01-01', phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID },
    [{ $type: 'individual', identityNumber: '12345678901', phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID },
     { $type: 'person', identityNumber: 12345678901, phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID }]],
  ['login company', c.LoginOrRegisterRequest,
    { $type: 'company', taxNumber: 1010713644, phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID, agentBranchId: GUID },
    [{ $type: 'company', phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID }]],
  ['login response', c.LoginOrRegisterResponse, { token: 'mfa-token' }, [{}, { token: '' }]],
  ['verify-mfa', c.VerifyMfaRequest, { token: 't', code: '123456' }, [{ token: 't', code: '12345' }, { token: 't', code: 123456 }]],
  ['token pair', c.TokenResponse, { accessToken: 'a', refreshToken: 'r', expiresIn: 600 }, [{ accessToken: 'a', expiresIn: 600 }]],
  ['refresh', c.RefreshRequest, { refreshToken: 'r' }, [{}]],
  ['customer', c.Customer,
    { id: GUID, type: 'INDIVIDUAL', fullName: 'Ayşe Yılmaz', identityNumber: '12345678901', birthDate: '1990-01-01', gender: 'FEMALE', maritalStatus: 'SINGLE', job: null, primaryEmail: 'a@b.co', primaryPhoneNumber: { countryCode: 90, number: '5321234567' }, city: { value: '34', text: 'İstanbul' }, district: null, createdAt: '2024-12-05T10:30:00Z' },
    [{ id: GUID, type: 'PERSON', createdAt: '2024-12-05T10:30:00Z' }, { id: GUID, type: 'INDIVIDUAL' }]],
  ['health info', c.HealthInfo, { height: 175, weight: 70, surgeries: [], diseases: [] }, [{ height: 175 }, { height: -1, weight: 70, surgeries: [], diseases: [] }]],
  ['health update', c.UpdateHealthInfoRequest, { $type: 'individual', customerId: GUID, height: 175, weight: 70 }, [{ $type: 'individual', customerId: GUID, height: 400, weight: 70 }, { $type: 'individual', customerId: GUID, height: 99, weight: 70 }, { $type: 'individual', customerId: GUID, height: 175, weight: 24 }]],
  ['vehicle list', c.VehicleList,
    [{ id: GUID, customerId: GUID, plate: { city: 34, code: 'ABC123' }, model: { brand: { value: '1', text: 'Fiat' }, type: { value: '2', text: 'Egea' }, year: 2020 }, utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, engineNumber: 'E1', chassisNumber: 'C1', registrationDate: '2020-05-01', seatNumber: 5, documentSerial: { code: 'AB', number: '123456' } }],
    [[{ id: GUID, customerId: GUID, plate: { city: 99, code: 'ABC123' } }], [{ id: GUID, customerId: GUID, plate: { city: 34, code: 'ABC123' }, model: { brand: { value: '1', text: 'F' }, type: { value: '2', text: 'E' }, year: 2020 }, utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'STEAM' } }]]],
  ['create vehicle', c.CreateVehicleRequest,
    { customerId: GUID, plate: { city: 34, code: 'ABC123' }, modelYear: 2020, brandReference: '1', modelTypeReference: '2', utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, engine: 'E', chassis: 'C', documentSerial: { code: 'AB', number: '123456' }, registrationDate: '2020-05-01', seatNumber: 5 },
    [{ customerId: GUID, plate: { city: 34, code: 'abc123' }, modelYear: 2020, brandReference: '1', modelTypeReference: '2', utilizationStyle: 'PRIVATE_CAR', fuel: { type: 'DIESEL' }, documentSerial: null }]],
  ['external lookup', c.VehicleLookupRequest, { plate: { city: 34, code: 'ABC123' }, documentSerial: { code: 'AB', number: '123456' } }, [{ plate: { city: 34, code: 'ABC123' }, documentSerial: { code: 'A', number: '123456' } }]],
  ['lookup answer', c.VehicleLookupResponse,
    { registrationDate: '2020-05-01', plate: { city: 34, code: 'ABC123' }, documentSerial: { code: 'AB', number: '123456' }, model: { brand: { value: '1', text: 'Fiat' }, type: { value: '2', text: 'Egea' }, year: 2020 }, chassis: 'C', engine: 'E', fuelType: 'DIESEL', utilizationStyle: 'PRIVATE_CAR', seatNumber: 5 },
    [{ plate: { city: 34, code: 'ABC123' } }]],
  ['brands', c.ValueTextList, [{ value: '1', text: 'Fiat' }], [[{ value: 1, text: 'Fiat' }]]],
  ['properties', c.PropertyList,
    [{ id: GUID, number: 1234567890, address, squareMeter: 120, constructionYear: 2005, damageStatus: 'NONE', floor: { totalFloors: { $type: 'exact', value: 5 }, currentFloor: 2 }, structure: 'STEEL_REINFORCED_CONCRETE', utilizationStyle: 'HOUSE', ownershipType: 'PROPRIETOR' }],
    [[{ id: GUID, number: 1234567890, address, squareMeter: 120, constructionYear: 2005, damageStatus: 'BROKEN' }]]],
  ['create property', c.CreatePropertyRequest,
    { customerId: GUID, number: 1234567890, squareMeter: 120, constructionYear: 2005, damageStatus: 'NONE', floor: { totalFloors: { $type: 'range', min: 4, max: 7 }, currentFloor: 2 }, structure: 'OTHER', utilizationStyle: 'HOUSE', ownershipType: 'TENANT' },
    [{ customerId: GUID, number: 123, squareMeter: 120, constructionYear: 2005, damageStatus: 'NONE', floor: { totalFloors: { $type: 'exact', value: 5 }, currentFloor: 2 }, structure: 'OTHER', utilizationStyle: 'HOUSE', ownershipType: 'TENANT' }]],
  ['create property answer', c.CreatePropertyResponse, { newPropertyId: GUID }, [{ id: GUID }]],
  ['uavt query', c.QueryAddressRequest, { propertyNumber: 1234567890 }, [{ propertyNumber: '1234567890' }]],
  ['address', c.QueryAddressResponse, address, [{ city: { value: '1', text: 'x' } }]],
  ['new case', c.NewSaleOpportunityRequest,
    { customerId: GUID, assetType: null, assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' },
    [{ customerId: GUID, assetType: 'CAR', assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' }, { customerId: GUID, assetType: null, assetId: null, productBranch: 'kasko', channel: 'website' }]],
  ['case summary', c.CaseSummary, { id: 'CASE-SO-abc123', type: 'SALE_OPPORTUNITY', status: 'OPEN', productBranch: 'KASKO', createdAt: '2024-12-05T10:30:00Z' },
    [{ id: 'CASE-SO-abc123', type: 'SALE_OPPORTUNITY', status: 'CLOSED_WON', productBranch: 'KASKO', createdAt: '2024-12-05T10:30:00Z' }]],
  ['proposal request', c.CreateProposalRequest,
    { $type: 'kasko', productBranch: 'KASKO', vehicleId: GUID, insurerCustomerId: GUID, insuredCustomerId: GUID, coverageGroupIds: [HEX], channel: 'WEBSITE' },
    [{ $type: 'kasko', productBranch: 'KASKO', insurerCustomerId: GUID, insuredCustomerId: GUID, coverageGroupIds: [HEX], channel: 'WEBSITE' },
     { $type: 'tss', productBranch: 'TSS', insurerCustomerId: GUID, insuredCustomerId: GUID, coverageGroupIds: [HEX, HEX, HEX, HEX], channel: 'WEBSITE' }]],
  ['proposal answer', c.CreateProposalResponse, { proposalId: HEX }, [{ id: HEX }]],
  ['proposal', c.Proposal,
    { proposalId: HEX, productBranch: 'KASKO', state: 'WAITING', totalProductsCount: 8, succeedProductsCount: 1, lowestPremium: 12000, highestPremium: 12000, createdAt: '2024-12-05T10:30:00Z', products: [product] },
    [{ proposalId: HEX, productBranch: 'KASKO', state: 'WAITING', totalProductsCount: 8, succeedProductsCount: 1, createdAt: '2024-12-05T10:30:00Z', products: [{ ...product, state: 'DONE' }] }]],
  ['product', c.ProposalProduct, product, [{ ...product, productType: 'API' }, { ...product, premiums: [{ ...premium, currency: 'TL' }] }]],
  ['coverage', c.CoverageResponse,
    { coverage: { $type: 'kasko', productBranch: 'KASKO', carpisma: { $type: 'MARKET_VALUE' }, immLimitiAyrimsiz: { $type: 'DECIMAL', value: 1000000 }, camKirilmaMuafeyeti: { $type: 'PERCENT', value: 2 }, onarimServisTuru: 'ANLASMALI_OZEL_SERVIS', yolYardim: { $type: 'INCLUDED' } } },
    [{ coverage: { $type: 'kasko', productBranch: 'KASKO', carpisma: { $type: 'DECIMAL' } } }, { coverage: { productBranch: 'KASKO' } }]],
  ['document', c.DocumentLink, { url: 'https://api.insurup.com/documents/x.pdf?sig=1' }, [{ url: '/relative.pdf' }]],
  ['compare', c.ComparePdfRequest, { proposalProductIds: [HEX, HEX] }, [{ proposalProductIds: [HEX] }]],
  ['purchase 3d', c.PurchaseAsyncRequest,
    { $type: '3d-secure', card, proposalId: HEX, proposalProductId: HEX, installmentNumber: 1, callbackUrl: 'https://agency.example/kasko' },
    [{ $type: '3d-secure', proposalId: HEX, proposalProductId: HEX, installmentNumber: 1, callbackUrl: 'https://agency.example/kasko' }]],
  ['purchase third party', c.PurchaseAsyncRequest,
    { $type: 'third-party-3d-secure', card, proposalId: HEX, proposalProductId: HEX, installmentNumber: 3, callbackUrl: 'https://agency.example/' },
    [{ $type: 'third-party-3d-secure', card: { ...card, expiryMonth: '13' }, proposalId: HEX, proposalProductId: HEX, installmentNumber: 3, callbackUrl: 'https://agency.example/' }]],
  ['purchase redirect', c.PurchaseAsyncRequest,
    { $type: 'insurance-company-redirect', callbackUrl: 'https://agency.example/', installmentNumber: 1, proposalId: HEX, proposalProductId: HEX },
    [{ $type: 'insurance-company-redirect', callbackUrl: 'javascript:alert(1)', installmentNumber: 1, proposalId: HEX, proposalProductId: HEX }]],
  ['purchase answer', c.PurchaseAsyncResponse, { redirectUrl: 'https://bank.example/3d' }, [{}]],
  ['purchase sync', c.PurchaseSyncRequest, { $type: 'open-account', proposalId: HEX, proposalProductId: HEX, installmentNumber: 1 }, [{ $type: 'cash', proposalId: HEX, proposalProductId: HEX, installmentNumber: 1 }]],
  ['policy', c.Policy,
    { id: HEX, proposalId: HEX, proposalProductId: HEX, insuranceCompanyId: 7, productBranch: 'KASKO', grossPremium: 12000, netPremium: 10000, installmentNumber: 1, paymentType: '3d-secure', currency: 'TURKISH_LIRA', insuranceCompanyPolicyNumber: 'DOG-1', startDate: '2026-11-28', endDate: '2027-11-28', state: 'ACTIVE' },
    [{ id: HEX, proposalId: HEX, proposalProductId: HEX, insuranceCompanyId: 7, productBranch: 'KASKO', grossPremium: 12000, netPremium: 10000, installmentNumber: 1, paymentType: 'x', currency: 'TURKISH_LIRA', startDate: '2026-11-28', endDate: '2027-11-28', state: 'EXPIRED' }]],
  ['send policy', c.SendPolicyDocumentRequest, { type: 'email', email: 'a@b.co' }, [{ type: 'sms', email: 'a@b.co' }, { type: 'email', email: 'nope' }]],
  ['coverage choices', c.CoverageChoices, [{ insuranceCompanyId: 1, productType: 'WEB_SERVICE', coverageChoices: { carpisma: ['MARKET_VALUE'] } }], [[{ insuranceCompanyId: 1, coverageChoices: {} }]]],
  ['problem', c.ProblemDetails,
    { type: 'https://api.insurup.com/problems/input-validation', title: 'One or more validation errors occurred', status: 400, detail: 'Kimlik numarası geçersiz', instance: '/api/auth/customer/login-or-register', codes: ['IDENTITY_NUMBER_INVALID'], traceId: '00-abc', validationErrors: [{ propertyName: 'identityNumber', errorMessage: 'Invalid', attemptedValue: 1 }] },
    [{ title: 'x', status: 400 }, { type: 'x', status: '400' }]],
  ['hub success', c.HubEvents.ReceiveProposalProductSuccess, { ...hubCommon, premiums: [premium] }, [{ ...hubCommon }]],
  ['hub failed', c.HubEvents.ReceiveProposalProductFailed, { ...hubCommon, errorMessage: 'Sigorta şirketi yanıt vermedi' }, [{ ...hubCommon, productType: 'X' }]],
  ['hub purchased', c.HubEvents.ReceiveProposalProductPurchased, { ...hubCommon, policyId: HEX }, [{ ...hubCommon }]],
  ['login foreign', c.LoginOrRegisterRequest,
    { $type: 'foreign', identityNumber: 99123456740, birthDate: '1985-03-02', phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID },
    [{ $type: 'foreign', identityNumber: 991234567, phoneNumber: { number: '5321234567', countryCode: 90 }, agentId: GUID }]],
  ['browser token answer', c.BrowserTokenResponse, { accessToken: 'a', expiresIn: 600 }, [{ expiresIn: 600 }, { accessToken: 'a', expiresIn: 0 }]],
  ['create vehicle answer', c.CreateVehicleResponse, { id: GUID }, [{ vehicleId: GUID }, { id: '../x' }]],
  ['new case answer', c.NewSaleOpportunityResponse, { id: 'CASE-SO-vCWz0' }, [{}]],
  ['product list', c.ProposalProductList, [product], [[{ ...product, state: 'UNKNOWN' }], product]],
  ['premium detail', c.PremiumDetail, { ...premium, paymentPlan: [{ dueDate: '2026-12-28', amount: 4000 }] },
    [{ ...premium }, { ...premium, paymentPlan: [{ dueDate: '2026-12-28', amount: -1 }] }]],
  ['hub in progress', c.HubEvents.ReceiveProposalProductInProgress, hubCommon, [{ ...hubCommon, proposalId: undefined }]],
  ['hub revised', c.HubEvents.ReceiveProposalProductRevised, { ...hubCommon, premiums: [premium] }, [{ ...hubCommon, premiums: 'x' }]],
  ['hub purchasing', c.HubEvents.ReceiveProposalProductPurchasing, hubCommon, [{ ...hubCommon, supportedPaymentOptions: ['CASH'] }]],
  ['hub purchase failed', c.HubEvents.ReceiveProposalProductPurchaseFailed, { ...hubCommon, errorMessage: 'Kart reddedildi' }, [{ ...hubCommon, errorMessage: 5 }]],
  ['hub coverage', c.HubEvents.ReceiveProposalProductCoverage, { ...hubCommon, coverage: { $type: 'kasko', productBranch: 'KASKO', carpisma: { $type: 'INCLUDED' } } },
    [{ ...hubCommon }, { ...hubCommon, coverage: { $type: 'kasko', productBranch: 'KASKO', carpisma: { $type: 'PERCENT' } } }]],
  ['graphql cases', c.graphqlOperations.OpenSaleOpportunityCases.data,
    { cases: { items: [{ id: 'CASE-SO-abc123', type: 'SALE_OPPORTUNITY', status: 'OPEN', productBranch: 'KASKO', createdAt: '2024-12-05T10:30:00Z' }] } },
    [{ cases: [{ id: 'CASE-SO-abc123', status: 'OPEN' }] }]],
  ['graphql response', c.GraphqlResponse, { data: { cases: { items: [] } } }, [{ data: 'x' }]],
];

describe('contract: reference examples', () => {
  for (const [name, schema, valid, malformed] of cases) {
    it(`${name}: parses the example`, () => {
      const result = schema.safeParse(valid);
      assert.equal(result.success, true, JSON.stringify(result));
    });
    malformed.forEach((bad, i) => {
      it(`${name}: rejects malformed variant ${i + 1}`, () => assert.equal(schema.safeParse(bad).success, false));
    });
  }
  it('every hub event has a schema', () => {
    assert.deepEqual(c.HUB_EVENT_NAMES.sort(), [
      'ReceiveProposalProductCoverage', 'ReceiveProposalProductFailed', 'ReceiveProposalProductInProgress',
      'ReceiveProposalProductPurchaseFailed', 'ReceiveProposalProductPurchased', 'ReceiveProposalProductPurchasing',
      'ReceiveProposalProductRevised', 'ReceiveProposalProductSuccess',
    ]);
  });
});
