import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseFile } from '../../../server/src/analysis';

const folder = path.resolve(__dirname, '../../../../test/fixtures/analysis/policy-workspace');
const policyFile = path.join(folder, 'claims.hipaa-notify.yaml');
const policyText = fs.readFileSync(policyFile, 'utf8');

function workspaceFindings(text = policyText, openText?: (file: string) => string | undefined) {
  return analyseFile({ file: policyFile, text }, 'policy', { workspaceRoot: folder, openText })
    .filter((f) => f.ruleId === 'HN504' || f.ruleId === 'HN505')
    .map((f) => ({ rule: f.ruleId, at: text.slice(f.span.offset, f.span.offset + f.span.length), line: text.slice(0, f.span.offset).split('\n').length, message: f.message, related: f.related?.map((r) => path.basename(r.file)) }));
}

test('HN504: an action group deployed only under a false condition is missing, with the declaration as related information', () => {
  const hn504 = workspaceFindings().filter((f) => f.rule === 'HN504');
  assert.equal(hn504.length, 1);
  assert.equal(hn504[0].at, 'ag-hipaa-privacy-office');
  assert.equal(hn504[0].line, 28);
  assert.match(hn504[0].message, /tier 2 names the action group 'ag-hipaa-privacy-office'/);
  assert.deepEqual(hn504[0].related, ['alerts.json']);
});

test('HN505: unwired sources are reported at the source, category or query name; wired ones stay silent', () => {
  const hn505 = workspaceFindings().filter((f) => f.rule === 'HN505');
  assert.deepEqual(hn505.map((f) => [f.at, f.line]), [
    ['azurePolicy', 10],
    ['defenderForCloud', 12],
    ['Security', 15],
    ['phi-after-hours-access', 19],
  ]);
  assert.match(hn505[2].message, /no enabled activity log alert on category 'Security' notifies the tier-1 action group 'ag-hipaa-tier1'/);
  assert.match(hn505[3].message, /no scheduled query rule named 'phi-after-hours-access'/);
});

test('an unsaved editor buffer of a template is what the policy is checked against', () => {
  const template = path.join(folder, 'infra', 'alerts.json');
  const edited = fs.readFileSync(template, 'utf8').replace('"enabled": false', '"enabled": true');
  const hn505 = workspaceFindings(policyText, (file) => (file === template ? edited : undefined)).filter((f) => f.rule === 'HN505');
  assert.deepEqual(hn505.map((f) => f.at), ['azurePolicy', 'phi-after-hours-access'], 'the enabled Security alert now wires Defender and the Security category');
});

test('an unknown action group name keeps HN504 silent; without templates nothing is reported', () => {
  const template = path.join(folder, 'infra', 'alerts.json');
  const unknownName = fs.readFileSync(template, 'utf8').replace('"name": "ag-hipaa-privacy-office",\n      "condition": false', '"name": "[parameters(\'secret\')]"').replace('"tier1Name": {', '"secret": { "type": "string" },\n    "tier1Name": {');
  assert.deepEqual(workspaceFindings(policyText, (file) => (file === template ? unknownName : undefined)).filter((f) => f.rule === 'HN504'), []);
  const alone = analyseFile({ file: policyFile, text: policyText }, 'policy', { workspaceRoot: null });
  assert.deepEqual(alone.filter((f) => f.ruleId === 'HN504' || f.ruleId === 'HN505'), []);
});

test('a template that cannot be evaluated keeps HN504 and HN505 silent', () => {
  const broken = path.join(folder, 'infra', 'alerts.json');
  const findings = workspaceFindings(policyText, (file) => (file === broken ? '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [' : undefined));
  assert.deepEqual(findings, []);
});
