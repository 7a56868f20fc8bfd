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
const both = (...resources: ResourceText[]) => armTemplate(resources.map((r) => armResource(r)).join(',\n'));
const bicep = (...resources: ResourceText[]) => resources.map((r) => bicepResource(r)).join('\n');
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "secretPermissions": { "value": [ "list" ] }\n  }\n}\n';

testRule(hn402KeyvaultDeniesNotificationIdentity, {
  valid: [
    { name: "ARM: an access policy with get for the notifier's identity", files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(principal)] })) } },
    { name: 'ARM: RBAC with Key Vault Secrets User on the vault', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(secretsUser)) } },
    { name: 'ARM: a vault outside the model is not judged', files: { 'azuredeploy.json': both(notifier()) } },
    { name: 'ARM: a principal from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(expression('', "parameters('notifierPrincipal')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"notifierPrincipal": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(`${armResource(notifier(), { condition: false })},\n${armResource(vault({ accessPolicies: [] }))}`) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(`${armResource(notifier(), { metadata: { 'hipaa-notify': { suppress: { HN402: 'access granted by the security team out of band' } } } })},\n${armResource(vault({ accessPolicies: [] }))}`) } },
    { name: "Bicep: an access policy with get for the notifier's identity", files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [policy(principal)] })) } },
    { name: 'Bicep: RBAC with Key Vault Secrets User scoped to the vault', files: { 'main.bicep': bicep(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(secretsUser)) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': `${bicepResource(notifier(), { condition: 'false' })}\n${bicepResource(vault({ accessPolicies: [] }))}` } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [] })).replace('      Get_paging_key: {', '      // hipaa-notify-disable-next-line HN402 -- access granted by the security team out of band\n      Get_paging_key: {') } },
  ],
  invalid: [
    {
      name: 'ARM: no access policy for the notifier',
      files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy('6f1b7c2e-3d4a-4b8e-9c1f-2a3b4c5d6e7f')] })) },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /action 'Get_paging_key' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' reads secrets from vault 'kv-claims-notify', but the component has no access policy/ }],
    },
    { name: 'ARM: RBAC with Contributor only', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), roleAssignment(contributor)) }, findings: [{ file: 'azuredeploy.json', line: 33, message: /Key Vault Secrets User/ }] },
    { name: 'ARM: a notifier without a managed identity', files: { 'azuredeploy.json': both(notifier({ type: 'None' }), vault({ accessPolicies: [] })) }, findings: [{ file: 'azuredeploy.json', line: 33, message: /has no managed identity to be granted access/ }] },
    {
      name: 'ARM: permissions through a parameter default',
      files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(principal, expression('', "parameters('secretPermissions')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"secretPermissions": { "type": "array", "defaultValue": [ "list" ] }' }) },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets from vault 'kv-claims-notify'/ }],
    },
    {
      name: 'ARM: permissions through a parameter file',
      files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(principal, expression('', "parameters('secretPermissions')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"secretPermissions": { "type": "array", "defaultValue": [ "get" ] }' }), 'azuredeploy.parameters.json': parametersFile },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets/ }],
    },
    {
      name: 'ARM: policies from a variable, notifiers in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(`${armResource(notifier({ type: 'SystemAssigned' }, expression('', "concat('la-claims-notifier-', copyIndex())")), { copy: { name: 'notifiers', count: 2 } })},\n${armResource(vault({ accessPolicies: expression('', "variables('policies')") }))}`, { variables: '"policies": []' }),
      },
      findings: [
        { file: 'azuredeploy.json', line: 37, message: /'la-claims-notifier-0'/ },
        { file: 'azuredeploy.json', line: 37, message: /'la-claims-notifier-1'/ },
      ],
    },
    { name: 'Bicep: no access policy for the notifier', files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [] })) }, findings: [{ file: 'main.bicep', line: 25, message: /'Get_paging_key'.*grant its managed identity 'Key Vault Secrets User'/ }] },
    {
      name: 'Bicep: RBAC switched on by a .bicepparam value, no role assignment',
      files: { 'main.bicep': `param useRbac bool = false\n\n${bicep(notifier(), vault({ enableRbacAuthorization: expression('useRbac', ''), accessPolicies: [policy(principal)] }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam useRbac = true\n" },
      findings: [{ file: 'main.bicep', line: 27, message: /reads secrets/ }],
    },
    {
      name: 'Bicep: a variable permission list, notifiers in a loop',
      files: { 'main.bicep': `var secretPermissions = [\n  'list'\n]\n\n${bicepResource(notifier({ type: 'SystemAssigned' }, expression("'la-claims-${region}'", '')), { loop: "region in ['eastus', 'westus']" })}\n${bicepResource(vault({ accessPolicies: [policy(expression('notifier[0].identity.principalId', ''), expression('secretPermissions', ''))] }))}`.replace("resource notifier 'Microsoft.Logic", "resource notifier 'Microsoft.Logic") },
      findings: [
        { file: 'main.bicep', line: 29, message: /'la-claims-eastus'/ },
        { file: 'main.bicep', line: 29, message: /'la-claims-westus'/ },
      ],
    },
    {
      name: 'Bicep: the vault deployed by a module with the principal passed in',
      files: {
        'main.bicep': `${bicepResource(notifier())}\nmodule vault 'modules/vault.bicep' = {\n  name: 'vault'\n  params: {\n    readerPrincipal: 'cd0f5a8e-0000-4000-8000-00000000beef'\n  }\n}\n`,
        'modules/vault.bicep': `param readerPrincipal string\n\n${bicepResource(vault({ accessPolicies: [policy(expression('readerPrincipal', ''))] }))}`,
      },
      findings: [{ file: 'main.bicep', line: 25, message: /reads secrets from vault 'kv-claims-notify'/ }],
    },
  ],
});
