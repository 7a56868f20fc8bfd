import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyseSnapshot, readLiveEstate, type LiveSnapshot } from '../../server/src/azure';
import { liveModels } from '../../server/src/azure/liveModel';
import { runCheck } from '../../server/src/cli/check';
import { bicepForLiveGap, hasLiveFix, liveFixesOf } from '../../server/src/fixes/bicepForLiveGap';
import { isValueEdit } from '../../server/src/fixes/liveRecordEdits';
import { typeAndNameOf } from '../../server/src/azure/resourceIds';
import { isDeployed, namedOf, sameNamedResource } from '../../server/src/model/resourceReference';
import { templateRules } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { templateModelOf } from '../../server/src/workspace/templateModels';
import { diskReader } from '../../server/src/workspace/workspaceReader';
import type { ArmTestServer } from './armTestServer';
import { managedIdentity, serve } from './liveHarness';
import { liveTwinOf } from './liveTwin';

let server: ArmTestServer;
let snapshot: LiveSnapshot;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-live-fix-'));

before(async () => {
  server = await serve('small-estate');
  snapshot = await readLiveEstate({ credential: managedIdentity(), armEndpoint: server.armEndpoint });
});
after(async () => {
  await server.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * The findings after "deploying" generated Bicep onto the live subscription: its resources replace
 * the live ones of the same name and are added otherwise; `existing` ones stand for the live ones.
 */
function findingsAfter(bicep: string, subscriptionId: string, estate: LiveSnapshot = snapshot) {
  const file = path.join(folder, `fix-${Math.random().toString(36).slice(2)}.bicep`);
  fs.writeFileSync(file, bicep);
  const model = templateModelOf(file, bicep, diskReader(folder));
  assert.ok(model?.complete, 'the generated Bicep evaluates');
  const deployed = model.resources.filter(isDeployed);
  const live = liveModels(estate).find((m) => m.subscriptionId === subscriptionId)!;
  const replaced = new Set(live.resources.filter((r) => deployed.some((d) => { const a = namedOf(d); const b = namedOf(r); return a && b && sameNamedResource(a, b); })));
  const resources = [...live.resources.filter((r) => !replaced.has(r)), ...deployed];
  const scope = `/subscriptions/${subscriptionId}`;
  const context = { resources, defaultTimeZone: undefined, partial: live.partial, deploymentOf: live.deploymentOf };
  return [
    ...runRules(templateRules.filter((r) => !r.workspace), { ...context, policyFile: undefined }, scope),
    ...runRules(templateRules.filter((r) => r.workspace), { ...context, policyFile: scope }, scope),
  ];
}

test('every generated fix closes its gap when applied to the live subscription (its resources deployed next to what runs)', () => {
  const report = analyseSnapshot(snapshot);
  const fixable = report.findings.filter((f) => hasLiveFix(f.rule));
  assert.ok(fixable.length >= 2, `fixable gaps in the estate: ${fixable.map((f) => f.rule).join(', ')}`);
  let generated = 0;
  for (const finding of fixable) {
    const fix = bicepForLiveGap(snapshot, finding);
    if (fix.text === undefined) {
      assert.ok(fix.reason, `${finding.rule}: no text and no reason`);
      continue;
    }
    generated++;
    const subscriptionId = finding.resourceId.split('/')[2].toLowerCase();
    const after = findingsAfter(fix.text, subscriptionId);
    const still = after.filter((f) => f.ruleId === finding.rule && f.file.toLowerCase() === finding.resourceId.toLowerCase());
    assert.deepEqual(still.map((f) => f.message), [], `${finding.rule} on ${finding.resourceId} is still found after\n${fix.text}`);
  }
  assert.ok(generated >= 2, `generated ${generated} fixes`);
});

test('a fix whose resource holds a redacted secret is refused with the reason, never written with the placeholder', () => {
  const group = snapshot.resources.find((r) => /actiongroups\/ag-oncall$/i.test(r.id))!;
  const disabled: LiveSnapshot = { ...snapshot, resources: snapshot.resources.map((r) => (r === group ? { ...r, properties: { ...(r.properties as object), enabled: false } } : r)) };
  const fix = bicepForLiveGap(disabled, { rule: 'HN103', level: 'error', message: 'disabled', resourceId: group.id });
  assert.equal(fix.text, undefined);
  assert.match(fix.reason ?? '', /secrets/);
});

/** Renders every gap of `estate` whose first quick fix only adds resources and parameters; checks each closes its gap. Returns the rules rendered. */
function checkIntentFixes(estate: LiveSnapshot): string[] {
  const rendered: string[] = [];
  for (const finding of analyseSnapshot(estate).findings) {
    const fixes = liveFixesOf(estate, finding);
    const added = fixes[0]?.intents.flatMap((i) => (i.kind === 'addResource' ? [i] : []));
    if (!added || added.length === 0 || fixes[0].intents.some((i) => i.kind !== 'addResource' && i.kind !== 'addParameter')) continue;
    const fix = bicepForLiveGap(estate, finding);
    assert.ok(fix.text, `${finding.rule}: ${fix.reason}`);
    rendered.push(finding.rule);
    assert.ok(fix.text.startsWith(`// Built from the fix intents of ${finding.rule}'s quick fix "${fixes[0].title}"`), fix.text);
    for (const intent of added) {
      // The resource the rule's intent adds, by its name in the intent, not the table's.
      assert.ok(fix.text.includes(`'${intent.resource.body.name as string}'`), `${finding.rule}: the intent's resource is declared\n${fix.text}`);
      if (intent.resource.scoped) assert.match(fix.text, /\n {2}scope: [A-Za-z]\w*\n/, `${finding.rule}: scoped to an existing reference\n${fix.text}`);
    }
    assert.match(fix.text, /resource \w+ '[^']+' existing = \{/);
    for (const intent of fixes[0].intents) if (intent.kind === 'addParameter') assert.match(fix.text, new RegExp(`\\nparam ${intent.name} ${intent.type}( = '[^']+')?\\n`));
    const subscriptionId = finding.resourceId.split('/')[2].toLowerCase();
    const still = findingsAfter(fix.text, subscriptionId, estate).filter((f) => f.ruleId === finding.rule && f.file.toLowerCase() === finding.resourceId.toLowerCase());
    assert.deepEqual(still.map((f) => f.message), [], `${finding.rule} on ${finding.resourceId} is still found after\n${fix.text}`);
  }
  return rendered;
}

test("a gap whose rule has a quick fix gets that fix's intents, against existing references, and the result closes it", () => {
  const rendered = checkIntentFixes(snapshot);
  assert.ok(rendered.filter((r) => r === 'HN304').length >= 2, `rendered from intents: ${rendered.join(', ')}`);
});

test('on the live twin of samples/claims-platform, the missing delivery log (HN301) comes from the quick fix: a new parameter defaulting to the audit workspace, and a diagnostic setting scoped to the existing resource', async () => {
  const twin = liveTwinOf(path.resolve(__dirname, '../../../samples/claims-platform'), { subscriptionId: '22222222-2222-4222-8222-222222222222', displayName: 'Claims (live twin)', resourceGroup: 'rg-claims' });
  const claims = await serve(twin);
  try {
    const estate = await readLiveEstate({ credential: managedIdentity(), armEndpoint: claims.armEndpoint });
    const rendered = checkIntentFixes(estate);
    assert.ok(rendered.includes('HN301'), `rendered from intents: ${rendered.join(', ')}`);
    const hn301 = analyseSnapshot(estate).findings.find((f) => f.rule === 'HN301')!;
    const text = bicepForLiveGap(estate, hn301).text!;
    const workspace = estate.resources.find((r) => /\/workspaces\/[^/]+$/i.test(r.id) && /operationalinsights/i.test(r.id));
    assert.ok(workspace, 'the twin has its audit workspace');
    assert.ok(text.includes(`param auditWorkspaceId string = '${workspace.id}'`), text);
    assert.match(text, /'Microsoft\.Insights\/diagnosticSettings@[^']+' = \{\n {2}name: 'hipaa-notify-audit'\n {2}scope: \w+\n[^]*workspaceId: auditWorkspaceId/);
  } finally {
    await claims.close();
  }
});

test('a gap whose rule offers no quick fix on the live model falls back to the table and says so', () => {
  const finding = analyseSnapshot(snapshot).findings.find((f) => f.rule === 'HN305');
  assert.ok(finding, 'HN305 is found on the live twin');
  assert.deepEqual(liveFixesOf(snapshot, finding), []);
  const fix = bicepForLiveGap(snapshot, finding);
  assert.ok(fix.text, fix.reason);
  assert.match(fix.text, /^\/\/ Built from HIPAA Notify's table of live fixes: no quick fix of HN305 applies/);
  assert.doesNotMatch(fix.text, /Built from the fix intents/);
});

/**
 * `hipaa-notify check` on the generated Bicep alone, as a user would run it before deploying: its
 * own folder is the workspace (a file named by itself would share the current folder, the
 * repository, whose samples declare the same resources).
 */
function checkAlone(bicep: string) {
  const alone = fs.mkdtempSync(path.join(folder, 'alone-'));
  fs.writeFileSync(path.join(alone, 'fix.bicep'), bicep);
  return runCheck([alone]).findings;
}

/**
 * The claims twin with gaps on resources that can be declared again from a read: the daily digest
 * loses its managed identity (HN403); the escalation Logic App's OAuth client secret is not in the
 * record (a Key Vault reference in practice); the blob event subscriptions deliver to a storage
 * queue, whose address a read returns (a webhook's URL it does not).
 */
function variantOf(estate: LiveSnapshot): LiveSnapshot {
  const account = estate.resources.find((r) => /storageAccounts\/stclaimsdocs001$/i.test(r.id))!;
  return {
    ...estate,
    resources: estate.resources.map((r) => {
      if (/\/eventSubscriptions\/claims-blob-(deleted|tier-changed)$/i.test(r.id)) {
        return { ...r, properties: { ...(r.properties as object), destination: { endpointType: 'StorageQueue', properties: { resourceId: account.id, queueName: 'claims-events' } } } };
      }
      if (/\/workflows\/la-claims-daily-digest$/i.test(r.id)) {
        const { identity: _identity, ...rest } = r;
        return rest;
      }
      if (/\/workflows\/la-claims-escalation$/i.test(r.id)) return JSON.parse(JSON.stringify(r).replace(/,"secret":"<redacted>"/g, '')) as typeof r;
      return r;
    }),
  };
}

test('a gap whose quick fix edits a value of the live resource gets that resource declared again with the fix applied; hipaa-notify check and the live subscription both lose the gap, rule by rule', async () => {
  const subscriptionId = '33333333-3333-4333-8333-333333333333';
  const twin = liveTwinOf(path.resolve(__dirname, '../../../samples/claims-platform'), { subscriptionId, displayName: 'Claims (live twin)', resourceGroup: 'rg-claims' });
  const claims = await serve(twin);
  try {
    const estate = variantOf(await readLiveEstate({ credential: managedIdentity(), armEndpoint: claims.armEndpoint }));
    const proven = new Set<string>();
    for (const finding of analyseSnapshot(estate).findings) {
      const fixes = liveFixesOf(estate, finding);
      if (!fixes.some((f) => f.intents.some(isValueEdit))) continue;
      const record = estate.resources.find((r) => r.id.toLowerCase() === finding.resourceId.toLowerCase())!;
      const fix = bicepForLiveGap(estate, finding);
      assert.ok(fix.text, `${finding.rule} on ${record.name}: ${fix.reason}`);
      assert.match(fix.text, new RegExp(`^// Built from the fix intents of ${finding.rule}'s quick fix "`));
      // Declared again (what a deployment replaces), not referred to as existing.
      assert.ok(fix.text.includes(`' = {\n  name: '${typeAndNameOf(record.id)!.name}'\n`), `${finding.rule}: ${record.name} is declared again\n${fix.text}`);
      assert.doesNotMatch(fix.text, /<redacted>/);
      const alone = checkAlone(fix.text).filter((f) => (f.ruleId === finding.rule && f.message === finding.message) || f.ruleId === 'HN001' || f.ruleId === 'HN002');
      assert.deepEqual(alone.map((f) => `${f.ruleId} ${f.message}`), [], `hipaa-notify check still finds it in\n${fix.text}`);
      const still = findingsAfter(fix.text, subscriptionId, estate).filter((f) => f.ruleId === finding.rule && f.file.toLowerCase() === finding.resourceId.toLowerCase() && f.message === finding.message);
      assert.deepEqual(still.map((f) => f.message), [], `${finding.rule} on ${record.name} is still found live after\n${fix.text}`);
      proven.add(finding.rule);
    }
    assert.deepEqual([...proven].sort(), ['HN101', 'HN103', 'HN104', 'HN109', 'HN201', 'HN202', 'HN203', 'HN204', 'HN205', 'HN206', 'HN207', 'HN208', 'HN209', 'HN303', 'HN401', 'HN403']);

    // A webhook subscription as Resource Manager returns it (no URL) is not declared again with a hole in it.
    const read = await readLiveEstate({ credential: managedIdentity(), armEndpoint: claims.armEndpoint });
    const webhook = analyseSnapshot(read).findings.find((f) => f.rule === 'HN203' && /claims-blob-deleted$/.test(f.resourceId))!;
    assert.deepEqual(bicepForLiveGap(read, webhook), { text: undefined, reason: "Resource Manager does not return a webhook event subscription's endpoint URL, so the resource cannot be declared again from the read; make the change in its template." });

    // The check above can fail: the same declaration without the fix is found by hipaa-notify check.
    const hn103 = analyseSnapshot(estate).findings.find((f) => f.rule === 'HN103')!;
    const unfixed = bicepForLiveGap(estate, hn103).text!.replace('enabled: true', 'enabled: false');
    assert.deepEqual(checkAlone(unfixed).filter((f) => f.ruleId === 'HN103').map((f) => f.message), [hn103.message]);
  } finally {
    await claims.close();
  }
});

test('HN403 on a live Logic App: the fix sets a system-assigned identity on its declaration, with the rest as read', async () => {
  const subscriptionId = '44444444-4444-4444-8444-444444444444';
  const twin = liveTwinOf(path.resolve(__dirname, '../../../samples/claims-platform'), { subscriptionId, displayName: 'Claims (live twin)', resourceGroup: 'rg-claims' });
  const claims = await serve(twin);
  try {
    const estate = variantOf(await readLiveEstate({ credential: managedIdentity(), armEndpoint: claims.armEndpoint }));
    const finding = analyseSnapshot(estate).findings.find((f) => f.rule === 'HN403' && /la-claims-daily-digest$/.test(f.resourceId));
    assert.ok(finding, 'HN403 on the digest without its identity');
    const text = bicepForLiveGap(estate, finding).text!;
    assert.match(text, /\nresource laClaimsDailyDigest 'Microsoft\.Logic\/workflows@[^']+' = \{\n {2}name: 'la-claims-daily-digest'\n/);
    assert.match(text, /\n {2}identity: \{\n {4}type: 'SystemAssigned'\n {2}\}\n/);
    assert.match(text, /\n {4}state: 'Disabled'\n/, 'what the fix does not touch stays as read (its own HN208 has a fix of its own)');
    assert.doesNotMatch(text, /provisioningState|createdTime|changedTime|accessEndpoint/);
  } finally {
    await claims.close();
  }
});
