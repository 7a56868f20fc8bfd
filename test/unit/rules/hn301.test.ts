import { hn301NotificationDeliveryNotLogged } from '../../../server/src/rules/template/hn301NotificationDeliveryNotLogged';
import { armTemplate, testRule } from './ruleTester';

const notifier = (extra = '', name = '"la-claims-breach-notifier"') => `    {
      "type": "Microsoft.Logic/workflows",
      "apiVersion": "2019-05-01",
      "name": ${name},
      "location": "eastus",${extra}
      "tags": { "hipaa-notify": "notification" },
      "properties": { "definition": { "triggers": {}, "actions": {} } }
    }`;
const workspaceId = `"[resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')]"`;
const setting = (logs: string, { scope = '"Microsoft.Logic/workflows/la-claims-breach-notifier"', workspace = workspaceId, extra = '' } = {}) => `    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "send-to-audit",
      "scope": ${scope},${extra}
      "properties": {
        "workspaceId": ${workspace},
        "logs": ${logs}
      }
    }`;
const allLogs = '[ { "categoryGroup": "allLogs", "enabled": true } ]';
const parameterFile = (parameters: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    ${parameters}
  }
}
`;

const bicepNotifier = (name = "'la-claims-breach-notifier'", top = '') => `${top}resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {
  name: ${name}
  location: resourceGroup().location
  tags: {
    'hipaa-notify': 'notification'
  }
  properties: {
    definition: {
      triggers: {}
      actions: {}
    }
  }
}
`;
const armWorkspace = (name: string) => `    {
      "type": "Microsoft.OperationalInsights/workspaces",
      "apiVersion": "2022-10-01",
      "name": "${name}",
      "location": "eastus",
      "properties": { "retentionInDays": 730 }
    }`;
const bicepWorkspace = (symbol: string, name: string) => `resource ${symbol} 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}'
  location: resourceGroup().location
  properties: {
    retentionInDays: 730
  }
}
`;
const bicepSetting = (logs: string, scope = 'notifier') => `
resource audit 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: 'law-hipaa-audit'
}

resource notifierLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'send-to-audit'
  scope: ${scope}
  properties: {
    workspaceId: audit.id
    logs: ${logs}
  }
}
`;
const bicepAllLogs = `[
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]`;

testRule(hn301NotificationDeliveryNotLogged, {
  valid: [
    { name: 'ARM: a setting scoped to the notifier sends allLogs', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(allLogs)}`) } },
    {
      name: 'ARM: the nested providers form with WorkflowRuntime',
      files: {
        'azuredeploy.json': armTemplate(`${notifier()},\n${setting('[ { "category": "WorkflowRuntime", "enabled": true } ]').replace('"Microsoft.Insights/diagnosticSettings"', '"Microsoft.Logic/workflows/providers/diagnosticSettings"').replace('"send-to-audit"', '"la-claims-breach-notifier/Microsoft.Insights/send-to-audit"').replace(/\n {6}"scope": [^\n]*/, '')}`),
      },
    },
    { name: 'ARM: a scope given as a full resource ID', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(allLogs, { scope: `"[resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')]"` })}`) } },
    { name: 'ARM: a workspace from a parameter without a default counts', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(allLogs, { workspace: `"[parameters('auditWorkspaceId')]"` })}`, { parameters: '"auditWorkspaceId": { "type": "string" }' }) } },
    { name: 'ARM: a setting whose scope is unknown might be the one', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(allLogs, { scope: `"[parameters('target')]"` })}`, { parameters: '"target": { "type": "string" }' }) } },
    { name: 'ARM: a Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(notifier().replace('"notification"', '"none"')) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(notifier('\n      "condition": false,')) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(`    // hipaa-notify-disable-next-line HN301 -- logs are shipped by the platform team's policy assignment\n${notifier()}`) } },
    { name: 'Bicep: scope: notifier with allLogs', files: { 'main.bicep': bicepNotifier() + bicepSetting(bicepAllLogs) } },
    {
      name: 'Bicep: the setting in a module, scoped to an existing notifier',
      files: {
        'main.bicep': `${bicepNotifier()}\nmodule logging 'modules/logging.bicep' = {\n  name: 'logging'\n  params: {\n    notifierName: notifier.name\n  }\n}\n`,
        'modules/logging.bicep': `param notifierName string\n\nresource notifier 'Microsoft.Logic/workflows@2019-05-01' existing = {\n  name: notifierName\n}\n${bicepSetting(bicepAllLogs)}`,
      },
    },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepNotifier().replace("= {\n  name: 'la", "= if (false) {\n  name: 'la") } },
    { name: 'Bicep: an existing notifier is logged where it is deployed', files: { 'main.bicep': bicepNotifier().replace("' = {", "' existing = {") } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN301 -- logs are shipped by the platform team's policy assignment\n${bicepNotifier()}` } },
  ],
  invalid: [
    {
      name: 'ARM: the setting the fix adds sends to the workspace the template declares',
      files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${armWorkspace('law-hipaa-audit')}`) },
      rewrites: { 'azuredeploy.json': [['      "properties": { "retentionInDays": 730 }\n', '      "properties": { "retentionInDays": 730 }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]",\n        "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]"\n      ],\n      "properties": {\n        "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier' is a notification component/ }],
    },
    {
      name: 'Bicep: the setting the fix adds sends to the workspace the file declares',
      files: { 'main.bicep': `${bicepNotifier()}\n${bicepWorkspace('audit', 'law-hipaa-audit')}` },
      rewrites: { 'main.bicep': [['}\n\n', '}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: notifier\n  properties: {\n    workspaceId: audit.id\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]\n  }\n}\n\n']] },
      findings: [{ file: 'main.bicep', line: 1, message: /'la-claims-breach-notifier' is a notification component/ }],
    },
    {
      name: 'Bicep: two workspaces are a choice, left to the author',
      files: { 'main.bicep': `${bicepNotifier()}\n${bicepWorkspace('audit', 'law-hipaa-audit')}\n${bicepWorkspace('operations', 'law-operations')}` },
      findings: [{ file: 'main.bicep', line: 1, message: /'la-claims-breach-notifier' is a notification component/ }],
    },
    { name: 'ARM: a tagged notifier without any setting', files: { 'azuredeploy.json': armTemplate(notifier()) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['      "properties": { "definition": { "triggers": {}, "actions": {} } }\n', '      "properties": { "definition": { "triggers": {}, "actions": {} } }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier' is a notification component but no diagnostic setting sends its WorkflowRuntime logs/ }] },
    { name: 'ARM: a setting with metrics only', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting('[]')}`) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['        "logs": []\n      }\n', '        "logs": []\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /WorkflowRuntime/ }] },
    { name: 'ARM: a setting without a workspace', files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(allLogs, { workspace: 'null' })}`) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['        "logs": [ { "categoryGroup": "allLogs", "enabled": true } ]\n      }\n', '        "logs": [ { "categoryGroup": "allLogs", "enabled": true } ]\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /no diagnostic setting/ }] },
    {
      name: 'ARM: a Logic App receiver makes it a component',
      files: {
        'azuredeploy.json': armTemplate(`${notifier().replace('"notification"', '"none"')},\n    {\n      "type": "Microsoft.Insights/actionGroups",\n      "apiVersion": "2023-01-01",\n      "name": "ag-hipaa-tier1",\n      "location": "Global",\n      "properties": { "groupShortName": "t1", "enabled": true, "logicAppReceivers": [ { "name": "notifier", "resourceId": "[resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')]", "callbackUrl": "[parameters('callback')]", "useCommonAlertSchema": true } ] }\n    }`, { parameters: '"callback": { "type": "string" }' }),
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"callback": { "type": "string" }},\n', '  "parameters": {\n    "callback": {\n      "type": "string"\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['      "properties": { "groupShortName": "t1", "enabled": true, "logicAppReceivers": [ { "name": "notifier", "resourceId": "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]", "callbackUrl": "[parameters(\'callback\')]", "useCommonAlertSchema": true } ] }\n', '      "properties": { "groupShortName": "t1", "enabled": true, "logicAppReceivers": [ { "name": "notifier", "resourceId": "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]", "callbackUrl": "[parameters(\'callback\')]", "useCommonAlertSchema": true } ] }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier' is a notification component/ }],
    },
    {
      name: 'ARM: the runtime log turned off through a parameter default',
      files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(`[ { "category": "WorkflowRuntime", "enabled": "[parameters('runtimeLogs')]" } ]`)}`, { parameters: '"runtimeLogs": { "type": "bool", "defaultValue": false }' }) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"runtimeLogs": { "type": "bool", "defaultValue": false }},\n', '  "parameters": {\n    "runtimeLogs": {\n      "type": "bool",\n      "defaultValue": false\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['        "logs": [ { "category": "WorkflowRuntime", "enabled": "[parameters(\'runtimeLogs\')]" } ]\n      }\n', '        "logs": [ { "category": "WorkflowRuntime", "enabled": "[parameters(\'runtimeLogs\')]" } ]\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /WorkflowRuntime/ }],
    },
    {
      name: 'ARM: the runtime log turned off through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(`${notifier()},\n${setting(`[ { "category": "WorkflowRuntime", "enabled": "[parameters('runtimeLogs')]" } ]`)}`, { parameters: '"runtimeLogs": { "type": "bool", "defaultValue": true }' }),
        'azuredeploy.parameters.json': parameterFile('"runtimeLogs": { "value": false }'),
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"runtimeLogs": { "type": "bool", "defaultValue": true }},\n', '  "parameters": {\n    "runtimeLogs": {\n      "type": "bool",\n      "defaultValue": true\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['        "logs": [ { "category": "WorkflowRuntime", "enabled": "[parameters(\'runtimeLogs\')]" } ]\n      }\n', '        "logs": [ { "category": "WorkflowRuntime", "enabled": "[parameters(\'runtimeLogs\')]" } ]\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /WorkflowRuntime/ }],
    },
    {
      name: 'ARM: only the metrics category in a variable',
      files: { 'azuredeploy.json': armTemplate(`${notifier()},\n${setting(`"[variables('logs')]"`)}`, { variables: '"logs": [ { "category": "WorkflowMetrics", "enabled": true } ]' }) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301)."\n      }\n    }\n  },\n'], ['        "logs": "[variables(\'logs\')]"\n      }\n', '        "logs": "[variables(\'logs\')]"\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Logic/workflows/la-claims-breach-notifier",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /WorkflowRuntime/ }],
    },
    {
      name: 'ARM: a copy loop of notifiers, only the first logged',
      files: { 'azuredeploy.json': armTemplate(`${notifier('\n      "copy": { "name": "notifiers", "count": 2 },', `"[concat('la-claims-breach-notifier', if(equals(copyIndex(), 0), '', '-dr'))]"`)},\n${setting(allLogs)}`) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier-dr' is a notification component/ }],
    },
    { name: 'Bicep: a tagged notifier without any setting', files: { 'main.bicep': bicepNotifier() }, rewrites: { 'main.bicep': [['resource notifier \'Microsoft.Logic/workflows@2019-05-01\' = {\n  name: \'la-claims-breach-notifier\'\n  location: resourceGroup().location\n  tags: {\n    \'hipaa-notify\': \'notification\'\n  }\n  properties: {\n    definition: {\n      triggers: {}\n      actions: {}\n    }', '@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).\')\nparam auditWorkspaceId string\n\nresource notifier \'Microsoft.Logic/workflows@2019-05-01\' = {\n  name: \'la-claims-breach-notifier\'\n  location: resourceGroup().location\n  tags: {\n    \'hipaa-notify\': \'notification\'\n  }\n  properties: {\n    definition: {\n      triggers: {}\n      actions: {}\n    }\n  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: notifier\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]']] }, findings: [{ file: 'main.bicep', line: 1, message: /'la-claims-breach-notifier' is a notification component.*add a Microsoft.Insights\/diagnosticSettings/ }] },
    {
      name: 'Bicep: categories from a variable that lacks WorkflowRuntime',
      files: { 'main.bicep': bicepNotifier('notifierName', "var notifierName = 'la-claims-breach-notifier'\nvar logs = [\n  {\n    category: 'WorkflowMetrics'\n    enabled: true\n  }\n]\n\n") + bicepSetting('logs') },
      rewrites: { 'main.bicep': [['  }\n}\n\n', '  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: notifier\n  properties: {\n    workspaceId: audit.id\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]\n  }\n}\n\n']] },
      findings: [{ file: 'main.bicep', line: 9, message: /WorkflowRuntime/ }],
    },
    {
      name: 'Bicep: runtime logs off through a .bicepparam value',
      files: {
        'main.bicep': bicepNotifier("'la-claims-breach-notifier'", 'param runtimeLogs bool = true\n\n') + bicepSetting("[\n      {\n        category: 'WorkflowRuntime'\n        enabled: runtimeLogs\n      }\n    ]"),
        'main.bicepparam': "using 'main.bicep'\n\nparam runtimeLogs = false\n",
      },
      rewrites: { 'main.bicep': [['  }\n}\n\n', '  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: notifier\n  properties: {\n    workspaceId: audit.id\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]\n  }\n}\n\n']] },
      findings: [{ file: 'main.bicep', line: 3, message: /WorkflowRuntime/ }],
    },
    {
      name: 'Bicep: a loop of notifiers, the setting covers one',
      files: { 'main.bicep': bicepNotifier("'la-claims-${region}'", '').replace("resource notifier 'Microsoft.Logic/workflows@2019-05-01' = {", "resource notifiers 'Microsoft.Logic/workflows@2019-05-01' = [for region in ['eastus', 'westus']: {").replace(/}\n$/, '}]\n') + bicepSetting(bicepAllLogs, 'notifiers[0]') },
      findings: [{ file: 'main.bicep', line: 1, message: /'la-claims-westus' is a notification component/ }],
    },
    {
      name: 'Bicep: a notifier deployed by a module, logged nowhere',
      files: {
        'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    notifierName: 'la-claims-breach-notifier'\n  }\n}\n",
        'modules/notifier.bicep': bicepNotifier('notifierName', 'param notifierName string\n\n'),
      },
      rewrites: { 'modules/notifier.bicep': [['param notifierName string\n\n', 'param notifierName string\n\n@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).\')\nparam auditWorkspaceId string\n\n'], ['  }\n}\n', '  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: notifier\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]\n  }\n}\n']] },
      findings: [{ file: 'modules/notifier.bicep', line: 3, message: /'la-claims-breach-notifier' is a notification component/ }],
    },
  ],
});
