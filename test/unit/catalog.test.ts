import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../server/src/rules/catalog';

const repo = path.resolve(__dirname, '../../..');
const read = (relative: string) => fs.readFileSync(path.join(repo, relative), 'utf8');

test('rule IDs are unique, well formed and each has a doc page once implemented', () => {
  const ids = catalog.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^HN\d{3}$/);
  for (const id of ['HN001', 'HN002']) assert.ok(fs.existsSync(path.join(repo, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`);
});

test('the config schema lists every rule of the catalog and nothing else', () => {
  const schema = JSON.parse(read('schemas/config.schema.json'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), catalog.map((r) => r.id).sort(), 'run node scripts/write-config-schema.mjs');
});

test('every path that package.json contributes exists', () => {
  const manifest = JSON.parse(read('package.json'));
  const paths: string[] = [];
  for (const language of manifest.contributes.languages ?? []) if (language.configuration) paths.push(language.configuration);
  for (const entry of [...(manifest.contributes.jsonValidation ?? []), ...(manifest.contributes.yamlValidation ?? [])]) paths.push(entry.url);
  for (const snippet of manifest.contributes.snippets ?? []) paths.push(snippet.path);
  for (const p of paths.filter((p) => !/^https?:/.test(p))) assert.ok(fs.existsSync(path.join(repo, p)), p);
});
