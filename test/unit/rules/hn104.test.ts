import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hn104AlertNotRouted } from '../../../server/src/rules/template/hn104AlertNotRouted';
import { armTemplate, offeredFixTitles, testRule } from './ruleTester';
import { actionGroupText, activityLogAlertText, roleReceiver } from './alertingFixture';
import { bicepResource, expression, type Described } from './templateText';

const securityAlert = (enabled: Described, name?: Described) => activityLogAlertText('Security', { enabled, name: name ?? 'ala-claims-security', symbol: 'securityAlert' });

const tier1 = `"[resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')]"`;
const activityAlert = (properties: string, extra = '') => `    {
      "type": "Microsoft.Insights/activityLogAlerts",
      "apiVersion": "2020-10-01",
      "name": "ala-claims-security",
      "location": "Global",${extra}
      "properties": {
        "scopes": [ "[subscription().id]" ],
        "condition": { "allOf": [ { "field": "category", "equals": "Security" } ] },
        ${properties}
      }
    }`;
const routedTo = (id: string) => `"actions": { "actionGroups": [ { "actionGroupId": ${id} } ] }`;
const actionGroup = (properties: string) => `    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-hipaa-tier1",
      "location": "Global",
      "properties": { "groupShortName": "hipaa-t1", ${properties} }
    }`;
const roleReceivers = `"armRoleReceivers": [{ "name": "monitoring", "roleId": "749f88d5-cbae-40b8-bcfc-e573ddc772fa", "useCommonAlertSchema": true }]`;
const queryRule = (properties: string, kind = 'LogAlert') => `    {
      "type": "Microsoft.Insights/scheduledQueryRules",
      "apiVersion": "2023-03-15-preview",
      "name": "phi-bulk-export",
      "location": "eastus",
      "kind": "${kind}",
      "properties": {
        "scopes": [ "[resourceId('Microsoft.OperationalInsights/workspaces', 'law')]" ],
        "criteria": { "allOf": [ { "query": "StorageBlobLogs", "timeAggregation": "Count", "resourceIdColumn": "_ResourceId", "operator": "GreaterThan", "threshold": 500 } ] },
        ${properties}
      }
    }`;
const bicepAlert = (top: string, enabled: string) =>
  `${top}resource securityAlert 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {\n  name: 'ala-claims-security'\n  location: 'Global'\n  properties: {\n    enabled: ${enabled}\n    scopes: [\n      subscription().id\n    ]\n    condition: {\n      allOf: [\n        { field: 'category', equals: 'Security' }\n      ]\n    }\n    actions: {\n      actionGroups: [\n        { actionGroupId: resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1') }\n      ]\n    }\n  }\n}\n`;

testRule(hn104AlertNotRouted, {
  valid: [
    { name: 'ARM: enabled, routed to a group outside the model', files: { 'azuredeploy.json': armTemplate(activityAlert(`"enabled": true, ${routedTo(tier1)}`)) } },
    { name: 'ARM: routed to a working group of the model', files: { 'azuredeploy.json': armTemplate(`${activityAlert(routedTo(tier1))},\n${actionGroup(roleReceivers)}`) } },
    { name: 'ARM: enabled from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(activityAlert(`"enabled": "[parameters('on')]", ${routedTo(tier1)}`), { parameters: '"on": { "type": "bool" }' }) } },
    { name: 'ARM: action group list from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(activityAlert(`"actions": { "actionGroups": "[parameters('groups')]" }`), { parameters: '"groups": { "type": "array" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(activityAlert(`"enabled": false, ${routedTo(tier1)}`, '\n      "condition": false,')) } },
    { name: 'ARM: a LogToMetric rule has no actions by design', files: { 'azuredeploy.json': armTemplate(queryRule('"enabled": true', 'LogToMetric')) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(activityAlert(`// hipaa-notify-disable-next-line HN104 -- replaced by ala-hipaa-security, deleted next release\n        "enabled": false, ${routedTo(tier1)}`)) } },
    { name: 'Bicep: enabled and routed', files: { 'main.bicep': bicepAlert('', 'true') } },
    { name: 'Bicep: enabled from a parameter without a default is unknown', files: { 'main.bicep': `param alertsOn bool\n\n${bicepResource(securityAlert(expression('alertsOn', '')))}` } },
    { name: 'Bicep: routed to an existing action group, deployed elsewhere', files: { 'main.bicep': `${bicepResource(actionGroupText({}, { symbol: 'agTier1' }), { existing: true })}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [{ actionGroupId: expression('agTier1.id', '') }] }))}` } },
    { name: 'Bicep: routed by symbol to a working group', files: { 'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [{ actionGroupId: expression('agTier1.id', '') }] }))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(securityAlert(false), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(securityAlert(false)).replace('    enabled: false', '    // hipaa-notify-disable-next-line HN104 -- replaced by ala-hipaa-security, deleted next release\n    enabled: false') } },
  ],
  invalid: [
    {
      name: 'ARM: disabled, at the enabled value',
      files: { 'azuredeploy.json': armTemplate(activityAlert(`"enabled": false, ${routedTo(tier1)}`)) },
      rewrites: { 'azuredeploy.json': [['false,', 'true,']] },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /'ala-claims-security' is disabled.*set enabled to true/ }],
    },
    {
      name: 'ARM: a scheduled query rule without action groups, at the empty list',
      files: { 'azuredeploy.json': armTemplate(queryRule('"enabled": true, "actions": { "actionGroups": [] }')) },
      findings: [{ file: 'azuredeploy.json', line: 16, message: /'phi-bulk-export' has no action group/ }],
    },
    {
      name: 'ARM: a metric alert with no actions, at properties',
      files: { 'azuredeploy.json': armTemplate(`    {\n      "type": "Microsoft.Insights/metricAlerts",\n      "apiVersion": "2018-03-01",\n      "name": "alert-runs-failed",\n      "location": "global",\n      "properties": { "enabled": true, "severity": 1, "scopes": [ "[resourceId('Microsoft.Logic/workflows', 'la')]" ] }\n    }`) },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /'alert-runs-failed' has no action group/ }],
    },
    {
      name: 'ARM: routed only to a disabled group of the model',
      files: { 'azuredeploy.json': armTemplate(`${activityAlert(routedTo(tier1))},\n${actionGroup(`"enabled": false, ${roleReceivers}`)}`) },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-hipaa-tier1'\)/ }],
    },
    {
      name: 'ARM: disabled through a parameter default',
      files: { 'azuredeploy.json': armTemplate(activityAlert(`"enabled": "[parameters('on')]", ${routedTo(tier1)}`), { parameters: '\n    "on": { "type": "bool", "defaultValue": false }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['false', 'true']] },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /is disabled/ }],
    },
    {
      name: 'ARM: disabled through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(activityAlert(`"enabled": "[parameters('on')]", ${routedTo(tier1)}`), { parameters: '"on": { "type": "bool", "defaultValue": true }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "on": { "value": false }\n  }\n}\n',
      },
      rewrites: { 'azuredeploy.parameters.json': [['false', 'true']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /is disabled/ }],
    },
    {
      name: 'ARM: disabled through a variable, in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(activityAlert(`"enabled": "[variables('on')]", ${routedTo(tier1)}`, '\n      "copy": { "name": "alerts", "count": 2 },').replace('"name": "ala-claims-security"', `"name": "[concat('ala-', copyIndex())]"`), { variables: '\n    "on": false\n  ' }),
      },
      rewrites: { 'azuredeploy.json': [['false', 'true']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ala-0' is disabled/ },
      ],
    },
    { name: 'Bicep: disabled, at the enabled value', files: { 'main.bicep': bicepAlert('', 'false') }, rewrites: { 'main.bicep': [['false', 'true']] }, findings: [{ file: 'main.bicep', line: 5, message: /Microsoft.Insights\/activityLogAlerts 'ala-claims-security' is disabled.*set enabled to true/ }] },
    {
      name: 'Bicep: routed by symbol only to a disabled group of the same file',
      files: { 'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { enabled: false }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [{ actionGroupId: expression('agTier1.id', '') }] }))}` },
      findings: [{ file: 'main.bicep', line: 33, message: /'ala-claims-security' routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-hipaa-tier1'\)/ }],
    },
    {
      name: 'Bicep: an empty action group list, with one working group in the file: routed to it by symbol',
      files: { 'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [] }))}` },
      rewrites: { 'main.bicep': [['actionGroups: []', 'actionGroups: [\n        {\n          actionGroupId: agTier1.id\n        }\n      ]']] },
      findings: [{ file: 'main.bicep', line: 33, message: /'ala-claims-security' has no action group/ }],
    },
    {
      name: 'Bicep: routed only to a disabled group, with one working group in the file: the working one is added',
      files: {
        'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { enabled: false, symbol: 'agOld', name: 'ag-old' }))}\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [{ actionGroupId: expression('agOld.id', '') }] }))}`,
      },
      rewrites: { 'main.bicep': [['actionGroupId: agOld.id\n        }', 'actionGroupId: agOld.id\n        }\n        {\n          actionGroupId: agTier1.id\n        }']] },
      findings: [{ file: 'main.bicep', line: 49, message: /routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-old'\)/ }],
    },
    {
      name: 'Bicep: no actions, two working groups in the file: a choice, so nothing is applied without asking',
      files: {
        'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { symbol: 'agTier2', name: 'ag-hipaa-tier2' }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [] }))}`,
      },
      findings: [{ file: 'main.bicep', line: 49, message: /'ala-claims-security' has no action group/ }],
    },
    {
      name: 'ARM: an empty action group list, with one working group in the template: routed to it by resourceId, with dependsOn',
      files: { 'azuredeploy.json': armTemplate(`${activityAlert('"actions": { "actionGroups": [] }')},\n${actionGroup(roleReceivers)}`) },
      rewrites: { 'azuredeploy.json': [['        "actions": { "actionGroups": [] }\n      }\n', '        "actions": {\n          "actionGroups": [\n            {\n              "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n            }\n          ]\n        }\n      },\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n      ]\n']] },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /'ala-claims-security' has no action group/ }],
    },
    {
      name: 'ARM: a metric alert without actions, with one working group: an actions list is added',
      files: { 'azuredeploy.json': armTemplate(`    {\n      "type": "Microsoft.Insights/metricAlerts",\n      "apiVersion": "2018-03-01",\n      "name": "alert-runs-failed",\n      "location": "global",\n      "dependsOn": [],\n      "properties": { "enabled": true, "severity": 1, "scopes": [ "[resourceId('Microsoft.Logic/workflows', 'la')]" ] }\n    },\n${actionGroup(roleReceivers)}`) },
      rewrites: { 'azuredeploy.json': [['      "dependsOn": [],\n      "properties": { "enabled": true, "severity": 1, "scopes": [ "[resourceId(\'Microsoft.Logic/workflows\', \'la\')]" ] }\n', '      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n      ],\n      "properties": {\n        "enabled": true,\n        "severity": 1,\n        "scopes": [\n          "[resourceId(\'Microsoft.Logic/workflows\', \'la\')]"\n        ],\n        "actions": [\n          {\n            "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 13, message: /'alert-runs-failed' has no action group/ }],
    },
    {
      name: 'ARM: routed only to a disabled group, two working groups: a choice, nothing applied without asking',
      files: { 'azuredeploy.json': armTemplate(`${activityAlert(routedTo(tier1))},\n${actionGroup(`"enabled": false, ${roleReceivers}`)},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-a')},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-b')}`) },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /routes only to action groups that are disabled or have no receivers/ }],
    },
    {
      name: 'Bicep: no actions, two working groups: choosing the second',
      choose: "Route to action group 'ag-hipaa-tier2'",
      files: {
        'main.bicep': `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { symbol: 'agTier2', name: 'ag-hipaa-tier2' }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [] }))}`,
      },
      rewrites: { 'main.bicep': [['actionGroups: []', 'actionGroups: [\n        {\n          actionGroupId: agTier2.id\n        }\n      ]']] },
      findings: [{ file: 'main.bicep', line: 49, message: /'ala-claims-security' has no action group/ }],
    },
    {
      name: 'ARM: routed only to a disabled group, two working groups: choosing one adds it and its dependsOn',
      choose: "Route to action group 'ag-b'",
      files: { 'azuredeploy.json': armTemplate(`${activityAlert(routedTo(tier1), '\n      "dependsOn": [ "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]" ],')},\n${actionGroup(`"enabled": false, ${roleReceivers}`)},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-a')},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-b')}`) },
      rewrites: { 'azuredeploy.json': [['      "dependsOn": [ "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]" ],\n', '      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]",\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-b\')]"\n      ],\n'], ['        "actions": { "actionGroups": [ { "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]" } ] }\n', '        "actions": {\n          "actionGroups": [\n            {\n              "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n            },\n            {\n              "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-b\')]"\n            }\n          ]\n        }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 16, message: /routes only to action groups that are disabled or have no receivers/ }],
    },
    {
      name: 'Bicep: a scheduled query rule with an empty action group list',
      files: { 'main.bicep': "resource bulkExport 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {\n  name: 'phi-bulk-export'\n  location: 'eastus'\n  kind: 'LogAlert'\n  properties: {\n    enabled: true\n    scopes: [\n      resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')\n    ]\n    criteria: {\n      allOf: [\n        { query: 'StorageBlobLogs', timeAggregation: 'Count', resourceIdColumn: '_ResourceId', operator: 'GreaterThan', threshold: 500 }\n      ]\n    }\n    actions: {\n      actionGroups: []\n    }\n  }\n}\n" },
      findings: [{ file: 'main.bicep', line: 15, message: /'phi-bulk-export' has no action group/ }],
    },
    {
      name: 'Bicep: disabled by a value written in the loop collection',
      files: { 'main.bicep': `var regions = [\n  { name: 'eastus', alertsOn: true }\n  { name: 'westus', alertsOn: false }\n]\n\n${bicepResource(securityAlert(expression('region.alertsOn', ''), expression("'ala-claims-security-${region.name}'", '')), { loop: 'region in regions' })}` },
      rewrites: { 'main.bicep': [['false', 'true']] },
      findings: [{ file: 'main.bicep', line: 3, message: /'ala-claims-security-westus' is disabled/ }],
    },
    { name: 'Bicep: disabled through a parameter default', files: { 'main.bicep': bicepAlert('param alertsOn bool = false\n\n', 'alertsOn') }, rewrites: { 'main.bicep': [['false', 'true']] }, findings: [{ file: 'main.bicep', line: 1, message: /is disabled/ }] },
    {
      name: 'Bicep: disabled through a .bicepparam value',
      files: { 'main.bicep': `param alertsOn bool = true\n\n${bicepResource(securityAlert(expression('alertsOn', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam alertsOn = false\n" },
      rewrites: { 'main.bicepparam': [['false', 'true']] },
      findings: [{ file: 'main.bicepparam', line: 3, message: /'ala-claims-security' is disabled/ }],
    },
    {
      name: 'Bicep: disabled through a variable, in a loop',
      files: { 'main.bicep': `var alertsOn = false\n\n${bicepResource(securityAlert(expression('alertsOn', ''), expression("'ala-claims-security-${region}'", '')), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['false', 'true']] },
      findings: [
        { file: 'main.bicep', line: 1, message: /'ala-claims-security-eastus' is disabled/ },
      ],
    },
    {
      name: 'Bicep: routed to a disabled group deployed by a module',
      files: {
        'main.bicep': `module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    groupOn: false\n  }\n}\n\n${bicepResource(securityAlert(true))}`,
        'modules/tier1.bicep': `param groupOn bool\n\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { enabled: expression('groupOn', '') }))}`,
      },
      findings: [{ file: 'main.bicep', line: 24, message: /routes only to action groups that are disabled or have no receivers/ }],
    },
    {
      name: 'Bicep: enabled false passed to an alert module',
      files: {
        'main.bicep': "module securityAlerts 'modules/security-alert.bicep' = {\n  name: 'security-alerts'\n  params: {\n    alertsOn: false\n  }\n}\n",
        'modules/security-alert.bicep': `param alertsOn bool\n\n${bicepResource(securityAlert(expression('alertsOn', '')))}`,
      },
      rewrites: { 'main.bicep': [['false', 'true']] },
      findings: [{ file: 'main.bicep', line: 4, message: /'ala-claims-security' is disabled/ }],
    },
  ],
});

test('HN104 offers one "Route to action group" fix per working group of the file, never the disabled one (Bicep)', () => {
  const text = `${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { enabled: false, symbol: 'agOld', name: 'ag-old' }))}\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))}\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver] }, { symbol: 'agTier2', name: 'ag-hipaa-tier2' }))}\n${bicepResource(activityLogAlertText('Security', { name: 'ala-claims-security', groups: [] }))}`;
  assert.deepEqual(offeredFixTitles('HN104', { 'main.bicep': text }), [["Route to action group 'ag-hipaa-tier1'", "Route to action group 'ag-hipaa-tier2'"]]);
});

test('HN104 offers one "Route to action group" fix per working group of the template (ARM JSON)', () => {
  const text = armTemplate(`${activityAlert(routedTo(tier1))},\n${actionGroup(`"enabled": false, ${roleReceivers}`)},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-a')},\n${actionGroup('"emailReceivers": []').replace('ag-hipaa-tier1', 'ag-empty')},\n${actionGroup(roleReceivers).replace('ag-hipaa-tier1', 'ag-b')}`);
  assert.deepEqual(offeredFixTitles('HN104', { 'azuredeploy.json': text }), [["Route to action group 'ag-a'", "Route to action group 'ag-b'"]]);
});

test('HN104 offers no route to a group of another deployment (ARM: a nested template in another resource group)', () => {
  const nested = `    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "shared-groups",
      "resourceGroup": "rg-shared-monitoring",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
${actionGroup(roleReceivers)}
          ]
        }
      }
    }`;
  assert.deepEqual(offeredFixTitles('HN104', { 'azuredeploy.json': armTemplate(`${activityAlert('"actions": { "actionGroups": [] }')},\n${nested}`) }), [[]]);
});
