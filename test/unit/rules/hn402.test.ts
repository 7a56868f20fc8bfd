import { hn402KeyvaultDeniesNotificationIdentity } from '../../../server/src/rules/template/hn402KeyvaultDeniesNotificationIdentity';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const readSecret: Described = {
  type: 'Http',
  inputs: { method: 'GET', uri: 'https://kv-claims-notify.vault.azure.net/secrets/pager-key?api-version=7.4', authentication: { type: 'ManagedServiceIdentity', audience: 'https://vault.azure.net' } },
  runAfter: {},
};
const notifier = (identity: Described = { type: 'SystemAssigned' }, name: Described = 'la-claims-breach-notifier'): ResourceText => {
  const workflow = notifierWorkflow({ Get_paging_key: readSecret }, { name });
  return { ...workflow, body: { ...workflow.body, identity } };
};
const principal = expression('notifier.identity.principalId', "reference(resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '2019-05-01', 'full').identity.principalId");
const policy = (objectId: Described, secrets: Described = ['get']): Described => ({ tenantId: expression('subscription().tenantId', 'subscription().tenantId'), objectId, permissions: { secrets } });
const vault = (properties: { readonly [key: string]: Described }): ResourceText => ({
  symbol: 'vault',
  type: 'Microsoft.KeyVault/vaults@2023-07-01',
  body: { name: 'kv-claims-notify', location: 'eastus', properties: { tenantId: expression('subscription().tenantId', 'subscription().tenantId'), sku: { family: 'A', name: 'standard' }, ...properties } },
});
const roleAssignment = (role: string): ResourceText => ({
  symbol: 'notifierSecrets',
  type: 'Microsoft.Authorization/roleAssignments@2022-04-01',
  body: {
    name: expression("guid(vault.id, notifier.id, 'secrets')", "guid('kv-claims-notify', 'la-claims-breach-notifier', 'secrets')"),
    scope: expression('vault', "format('Microsoft.KeyVault/vaults/{0}', 'kv-claims-notify')"),
    properties: { roleDefinitionId: expression(`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role}')`, `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role}')`), principalId: principal, principalType: 'ServicePrincipal' },
  },
});
const secretsUser = '4633458b-17de-408a-b874-0445c86b69e6';
const contributor = 'b24988ac-6180-42e0-ab88-20f7382dd24c';
const intakeIdentity: ResourceText = { symbol: 'intakeIdentity', type: 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31', body: { name: 'id-claims-intake', location: 'eastus' } };
const intakePrincipal = expression('intakeIdentity.properties.principalId', "reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-intake'), '2023-01-31').principalId");
const writtenObjectId = '6f1b7c2e-3d4a-4b8e-9c1f-2a3b4c5d6e7f';
const owner = '8e3af657-a8ff-443d-a75f-50d3a4ea1d95';
const secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7';
/** A role assignment with its own principal and scope (the resource group when scope is undefined). */
const grant = (role: string, principalId: Described, principalType: string, scope?: Described): ResourceText => {
  const base = roleAssignment(role);
  const { scope: _vaultScope, ...rest } = base.body;
  const properties = { roleDefinitionId: expression(`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role}')`, `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role}')`), principalId, principalType };
  return { ...base, body: scope === undefined ? { ...rest, properties } : { ...rest, scope, properties } };
};
/** A notifier reading the pager key through the Key Vault connector; `managed` makes the connection use its managed identity. */
const connectorNotifier = (managed: boolean): ResourceText => {
  const workflow = notifierWorkflow({ Get_paging_key: { type: 'ApiConnection', inputs: { host: { connection: { name: "@parameters('$connections')['keyvault']['connectionId']" } }, method: 'get', path: "/secrets/@{encodeURIComponent('pager-key')}/value" }, runAfter: {} } });
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  const entry = { connectionId: expression('keyVaultConnection.id', "resourceId('Microsoft.Web/connections', 'keyvault')"), connectionName: 'keyvault', id: expression("subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')", "subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')"), ...(managed ? { connectionProperties: { authentication: { type: 'ManagedServiceIdentity' } } } : {}) };
  return { ...workflow, body: { ...workflow.body, identity: { type: 'SystemAssigned' }, properties: { ...properties, parameters: { $connections: { value: { keyvault: entry } } } } } };
};
const keyVaultConnection = (managed: boolean): ResourceText => ({
  symbol: 'keyVaultConnection',
  type: 'Microsoft.Web/connections@2016-06-01',
  body: { name: 'keyvault', location: 'eastus', properties: { displayName: 'kv-claims-notify', api: { id: expression("subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')", "subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')") }, ...(managed ? { parameterValueType: 'Alternative', alternativeParameterValues: { vaultName: 'kv-claims-notify' } } : { parameterValues: { vaultName: 'kv-claims-notify' } }) } },
});
/** A function app reading the pager key through a Key Vault reference, as its system identity or as id-claims-intake. */
const functionApp = (options: { asIntake?: boolean; settings?: boolean; identity?: Described } = {}): ResourceText => ({
  symbol: 'notifyFunction',
  type: 'Microsoft.Web/sites@2022-09-01',
  body: {
    name: 'func-claims-notify',
    location: 'eastus',
    kind: 'functionapp',
    tags: { 'hipaa-notify': 'notification' },
    identity: options.identity ?? { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { UAMI_KEY: {} } },
    properties: {
      ...(options.asIntake ? { keyVaultReferenceIdentity: expression('intakeIdentity.id', "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-intake')") } : {}),
      siteConfig: { appSettings: options.settings === false ? [] : [{ name: 'PAGER_KEY', value: '@Microsoft.KeyVault(VaultName=kv-claims-notify;SecretName=pager-key)' }] },
    },
  },
});
const functionPrincipal = expression('notifyFunction.identity.principalId', "reference(resourceId('Microsoft.Web/sites', 'func-claims-notify'), '2022-09-01', 'full').identity.principalId");
const withIdentityKey = (text: string) => text.replace('"UAMI_KEY"', `"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-intake')]"`).replace('UAMI_KEY', "'${intakeIdentity.id}'");
const both = (...resources: ResourceText[]) => armTemplate(resources.map((r) => armResource(r)).join(',\n'));
const bicep = (...resources: ResourceText[]) => resources.map((r) => bicepResource(r)).join('\n');
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "secretPermissions": { "value": [ "list" ] }\n  }\n}\n';

testRule(hn402KeyvaultDeniesNotificationIdentity, {
  valid: [
    { name: "ARM: an access policy with get for the notifier's identity", files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(principal)] })) } },
    { name: 'ARM: RBAC with Key Vault Secrets User on the vault', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(secretsUser)) } },
    { name: 'ARM: a vault outside the model is not judged', files: { 'azuredeploy.json': both(notifier()) } },
    { name: 'ARM: a principal from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(expression('', "parameters('notifierPrincipal')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"notifierPrincipal": { "type": "string" }' }) } },
    { name: "ARM: an access policy for a written object ID, which may be the notifier's own", files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(writtenObjectId)] })) } },
    { name: 'ARM: Secrets User to a written service principal ID, which may be the notifier', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), grant(secretsUser, writtenObjectId, 'ServicePrincipal')) } },
    {
      name: 'ARM: an HTTP read with a client secret runs as an app the model does not know',
      files: { 'azuredeploy.json': both(notifierWorkflow({ Get_paging_key: { ...(readSecret as object), inputs: { method: 'GET', uri: 'https://kv-claims-notify.vault.azure.net/secrets/pager-key?api-version=7.4', authentication: { type: 'ActiveDirectoryOAuth', tenant: 'contoso-health.onmicrosoft.com', audience: 'https://vault.azure.net', clientId: '5b0f7c1e-93a4-4d8e-a6b2-1c9f0e7d3a58', secret: "@parameters('vaultClientSecret')" } } } }), vault({ accessPolicies: [] })) },
    },
    { name: 'ARM: a Key Vault connection signed in by a user', files: { 'azuredeploy.json': both(connectorNotifier(false), keyVaultConnection(false), vault({ accessPolicies: [] })) } },
    {
      name: 'ARM: a Key Vault reference as a user-assigned identity granted by a child accessPolicies resource',
      files: {
        'azuredeploy.json': withIdentityKey(
          both(intakeIdentity, functionApp({ asIntake: true }), vault({ accessPolicies: [] }), { symbol: 'intakePolicy', type: 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01', body: { name: 'kv-claims-notify/add', properties: { accessPolicies: [policy(intakePrincipal, ['Get', 'List'])] } } }),
        ),
      },
    },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [] })).replace(/\n( *)"uri": "https:\/\/kv-claims-notify/, '\n$1// hipaa-notify-disable-next-line HN402 -- access granted by the security team out of band\n$1"uri": "https://kv-claims-notify') } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(`${armResource(notifier(), { condition: false })},\n${armResource(vault({ accessPolicies: [] }))}`) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(`${armResource(notifier(), { metadata: { 'hipaa-notify': { suppress: { HN402: 'access granted by the security team out of band' } } } })},\n${armResource(vault({ accessPolicies: [] }))}`) } },
    { name: "Bicep: an access policy with get for the notifier's identity", files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [policy(principal)] })) } },
    { name: 'Bicep: RBAC with Key Vault Secrets User scoped to the vault', files: { 'main.bicep': bicep(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(secretsUser)) } },
    { name: 'Bicep: a principal from a parameter without a default is unknown', files: { 'main.bicep': `param notifierPrincipal string\n\n${bicep(notifier(), vault({ accessPolicies: [policy(expression('notifierPrincipal', ''))] }))}` } },
    { name: 'Bicep: a managed-identity Key Vault connection with an access policy', files: { 'main.bicep': bicep(connectorNotifier(true), keyVaultConnection(true), vault({ accessPolicies: [policy(principal)] })) } },
    { name: 'Bicep: Key Vault Secrets Officer on the resource group', files: { 'main.bicep': bicep(notifier(), vault({ enableRbacAuthorization: true }), grant(secretsOfficer, principal, 'ServicePrincipal')) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': `${bicepResource(notifier(), { condition: 'false' })}\n${bicepResource(vault({ accessPolicies: [] }))}` } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [] })).replace('      Get_paging_key: {', '      // hipaa-notify-disable-next-line HN402 -- access granted by the security team out of band\n      Get_paging_key: {') } },
  ],
  invalid: [
    {
      name: "ARM: an access policy for another identity only",
      files: { 'azuredeploy.json': both(notifier(), intakeIdentity, vault({ accessPolicies: [policy(intakePrincipal)] })) },
      rewrites: { 'azuredeploy.json': [['              ]\n            }\n', '              ]\n            }\n          },\n          {\n            "tenantId": "[subscription().tenantId]",\n            "objectId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n            "permissions": {\n              "secrets": [\n                "get"\n              ]\n            }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /action 'Get_paging_key' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' reads secrets from vault 'kv-claims-notify', but the component has no access policy/ }],
    },
    { name: 'ARM: RBAC with Contributor only', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(contributor)) }, rewrites: { 'azuredeploy.json': [['        "principalType": "ServicePrincipal"\n      }\n', '        "principalType": "ServicePrincipal"\n      }\n    },\n    {\n      "type": "Microsoft.Authorization/roleAssignments",\n      "apiVersion": "2022-04-01",\n      "name": "[guid(resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\'), resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-notify",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\')]",\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n        "principalId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n        "principalType": "ServicePrincipal"\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 33, message: /Key Vault Secrets User/ }] },
    { name: 'ARM: RBAC with Owner only (no data-plane access)', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(owner)) }, rewrites: { 'azuredeploy.json': [['        "principalType": "ServicePrincipal"\n      }\n', '        "principalType": "ServicePrincipal"\n      }\n    },\n    {\n      "type": "Microsoft.Authorization/roleAssignments",\n      "apiVersion": "2022-04-01",\n      "name": "[guid(resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\'), resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-notify",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\')]",\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n        "principalId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n        "principalType": "ServicePrincipal"\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets from vault 'kv-claims-notify'/ }] },
    { name: 'ARM: Secrets User granted to a user, not the notifier', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), grant(secretsUser, writtenObjectId, 'User')) }, rewrites: { 'azuredeploy.json': [['        "principalType": "User"\n      }\n', '        "principalType": "User"\n      }\n    },\n    {\n      "type": "Microsoft.Authorization/roleAssignments",\n      "apiVersion": "2022-04-01",\n      "name": "[guid(resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\'), resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n      "scope": "Microsoft.KeyVault/vaults/kv-claims-notify",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.KeyVault/vaults\', \'kv-claims-notify\')]",\n        "[resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\')]"\n      ],\n      "properties": {\n        "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'4633458b-17de-408a-b874-0445c86b69e6\')]",\n        "principalId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n        "principalType": "ServicePrincipal"\n      }\n']] }, findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets/ }] },
    { name: 'ARM: a managed-identity Key Vault connection without an access policy', files: { 'azuredeploy.json': both(connectorNotifier(true), keyVaultConnection(true), vault({ accessPolicies: [] })) }, rewrites: { 'azuredeploy.json': [['        "accessPolicies": []\n', '        "accessPolicies": [\n          {\n            "tenantId": "[subscription().tenantId]",\n            "objectId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n            "permissions": {\n              "secrets": [\n                "get"\n              ]\n            }\n          }\n        ]\n']] }, findings: [{ file: 'azuredeploy.json', line: 29, message: /action 'Get_paging_key' .* reads secrets from vault 'kv-claims-notify'/ }] },
    {
      name: 'ARM: a sites/config appsettings Key Vault reference',
      files: {
        'azuredeploy.json': withIdentityKey(
          both(intakeIdentity, functionApp({ settings: false, identity: { type: 'SystemAssigned' } }), vault({ accessPolicies: [policy(intakePrincipal)] }), { symbol: 'notifySettings', type: 'Microsoft.Web/sites/config@2022-09-01', body: { name: 'func-claims-notify/appsettings', properties: { FUNCTIONS_EXTENSION_VERSION: '~4', PAGER_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-claims-notify.vault.azure.net/secrets/pager-key/)' } } }),
        ),
      },
      rewrites: { 'azuredeploy.json': [['            }\n', '            }\n          },\n          {\n            "tenantId": "[subscription().tenantId]",\n            "objectId": "[reference(resourceId(\'Microsoft.Web/sites\', \'func-claims-notify\'), \'2022-09-01\', \'full\').identity.principalId]",\n            "permissions": {\n              "secrets": [\n                "get"\n              ]\n            }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 61, message: /app setting 'PAGER_KEY' of Microsoft.Web\/sites 'func-claims-notify' reads secrets/ }],
    },
    { name: 'ARM: a notifier without a managed identity', files: { 'azuredeploy.json': both(notifier({ type: 'None' }), vault({ accessPolicies: [] })) }, findings: [{ file: 'azuredeploy.json', line: 33, message: /has no managed identity to be granted access/ }] },
    {
      name: 'ARM: permissions through a parameter default',
      files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(principal, expression('', "parameters('secretPermissions')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"secretPermissions": { "type": "array", "defaultValue": [ "list" ] }' }) },
      rewrites: { 'azuredeploy.json': [['              "secrets": "[parameters(\'secretPermissions\')]"\n            }\n', '              "secrets": "[parameters(\'secretPermissions\')]"\n            }\n          },\n          {\n            "tenantId": "[subscription().tenantId]",\n            "objectId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n            "permissions": {\n              "secrets": [\n                "get"\n              ]\n            }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets from vault 'kv-claims-notify'/ }],
    },
    {
      name: 'ARM: permissions through a parameter file',
      files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(principal, expression('', "parameters('secretPermissions')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"secretPermissions": { "type": "array", "defaultValue": [ "get" ] }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.json': [['              "secrets": "[parameters(\'secretPermissions\')]"\n            }\n', '              "secrets": "[parameters(\'secretPermissions\')]"\n            }\n          },\n          {\n            "tenantId": "[subscription().tenantId]",\n            "objectId": "[reference(resourceId(\'Microsoft.Logic/workflows\', \'la-claims-breach-notifier\'), \'2019-05-01\', \'full\').identity.principalId]",\n            "permissions": {\n              "secrets": [\n                "get"\n              ]\n            }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets/ }],
    },
    {
      name: 'ARM: policies from a variable, notifiers in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(`${armResource(notifier({ type: 'SystemAssigned' }, expression('', "concat('la-claims-notifier-', copyIndex())")), { copy: { name: 'notifiers', count: 2 } })},\n${armResource(vault({ accessPolicies: expression('', "variables('policies')") }))}`, { variables: '"policies": []' }),
      },
      findings: [
        { file: 'azuredeploy.json', line: 37, message: /'la-claims-notifier-0'/ },
      ],
    },
    { name: 'Bicep: no access policy for the notifier', files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [] })) }, rewrites: { 'main.bicep': [['    accessPolicies: []\n', '    accessPolicies: [\n      {\n        tenantId: subscription().tenantId\n        objectId: notifier.identity.principalId\n        permissions: {\n          secrets: [\n            \'get\'\n          ]\n        }\n      }\n    ]\n']] }, findings: [{ file: 'main.bicep', line: 25, message: /'Get_paging_key'.*grant its managed identity 'Key Vault Secrets User'/ }] },
    {
      name: 'Bicep: permissions through a parameter default',
      files: { 'main.bicep': `param secretPermissions array = [\n  'list'\n]\n\n${bicep(notifier(), vault({ accessPolicies: [policy(principal, expression('secretPermissions', ''))] }))}` },
      rewrites: { 'main.bicep': [['          secrets: secretPermissions\n        }\n      }\n', '          secrets: secretPermissions\n        }\n      }\n      {\n        tenantId: subscription().tenantId\n        objectId: notifier.identity.principalId\n        permissions: {\n          secrets: [\n            \'get\'\n          ]\n        }\n      }\n']] },
      findings: [{ file: 'main.bicep', line: 29, message: /reads secrets/ }],
    },
    {
      name: 'Bicep: a Key Vault reference resolved as a user-assigned identity the vault does not grant',
      files: { 'main.bicep': withIdentityKey(bicep(intakeIdentity, functionApp({ asIntake: true }), vault({ accessPolicies: [policy(functionPrincipal)] }))) },
      findings: [{ file: 'main.bicep', line: 25, message: /app setting 'PAGER_KEY'.*identity 'id-claims-intake' has no access policy/ }],
    },
    {
      name: 'Bicep: RBAC switched on by a .bicepparam value, no role assignment',
      files: { 'main.bicep': `param useRbac bool = false\n\n${bicep(notifier(), vault({ enableRbacAuthorization: expression('useRbac', ''), accessPolicies: [policy(principal)] }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam useRbac = true\n" },
      rewrites: { 'main.bicep': [['    ]\n  }\n}\n', '    ]\n  }\n}\n\nresource secretsUserAssignment \'Microsoft.Authorization/roleAssignments@2022-04-01\' = {\n  name: guid(vault.id, notifier.id, \'4633458b-17de-408a-b874-0445c86b69e6\')\n  scope: vault\n  properties: {\n    roleDefinitionId: subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'4633458b-17de-408a-b874-0445c86b69e6\')\n    principalId: notifier.identity.principalId\n    principalType: \'ServicePrincipal\'\n  }\n}\n']] },
      findings: [{ file: 'main.bicep', line: 27, message: /reads secrets/ }],
    },
    {
      name: 'Bicep: a variable permission list, notifiers in a loop',
      files: { 'main.bicep': `var secretPermissions = [\n  'list'\n]\n\n${bicepResource(notifier({ type: 'SystemAssigned' }, expression("'la-claims-${region}'", '')), { loop: "region in ['eastus', 'westus']" })}\n${bicepResource(vault({ accessPolicies: [policy(expression('notifier[0].identity.principalId', ''), expression('secretPermissions', ''))] }))}`.replace("resource notifier 'Microsoft.Logic", "resource notifier 'Microsoft.Logic") },
      findings: [
        { file: 'main.bicep', line: 29, message: /'la-claims-eastus'/ },
      ],
    },
    {
      name: 'Bicep: the vault deployed by a module with the principal passed in',
      files: {
        'main.bicep': `${bicepResource(notifier())}\nmodule vault 'modules/vault.bicep' = {\n  name: 'vault'\n  params: {\n    readerPrincipal: notifier.identity.principalId\n    secretPermissions: [\n      'list'\n    ]\n  }\n}\n`,
        'modules/vault.bicep': `param readerPrincipal string\nparam secretPermissions array\n\n${bicepResource(vault({ accessPolicies: [policy(expression('readerPrincipal', ''), expression('secretPermissions', ''))] }))}`,
      },
      findings: [{ file: 'main.bicep', line: 25, message: /reads secrets from vault 'kv-claims-notify'/ }],
    },
  ],
});
