import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyseSnapshot, readLiveEstate, type LiveSnapshot } from '../../server/src/azure';
import { liveModels } from '../../server/src/azure/liveModel';
import { bicepForLiveGap, hasLiveFix } from '../../server/src/fixes/bicepForLiveGap';
import { isDeployed, namedOf, sameNamedResource } from '../../server/src/model/resourceReference';
import { templateRules } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { templateModelOf } from '../../server/src/workspace/templateModels';
import { diskReader } from '../../server/src/workspace/workspaceReader';
import type { ArmTestServer } from './armTestServer';
import { managedIdentity, serve } from './liveHarness';

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
function findingsAfter(bicep: string, subscriptionId: string) {
  const file = path.join(folder, `fix-${Math.random().toString(36).slice(2)}.bicep`);
  fs.writeFileSync(file, bicep);
  const model = templateModelOf(file, bicep, diskReader(folder));
  assert.ok(model?.complete, 'the generated Bicep evaluates');
  const deployed = model.resources.filter(isDeployed);
  const live = liveModels(snapshot).find((m) => m.subscriptionId === subscriptionId)!;
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
