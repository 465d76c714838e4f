// Each element's strings load with its own chunk (elements/<tag>/messages.ts). This checks
// that every message key an element's folder uses is registered by that folder's messages
// module or is shared (common, validation, errors) — so no user ever sees a raw key.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tr } from '../../../src/widget/i18n/tr/index.js';

const elementsDir = new URL('../../../src/widget/elements/', import.meta.url).pathname;
const SHARED = /^(common|validation|errors)\./;

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((path) => (statSync(path).isDirectory() ? [sources(path)] : path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : []))
    .join('\n');
}

const AREA = /['`]((?:login|flow|vehicle|property|health|quotes|checkout|policy|myPolicies)\.[A-Za-z0-9.]+)/g;

describe('i18n: every element registers the areas it uses', () => {
  for (const folder of readdirSync(elementsDir).filter((f) => f.startsWith('insurup-'))) {
    it(folder, async () => {
      const text = sources(join(elementsDir, folder));
      const registered = new Set<string>();
      const messages = readFileSync(join(elementsDir, folder, 'messages.ts'), 'utf8');
      for (const m of messages.matchAll(/i18n\/tr\/(\w+)\.js/g)) {
        const area = (await import(`../../../src/widget/i18n/tr/${m[1]}.js`)) as Record<string, Record<string, string>>;
        for (const key of Object.keys(area[m[1]!]!)) registered.add(key);
      }
      const used = [...text.matchAll(AREA)].map((m) => m[1]!).filter((key) => !SHARED.test(key));
      // A used prefix (a key built at run time, e.g. `flow.step.${step}`) must start some registered key.
      const missing = used.filter((key) => !registered.has(key) && ![...registered].some((r) => r.startsWith(key)));
      assert.deepEqual([...new Set(missing)], [], `${folder} uses keys its messages.ts does not register`);
      assert.ok(used.every((key) => key in tr || [...registered].some((r) => r.startsWith(key))));
    });
  }
});
