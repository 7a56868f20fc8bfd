import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseFile } from '../../../server/src/analysis';

/**
 * Work, not time: rules compare resource types through `sameType` (reached through the module
 * object, so counting its calls counts every rule's comparisons). For a template with 4 times the
 * resources a linear rule set compares about 4 times as often; a rule that looks at every resource
 * (or every diagnostic setting) for every store compares about 16 times as often.
 */
function typeComparisons(resources: string[]): number {
  const references: { sameType: (a: string | undefined, b: string) => boolean } = require('../../../server/src/model/resourceReference');
  const original = references.sameType;
  let calls = 0;
  references.sameType = (a, b) => (calls++, original(a, b));
  const dir = mkdtempSync(join(tmpdir(), 'hn-scaling-'));
  try {
    const file = join(dir, 'azuredeploy.json');
    const text = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [${resources.join(',\n')}]}`;
    writeFileSync(file, text);
    analyseFile({ file, text }, 'armTemplate', { workspaceRoot: dir });
  } finally {
    references.sameType = original;
    rmSync(dir, { recursive: true, force: true });
  }
  return calls;
}

const workspaceId = '/subscriptions/0/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w';

/** Templates of n copies (copy loops), each a function of n. */
const shapes: [string, (n: number) => string[]][] = [
  ['storage accounts (HN302 looked at every resource for every account)', (n) => [
    `{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[concat('st', copyIndex())]", "location": "eastus", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {}, "copy": {"name": "a", "count": ${n}}}`,
  ]],
  ['storage accounts with audit settings (every setting was asked about every store)', (n) => [
    `{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "[concat('st', copyIndex())]", "location": "eastus", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": {}, "copy": {"name": "a", "count": ${n}}}`,
    `{"type": "Microsoft.Storage/storageAccounts/blobServices/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "[concat('st', copyIndex(), '/default/Microsoft.Insights/audit')]", "properties": {"workspaceId": "${workspaceId}", "logs": [{"categoryGroup": "audit", "enabled": true}]}, "copy": {"name": "s", "count": ${n}}}`,
  ]],
  ['key vaults with locks', (n) => [
    `{"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-01-01", "name": "[concat('kv', copyIndex())]", "location": "eastus", "properties": {"tenantId": "x", "sku": {"family": "A", "name": "standard"}}, "copy": {"name": "v", "count": ${n}}}`,
    `{"type": "Microsoft.KeyVault/vaults/providers/locks", "apiVersion": "2020-05-01", "name": "[concat('kv', copyIndex(), '/Microsoft.Authorization/lock')]", "properties": {"level": "CanNotDelete"}, "copy": {"name": "l", "count": ${n}}}`,
  ]],
  ['activity log alerts routed to action groups', (n) => [
    `{"type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "[concat('ag', copyIndex())]", "location": "global", "properties": {"groupShortName": "g", "enabled": true, "emailReceivers": [{"name": "a", "emailAddress": "oncall@contoso.com"}]}, "copy": {"name": "g", "count": ${n}}}`,
    `{"type": "Microsoft.Insights/activityLogAlerts", "apiVersion": "2020-10-01", "name": "[concat('al', copyIndex())]", "location": "global", "properties": {"enabled": true, "scopes": ["/subscriptions/0"], "condition": {"allOf": [{"field": "category", "equals": "Security"}]}, "actions": {"actionGroups": [{"actionGroupId": "[resourceId('Microsoft.Insights/actionGroups', concat('ag', copyIndex()))]"}]}}, "copy": {"name": "a", "count": ${n}}}`,
  ]],
  ['Logic Apps', (n) => [
    `{"type": "Microsoft.Logic/workflows", "apiVersion": "2019-05-01", "name": "[concat('la', copyIndex())]", "location": "eastus", "properties": {"definition": {"triggers": {"manual": {"type": "Request", "kind": "Http"}}, "actions": {"Send": {"type": "Http", "inputs": {"method": "POST", "uri": "https://example.com"}}}}}, "copy": {"name": "w", "count": ${n}}}`,
  ]],
  ['network security groups', (n) => [
    `{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-01-01", "name": "[concat('nsg', copyIndex())]", "location": "eastus", "properties": {"securityRules": [{"name": "deny", "properties": {"priority": 100, "direction": "Outbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "destinationAddressPrefix": "Internet", "sourcePortRange": "*", "destinationPortRange": "*"}}]}, "copy": {"name": "n", "count": ${n}}}`,
  ]],
];

for (const [name, shape] of shapes) {
  test(`the rules compare types a linear number of times: ${name}`, () => {
    const small = typeComparisons(shape(100));
    const large = typeComparisons(shape(400));
    assert.ok(small > 0);
    assert.ok(large <= 5 * small, `4 times the resources took ${(large / small).toFixed(1)} times the type comparisons (${small} -> ${large})`);
  });
}
