import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyseSnapshot, readLiveEstate } from '../../server/src/azure';
import { runCheck } from '../../server/src/cli/check';
import { templateRules } from '../../server/src/rules/registry';
import { managedIdentity, serve } from './liveHarness';
import { compareWithTemplate, liveTwinOf } from './liveTwin';

const samples = path.resolve(__dirname, '../../../samples');
const templateRuleIds = new Set(templateRules.map((r) => r.id));

async function liveFindings(sample: string) {
  const server = await serve(liveTwinOf(path.join(samples, sample), { subscriptionId: '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f', displayName: `${sample} (live twin)`, resourceGroup: `rg-${sample}` }));
  try {
    const report = analyseSnapshot(await readLiveEstate({ credential: managedIdentity(), armEndpoint: server.armEndpoint }));
    return { report, writes: server.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources')) };
  } finally {
    await server.close();
  }
}

function templateFindings(sample: string): string[] {
  return runCheck([path.join(samples, sample)]).findings.filter((f) => templateRuleIds.has(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`).filter((f, i, all) => all.indexOf(f) === i).sort();
}

test('every template rule that fires on samples/claims-platform fires the same way on its live twin', async () => {
  const { report, writes } = await liveFindings('claims-platform');
  // A template can repeat a finding at two places of one resource; on a live resource it is said once.
  const live = [...new Set(report.findings.map((f) => `${f.rule} ${f.message}`))].sort();
  assert.deepEqual(compareWithTemplate(templateFindings('claims-platform'), live), { missing: [], extra: [], unmatchedRepeats: [] });
  assert.deepEqual(writes, [], 'the engine only reads');
  const firedOnTemplates = [...new Set(templateFindings('claims-platform').map((f) => f.split(' ')[0]))].sort();
  assert.deepEqual([...new Set(report.findings.map((f) => f.rule))].sort(), firedOnTemplates, 'every template rule that fires on the sample fires on the live twin');
  assert.deepEqual(report.errors, []);
  assert.ok(report.findings.every((f) => f.resourceId.startsWith('/subscriptions/2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f')));
});

test('the live twin of samples/compliant has no findings', async () => {
  const { report } = await liveFindings('compliant');
  assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.resourceId} ${f.message}`), []);
  assert.deepEqual(report.errors, []);
  const controls = report.coverage[0].controls;
  assert.deepEqual(Object.fromEntries(Object.entries(controls).map(([name, answer]) => [name, answer.state])), { detect: 'covered', route: 'covered', deliver: 'covered', log: 'covered', retain: 'covered' }, JSON.stringify(controls));
  // Per component and PHI store: the chain behind it.
  const resources = report.coverage[0].resources;
  assert.ok(resources.some((r) => r.role === 'notificationComponent') && resources.some((r) => r.role === 'phiStore'));
  for (const r of resources) {
    // HN304 asks locks of the notification chain only; a PHI store may be unlocked.
    if (r.role === 'notificationComponent') assert.deepEqual([r.logged, r.retainedSixYears, r.locked], ['yes', 'yes', 'yes'], r.resourceId);
    else assert.deepEqual([r.logged, r.retainedSixYears], ['yes', 'yes'], r.resourceId);
  }
  const store = resources.find((r) => r.type === 'Microsoft.Storage/storageAccounts' && r.name === 'stclaimsphi001');
  assert.ok(store && store.detectedBy.length > 0 && store.actionGroups.length > 0 && store.recipients.length > 0, JSON.stringify(store));
});
