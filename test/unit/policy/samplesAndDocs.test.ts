import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePolicyFile, policyFileRules } from '../../../server/src/rules/policy';
import { LineMap } from '../../../server/src/syntax/lineMap';

const repo = path.resolve(__dirname, '../../../..');
const read = (relative: string) => fs.readFileSync(path.join(repo, relative), 'utf8');

test('the compliant sample policy has no findings', () => {
  const file = 'samples/compliant/contoso.hipaa-notify.yaml';
  assert.deepEqual(analysePolicyFile(file, read(file)).findings, []);
});

test('the claims sample policy trips every file rule, each on the line its comment announces', () => {
  const file = 'samples/claims-platform/claims.hipaa-notify.yaml';
  const text = read(file);
  const lines = new LineMap(text);
  const findings = analysePolicyFile(file, text).findings;
  for (const rule of policyFileRules) assert.ok(findings.some((f) => f.ruleId === rule.id), `${rule.id} fires in the sample`);
  const source = text.split('\n');
  for (const finding of findings) {
    const line = lines.positionAt(finding.span.offset).line;
    const announced = source.slice(Math.max(0, line - 2), line).join('\n');
    assert.match(announced, new RegExp(`# .*${finding.ruleId}`), `${finding.ruleId} on line ${line + 1} is announced`);
  }
  assert.ok(!findings.some((f) => f.ruleId === 'HN009'), 'the suppression gives a reason');
});

test('every HN5xx rule has a doc page with what, why, YAML and JSON examples, fix and suppression', () => {
  for (let n = 500; n <= 507; n++) {
    const id = `HN${n}`;
    const page = read(`docs/rules/${id}.md`);
    assert.match(page, new RegExp(`^# ${id}: `), id);
    for (const heading of ['## What it checks', '## Why it matters', '## Failing examples', '## Passing examples', '## How to fix', '## Suppressing']) assert.ok(page.includes(heading), `${id}: ${heading}`);
    assert.match(page, /```yaml/, `${id}: YAML example`);
    assert.match(page, /```json/, `${id}: JSON example`);
    assert.match(page, /45 CFR 16\d\.\d+/, `${id}: cites the regulation`);
  }
});
