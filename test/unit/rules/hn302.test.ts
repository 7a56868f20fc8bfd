import { hn302PhiStoreAuditLogsMissing } from '../../../server/src/rules/template/hn302PhiStoreAuditLogsMissing';
import { armTemplate, testRule } from './ruleTester';

const vault = (extra = '', name = '"kv-claims-phi"') => `    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": ${name},
      "location": "eastus",${extra}
      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true }
    }`;
const workspaceId = `"[resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')]"`;
const setting = (logs: string, scope = '"Microsoft.KeyVault/vaults/kv-claims-phi"') => `    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "audit-to-law",
      "scope": ${scope},
      "properties": { "workspaceId": ${workspaceId}, "logs": ${logs} }
    }`;
const storage = `    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stclaimsdocs001",
      "location": "eastus",
      "kind": "StorageV2",
      "sku": { "name": "Standard_GRS" }
    }`;
const queueService = `    {
      "type": "Microsoft.Storage/storageAccounts/queueServices",
      "apiVersion": "2023-01-01",
      "name": "stclaimsdocs001/default"
    }`;
const storageLogs = '[ { "category": "StorageRead", "enabled": true }, { "category": "StorageWrite", "enabled": true }, { "category": "StorageDelete", "enabled": true } ]';

const bicepVault = (top = '', name = "'kv-claims-phi'") => `${top}resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: ${name}
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
  }
}
`;
const bicepSetting = (logs: string, scope = 'vault') => `
resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-law'
  scope: ${scope}
  properties: {
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', 'law-hipaa-audit')
    logs: ${logs}
  }
}
`;
const bicepAuditGroup = "[\n      {\n        categoryGroup: 'audit'\n        enabled: true\n      }\n    ]";

testRule(hn302PhiStoreAuditLogsMissing, {
  valid: [
    { name: 'ARM: a vault with AuditEvent to a workspace', files: { 'azuredeploy.json': armTemplate(`${vault()},\n${setting('[ { "category": "AuditEvent", "enabled": true } ]')}`) } },
    { name: 'ARM: the audit category group', files: { 'azuredeploy.json': armTemplate(`${vault()},\n${setting('[ { "categoryGroup": "audit", "enabled": true } ]')}`) } },
    { name: 'ARM: storage audited on its blob and queue services', files: { 'azuredeploy.json': armTemplate(`${storage},\n${queueService},\n${setting(storageLogs, '"Microsoft.Storage/storageAccounts/stclaimsdocs001/blobServices/default"')},\n${setting(storageLogs, '"Microsoft.Storage/storageAccounts/stclaimsdocs001/queueServices/default"')}`) } },
    { name: 'ARM: opted out with the tag none', files: { 'azuredeploy.json': armTemplate(vault('\n      "tags": { "hipaa-notify": "none" },')) } },
    { name: 'ARM: logs from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(`${vault()},\n${setting(`"[parameters('logs')]"`)}`, { parameters: '"logs": { "type": "array" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(vault('\n      "condition": false,')) } },
    { name: 'ARM: a web app without the phi tag is no PHI store', files: { 'azuredeploy.json': armTemplate('    { "type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "app-claims-portal", "location": "eastus", "properties": {} }') } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(`    // hipaa-notify-disable-next-line HN302 -- test vault, synthetic data only\n${vault()}`) } },
    { name: 'Bicep: scope: vault with the audit group', files: { 'main.bicep': bicepVault() + bicepSetting(bicepAuditGroup) } },
    {
      name: 'Bicep: the setting in a module, scoped to the existing vault',
      files: {
        'main.bicep': `${bicepVault()}\nmodule audit 'modules/audit.bicep' = {\n  name: 'audit'\n  params: {\n    vaultName: vault.name\n  }\n}\n`,
        'modules/audit.bicep': `param vaultName string\n\nresource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: vaultName\n}\n${bicepSetting(bicepAuditGroup)}`,
      },
    },
    { name: 'Bicep: an existing vault is audited where it is deployed', files: { 'main.bicep': bicepVault().replace("' = {", "' existing = {") } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepVault().replace("' = {", "' = if (false) {") } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN302 -- test vault, synthetic data only\n${bicepVault()}` } },
  ],
  invalid: [
    { name: 'ARM: a vault without any setting', files: { 'azuredeploy.json': armTemplate(vault()) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302)."\n      }\n    }\n  },\n'], ['      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true }\n', '      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "enableRbacAuthorization": true }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-phi",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-phi\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "audit",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'kv-claims-phi' holds PHI but no diagnostic setting sends its AuditEvent logs/ }] },
    { name: 'ARM: a vault whose setting sends metrics only', files: { 'azuredeploy.json': armTemplate(`${vault()},\n${setting('[]')}`) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302)."\n      }\n    }\n  },\n'], ['      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [] }\n', '      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [] }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-phi",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-phi\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "audit",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /AuditEvent/ }] },
    {
      name: 'ARM: storage audited on blobs but not on its declared queue service',
      files: { 'azuredeploy.json': armTemplate(`${storage},\n${queueService},\n${setting(storageLogs, '"Microsoft.Storage/storageAccounts/stclaimsdocs001/blobServices/default"')}`) },
      findings: [{ file: 'azuredeploy.json', line: 18, message: /queueServices 'stclaimsdocs001\/default' of a PHI store/ }],
    },
    {
      name: 'ARM: storage with StorageDelete missing, through a variable',
      files: { 'azuredeploy.json': armTemplate(`${storage},\n${setting(`"[variables('storageLogs')]"`, '"Microsoft.Storage/storageAccounts/stclaimsdocs001/blobServices/default"')}`, { variables: '"storageLogs": [ { "category": "StorageRead", "enabled": true }, { "category": "StorageWrite", "enabled": true } ]' }) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'stclaimsdocs001' holds PHI but no diagnostic setting on its blob service/ }],
    },
    {
      name: 'ARM: AuditEvent turned off through a parameter default',
      files: { 'azuredeploy.json': armTemplate(`${vault()},\n${setting(`[ { "category": "AuditEvent", "enabled": "[parameters('audit')]" } ]`)}`, { parameters: '"audit": { "type": "bool", "defaultValue": false }' }) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"audit": { "type": "bool", "defaultValue": false }},\n', '  "parameters": {\n    "audit": {\n      "type": "bool",\n      "defaultValue": false\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302)."\n      }\n    }\n  },\n'], ['      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [ { "category": "AuditEvent", "enabled": "[parameters(\'audit\')]" } ] }\n', '      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [ { "category": "AuditEvent", "enabled": "[parameters(\'audit\')]" } ] }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-phi",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-phi\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "audit",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /AuditEvent/ }],
    },
    {
      name: 'ARM: AuditEvent turned off through a parameter file',
      files: {
        'azuredeploy.json': armTemplate(`${vault()},\n${setting(`[ { "category": "AuditEvent", "enabled": "[parameters('audit')]" } ]`)}`, { parameters: '"audit": { "type": "bool", "defaultValue": true }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": { "audit": { "value": false } }\n}\n',
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"audit": { "type": "bool", "defaultValue": true }},\n', '  "parameters": {\n    "audit": {\n      "type": "bool",\n      "defaultValue": true\n    },\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302)."\n      }\n    }\n  },\n'], ['      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [ { "category": "AuditEvent", "enabled": "[parameters(\'audit\')]" } ] }\n', '      "properties": { "workspaceId": "[resourceId(\'Microsoft.OperationalInsights/workspaces\', \'law-hipaa-audit\')]", "logs": [ { "category": "AuditEvent", "enabled": "[parameters(\'audit\')]" } ] }\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-phi",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-phi\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "audit",\n            "enabled": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /AuditEvent/ }],
    },
    {
      name: 'ARM: a SQL server whose master database is not audited, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(`    {\n      "type": "Microsoft.Sql/servers",\n      "apiVersion": "2022-05-01-preview",\n      "name": "[concat('sql-claims-', copyIndex())]",\n      "location": "eastus",\n      "copy": { "name": "servers", "count": 2 },\n      "properties": { "administratorLogin": "[parameters('login')]" }\n    },\n${setting('[ { "category": "SQLSecurityAuditEvents", "enabled": true } ]', '"Microsoft.Sql/servers/sql-claims-0/databases/master"')}`, { parameters: '"login": { "type": "string" }' }) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'sql-claims-1' holds PHI but no diagnostic setting on its master database/ }],
    },
    { name: 'ARM: a resource tagged phi', files: { 'azuredeploy.json': armTemplate('    {\n      "type": "Microsoft.Web/sites",\n      "apiVersion": "2022-09-01",\n      "name": "app-claims-portal",\n      "location": "eastus",\n      "tags": { "hipaa-notify": "phi" },\n      "properties": {}\n    }') }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "auditWorkspaceId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302)."\n      }\n    }\n  },\n'], ['      "properties": {}\n', '      "properties": {}\n    },\n    {\n      "type": "Microsoft.Insights/diagnosticSettings",\n      "apiVersion": "2021-05-01-preview",\n      "name": "hipaa-notify-audit",\n      "scope": "Microsoft.Web/sites/app-claims-portal",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Web/sites\', \'app-claims-portal\')]"\n      ],\n      "properties": {\n        "workspaceId": "[parameters(\'auditWorkspaceId\')]",\n        "logs": [\n          {\n            "categoryGroup": "audit",\n            "enabled": true\n          }\n        ]\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /AppServiceAuditLogs/ }] },
    { name: 'Bicep: a vault without any setting', files: { 'main.bicep': bicepVault() }, rewrites: { 'main.bicep': [['resource vault \'Microsoft.KeyVault/vaults@2023-07-01\' = {\n  name: \'kv-claims-phi\'\n  location: resourceGroup().location\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: \'A\'\n      name: \'standard\'\n    }\n    enableRbacAuthorization: true', '@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302).\')\nparam auditWorkspaceId string\n\nresource vault \'Microsoft.KeyVault/vaults@2023-07-01\' = {\n  name: \'kv-claims-phi\'\n  location: resourceGroup().location\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: \'A\'\n      name: \'standard\'\n    }\n    enableRbacAuthorization: true\n  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: vault\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'audit\'\n        enabled: true\n      }\n    ]']] }, findings: [{ file: 'main.bicep', line: 1, message: /'kv-claims-phi' holds PHI.*categoryGroup 'audit'/ }] },
    {
      name: 'Bicep: audit off through a .bicepparam value',
      files: { 'main.bicep': bicepVault('param auditOn bool = true\n\n') + bicepSetting("[\n      {\n        category: 'AuditEvent'\n        enabled: auditOn\n      }\n    ]"), 'main.bicepparam': "using 'main.bicep'\n\nparam auditOn = false\n" },
      rewrites: { 'main.bicep': [['param auditOn bool = true\n\n', 'param auditOn bool = true\n\n@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302).\')\nparam auditWorkspaceId string\n\n'], ['}\n\n', '}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: vault\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'audit\'\n        enabled: true\n      }\n    ]\n  }\n}\n\n']] },
      findings: [{ file: 'main.bicep', line: 3, message: /AuditEvent/ }],
    },
    {
      name: 'Bicep: a variable with the wrong category',
      files: { 'main.bicep': bicepVault("var vaultLogs = [\n  {\n    category: 'AzurePolicyEvaluationDetails'\n    enabled: true\n  }\n]\n\n") + bicepSetting('vaultLogs') },
      rewrites: { 'main.bicep': [['var vaultLogs = [\n  {\n    category: \'AzurePolicyEvaluationDetails\'\n    enabled: true\n  }\n]\n\nresource vault \'Microsoft.KeyVault/vaults@2023-07-01\' = {\n  name: \'kv-claims-phi\'\n  location: resourceGroup().location\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: \'A\'\n      name: \'standard\'\n    }\n    enableRbacAuthorization: true', '@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302).\')\nparam auditWorkspaceId string\n\nvar vaultLogs = [\n  {\n    category: \'AzurePolicyEvaluationDetails\'\n    enabled: true\n  }\n]\n\nresource vault \'Microsoft.KeyVault/vaults@2023-07-01\' = {\n  name: \'kv-claims-phi\'\n  location: resourceGroup().location\n  properties: {\n    tenantId: subscription().tenantId\n    sku: {\n      family: \'A\'\n      name: \'standard\'\n    }\n    enableRbacAuthorization: true\n  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: vault\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'audit\'\n        enabled: true\n      }\n    ]']] },
      findings: [{ file: 'main.bicep', line: 8, message: /AuditEvent/ }],
    },
    {
      name: 'Bicep: a loop of vaults, only the first audited',
      files: { 'main.bicep': bicepVault('', "'kv-claims-${region}'").replace("resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {", "resource vaults 'Microsoft.KeyVault/vaults@2023-07-01' = [for region in ['eastus', 'westus']: {").replace(/}\n$/, '}]\n') + bicepSetting(bicepAuditGroup, 'vaults[0]') },
      findings: [{ file: 'main.bicep', line: 1, message: /'kv-claims-westus' holds PHI/ }],
    },
    {
      name: 'Bicep: a vault deployed by a module, audited nowhere',
      files: { 'main.bicep': "module vault 'modules/vault.bicep' = {\n  name: 'vault'\n  params: {\n    vaultName: 'kv-claims-phi'\n  }\n}\n", 'modules/vault.bicep': bicepVault('param vaultName string\n\n', 'vaultName') },
      rewrites: { 'modules/vault.bicep': [['param vaultName string\n\n', 'param vaultName string\n\n@description(\'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN302).\')\nparam auditWorkspaceId string\n\n'], ['  }\n}\n', '  }\n}\n\nresource auditDiagnostics \'Microsoft.Insights/diagnosticSettings@2021-05-01-preview\' = {\n  name: \'hipaa-notify-audit\'\n  scope: vault\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: \'audit\'\n        enabled: true\n      }\n    ]\n  }\n}\n']] },
      findings: [{ file: 'modules/vault.bicep', line: 3, message: /'kv-claims-phi' holds PHI/ }],
    },
  ],
});
