// Every endpoint of the contract table has a sandbox handler, reachable at its real path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, ENDPOINT_IDS, type EndpointDef } from '../../src/contract/endpoints.js';
import { handlers } from '../../src/sandbox/http/handlers.js';
import { createSandbox } from '../../src/sandbox/index.js';

describe('sandbox handler table', () => {
  it('has a handler for every endpoint id and nothing else', () => {
    assert.deepEqual(Object.keys(handlers).sort(), [...ENDPOINT_IDS].sort());
    for (const id of ENDPOINT_IDS) assert.equal(typeof handlers[id], 'function', id);
  });

  it('routes every endpoint\'s method and path to its handler (in-process fetch, no server)', async () => {
    const sandbox = createSandbox({ log: () => {}, otp: '135790' });
    try {
      for (const id of ENDPOINT_IDS) {
        const def: EndpointDef = endpoints[id];
        const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) => (def.params?.[name] === 'int' ? '1' : 'abc123'));
        const response = await sandbox.fetch(
          new Request(`http://sandbox.test${path}`, {
            method: def.method,
            ...(def.method === 'GET' ? {} : { body: '{}', headers: { 'Content-Type': 'application/json' } }),
          }),
        );
        const body = response.status === 204 ? null : await response.json();
        const kind = String(body?.type ?? '').split('/').pop() ?? '';
        assert.ok(!['endpoint-not-found', 'method-not-allowed'].includes(kind), `${id}: ${def.method} ${path} reached no handler (${kind})`);
        assert.ok(response.status < 500, `${id}: ${response.status} ${JSON.stringify(body)}`);
        // Without a token, protected endpoints say so; open ones validate the empty body.
        if (def.auth) assert.equal(response.status, 401, id);
        else assert.equal(kind, 'input-validation', id);
      }
    } finally {
      sandbox.close();
    }
  });
});
