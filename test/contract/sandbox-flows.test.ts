// Drives the kasko, konut and tss flows against the sandbox and fails if any answer does not
// parse with the contract: a 2xx with its endpoint's response schema, anything else as a
// problem detail, and every hub event with its payload schema.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, matchEndpoint, type EndpointDef } from '../../src/contract/endpoints.js';
import { ProblemDetails } from '../../src/contract/problems.js';
import { HubEvents } from '../../src/contract/realtime.js';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { Api, start, type Answer } from '../sandbox/helpers.js';
import { runFlow } from '../sandbox/flows.js';

interface Violation {
  where: string;
  issues: string;
}

/** An Api that checks every answer of a contract endpoint against its schema. */
class CheckingApi extends Api {
  constructor(
    base: string,
    private readonly violations: Violation[],
    private readonly seen: Set<string>,
  ) {
    super(base);
  }

  override async call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>> {
    const answer = await super.call<T>(method, path, body, headers);
    const pathname = new URL(path, this.base).pathname;
    if (pathname.startsWith('/sandbox/')) return answer;
    const match = matchEndpoint(method, pathname);
    const where = `${method} ${pathname} → ${answer.status}`;
    if (!match) {
      this.violations.push({ where, issues: 'not an endpoint of the contract table' });
      return answer;
    }
    this.seen.add(match.id);
    const def: EndpointDef = endpoints[match.id];
    const ok = answer.status >= 200 && answer.status < 300;
    const schema = ok ? def.response : ProblemDetails;
    const value = answer.status === 204 ? undefined : answer.body;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      this.violations.push({ where, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ') });
    }
    if (ok && answer.status === 204 && def.response.safeParse(undefined).success === false) {
      this.violations.push({ where, issues: '204 where the contract expects a body' });
    }
    return answer;
  }
}

describe('the sandbox satisfies the contract through whole flows', () => {
  let sandbox: StartedSandbox;
  const violations: Violation[] = [];
  const seen = new Set<string>();
  let events = 0;

  before(async () => {
    sandbox = await start();
    sandbox.sandbox.services.events.on((event) => {
      events++;
      const parsed = HubEvents[event.name].safeParse(event.payload);
      if (!parsed.success) violations.push({ where: `hub ${event.name}`, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ') });
    });
  });
  after(() => sandbox.close());

  for (const branch of ['kasko', 'konut', 'tss'] as const) {
    it(`${branch}: every answer parses with its contract schema`, async () => {
      await runFlow(new CheckingApi(sandbox.url, violations, seen), branch);
      assert.deepEqual(violations, []);
    });
  }

  it('covered the flow\'s endpoints and hub events', () => {
    for (const id of [
      'loginOrRegister', 'verifyMfa', 'getMe', 'graphql', 'createSaleOpportunity', 'lookupVehicle', 'listVehicleModels', 'createVehicle',
      'listVehicles', 'listCities', 'listApartments', 'queryAddressByPropertyNumber', 'createProperty', 'listProperties', 'getHealthInfo',
      'updateHealthInfo', 'createProposal', 'getProposal', 'getProductCoverage', 'getProductPremium', 'getProductDocument',
      'getProductInformationForm', 'compareProducts', 'purchaseAsync', 'getProposalProduct', 'getPolicy', 'getPolicyDocument', 'sendPolicyDocument',
    ]) {
      assert.ok(seen.has(id), `the flows exercised ${id}`);
    }
    assert.ok(events > 0, 'hub events were checked');
    assert.deepEqual(violations, []);
  });
});
