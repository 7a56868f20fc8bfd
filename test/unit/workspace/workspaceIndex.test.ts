import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from '../../bench/generateWorkspace';
import type { Finding } from '../../../server/src/rules/finding';
import { templateRules } from '../../../server/src/rules/registry';
import { runRules } from '../../../server/src/rules/runRules';
import { templateModelsUnder, type TemplateModel } from '../../../server/src/workspace/templateModels';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { diskReader } from '../../../server/src/workspace/workspaceReader';

const rules = templateRules.filter((rule) => !rule.workspace);
const settings = { rules, defaultTimeZone: undefined, auditWorkspaces: [] };
const repo = path.resolve(__dirname, '../../../..');

/** The reference: every template rule once over every resource of the workspace. */
function wholeWorkspaceRun(models: readonly TemplateModel[]): Finding[] {
  const partial = new Set(models.filter((m) => !m.complete).flatMap((m) => m.resources));
  const deploymentOf = new Map(models.flatMap((m) => m.resources.map((r) => [r, m.file] as const)));
  return runRules(rules, { resources: models.flatMap((m) => m.resources), policyFile: undefined, defaultTimeZone: undefined, partial, deploymentOf }, '', { merge: false });
}

const keys = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${path.basename(f.file)}@${f.span.offset}+${f.span.length} ${f.message} ${JSON.stringify(f.related ?? [])}`).sort();

function workspace(size: number) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-index-'));
  const generated = generateWorkspace(root, size);
  const overlay = new Map<string, string>();
  // The language server's kind of reader: told of every change, it re-checks only those files.
  const reader = diskReader(root, (file) => overlay.get(file), { tracksChanges: true });
  return { root, generated, overlay, reader, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

for (const folder of ['samples', 'test/fixtures']) {
  test(`the index finds what one run over the whole workspace finds: ${folder}`, () => {
    const root = path.join(repo, folder);
    const models = templateModelsUnder(root, diskReader(root));
    const index = new WorkspaceIndex(settings);
    index.sync(models);
    assert.deepEqual(keys(index.findings()), keys(wholeWorkspaceRun(models)));
  });
}

test('the index of a generated monorepo matches the whole-workspace run, before and after edits, and re-runs only what an edit reaches', () => {
  const { generated, overlay, reader, root, cleanup } = workspace(120);
  try {
    const index = new WorkspaceIndex(settings);
    const check = () => {
      const models = templateModelsUnder(root, reader);
      const checkedAll = templateModelsUnder(root, diskReader(root, (file) => overlay.get(file)));
      assert.ok(models.length === checkedAll.length && models.every((m, i) => m === checkedAll[i]), 'the tracked reader sees what checking every file sees');
      index.sync(models);
      const pending = index.pending;
      assert.deepEqual(keys(index.findings()), keys(wholeWorkspaceRun(models)));
      return pending;
    };
    const total = check();
    assert.ok(total > 20, `every template is computed at first (${total})`);
    const target = generated.editTarget;
    let text = fs.readFileSync(target, 'utf8');
    const edit = (next: string) => {
      text = next;
      overlay.set(target, text);
      reader.changed(target);
      return check();
    };
    // A newline moves resources but changes none: only the edited template is re-run.
    assert.equal(edit(`\n${text}`), 1);
    // A route to another team's action group that does not exist: the alert's own findings change.
    const rerouted = edit(text.replace(/'ag-team-\d{4}'\)/, "'ag-nobody')"));
    assert.ok(rerouted >= 2 && rerouted < total / 2, `re-run ${rerouted} of ${total}`);
    // The alert loses its lock (HN304), an action group webhook becomes http:// (HN207).
    edit(text.replace(/resource alertLock[\s\S]*$/, ''));
    edit(text.replace("'https://incidents.example.com/hooks/", "'http://incidents.example.com/hooks/"));
    const findings = index.findings().filter((f) => f.file === target || f.file.endsWith('actionGroup.bicep'));
    assert.ok(findings.some((f) => f.ruleId === 'HN304') && findings.some((f) => f.ruleId === 'HN207'), JSON.stringify(findings.map((f) => f.ruleId)));
    // Deleting the template drops its findings; putting it back restores them.
    overlay.set(target, '');
    reader.changed(target);
    check();
    overlay.delete(target);
    reader.changed(target);
    check();
  } finally {
    cleanup();
  }
});

/** Links found on the public corpora: each pair, in two files, must meet in the index as in a whole run. */
const crossFileCases: Record<string, Record<string, string>> = {
  'an alert processing rule in another file routes an alert that has no action group (HN104)': {
    'alert.bicep': `resource alert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'service-health'
  location: 'global'
  properties: {
    scopes: [subscription().id]
    enabled: true
    condition: { allOf: [ { field: 'category', equals: 'ServiceHealth' } ] }
  }
}`,
    'routing.bicep': `resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-oncall'
  location: 'global'
  properties: { groupShortName: 'oncall', enabled: true, armRoleReceivers: [ { name: 'owners', roleId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', useCommonAlertSchema: true } ] }
}
resource route 'Microsoft.AlertsManagement/actionRules@2021-08-08' = {
  name: 'route-all'
  location: 'global'
  properties: {
    scopes: [subscription().id]
    enabled: true
    actions: [ { actionType: 'AddActionGroups', actionGroupIds: [ag.id] } ]
  }
}`,
  },
  'a diagnostic setting on a named blob service in another file may log a storage account of unknown name (HN302)': {
    'store.bicep': `param accountName string
resource store 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: accountName
  location: 'eastus'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  tags: { 'hipaa-notify': 'phi' }
}`,
    'logging.bicep': `resource blob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' existing = {
  name: 'stclaims/default'
}
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: blob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law'
    logs: [ { categoryGroup: 'audit', enabled: true } ]
  }
}`,
  },
};

for (const [name, files] of Object.entries(crossFileCases)) {
  test(`the index links what a whole run links: ${name}`, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-links-'));
    try {
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text);
      const models = templateModelsUnder(root, diskReader(root));
      const index = new WorkspaceIndex(settings);
      index.sync(models);
      // Asked per file, as an edit asks: each template runs with only what links to it.
      const perFile = Object.keys(files).flatMap((file) => index.findingsIn(path.join(root, file)));
      assert.deepEqual(keys(perFile), keys(wholeWorkspaceRun(models)));
      // Each file alone would be reported: the link across files is what silences it.
      const alone = models.flatMap((model) => wholeWorkspaceRun([model]));
      assert.ok(alone.some((f) => /HN10[34]|HN302/.test(f.ruleId) && !wholeWorkspaceRun(models).some((g) => g.ruleId === f.ruleId && g.span.offset === f.span.offset)), 'the case needs both files');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
}
