/** The sale-opportunity case: check over GraphQL, create once per customer and branch, with attribution. */
import { expect } from '@open-wc/testing';
import { InsurUpClient } from '../../../src/widget/api/client.js';
import { AuthSession } from '../../../src/widget/session/auth-session.js';
import { FlowSession } from '../../../src/widget/session/flow-session.js';
import { ensureSaleOpportunityCase, pageUtm } from '../../../src/widget/session/cases.js';
import { resetWidgetState } from '../support/env.js';
import { CUSTOMER, FakeFetch, json, problem } from './fake-fetch.js';

const BRANCH_ID = '3f2b8c1e-9d4a-4b7e-a1c2-5d6e7f8a9b0c';

async function setup(openCases: object[] = []) {
  const fake = new FakeFetch();
  let creates = 0;
  fake
    .on('GET', '/p/api/customers/me', () => json(200, CUSTOMER))
    .on('POST', '/p/graphql', () => json(200, { data: { cases: { items: openCases } } }))
    .on('POST', '/p/api/cases:new-sale-opportunity', () => json(200, { id: `case-${++creates}` }));
  const auth = new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: fake.fetch }));
  await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
  return { fake, auth };
}

describe('ensureSaleOpportunityCase', () => {
  beforeEach(() => resetWidgetState());

  it('checks first, creates once for concurrent callers, and remembers the id in each flow', async () => {
    const { fake, auth } = await setup();
    const a = new FlowSession({ auth, product: 'kasko' });
    const b = new FlowSession({ auth, product: 'kasko' });
    const ids = await Promise.all([
      ensureSaleOpportunityCase(a, { agentBranchId: BRANCH_ID, utm: { source: 'google', campaign: 'kasko-kis' } }),
      ensureSaleOpportunityCase(b, { agentBranchId: BRANCH_ID }),
      ensureSaleOpportunityCase(a, {}),
    ]);
    expect(ids).to.deep.equal(['case-1', 'case-1', 'case-1']);
    expect(fake.callsTo('/p/graphql')).to.have.length(1);
    const creates = fake.callsTo('/p/api/cases:new-sale-opportunity');
    expect(creates).to.have.length(1);
    expect(creates[0]!.body).to.deep.equal({
      customerId: CUSTOMER.id,
      assetType: null,
      assetId: null,
      productBranch: 'KASKO',
      channel: 'WEBSITE',
      agentBranchId: BRANCH_ID,
      advertisingSource: 'google',
      campaign: 'kasko-kis',
    });
    expect(fake.callsTo('/p/graphql')[0]!.body).to.deep.include({
      operationName: 'OpenSaleOpportunityCases',
      variables: { customerId: CUSTOMER.id, productBranch: 'KASKO' },
    });
    expect([a.state.caseId, b.state.caseId]).to.deep.equal(['case-1', 'case-1']);
    // Known: no further requests.
    await ensureSaleOpportunityCase(a);
    expect(fake.calls.length).to.equal(3);
  });

  it('uses the open case when there is one', async () => {
    const { fake, auth } = await setup([
      { id: 'open-7', type: 'SALE_OPPORTUNITY', status: 'OPEN', productBranch: 'TRAFIK', createdAt: '2026-01-01T00:00:00Z' },
    ]);
    const flow = new FlowSession({ auth, product: 'trafik' });
    expect(await ensureSaleOpportunityCase(flow)).to.equal('open-7');
    expect(fake.callsTo('/p/api/cases:new-sale-opportunity')).to.have.length(0);
  });

  it('carries a known asset, leaves out a branch id that is not a GUID, and one case per branch', async () => {
    const { fake, auth } = await setup();
    const kasko = new FlowSession({ auth, product: 'kasko' });
    kasko.update({ asset: { type: 'VEHICLE', id: 'veh-9' } });
    await ensureSaleOpportunityCase(kasko, { agentBranchId: 'branch-istanbul', utm: { source: null, campaign: null } });
    const konut = new FlowSession({ auth, product: 'konut' });
    await ensureSaleOpportunityCase(konut, { utm: { source: null, campaign: null } });
    const bodies = fake.callsTo('/p/api/cases:new-sale-opportunity').map((c) => c.body as Record<string, unknown>);
    expect(bodies[0]).to.deep.equal({
      customerId: CUSTOMER.id, assetType: 'VEHICLE', assetId: 'veh-9', productBranch: 'KASKO', channel: 'WEBSITE',
    });
    expect(bodies[1]!.productBranch).to.equal('KONUT');
    expect([kasko.state.caseId, konut.state.caseId]).to.deep.equal(['case-1', 'case-2']);
  });

  it('does not remember a failure: the next call tries again', async () => {
    const fake = new FakeFetch();
    fake
      .on('GET', '/p/api/customers/me', () => json(200, CUSTOMER))
      .on('POST', '/p/graphql', (_c, nth) => (nth === 0 ? problem(503, 'upstream-service') : json(200, { data: { cases: { items: [] } } })))
      .on('POST', '/p/api/cases:new-sale-opportunity', () => json(200, { id: 'case-ok' }));
    const auth = new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: fake.fetch }));
    await auth.completeLogin({ accessToken: 't', expiresIn: 600 });
    const flow = new FlowSession({ auth, product: 'kasko' });
    let failed = false;
    await ensureSaleOpportunityCase(flow).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(await ensureSaleOpportunityCase(flow)).to.equal('case-ok');
  });

  it('needs a logged-in customer', async () => {
    const auth = new AuthSession(new InsurUpClient({ baseUrl: 'http://proxy.test/p', fetch: new FakeFetch().fetch }));
    const flow = new FlowSession({ auth, product: 'kasko' });
    let kind = '';
    await ensureSaleOpportunityCase(flow).catch((e: { kind: string }) => (kind = e.kind));
    expect(kind).to.equal('unauthorized');
  });
});

describe('pageUtm', () => {
  beforeEach(() => resetWidgetState());

  it('reads utm_source and utm_campaign and keeps them for the tab', () => {
    expect(pageUtm('?utm_source=facebook&utm_campaign=trafik-bahar&utm_medium=cpc')).to.deep.equal({
      source: 'facebook',
      campaign: 'trafik-bahar',
    });
    expect(pageUtm('?page=2')).to.deep.equal({ source: 'facebook', campaign: 'trafik-bahar' });
    sessionStorage.clear();
    expect(pageUtm('')).to.deep.equal({ source: null, campaign: null });
  });
});
