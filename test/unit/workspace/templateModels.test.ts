import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dependantsOf, templateModelOf } from '../../../server/src/workspace/templateModels';
import { diskReader } from '../../../server/src/workspace/workspaceReader';

const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "name": { "type": "string", "defaultValue": "ag-default" } },
  "resources": [{ "type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "[parameters('name')]", "location": "Global" }]
}`;
const parameters = (name: string) => `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0", "parameters": { "name": { "value": "${name}" } } }`;

test('a template is evaluated again only when it or a file it read changes', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-models-'));
  const file = path.join(folder, 'azuredeploy.json');
  const parameterFile = path.join(folder, 'azuredeploy.parameters.json');
  const other = path.join(folder, 'other.json');
  const buffers = new Map<string, string>([[parameterFile, parameters('ag-one')], [other, '{}']]);
  const reader = diskReader(folder, (f) => buffers.get(f));
  const nameOf = (model: ReturnType<typeof templateModelOf>) => (model?.resources[0].name.kind === 'string' ? model.resources[0].name.value : undefined);

  const first = templateModelOf(file, template, reader);
  assert.equal(nameOf(first), 'ag-one');
  assert.ok(dependantsOf(parameterFile).includes(file));
  buffers.set(other, '{ "changed": true }');
  assert.equal(templateModelOf(file, template, reader), first, 'an unrelated file does not invalidate it');
  buffers.set(parameterFile, parameters('ag-two'));
  const second = templateModelOf(file, template, reader);
  assert.notEqual(second, first);
  assert.equal(nameOf(second), 'ag-two');
  buffers.delete(parameterFile);
  assert.equal(nameOf(templateModelOf(file, template, reader)), 'ag-default', 'the parameter file went away');
  fs.rmSync(folder, { recursive: true, force: true });
});
