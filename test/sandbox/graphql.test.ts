import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { graphqlOperations, type GraphqlOperationName } from '../../src/contract/graphql.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { Api, start } from './helpers.js';
import { createKaskoProposal, customerWithVehicle, settledProposal } from './quoting.js';

describe('sandbox GraphQL', () => {
  let sandbox: StartedSandbox;
  let api: Api;
  let customerId: string;
  const proposalIds: string[] = [];

  before(async () => {
    sandbox = await start();
    api = new Api(sandbox.url);
    const setup = await customerWithVehicle(api, 'graphql');
    customerId = setup.customerId;
    for (let i = 0; i < 3; i++) proposalIds.push(await createKaskoProposal(api, customerId, setup.vehicleId, setup.catalog));
    for (const id of proposalIds) await settledProposal(api, id);
    // Another customer's records must never show.
    const other = new Api(sandbox.url);
    const second = await customerWithVehicle(other, 'graphql-other');
    await createKaskoProposal(other, second.customerId, second.vehicleId, second.catalog);
    await other.post('/api/cases:new-sale-opportunity', { customerId: second.customerId, assetType: null, assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' });
  });
  after(() => sandbox.close());

  const run = (name: GraphqlOperationName, variables: Record<string, unknown>) =>
    api.post('/graphql', { query: graphqlOperations[name].query, variables, operationName: name });

  it('runs the widget\'s three documents unchanged, each answer parsing with its data schema', async () => {
    const created = await api.post('/api/cases:new-sale-opportunity', { customerId, assetType: null, assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' });
    const again = await api.post('/api/cases:new-sale-opportunity', { customerId, assetType: null, assetId: null, productBranch: 'KASKO', channel: 'WEBSITE' });
    assert.equal(again.body.id, created.body.id, 'one open case per branch');
    const answers = {
      OpenSaleOpportunityCases: await run('OpenSaleOpportunityCases', { customerId, productBranch: 'KASKO' }),
      CustomerProposals: await run('CustomerProposals', { customerId, skip: 0, take: 10 }),
      CustomerPolicies: await run('CustomerPolicies', { customerId, skip: 0, take: 10 }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.status, 200);
      assert.equal(answer.body.errors, undefined, `${name}: ${JSON.stringify(answer.body.errors)}`);
      assert.ok(graphqlOperations[name as GraphqlOperationName].data.safeParse(answer.body.data).success, `${name} data parses`);
    }
    assert.deepEqual(answers.OpenSaleOpportunityCases.body.data.cases.items.map((c: { id: string }) => c.id), [created.body.id]);
    assert.equal(answers.CustomerProposals.body.data.proposals.totalCount, 3, 'only this customer\'s proposals');
    assert.deepEqual(answers.CustomerPolicies.body.data.policies, { totalCount: 0, items: [] });
  });

  it('orders and pages', async () => {
    const page1 = await run('CustomerProposals', { customerId, skip: 0, take: 2 });
    const page2 = await run('CustomerProposals', { customerId, skip: 2, take: 2 });
    const ids = [...page1.body.data.proposals.items, ...page2.body.data.proposals.items].map((p: { id: string }) => p.id);
    assert.deepEqual(ids, [...proposalIds].reverse(), 'newest first, across pages');
    assert.equal(page2.body.data.proposals.totalCount, 3);
    const ascending = await api.post('/graphql', { query: '{ proposals(order: [{ createdAt: ASC }]) { items { id } pageInfo { hasNextPage hasPreviousPage } } }' });
    assert.deepEqual(ascending.body.data.proposals.items.map((p: { id: string }) => p.id), proposalIds);
    assert.deepEqual(ascending.body.data.proposals.pageInfo, { hasNextPage: false, hasPreviousPage: false });
  });

  it('filters with eq, neq, in and or, and never shows another customer\'s records', async () => {
    const byId = await api.post('/graphql', { query: `{ proposals(where: { id: { eq: "${proposalIds[1]}" } }) { totalCount } }` });
    assert.equal(byId.body.data.proposals.totalCount, 1);
    const notOne = await api.post('/graphql', { query: `{ proposals(where: { id: { neq: "${proposalIds[1]}" } }) { totalCount } }` });
    assert.equal(notOne.body.data.proposals.totalCount, 2);
    const either = await api.post('/graphql', { query: `{ proposals(where: { or: [{ id: { eq: "${proposalIds[0]}" } }, { id: { in: ["${proposalIds[2]}"] } }] }) { totalCount } }` });
    assert.equal(either.body.data.proposals.totalCount, 2);
    const tss = await api.post('/graphql', { query: '{ proposals(where: { productBranch: { eq: TSS } }) { totalCount } }' });
    assert.equal(tss.body.data.proposals.totalCount, 0);
    const stranger = await run('CustomerProposals', { customerId: '00000000-0000-4000-8000-000000000099', skip: 0, take: 10 });
    assert.equal(stranger.body.data.proposals.totalCount, 0, 'asking for another customer id gives nothing');
    const allCases = await api.post('/graphql', { query: '{ cases { items { customerId } } }' });
    assert.ok(allCases.body.data.cases.items.every((c: { customerId: string }) => c.customerId === customerId));
  });

  it('answers GraphQL errors for bad documents and variables, and 401 without a token', async () => {
    const notGuid = await run('CustomerPolicies', { customerId: 'abc', skip: 0, take: 10 });
    assert.equal(notGuid.status, 200);
    assert.match(notGuid.body.errors[0].message, /UUID/);
    const tooMany = await run('CustomerPolicies', { customerId, skip: 0, take: 500 });
    assert.match(tooMany.body.errors[0].message, /maximum allowed items/);
    const unknownField = await api.post('/graphql', { query: '{ proposals { items { secret } } }' });
    assert.match(unknownField.body.errors[0].message, /Cannot query field "secret"/);
    const syntax = await api.post('/graphql', { query: '{ proposals { ' });
    assert.ok(syntax.body.errors.length > 0);
    const anonymous = await new Api(sandbox.url).post('/graphql', { query: '{ cases { totalCount } }' });
    assert.equal(anonymous.status, 401);
  });
});
