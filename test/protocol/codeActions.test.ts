import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CodeActionResolveRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, ShowDocumentRequest, type ClientCapabilities, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './lspClient';

/** What VS Code announces: versioned document changes, file creation, snippet edits, lazy edits. */
const editorCapabilities: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'], snippetEditSupport: true } },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
  window: { showDocument: { support: true } },
};

const actionGroup = (flags: string) => `resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-hipaa-tier1'
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-t1'
    enabled: false
    armRoleReceivers: [
      {
        name: 'monitoring'
        roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa'
        useCommonAlertSchema: true
      }
    ]
    logicAppReceivers: [
      {
        name: 'breach-notifier'
        resourceId: resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')
        callbackUrl: 'https://prod-00.eastus.logic.azure.com/workflows/0f1e/triggers/manual/paths/invoke'${flags}
      }
    ]
  }
}
`;

/** The text of `uri` after a workspace edit (plain or snippet edits; a snippet's placeholders keep their default text). */
function applied(edit: WorkspaceEdit | undefined, uri: string, text: string): string {
  assert.ok(edit, 'the action carries an edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    for (const e of change.edits) {
      const snippet = (e as unknown as { snippet?: { value: string } }).snippet;
      edits.push(snippet ? { range: e.range, newText: snippet.value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\([\\$}])/g, '$1') } : (e as TextEdit));
    }
  }
  for (const e of edit.changes?.[uri] ?? []) edits.push(e);
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), edits);
}

async function withWorkspace(run: (client: LspTestClient, folder: string) => Promise<void>, capabilities = editorCapabilities): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-actions-'));
  const { client } = await LspTestClient.start({ debounceMs: 10, docsBaseUrl: 'https://docs.example/rules' }, pathToFileURL(folder).href, capabilities);
  try {
    await run(client, folder);
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes a file as an editor would, telling the server through a file event (the workspace index lists files on disk). */
async function created(client: LspTestClient, file: string, text: string) {
  fs.writeFileSync(file, text);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Created }] });
}

/** Saves the file and opens it in the server. */
async function openSaved(client: LspTestClient, file: string, languageId: string, text: string) {
  await created(client, file, text);
  const uri = pathToFileURL(file).href;
  const published = client.diagnostics(uri);
  await client.open(uri, languageId, text);
  return { uri, diagnostics: (await published).diagnostics };
}

const actionsFor = (client: LspTestClient, uri: string, diagnostic: Diagnostic, only?: string[]) =>
  client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;

test('a Bicep diagnostic offers its preferred quick fix, which clears it; disable, level and documentation actions come with it', async () => {
  await withWorkspace(async (client, folder) => {
    const text = actionGroup('');
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'main.bicep'), 'bicep', text);
    const disabled = diagnostics.find((d) => d.code === 'HN103')!;
    assert.ok(disabled, `HN103 among ${diagnostics.map((d) => d.code).join(', ')}`);

    const actions = await actionsFor(client, uri, disabled);
    assert.deepEqual(actions.map((a) => a.title), [
      'Set enabled to true',
      'Disable HN103 for this line',
      'Set HN103 level to off in hipaa-notify.json',
      'Show HN103 documentation',
    ]);
    const [quickFix, disable, off] = actions;
    assert.equal(quickFix.isPreferred, true);
    assert.deepEqual(quickFix.diagnostics, [disabled]);
    const fixed = applied(quickFix.edit, uri, text);
    assert.equal(fixed, text.replace('enabled: false', 'enabled: true'));

    assert.equal(applied(disable.edit, uri, text), text.replace('    enabled: false', '    // hipaa-notify-disable-next-line HN103 -- reason\n    enabled: false'));
    const snippet = JSON.stringify(disable.edit);
    assert.match(snippet, /\$\{1:reason\}/, 'the reason is a placeholder the user types over');

    const config = pathToFileURL(path.join(folder, 'hipaa-notify.json')).href;
    const created = off.edit?.documentChanges ?? [];
    assert.deepEqual(created[0], { kind: 'create', uri: config, options: { ignoreIfExists: true } });
    const configText = applied(off.edit, config, '');
    assert.deepEqual(JSON.parse(configText).rules, { HN103: 'off' });
    assert.match(JSON.parse(configText).$schema, /config\.schema\.json$/);

    const shown = new Promise<string>((resolve) => client.connection.onRequest(ShowDocumentRequest.type, (params) => (resolve(params.uri), { success: true })));
    await client.connection.sendRequest(ExecuteCommandRequest.type, actions[3].command!);
    assert.equal(await shown, 'https://docs.example/rules/HN103.md');

    const cleared = client.diagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.ok(!(await cleared).diagnostics.some((d) => d.code === 'HN103'), 'the quick fix makes the diagnostic go');
  });
});

test('fix all (source.fixAll.hipaa-notify) is resolved lazily and applies every safe fix of the file', async () => {
  await withWorkspace(async (client, folder) => {
    const text = actionGroup('');
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'main.bicep'), 'bicep', text);
    const [action, ...rest] = await actionsFor(client, uri, diagnostics[0], ['source.fixAll']);
    assert.equal(rest.length, 0);
    assert.equal(action.kind, 'source.fixAll.hipaa-notify');
    assert.equal(action.edit, undefined, 'edits are computed on resolve');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, action);
    const fixed = applied(resolved.edit, uri, text);
    const lock = "\nresource notificationLock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'hipaa-notify-do-not-delete'\n  scope: agTier1\n  properties: {\n    level: 'CanNotDelete'\n    notes: 'Part of the HIPAA breach notification chain (hipaa-notify HN304).'\n  }\n}\n";
    assert.equal(fixed, actionGroup("\n        useCommonAlertSchema: true").replace('enabled: false', 'enabled: true') + lock);
    const after = client.diagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual((await after).diagnostics.filter((d) => ['HN103', 'HN109', 'HN304'].includes(String(d.code))), []);
    assert.deepEqual(await actionsFor(client, uri, diagnostics[0], ['quickfix']).then((a) => a.filter((x) => x.title === 'Set enabled to true')), [], 'stale diagnostics get no fix');
  });
});

test('ARM JSON: a comment or the resource\'s metadata disables a rule; an existing hipaa-notify.json gets the level; a client without documentChanges gets plain edits', async () => {
  await withWorkspace(async (client, folder) => {
    await created(client, path.join(folder, 'hipaa-notify.json'), '{\n    "rules": {\n        "HN304": "off",\n        "HN103": "warning"\n    }\n}\n');
    const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-hipaa-tier1",
      "location": "Global",
      "properties": {
        "groupShortName": "hipaa-t1",
        "enabled": false,
        "armRoleReceivers": [{ "name": "monitoring", "roleId": "749f88d5-cbae-40b8-bcfc-e573ddc772fa", "useCommonAlertSchema": true }]
      }
    }
  ]
}
`;
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'azuredeploy.json'), 'json', text);
    const disabled = diagnostics.find((d) => d.code === 'HN103')!;
    const actions = await actionsFor(client, uri, disabled);
    const byTitle = new Map(actions.map((a) => [a.title, a]));
    assert.equal(applied(byTitle.get('Set enabled to true')!.edit, uri, text), text.replace('"enabled": false', '"enabled": true'));
    assert.equal(applied(byTitle.get('Disable HN103 for this line')!.edit, uri, text), text.replace('        "enabled": false', '        // hipaa-notify-disable-next-line HN103 -- reason\n        "enabled": false'));
    const metadata = applied(byTitle.get('Disable HN103 for this resource (metadata)')!.edit, uri, text);
    assert.deepEqual(JSON.parse(metadata).resources[0].metadata, { 'hipaa-notify': { suppress: { HN103: 'reason' } } });
    const config = pathToFileURL(path.join(folder, 'hipaa-notify.json')).href;
    const level = applied(byTitle.get('Set HN103 level to off in hipaa-notify.json')!.edit, config, fs.readFileSync(path.join(folder, 'hipaa-notify.json'), 'utf8'));
    assert.equal(level, '{\n    "rules": {\n        "HN304": "off",\n        "HN103": "off"\n    }\n}\n');
  }, { workspace: { workspaceEdit: { documentChanges: false } } });
});

test('a policy YAML diagnostic is disabled with a # comment', async () => {
  await withWorkspace(async (client, folder) => {
    const text = 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nmetadata:\n  name: claims\nspec:\n  entity:\n    role: coveredEntity\n    timeZone: America/New_Yrok\n';
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'claims.hipaa-notify.yaml'), 'yaml', text);
    const zone = diagnostics.find((d) => d.code === 'HN503');
    assert.ok(zone, 'HN503 for the misspelled zone');
    const disable = (await actionsFor(client, uri, zone)).find((a) => a.title === 'Disable HN503 for this line')!;
    assert.equal(applied(disable.edit, uri, text), text.replace('    timeZone:', '    # hipaa-notify-disable-next-line HN503 -- reason\n    timeZone:'));
  });
});

test('a fix that edits another file than the one shown names it in its title', async () => {
  await withWorkspace(async (client, folder) => {
    const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "onCallEmail": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-claims-oncall",
      "location": "Global",
      "properties": { "groupShortName": "claims-oc", "enabled": true, "emailReceivers": [{ "name": "on-call", "emailAddress": "[parameters('onCallEmail')]", "useCommonAlertSchema": true }] }
    }
  ]
}
`;
    await created(client, path.join(folder, 'azuredeploy.json'), template);
    const parameters = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "onCallEmail": { "value": "dana.whitfield@contoso-claims.com" }\n  }\n}\n';
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'azuredeploy.parameters.json'), 'json', parameters);
    const personal = diagnostics.find((d) => d.code === 'HN101');
    assert.ok(personal, `HN101 in the parameter file among ${diagnostics.map((d) => d.code).join(', ')}`);
    const [fix] = (await actionsFor(client, uri, personal)).filter((a) => a.title.startsWith('Add an armRoleReceivers entry'));
    assert.equal(fix.title, 'Add an armRoleReceivers entry (role from a new parameter, default Monitoring Contributor) (edits azuredeploy.json)');
    const templateUri = pathToFileURL(path.join(folder, 'azuredeploy.json')).href;
    const edited = (fix.edit?.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : ''));
    assert.deepEqual(edited, [templateUri]);
    const fixed = JSON.parse(applied(fix.edit, templateUri, template));
    assert.deepEqual(fixed.resources[0].properties.armRoleReceivers, [{ name: 'notification-role', roleId: "[parameters('notificationRoleId')]", useCommonAlertSchema: true }]);
  });
});

test('a choice of fixes (HN104: two working action groups) is offered as one quick fix each, none preferred, and fix-all applies neither', async () => {
  await withWorkspace(async (client, folder) => {
    const group = (symbol: string, name: string) => `resource ${symbol} 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: '${name}'\n  location: 'Global'\n  properties: {\n    groupShortName: '${symbol}'\n    enabled: true\n    armRoleReceivers: [\n      {\n        name: 'monitoring'\n        roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa'\n        useCommonAlertSchema: true\n      }\n    ]\n  }\n}\n`;
    const alert = "resource securityAlert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {\n  name: 'ala-claims-security'\n  location: 'Global'\n  properties: {\n    enabled: true\n    scopes: [\n      subscription().id\n    ]\n    condition: {\n      allOf: [\n        { field: 'category', equals: 'Security' }\n      ]\n    }\n    actions: {\n      actionGroups: []\n    }\n  }\n}\n";
    const text = `${group('agTier1', 'ag-hipaa-tier1')}\n${group('agTier2', 'ag-hipaa-tier2')}\n${alert}`;
    const { uri, diagnostics } = await openSaved(client, path.join(folder, 'main.bicep'), 'bicep', text);
    const unrouted = diagnostics.find((d) => d.code === 'HN104');
    assert.ok(unrouted, `HN104 among ${diagnostics.map((d) => d.code).join(', ')}`);
    const routes = (await actionsFor(client, uri, unrouted)).filter((a) => a.title.startsWith('Route to action group'));
    assert.deepEqual(routes.map((a) => [a.title, a.isPreferred ?? false]), [["Route to action group 'ag-hipaa-tier1'", false], ["Route to action group 'ag-hipaa-tier2'", false]]);
    assert.equal(applied(routes[1].edit, uri, text), text.replace('actionGroups: []', 'actionGroups: [\n        {\n          actionGroupId: agTier2.id\n        }\n      ]'));
    const [fixAll] = await actionsFor(client, uri, unrouted, ['source.fixAll']);
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, fixAll);
    assert.ok(applied(resolved.edit ?? {}, uri, text).includes('actionGroups: []'), 'fix-all leaves the choice to the user');
  });
});
