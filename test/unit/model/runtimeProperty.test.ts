import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { principalOwner } from '../../../server/src/model/managedIdentity';
import { valueAt } from '../../../server/src/model/value';
import { templateModelOf } from '../../../server/src/workspace/templateModels';
import { diskReader } from '../../../server/src/workspace/workspaceReader';

function resourcesOf(name: string, text: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-runtime-'));
  fs.writeFileSync(path.join(folder, name), text);
  try {
    return templateModelOf(path.join(folder, name), text, diskReader(folder))!.resources;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test("Bicep: x.identity.principalId stays unknown but names x's identity", () => {
  const resources = resourcesOf('main.bicep', "resource la 'Microsoft.Logic/workflows@2019-05-01' = {\n  name: 'la-claims'\n  location: 'eastus'\n  identity: {\n    type: 'SystemAssigned'\n  }\n}\n\nresource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id-notify'\n  location: 'eastus'\n}\n\nresource out 'Microsoft.Resources/tags@2022-09-01' = {\n  name: 'default'\n  properties: {\n    tags: {\n      system: la.identity.principalId\n      user: id.properties.principalId\n      other: la.properties.endpointsConfiguration\n    }\n  }\n}\n");
  const tags = resources[2].properties!;
  const system = valueAt(tags, ['tags', 'system']);
  assert.equal(system?.kind, 'unknown');
  assert.deepEqual(principalOwner(system), { type: 'Microsoft.Logic/workflows', name: 'la-claims' });
  assert.deepEqual(principalOwner(valueAt(tags, ['tags', 'user'])), { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', name: 'id-notify' });
  assert.equal(principalOwner(valueAt(tags, ['tags', 'other'])), undefined);
});

test("ARM: reference(id, api, 'full').identity.principalId names the resource; reference(id) reads properties", () => {
  const resources = resourcesOf('azuredeploy.json', JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{
      type: 'Microsoft.Resources/tags', apiVersion: '2022-09-01', name: 'default',
      properties: { tags: {
        full: "[reference(resourceId('Microsoft.Logic/workflows', 'la-claims'), '2019-05-01', 'full').identity.principalId]",
        user: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-notify')).principalId]",
        notPrincipal: "[reference(resourceId('Microsoft.Logic/workflows', 'la-claims'), '2019-05-01', 'full').location]",
      } },
    }],
  }, null, 2));
  const tags = resources[0].properties!;
  assert.deepEqual(principalOwner(valueAt(tags, ['tags', 'full'])), { type: 'Microsoft.Logic/workflows', name: 'la-claims' });
  assert.deepEqual(principalOwner(valueAt(tags, ['tags', 'user'])), { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', name: 'id-notify' });
  assert.equal(principalOwner(valueAt(tags, ['tags', 'notPrincipal'])), undefined);
});
