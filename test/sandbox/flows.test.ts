import { after, before, describe, it } from 'node:test';
import type { StartedSandbox } from '../../src/sandbox/node.js';
import { runFlow } from './flows.js';
import { Api, start } from './helpers.js';

describe('sandbox REST flows, login to policy PDF', () => {
  let sandbox: StartedSandbox;
  before(async () => {
    sandbox = await start();
  });
  after(() => sandbox.close());

  for (const branch of ['kasko', 'konut', 'tss'] as const) {
    it(`${branch}: login, case, asset, proposal, quotes, purchase, approve, callback, policy, PDF, e-mail`, async () => {
      await runFlow(new Api(sandbox.url), branch);
    });
  }
});
