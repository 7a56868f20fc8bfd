import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../../server/src/rules/catalog';
import { policyFileRules } from '../../../server/src/rules/policy';
import { templateRules } from '../../../server/src/rules/registry';

const repo = path.resolve(__dirname, '../../../..');
const templateRange = /^HN[1-4]\d\d$/;

test('every HN1xx-HN4xx rule of the catalog is registered once, in catalog order', () => {
  const expected = catalog.filter((r) => templateRange.test(r.id)).map((r) => r.id);
  assert.deepEqual(templateRules.map((r) => r.id), expected);
});

test('each registered rule carries its catalog name, level and scope', () => {
  for (const rule of [...templateRules, ...policyFileRules]) {
    const meta = catalog.find((r) => r.id === rule.id);
    assert.ok(meta, rule.id);
    assert.equal(rule.name, meta.name, rule.id);
    assert.equal(rule.level, meta.level, rule.id);
    if ('workspace' in rule) assert.equal(rule.workspace, meta.workspace === true, rule.id);
  }
});

test('every rule has a doc page with both syntaxes, the regulation and how to suppress, and an index row', () => {
  const index = fs.readFileSync(path.join(repo, 'docs/rules/README.md'), 'utf8');
  for (const meta of catalog) {
    const page = path.join(repo, 'docs/rules', `${meta.id}.md`);
    assert.ok(fs.existsSync(page), `docs/rules/${meta.id}.md`);
    const text = fs.readFileSync(page, 'utf8');
    assert.match(text, new RegExp(`^# ${meta.id}: ${meta.name}`), `${meta.id} title`);
    assert.match(index, new RegExp(`\\[${meta.id}\\]\\(${meta.id}\\.md\\)`), `${meta.id} in docs/rules/README.md`);
    if (!templateRange.test(meta.id)) continue;
    assert.match(text, /```bicep/, `${meta.id} Bicep example`);
    assert.match(text, /```json/, `${meta.id} ARM JSON example`);
    assert.match(text, /45 CFR|164\.\d{3}/, `${meta.id} cites the regulation`);
    assert.match(text, /hipaa-notify-disable-next-line/, `${meta.id} says how to suppress`);
  }
});

test('every template rule has a table test with valid and invalid cases in Bicep and in ARM JSON', () => {
  for (const rule of templateRules) {
    const file = path.join(repo, 'test/unit/rules', `${rule.id.toLowerCase()}.test.ts`);
    assert.ok(fs.existsSync(file), `test/unit/rules/${rule.id.toLowerCase()}.test.ts`);
    const text = fs.readFileSync(file, 'utf8');
    const invalidAt = text.indexOf('invalid: [');
    assert.ok(invalidAt > 0, `${rule.id}: the table has an invalid list`);
    const valid = text.slice(0, invalidAt);
    const invalid = text.slice(invalidAt);
    for (const syntax of ['ARM', 'Bicep']) {
      assert.match(valid, new RegExp(`name: '${syntax}: `), `${rule.id}: a valid ${syntax} case`);
      assert.match(invalid, new RegExp(`name: '${syntax}: `), `${rule.id}: an invalid ${syntax} case`);
    }
  }
});
