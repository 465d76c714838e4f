/**
 * The whole web-sales flow for one branch, as the widget walks it, through any `Api` (the
 * contract test passes one that parses every answer with its contract schema).
 */
import assert from 'node:assert/strict';
import { pdfText } from '../support/pdf-text.js';
import { graphqlOperations } from '../../src/contract/graphql.js';
import { TEST_CARDS } from '../../src/sandbox/catalog/index.js';
import { Api, freshIdentity, individualLogin, login, waitFor } from './helpers.js';

export type FlowBranch = 'kasko' | 'konut' | 'tss';

const CALLBACK = 'https://agency.example/sigorta/odeme?step=payment&flow=main';

const PREFERRED_TYPE: Record<FlowBranch, '3d-secure' | 'insurance-company-redirect' | 'third-party-3d-secure'> = {
  kasko: '3d-secure',
  konut: 'insurance-company-redirect',
  tss: 'third-party-3d-secure',
};

const TYPE_OF_OPTION: Record<string, '3d-secure' | 'insurance-company-redirect' | 'third-party-3d-secure'> = {
  ASYNC_3D_SECURE: '3d-secure',
  ASYNC_INSURANCE_COMPANY_REDIRECT: 'insurance-company-redirect',
  ASYNC_THIRD_PARTY_3D_SECURE: 'third-party-3d-secure',
};

const card = () => ({
  number: TEST_CARDS[0]!.number,
  cvc: '123',
  expiryMonth: '12',
  expiryYear: String(new Date().getUTCFullYear() + 3),
  holderName: 'Ayşe Yılmaz',
});

export async function fetchPdf(url: string): Promise<{ bytes: Uint8Array; text: string }> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `PDF at ${url}`);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(Buffer.from(bytes.slice(0, 4)).toString(), '%PDF');
  return { bytes, text: pdfText(bytes) };
}

async function asset(api: Api, branch: FlowBranch, customerId: string, catalog: any) {
  if (branch === 'kasko') {
    const entry = catalog.registry[0];
    const lookup = await api.post(`/api/customers/${customerId}/vehicles/external-lookup`, {
      plate: entry.plate,
      documentSerial: entry.documentSerial,
    });
    assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
    assert.equal(lookup.body.model.brand.text, entry.brand.text);
    const models = await api.get(`/api/vehicle-parameters/models?brandReference=${lookup.body.model.brand.value}&year=${lookup.body.model.year}`);
    assert.ok(models.body.some((m: { value: string }) => m.value === lookup.body.model.type.value), 'the registry model is on sale that year');
    const created = await api.post(`/api/customers/${customerId}/vehicles`, {
      customerId,
      plate: lookup.body.plate,
      modelYear: lookup.body.model.year,
      brandReference: lookup.body.model.brand.value,
      modelTypeReference: lookup.body.model.type.value,
      utilizationStyle: lookup.body.utilizationStyle,
      fuel: { type: lookup.body.fuelType },
      engine: lookup.body.engine,
      chassis: lookup.body.chassis,
      documentSerial: lookup.body.documentSerial,
      registrationDate: lookup.body.registrationDate,
      seatNumber: lookup.body.seatNumber,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const list = await api.get('/api/customers/me/vehicles');
    assert.ok(list.body.some((v: { id: string }) => v.id === created.body.id));
    return { assetType: 'VEHICLE' as const, assetId: created.body.id as string, subjectText: lookup.body.plate.code as string };
  }
  if (branch === 'konut') {
    // The cascade down to an apartment, whose value is the UAVT number.
    let list = (await api.get('/api/address-parameters/cities')).body;
    const steps: Array<[string, string]> = [
      ['districts', 'cityReference'],
      ['towns', 'districtReference'],
      ['neighbourhoods', 'townReference'],
      ['streets', 'neighbourhoodReference'],
      ['buildings', 'streetReference'],
      ['apartments', 'buildingReference'],
    ];
    for (const [level, key] of steps) {
      const answer = await api.get(`/api/address-parameters/${level}?${key}=${list[list.length - 1].value}`);
      assert.equal(answer.status, 200, `${level}: ${JSON.stringify(answer.body)}`);
      assert.ok(answer.body.length > 0, level);
      list = answer.body;
    }
    const uavt = list[0].value as string;
    assert.match(uavt, /^\d{10}$/);
    const address = await api.post('/api/properties/query-address-by-property-number', { propertyNumber: Number(uavt) });
    assert.equal(address.status, 200);
    assert.equal(address.body.apartment.value, uavt);
    const created = await api.post(`/api/customers/${customerId}/properties`, {
      customerId,
      number: Number(uavt),
      squareMeter: 120,
      constructionYear: 2005,
      damageStatus: 'NONE',
      floor: { totalFloors: { $type: 'exact', value: 8 }, currentFloor: 3 },
      structure: 'STEEL_REINFORCED_CONCRETE',
      utilizationStyle: 'HOUSE',
      ownershipType: 'PROPRIETOR',
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const mine = await api.get('/api/customers/me/properties');
    assert.ok(mine.body.some((p: { id: string }) => p.id === created.body.newPropertyId));
    return { assetType: 'PROPERTY' as const, assetId: created.body.newPropertyId as string, subjectText: address.body.street.text as string };
  }
  const missing = await api.get(`/api/customers/${customerId}/health-info`);
  assert.equal(missing.status, 404, 'no health info yet');
  const put = await api.put(`/api/customers/${customerId}/health-info`, { $type: 'individual', customerId, height: 178, weight: 76 });
  assert.equal(put.status, 204);
  const health = await api.get(`/api/customers/${customerId}/health-info`);
  assert.equal(health.body.height, 178);
  return { assetType: null, assetId: null, subjectText: null };
}

export interface FlowResult {
  customerId: string;
  proposalId: string;
  productId: string;
  policyId: string;
  caseId: string;
}

/** Runs one branch from login to the policy PDF and the e-mail, asserting each step. */
export async function runFlow(api: Api, branch: FlowBranch): Promise<FlowResult> {
  const BRANCH = branch.toUpperCase();
  const catalog = (await api.get('/sandbox/catalog')).body;
  const { customerId } = await login(api, individualLogin(freshIdentity(branch)));

  const openCases = await api.post('/graphql', {
    query: graphqlOperations.OpenSaleOpportunityCases.query,
    variables: { customerId, productBranch: BRANCH },
  });
  assert.deepEqual(openCases.body, { data: { cases: { items: [] } } });
  const createdCase = await api.post('/api/cases:new-sale-opportunity', {
    customerId, assetType: null, assetId: null, productBranch: BRANCH, channel: 'WEBSITE', advertisingSource: 'google', campaign: 'kasim',
  });
  assert.equal(createdCase.status, 200);
  const caseId = createdCase.body.id as string;

  const { assetType, assetId, subjectText } = await asset(api, branch, customerId, catalog);

  const groups = catalog.coverageGroups.filter((g: { branch: string }) => g.branch === BRANCH).map((g: { id: string }) => g.id).slice(0, 2);
  const proposalBody: Record<string, unknown> = {
    $type: branch, productBranch: BRANCH, insurerCustomerId: customerId, insuredCustomerId: customerId, coverageGroupIds: groups, channel: 'WEBSITE',
  };
  if (assetType === 'VEHICLE') proposalBody.vehicleId = assetId;
  if (assetType === 'PROPERTY') proposalBody.propertyId = assetId;
  const created = await api.post('/api/proposals', proposalBody);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const proposalId = created.body.proposalId as string;
  assert.match(proposalId, /^[0-9a-f]{24}$/);

  const proposal = await waitFor('every product to settle', async () => {
    const answer = await api.get(`/api/proposals/${proposalId}`);
    return answer.body.state === 'COMPLETED' ? answer.body : undefined;
  });
  const quoting = catalog.insurers.filter((i: { branches: string[] }) => i.branches.includes(BRANCH)).length;
  assert.equal(proposal.totalProductsCount, quoting * groups.length, 'one product per insurer and coverage group');
  assert.ok(proposal.products.every((p: { state: string }) => p.state === 'ACTIVE' || p.state === 'FAILED'));
  const active = proposal.products.filter((p: { state: string }) => p.state === 'ACTIVE');
  assert.equal(proposal.succeedProductsCount, active.length);
  for (const p of active) {
    assert.deepEqual(p.premiums.map((x: { installmentNumber: number }) => x.installmentNumber), [1, 3, 6, 9]);
    assert.ok(p.premiums.every((x: { grossPremium: number; netPremium: number }) => x.grossPremium > x.netPremium && x.netPremium > 0));
    assert.equal(p.coverage.productBranch, BRANCH);
  }
  const failed = proposal.products.filter((p: { state: string }) => p.state === 'FAILED');
  for (const p of failed) assert.ok(p.errorMessage, 'a failed product says why');

  // The case now knows the proposal and its asset.
  const cases = await api.post('/graphql', { query: graphqlOperations.OpenSaleOpportunityCases.query, variables: { customerId, productBranch: BRANCH } });
  assert.equal(cases.body.data.cases.items[0].id, caseId);
  assert.equal(cases.body.data.cases.items[0].assetId, assetId);

  const buyable = active.filter((p: { productType: string; supportedPaymentOptions: string[] }) =>
    p.productType === 'WEB_SERVICE' && p.supportedPaymentOptions.some((o) => TYPE_OF_OPTION[o]));
  const preferred = PREFERRED_TYPE[branch];
  const product =
    buyable.find((p: { supportedPaymentOptions: string[] }) => p.supportedPaymentOptions.some((o) => TYPE_OF_OPTION[o] === preferred)) ?? buyable[0];
  assert.ok(product, 'some product can be bought');
  const type = product.supportedPaymentOptions.map((o: string) => TYPE_OF_OPTION[o]).find((t: string | undefined) => t === preferred) ??
    product.supportedPaymentOptions.map((o: string) => TYPE_OF_OPTION[o]).find(Boolean);
  const productPath = `/api/proposals/${proposalId}/products/${product.id}`;

  const coverage = await api.get(`${productPath}/coverage`);
  assert.equal(coverage.body.coverage.$type, branch);
  const premium = await api.get(`${productPath}/premiums/6`);
  assert.equal(premium.body.paymentPlan.length, 6);
  const planTotal = premium.body.paymentPlan.reduce((s: number, p: { amount: number }) => s + p.amount, 0);
  assert.ok(Math.abs(planTotal - premium.body.grossPremium) < 0.005, 'the plan adds up to the premium');

  const offer = await fetchPdf((await api.get(`${productPath}/document`)).body.url);
  assert.match(offer.text, new RegExp(product.insuranceCompanyName.replace(/ğ/g, 'g').replace(/ş/g, 's').replace(/ı/g, 'i')));
  const form = await fetchPdf((await api.get(`${productPath}/information-form-document`)).body.url);
  assert.match(form.text, /Bilgilendirme Formu/);
  if (active.length >= 2) {
    const compare = await api.post(`/api/proposals/${proposalId}/products/compare-pdf`, { proposalProductIds: [active[0].id, active[1].id] });
    assert.equal(compare.status, 200);
    await fetchPdf(compare.body.url);
  }

  const purchaseBody: Record<string, unknown> = {
    $type: type, proposalId, proposalProductId: product.id, installmentNumber: 3, callbackUrl: CALLBACK,
  };
  if (type !== 'insurance-company-redirect') purchaseBody.card = card();
  const purchase = await api.post(`${productPath}/purchase/async`, purchaseBody);
  assert.equal(purchase.status, 200, JSON.stringify(purchase.body));
  const redirectUrl = new URL(purchase.body.redirectUrl);
  assert.equal(redirectUrl.origin, new URL(api.base).origin, 'the payment page is on the sandbox origin');

  const page = await fetch(redirectUrl);
  const html = await page.text();
  assert.equal(page.status, 200);
  assert.doesNotMatch(html, /<script/i, 'no script on the payment page');
  assert.match(html, /name="decision" value="approve"/);
  assert.match(html, /name="decision" value="decline"/);
  const amount = product.premiums.find((p: { installmentNumber: number }) => p.installmentNumber === 3).grossPremium;
  assert.ok(html.includes(new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)), 'the amount is shown');
  assert.ok(html.includes(product.insuranceCompanyName), 'the insurer is shown');
  if (type === 'insurance-company-redirect') assert.match(html, /name="cardNumber"/, 'the insurer page has its own card form');
  else assert.match(html, /\*{12}1111/, 'the masked card is shown');

  const form2 = new URLSearchParams({ decision: 'approve' });
  if (type === 'insurance-company-redirect') {
    form2.set('cardNumber', '4111 1111 1111 1111');
    form2.set('cardExpiry', `12/${String(new Date().getUTCFullYear() + 2).slice(2)}`);
    form2.set('cvc', '123');
    form2.set('holderName', 'Ayşe Yılmaz');
  }
  const approved = await fetch(redirectUrl, { method: 'POST', body: form2, redirect: 'manual' });
  assert.equal(approved.status, 303);
  const back = new URL(approved.headers.get('location')!);
  assert.equal(back.origin + back.pathname, 'https://agency.example/sigorta/odeme');
  assert.equal(back.searchParams.get('step'), 'payment', 'the callback keeps its own query');
  assert.equal(back.searchParams.get('flow'), 'main');
  assert.equal(back.searchParams.get('success'), 'true');
  const policyId = back.searchParams.get('policyId')!;
  assert.match(policyId, /^[0-9a-f]{24}$/);

  const bought = await api.get(productPath);
  assert.equal(bought.body.state, 'PURCHASED');
  assert.equal(bought.body.policyId, policyId);
  const policy = await api.get(`/api/policies/${policyId}`);
  assert.equal(policy.status, 200);
  assert.equal(policy.body.productBranch, BRANCH);
  assert.equal(policy.body.installmentNumber, 3);
  assert.equal(policy.body.grossPremium, amount);
  const pdf = await fetchPdf((await api.get(`/api/policies/${policyId}/document`)).body.url);
  assert.ok(pdf.text.includes(policy.body.insuranceCompanyPolicyNumber), 'the PDF shows the policy number');
  if (subjectText) assert.ok(pdf.text.replace(/\s+/g, ' ').length > 0);
  const me = await api.get('/api/customers/me');
  const asciiName = me.body.fullName.replace(/ğ/g, 'g').replace(/ş/g, 's').replace(/ı/g, 'i').replace(/İ/g, 'I').replace(/Ş/g, 'S').replace(/Ğ/g, 'G');
  assert.ok(pdf.text.includes(asciiName), 'the PDF shows the customer name');

  const email = `musteri.${branch}.${Date.now()}@example.com`;
  const sent = await api.post(`/api/policies/${policyId}/document/send`, { type: 'email', email });
  assert.equal(sent.status, 204);
  const mail = await api.get('/sandbox/mail-outbox');
  const message = mail.body.messages.find((m: { to: string }) => m.to === email);
  assert.ok(message, 'the mail outbox has the message');
  assert.equal(message.policyId, policyId);
  await fetchPdf(message.attachment.url);

  const closed = await api.post('/graphql', { query: '{ cases { items { id status policyId } } }' });
  const theCase = closed.body.data.cases.items.find((c: { id: string }) => c.id === caseId);
  assert.equal(theCase.status, 'SUCCESS');
  assert.equal(theCase.policyId, policyId);
  const policies = await api.post('/graphql', { query: graphqlOperations.CustomerPolicies.query, variables: { customerId, skip: 0, take: 10 } });
  assert.deepEqual(policies.body.data.policies.items.map((p: { id: string }) => p.id), [policyId]);
  const proposals = await api.post('/graphql', { query: graphqlOperations.CustomerProposals.query, variables: { customerId, skip: 0, take: 10 } });
  assert.equal(proposals.body.data.proposals.totalCount, 1);
  assert.equal(proposals.body.data.proposals.items[0].state, 'COMPLETED');

  return { customerId, proposalId, productId: product.id, policyId, caseId };
}
