import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArmTemplate } from '../../../../server/src/syntax/arm/readArmTemplate';
import { readArmParameterFile } from '../../../../server/src/syntax/arm/armParameterFile';
import { targetScopeOfSchema } from '../../../../server/src/syntax/arm/targetScope';

const schemas: readonly (readonly [string, string | undefined])[] = [
  ['https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', 'resourceGroup'],
  ['https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#', 'resourceGroup'],
  ['https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', 'subscription'],
  ['https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#', 'managementGroup'],
  ['https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#', 'tenant'],
  ['HTTPS://SCHEMA.MANAGEMENT.AZURE.COM/SCHEMAS/2019-08-01/TENANTDEPLOYMENTTEMPLATE.JSON#', 'tenant'],
  ['https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', undefined],
  ['https://json-schema.org/draft-07/schema#', undefined],
];

for (const [schema, scope] of schemas) {
  test(`$schema ${schema.replace(/^.*\//, '')} targets ${scope ?? 'nothing'}`, () => {
    assert.equal(targetScopeOfSchema(schema), scope);
  });
}

const template = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  /* ARM accepts comments */
  "parameters": {
    "prefix": { "type": "string", "defaultValue": "hn", "allowedValues": ["hn", "x"], "metadata": { "description": "d" } },
    "count": { "type": "int" },
  },
  "variables": {
    "name": "[concat(parameters('prefix'), '-ag')]",
    "copy": [ { "name": "disks", "count": 2, "input": "[copyIndex('disks')]" } ]
  },
  "functions": [ { "namespace": "hn", "members": { "label": { "parameters": [ { "name": "n", "type": "string" } ], "output": { "type": "string", "value": "[toUpper(parameters('n'))]" } } } } ],
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-04-01", "name": "vnet",
      "condition": "[equals(parameters('prefix'), 'hn')]",
      "copy": { "name": "nets", "count": 2, "mode": "serial", "batchSize": 1 },
      "dependsOn": [ "x" ],
      "properties": {},
      "resources": [ { "type": "subnets", "apiVersion": "2023-04-01", "name": "a", "properties": {} } ]
    }
  ],
  "outputs": { "id": { "type": "string", "value": "[variables('name')]" }, "all": { "type": "array", "copy": { "count": 2, "input": "[copyIndex()]" } } }
}`;

test('reads parameters, variables (with copy), functions, resources (nested) and outputs, keeping nodes', () => {
  const read = readArmTemplate('/w/main.json', template);
  assert.ok(read);
  assert.equal(read.targetScope, 'resourceGroup');
  assert.equal(read.contentVersion, '1.0.0.0');
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.parameters.map((p) => [p.name, p.type, p.defaultValue?.value, p.allowedValues?.children?.length, p.metadata !== undefined]), [
    ['prefix', 'string', 'hn', 2, true],
    ['count', 'int', undefined, undefined, false],
  ]);
  assert.deepEqual(read.variables.map((v) => [v.name, v.copy?.name, v.copy?.count?.value]), [
    ['name', undefined, undefined],
    ['disks', 'disks', 2],
  ]);
  assert.deepEqual(read.functions.map((f) => [f.key, f.parameters, f.output?.value]), [['hn.label', [{ name: 'n', type: 'string' }], "[toUpper(parameters('n'))]"]]);
  const [vnet] = read.resources;
  assert.equal(vnet.type?.value, 'Microsoft.Network/virtualNetworks');
  assert.equal(vnet.copy?.name, 'nets');
  assert.equal(vnet.copy?.mode, 'serial');
  assert.equal(vnet.copy?.batchSize?.value, 1);
  assert.equal(vnet.condition?.value, "[equals(parameters('prefix'), 'hn')]");
  assert.equal(vnet.dependsOn?.children?.length, 1);
  assert.equal(vnet.children.length, 1);
  assert.equal(vnet.children[0].type?.value, 'subnets');
  assert.equal(template.slice(vnet.node.offset, vnet.node.offset + 1), '{');
  assert.deepEqual(read.outputs.map((o) => [o.name, o.type, o.value !== undefined, o.copy?.count?.value]), [
    ['id', 'string', true, undefined],
    ['all', 'array', false, 2],
  ]);
});

test('languageVersion 2.0: resources keyed by symbolic name, existing resources', () => {
  const read = readArmTemplate(
    '/w/v2.json',
    `{
      "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
      "languageVersion": "2.0",
      "resources": {
        "rg": { "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "rg1", "location": "eastus" },
        "kv": { "existing": true, "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "kv1", "scope": "[format('/subscriptions/{0}', subscription().subscriptionId)]" }
      }
    }`,
  );
  assert.ok(read);
  assert.equal(read.targetScope, 'subscription');
  assert.equal(read.languageVersion, '2.0');
  assert.deepEqual(read.resources.map((r) => [r.symbolicName, r.existing, r.scope !== undefined]), [
    ['rg', false, false],
    ['kv', true, true],
  ]);
});

test('a template whose resources is neither array nor object gets a problem, not an exception', () => {
  const read = readArmTemplate('/w/bad.json', '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": 5 }');
  assert.equal(read?.resources.length, 0);
  assert.match(read?.problems[0].message ?? '', /must be an array/);
});

test('text that is not a JSON object is not a template', () => {
  assert.equal(readArmTemplate('/w/a.json', '[1, 2]'), undefined);
  assert.equal(readArmTemplate('/w/a.json', ''), undefined);
});

test('parameter files: values and Key Vault references', () => {
  const file = readArmParameterFile(
    '/w/main.parameters.json',
    `{
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
      "contentVersion": "1.0.0.0",
      "parameters": {
        "prefix": { "value": "prod" },
        "tags": { "value": { "env": "prod" } },
        "password": { "reference": { "keyVault": { "id": "/subscriptions/0/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv" }, "secretName": "admin" } },
      }
    }`,
  );
  assert.ok(file);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(file.parameters.map((p) => [p.name, p.value?.type, p.reference?.secretName, p.reference?.keyVaultId?.endsWith('/kv')]), [
    ['prefix', 'string', undefined, undefined],
    ['tags', 'object', undefined, undefined],
    ['password', undefined, 'admin', true],
  ]);
});
