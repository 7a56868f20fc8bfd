import { hn303AuditRetentionTooShort } from '../../../server/src/rules/template/hn303AuditRetentionTooShort';
import { armTemplate, minimalPolicy, testRule } from './ruleTester';

const workspace = (properties: string, extra = '') => `    {
      "type": "Microsoft.OperationalInsights/workspaces",
      "apiVersion": "2022-10-01",
      "name": "law-hipaa-audit",
      "location": "eastus",${extra}
      "properties": { "sku": { "name": "PerGB2018" }${properties} }
    }`;
const setting = `    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "audit-to-law",
      "scope": "Microsoft.KeyVault/vaults/kv-claims-phi",
      "properties": { "workspaceId": "[resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')]", "logs": [ { "categoryGroup": "audit", "enabled": true } ] }
    }`;
const table = (days: string) => `    {
      "type": "Microsoft.OperationalInsights/workspaces/tables",
      "apiVersion": "2022-10-01",
      "name": "law-hipaa-audit/AzureDiagnostics",
      "properties": { "totalRetentionInDays": ${days} }
    }`;

const bicepWorkspace = (retention: string, top = '', extra = '') => `${top}resource audit 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'law-hipaa-audit'
  location: resourceGroup().location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: ${retention}
  }
}
${extra}`;
const bicepSetting = `
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-claims-phi'
}

resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-law'
  scope: vault
  properties: {
    workspaceId: audit.id
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}
`;

testRule(hn303AuditRetentionTooShort, {
  valid: [
    { name: 'ARM: a receiving workspace keeping 365 days', files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 365')},\n${setting}`) } },
    { name: 'ARM: 90 days hot, a table kept six years', files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 90')},\n${table('2190')},\n${setting}`) } },
    { name: 'ARM: a workspace that receives no audit logs', files: { 'azuredeploy.json': armTemplate(workspace(', "retentionInDays": 30')) } },
    { name: 'ARM: retention from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(`${workspace(`, "retentionInDays": "[parameters('days')]"`)},\n${setting}`, { parameters: '"days": { "type": "int" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 30', '\n      "condition": false,')},\n${setting}`) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(`${workspace(',\n        // hipaa-notify-disable-next-line HN303 -- exported nightly to immutable storage kept seven years\n        "retentionInDays": 30')},\n${setting}`) } },
    { name: 'Bicep: a receiving workspace keeping two years', files: { 'main.bicep': bicepWorkspace('730', '', bicepSetting) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepWorkspace('30', '', bicepSetting).replace("@2022-10-01' = {", "@2022-10-01' = if (false) {") } },
    { name: 'Bicep: retention from a parameter without a default is unknown', files: { 'main.bicep': bicepWorkspace('days', 'param days int\n\n', bicepSetting) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepWorkspace('30', '', bicepSetting).replace('    retentionInDays: 30', '    // hipaa-notify-disable-next-line HN303 -- exported nightly to immutable storage kept seven years\n    retentionInDays: 30') } },
  ],
  invalid: [
    { name: 'ARM: a receiving workspace keeping 90 days', files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 90')},\n${setting}`) }, rewrites: { 'azuredeploy.json': [['90', '365']] }, findings: [{ file: 'azuredeploy.json', line: 12, message: /'law-hipaa-audit' receives audit or notification logs but keeps them 90 days/ }] },
    { name: 'ARM: the default retention, at properties', files: { 'azuredeploy.json': armTemplate(`${workspace('')},\n${setting}`) }, rewrites: { 'azuredeploy.json': [['      "properties": { "sku": { "name": "PerGB2018" } }\n', '      "properties": {\n        "sku": {\n          "name": "PerGB2018"\n        },\n        "retentionInDays": 365\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 12, message: /keeps them 30 days \(the default\)/ }] },
    { name: 'ARM: a table kept less than six years does not help; choosing the workspace retention', files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 90')},\n${table('730')},\n${setting}`) }, choose: 'Set retentionInDays to 365', rewrites: { 'azuredeploy.json': [['90', '365']] }, findings: [{ file: 'azuredeploy.json', line: 12, message: /90 days/ }] },
    {
      name: 'ARM: a declared table kept two years: choosing to keep it six years',
      files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 90')},\n${table('730')},\n${setting}`) },
      choose: "Keep table 'AzureDiagnostics' 2190 days (totalRetentionInDays)",
      rewrites: { 'azuredeploy.json': [['730', '2190']] },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /90 days/ }],
    },
    {
      name: 'ARM: a declared table without totalRetentionInDays: choosing to add it',
      files: { 'azuredeploy.json': armTemplate(`${workspace(', "retentionInDays": 90')},\n${table('730').replace('"totalRetentionInDays": 730', '"plan": "Analytics"')},\n${setting}`) },
      choose: "Keep table 'AzureDiagnostics' 2190 days (totalRetentionInDays)",
      rewrites: { 'azuredeploy.json': [['      "properties": { "plan": "Analytics" }\n', '      "properties": {\n        "plan": "Analytics",\n        "totalRetentionInDays": 2190\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /90 days/ }],
    },
    {
      name: 'ARM: named by the policy file as the audit trail',
      files: { 'azuredeploy.json': armTemplate(workspace(', "retentionInDays": 180')), 'claims.hipaa-notify.yaml': minimalPolicy },
      rewrites: { 'azuredeploy.json': [['180', '365']] },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /is the audit trail of the notification policy but keeps them 180 days/ }],
    },
    {
      name: 'ARM: through a parameter default',
      files: { 'azuredeploy.json': armTemplate(`${workspace(`, "retentionInDays": "[parameters('days')]"`)},\n${setting}`, { parameters: '\n    "days": { "type": "int", "defaultValue": 30 }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['30', '365']] },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /30 days/ }],
    },
    {
      name: 'ARM: through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(`${workspace(`, "retentionInDays": "[parameters('days')]"`)},\n${setting}`, { parameters: '"days": { "type": "int", "defaultValue": 365 }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "days": { "value": 60 }\n  }\n}\n',
      },
      rewrites: { 'azuredeploy.parameters.json': [['60', '365']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /60 days/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop of workspaces',
      files: { 'azuredeploy.json': armTemplate(`${workspace(`, "retentionInDays": "[variables('days')]"`, '\n      "copy": { "name": "workspaces", "count": 2 },').replace('"name": "law-hipaa-audit"', `"name": "[concat('law-hipaa-audit', if(equals(copyIndex(), 0), '', '-dr'))]"`)},\n${setting}`, { variables: '\n    "days": 120\n  ' }) },
      rewrites: { 'azuredeploy.json': [['120', '365']] },
      findings: [{ file: 'azuredeploy.json', line: 6, message: /'law-hipaa-audit' receives.*120 days/ }],
    },
    { name: 'Bicep: a receiving workspace keeping 30 days', files: { 'main.bicep': bicepWorkspace('30', '', bicepSetting) }, rewrites: { 'main.bicep': [['30', '365']] }, findings: [{ file: 'main.bicep', line: 8, message: /'law-hipaa-audit' receives audit or notification logs but keeps them 30 days/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': bicepWorkspace('days', 'param days int = 90\n\n', bicepSetting) }, rewrites: { 'main.bicep': [['90', '365']] }, findings: [{ file: 'main.bicep', line: 1, message: /90 days/ }] },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': bicepWorkspace('days', 'param days int = 365\n\n', bicepSetting), 'main.bicepparam': "using 'main.bicep'\n\nparam days = 31\n" }, rewrites: { 'main.bicepparam': [['31', '365']] }, findings: [{ file: 'main.bicepparam', line: 3, message: /31 days/ }] },
    { name: 'Bicep: through a variable', files: { 'main.bicep': bicepWorkspace('hotDays', 'var hotDays = 60\n\n', bicepSetting) }, rewrites: { 'main.bicep': [['60', '365']] }, findings: [{ file: 'main.bicep', line: 1, message: /60 days/ }] },
    {
      name: 'Bicep: a declared child table kept two years: choosing to keep it six years',
      files: { 'main.bicep': bicepWorkspace('90', '', `${bicepSetting}\nresource auditTable 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = {\n  parent: audit\n  name: 'AzureDiagnostics'\n  properties: {\n    totalRetentionInDays: 730\n  }\n}\n`) },
      choose: "Keep table 'AzureDiagnostics' 2190 days (totalRetentionInDays)",
      rewrites: { 'main.bicep': [['730', '2190']] },
      findings: [{ file: 'main.bicep', line: 8, message: /90 days/ }],
    },
    {
      name: 'Bicep: a declared table without properties: choosing to add totalRetentionInDays',
      files: { 'main.bicep': bicepWorkspace('90', '', `${bicepSetting}\nresource auditTable 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = {\n  parent: audit\n  name: 'AzureDiagnostics'\n}\n`) },
      choose: "Keep table 'AzureDiagnostics' 2190 days (totalRetentionInDays)",
      rewrites: { 'main.bicep': [['  name: \'AzureDiagnostics\'\n', '  name: \'AzureDiagnostics\'\n  properties: {\n    totalRetentionInDays: 2190\n  }\n']] },
      findings: [{ file: 'main.bicep', line: 8, message: /90 days/ }],
    },
    {
      name: 'Bicep: a loop of workspaces, the receiving one too short',
      files: {
        'main.bicep': bicepWorkspace('30', '', bicepSetting.replace('audit.id', 'audits[1].id'))
          .replace("resource audit 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {\n  name: 'law-hipaa-audit'", "resource audits 'Microsoft.OperationalInsights/workspaces@2022-10-01' = [for suffix in ['primary', 'audit']: {\n  name: 'law-hipaa-${suffix}'")
          .replace('  }\n}\n\nresource vault', '  }\n}]\n\nresource vault'),
      },
      rewrites: { 'main.bicep': [['30', '365']] },
      findings: [{ file: 'main.bicep', line: 8, message: /'law-hipaa-audit' receives.*30 days/ }],
    },
    {
      name: 'Bicep: a module deploys the workspace, the caller sends to it',
      files: {
        'main.bicep': `module law 'modules/law.bicep' = {\n  name: 'law'\n  params: {\n    retentionDays: 45\n  }\n}\n${bicepSetting.replace('audit.id', "resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')")}`,
        'modules/law.bicep': bicepWorkspace('retentionDays', 'param retentionDays int\n\n'),
      },
      rewrites: { 'main.bicep': [['45', '365']] },
      findings: [{ file: 'main.bicep', line: 4, message: /45 days/ }],
    },
  ],
});
