/**
 * The README's element reference is generated from custom-elements.json, which the analyzer
 * builds from the elements' JSDoc. Rebuilt here in memory: the README must match it, the
 * manifest must name every public element with its tag, and each element's public contract
 * (summary, events, parts) must be documented.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script without declarations
import { buildManifest, elementReference, END, publicElements, START, withReference } from '../../scripts/docs.mjs';

const root = new URL('../../', import.meta.url);

test('the README element reference is what `npm run docs` generates from the JSDoc', async () => {
  const manifest = await buildManifest();
  const readme = await readFile(new URL('README.md', root), 'utf8');
  assert.ok(readme.includes(START) && readme.includes(END), 'README has the generated section markers');
  const expected = withReference(readme, elementReference(manifest));
  assert.ok(expected === readme, 'README.md element reference is out of date: run `npm run docs`');
});

test('every element the bundle exports is in the manifest with its tag and a documented contract', async () => {
  const manifest = await buildManifest();
  const index = await readFile(new URL('src/widget/index.ts', root), 'utf8');
  const exported = [...index.matchAll(/export (?:type )?\{ (Insurup\w+) \} from '\.\/elements\/(insurup-[\w-]+)\/element\.js'/g)].map((m) => ({
    className: m[1]!,
    tag: m[2]!,
  }));
  assert.ok(exported.length >= 8, 'index.ts exports the elements');
  const elements = publicElements(manifest) as Array<{ name: string; tagName: string; summary?: string; events?: unknown[]; cssParts?: unknown[]; attributes?: Array<{ name: string }> }>;
  for (const { className, tag } of exported) {
    const element = elements.find((e) => e.tagName === tag);
    assert.ok(element, `${tag} is in custom-elements.json`);
    assert.equal(element.name, className);
    assert.ok(element.summary, `${tag} has a @summary`);
    assert.ok(element.events?.length, `${tag} documents its events (@fires)`);
    assert.ok(element.cssParts?.length, `${tag} documents its parts (@csspart)`);
    const attributes = element.attributes?.map((a) => a.name) ?? [];
    for (const shared of ['proxy-url', 'product', 'theme']) assert.ok(attributes.includes(shared), `${tag} has ${shared}`);
  }
});

test('the shared attributes say where they are needed, truthfully for <insurup-flow> itself', async () => {
  const manifest = await buildManifest();
  const elements = publicElements(manifest) as Array<{ tagName: string; attributes?: Array<{ name: string; description?: string }> }>;
  const flow = elements.find((e) => e.tagName === 'insurup-flow');
  const describe = (name: string) => flow?.attributes?.find((a) => a.name === name)?.description ?? '';
  // The flow is configured by these; telling a reader of its reference they are "not needed
  // inside <insurup-flow>" sends them the wrong way.
  assert.match(describe('proxy-url'), /Required on\s+`<insurup-flow>`/);
  assert.match(describe('product'), /Set it on\s+`<insurup-flow>`/);
  for (const element of elements) {
    for (const name of ['proxy-url', 'product']) {
      const text = element.attributes?.find((a) => a.name === name)?.description ?? '';
      assert.doesNotMatch(text, /not needed/i, `${element.tagName} ${name}`);
    }
  }
});

test('the reference gives every attribute its type, every number attribute its default, and no source code', async () => {
  const manifest = await buildManifest();
  type Member = { kind: string; name: string; type?: { text?: string }; default?: string; attribute?: string; privacy?: string };
  const elements = publicElements(manifest) as Array<{ tagName: string; members?: Member[] }>;
  for (const element of elements) {
    for (const member of element.members ?? []) {
      if (member.kind !== 'field' || (member.privacy ?? 'public') !== 'public') continue;
      const where = `${element.tagName} ${member.attribute ?? member.name}`;
      // A default written as a constant's name (DEFAULT_FEED_TIMING.baseMs) leaves both columns
      // empty: say the type and an @default in the JSDoc.
      if (member.attribute) assert.ok(member.type?.text, `${where} has a type`);
      if (member.attribute && member.type?.text === 'number') assert.match(member.default ?? '', /^[\d_]+$/, `${where} shows its default`);
      // Internals (a controller, say) are @internal, not printed as code in the reference.
      assert.doesNotMatch(member.default ?? '', /=>|\bnew\b|\bthis\./, `${where} default is a value, not code`);
    }
  }
});
