import { hn305ActivityLogNotExported } from '../../../server/src/rules/template/hn305ActivityLogNotExported';
import { minimalPolicy, testRule } from './ruleTester';

const subscriptionTemplate = (resources: string, parameters = '', variables = '') => `{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {${parameters}},
  "variables": {${variables}},
  "resources": [
${resources}
  ]
}
`;
const workspaceId = `"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hipaa-audit/providers/Microsoft.OperationalInsights/workspaces/law-hipaa-audit"`;
const setting = (logs: string, { workspace = workspaceId, extra = '' } = {}) => `    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "activity-log-to-audit",${extra}
      "properties": {
        "workspaceId": ${workspace},
        "logs": ${logs}
      }
    }`;
const categories = (names: string[]) => `[ ${names.map((n) => `{ "category": "${n}", "enabled": true }`).join(', ')} ]`;
const all = ['Administrative', 'Security', 'Policy', 'Alert'];
const policy = { 'claims.hipaa-notify.yaml': minimalPolicy };
/** A subscription-scope resource the template already deploys: the fix adds the export after it. */
const securityContact = `    {
      "type": "Microsoft.Security/securityContacts",
      "apiVersion": "2023-12-01-preview",
      "name": "default",
      "properties": { "emails": "privacy-office@contoso-health.com", "isEnabled": true, "notificationsByRole": { "state": "On", "roles": [ "Owner" ] }, "notificationsSources": [ { "sourceType": "Alert", "minimalSeverity": "Medium" } ] }
    }`;
const bicepSecurityContact = `targetScope = 'subscription'

resource contact 'Microsoft.Security/securityContacts@2023-12-01-preview' = {
  name: 'default'
  properties: {
    emails: 'privacy-office@contoso-health.com'
    isEnabled: true
  }
}
`;

const bicepSetting = (logs: string, top = '', condition = '') => `targetScope = 'subscription'

${top}resource activityLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = ${condition}{
  name: 'activity-log-to-audit'
  properties: {
    workspaceId: resourceId('00000000-0000-0000-0000-000000000000', 'rg-hipaa-audit', 'Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')
    logs: ${logs}
  }
}
`;
const bicepCategories = (expression: string) => `[for category in ${expression}: {
      category: category
      enabled: true
    }]`;

testRule(hn305ActivityLogNotExported, {
  valid: [
    { name: 'ARM: the four categories exported', files: { ...policy, 'subscription.json': subscriptionTemplate(setting(categories(all))) } },
    { name: 'ARM: the allLogs category group', files: { ...policy, 'subscription.json': subscriptionTemplate(setting('[ { "categoryGroup": "allLogs", "enabled": true } ]')) } },
    { name: 'ARM: a workspace from a parameter without a default counts', files: { ...policy, 'subscription.json': subscriptionTemplate(setting(categories(all), { workspace: `"[parameters('workspaceId')]"` }), '"workspaceId": { "type": "string" }') } },
    { name: 'ARM: categories from a parameter without a default are unknown', files: { ...policy, 'subscription.json': subscriptionTemplate(setting(`"[parameters('logs')]"`), '"logs": { "type": "array" }') } },
    { name: 'ARM: no policy file, no workspace rule', files: { 'azuredeploy.json': subscriptionTemplate('') } },
    { name: 'ARM: suppressed with a reason', files: { ...policy, 'subscription.json': subscriptionTemplate(`    // hipaa-notify-disable-next-line HN305 -- Alert is exported by the platform team's setting\n${setting(categories(['Administrative', 'Security', 'Policy']))}`) } },
    { name: 'Bicep: the four categories through a loop', files: { ...policy, 'subscription.bicep': bicepSetting(bicepCategories("['Administrative', 'Security', 'Policy', 'Alert']")) } },
    {
      name: 'Bicep: the setting in a subscription-scope module',
      files: { ...policy, 'main.bicep': "targetScope = 'subscription'\n\nmodule activity 'modules/activity.bicep' = {\n  name: 'activity'\n}\n", 'modules/activity.bicep': bicepSetting(bicepCategories("['Administrative', 'Security', 'Policy', 'Alert']")) },
    },
    { name: 'Bicep: suppressed with a reason', files: { ...policy, 'subscription.bicep': bicepSetting(bicepCategories("['Administrative', 'Security', 'Policy']")).replace('resource activityLog', "// hipaa-notify-disable-next-line HN305 -- Alert is exported by the platform team's setting\nresource activityLog") } },
  ],
  invalid: [
    {
      name: 'ARM: the fix adds the export to the subscription template',
      files: { ...policy, 'subscription.json': subscriptionTemplate(securityContact) },
      rewrites: { 'subscription.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN305)."\n      }\n    }\n  },\n'], ['      "properties": { "emails": "privacy-office@contoso-health.com", "isEnabled": true, "notificationsByRole": { "state": "On", "roles": [ "Owner" ] }, "notificationsSources": [ { "sourceType": "Alert", "minimalSeverity": "Medium" } ] }\n', '      "properties": { "emails": "privacy-office@contoso-health.com", "isEnabled": true, "notificationsByRole": { "state": "On", "roles": [ "Owner" ] }, "notificationsSources": [ { "sourceType": "Alert", "minimalSeverity": "Medium" } ] }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-activity-log",\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template of this policy's folder exports/ }],
    },
    {
      name: 'Bicep: the fix adds the export to the subscription template',
      files: { ...policy, 'subscription.bicep': bicepSecurityContact },
      rewrites: { 'subscription.bicep': [['targetScope = \'subscription\'\n\n', 'targetScope = \'subscription\'\n\n@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN305).\')\nparam auditWorkspaceId string\n\n'], ['  }\n}\n', '  }\n}\n\nresource activityLogExport \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-activity-log\'\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'allLogs\'\n        enabled: true\n      }\n    ]\n  }\n}\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template of this policy's folder exports/ }],
    },
    { name: 'ARM: no subscription setting at all, on the policy file', files: { ...policy, 'azuredeploy.json': subscriptionTemplate('') }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template of this policy's folder exports the subscription's activity log/ }] },
    { name: 'ARM: a setting without Alert and Policy', files: { ...policy, 'subscription.json': subscriptionTemplate(setting(categories(['Administrative', 'Security']))) }, findings: [{ file: 'subscription.json', line: 10, message: /'activity-log-to-audit' does not export the Policy, Alert categories/ }] },
    { name: 'ARM: a setting without a workspace', files: { ...policy, 'subscription.json': subscriptionTemplate(setting(categories(all), { workspace: 'null' })) }, findings: [{ file: 'subscription.json', line: 10, message: /sends the activity log to no Log Analytics workspace/ }] },
    {
      name: 'ARM: a resource-group setting does not export the activity log',
      files: { ...policy, 'azuredeploy.json': subscriptionTemplate(setting(categories(all))).replace('subscriptionDeploymentTemplate', 'deploymentTemplate') },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template/ }],
    },
    {
      name: 'ARM: the setting is not deployed by a parameter default',
      files: { ...policy, 'subscription.json': subscriptionTemplate(setting(categories(all), { extra: `\n      "condition": "[parameters('exportActivity')]",` }), '"exportActivity": { "type": "bool", "defaultValue": false }') },
      rewrites: { 'subscription.json': [['  "parameters": {"exportActivity": { "type": "bool", "defaultValue": false }},\n', '  "parameters": {\n    "exportActivity": {\n      "type": "bool",\n      "defaultValue": false\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN305)."\n      }\n    }\n  },\n'], ['        "logs": [ { "category": "Administrative", "enabled": true }, { "category": "Security", "enabled": true }, { "category": "Policy", "enabled": true }, { "category": "Alert", "enabled": true } ]\n      }\n', '        "logs": [ { "category": "Administrative", "enabled": true }, { "category": "Security", "enabled": true }, { "category": "Policy", "enabled": true }, { "category": "Alert", "enabled": true } ]\n      }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-activity-log",\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "allLogs",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template/ }],
    },
    {
      name: 'ARM: Security disabled through a parameter file',
      files: {
        ...policy,
        'subscription.json': subscriptionTemplate(setting(`[ { "category": "Administrative", "enabled": true }, { "category": "Security", "enabled": "[parameters('security')]" }, { "category": "Policy", "enabled": true }, { "category": "Alert", "enabled": true } ]`), '"security": { "type": "bool", "defaultValue": true }'),
        'subscription.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "security": { "value": false } }\n}\n',
      },
      findings: [{ file: 'subscription.json', line: 10, message: /does not export the Security category/ }],
    },
    {
      name: 'ARM: categories from a variable',
      files: { ...policy, 'subscription.json': subscriptionTemplate(setting(`"[variables('activityLogs')]"`), '', `"activityLogs": ${categories(['Administrative'])}`) },
      findings: [{ file: 'subscription.json', line: 10, message: /Security, Policy, Alert/ }],
    },
    { name: 'Bicep: a loop over three categories', files: { ...policy, 'subscription.bicep': bicepSetting(bicepCategories("['Administrative', 'Security', 'Policy']")) }, findings: [{ file: 'subscription.bicep', line: 3, message: /does not export the Alert category/ }] },
    {
      name: 'Bicep: categories from a variable',
      files: { ...policy, 'subscription.bicep': bicepSetting(bicepCategories('exported'), "var exported = [\n  'Administrative'\n  'Policy'\n]\n\n") },
      findings: [{ file: 'subscription.bicep', line: 8, message: /Security, Alert/ }],
    },
    {
      name: 'Bicep: switched off in the .bicepparam file',
      files: { ...policy, 'subscription.bicep': bicepSetting(bicepCategories("['Administrative', 'Security', 'Policy', 'Alert']"), 'param exportActivity bool = true\n\n', 'if (exportActivity) '), 'subscription.bicepparam': "using 'subscription.bicep'\n\nparam exportActivity = false\n" },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 14, message: /no template/ }],
    },
    {
      name: 'Bicep: a module given too few categories',
      files: {
        ...policy,
        'main.bicep': "targetScope = 'subscription'\n\nmodule activity 'modules/activity.bicep' = {\n  name: 'activity'\n  params: {\n    categories: [\n      'Administrative'\n    ]\n  }\n}\n",
        'modules/activity.bicep': bicepSetting(bicepCategories('categories'), 'param categories array\n\n'),
      },
      findings: [{ file: 'modules/activity.bicep', line: 5, message: /Security, Policy, Alert/ }],
    },
  ],
});
