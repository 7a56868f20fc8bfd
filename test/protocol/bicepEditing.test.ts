import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';

const main = `module tier1 'modules/actionGroup.bicep' = {
  name: 'ag-tier1'
  params: {
    enabled: false
  }
}

var owner = ownerMailbox
`;
const actionGroup = (enabled: string) => `param enabled bool

resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-hipaa-tier1'
  location: 'Global'
  properties: {
    groupShortName: 'hipaa-t1'
    enabled: ${enabled}
    armRoleReceivers: [
      { name: 'monitoring', roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa', useCommonAlertSchema: true }
    ]
  }
}
`;

test('Bicep across modules: a value passed to a module is reported where it is written, and editing the module re-checks its caller', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bicep-lsp-'));
  fs.mkdirSync(path.join(work, 'modules'));
  fs.writeFileSync(path.join(work, 'main.bicep'), main);
  fs.writeFileSync(path.join(work, 'modules', 'actionGroup.bicep'), actionGroup('enabled'));
  const mainUri = pathToFileURL(path.join(work, 'main.bicep')).href;
  const moduleUri = pathToFileURL(path.join(work, 'modules', 'actionGroup.bicep')).href;
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(work).href);
  try {
    const first = client.diagnostics(mainUri);
    await client.open(mainUri, 'bicep', main);
    const found = (await first).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    assert.deepEqual(found.sort(), ['HN002@8:13', 'HN103@4:14']);

    const rechecked = client.diagnostics(mainUri, (p) => !p.diagnostics.some((d) => d.code === 'HN103'));
    await client.open(moduleUri, 'bicep', actionGroup('enabled'));
    await client.change(moduleUri, 2, [{ text: actionGroup('true') }]);
    const after = await rechecked;
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['HN002']);
  } finally {
    await client.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
