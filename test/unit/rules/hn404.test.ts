import { hn404KeyvaultGrantByCopiedId } from '../../../server/src/rules/template/hn404KeyvaultGrantByCopiedId';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const readSecret: Described = {
  type: 'Http',
  inputs: { method: 'GET', uri: 'https://kv-claims-notify.vault.azure.net/secrets/pager-key?api-version=7.4', authentication: { type: 'ManagedServiceIdentity', audience: 'https://vault.azure.net' } },
  runAfter: {},
};
const notifier = (identity: Described = { type: 'SystemAssigned' }): ResourceText => {
  const workflow = notifierWorkflow({ Get_paging_key: readSecret });
  return { ...workflow, body: { ...workflow.body, identity } };
};
const principal = expression('notifier.identity.principalId', "reference(resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '2019-05-01', 'full').identity.principalId");
const tenant = expression('subscription().tenantId', 'subscription().tenantId');
const policy = (objectId: Described, secrets: Described = ['get']): Described => ({ tenantId: tenant, objectId, permissions: { secrets } });
const vault = (properties: { readonly [key: string]: Described }): ResourceText => ({
  symbol: 'vault',
  type: 'Microsoft.KeyVault/vaults@2023-07-01',
  body: { name: 'kv-claims-notify', location: 'eastus', properties: { tenantId: tenant, sku: { family: 'A', name: 'standard' }, ...properties } },
});
const secretsUser = '4633458b-17de-408a-b874-0445c86b69e6';
const grant = (principalId: Described, principalType: string): ResourceText => ({
  symbol: 'notifierSecrets',
  type: 'Microsoft.Authorization/roleAssignments@2022-04-01',
  body: {
    name: expression("guid(vault.id, 'notifier-secrets')", "guid('kv-claims-notify', 'notifier-secrets')"),
    scope: expression('vault', "format('Microsoft.KeyVault/vaults/{0}', 'kv-claims-notify')"),
    properties: { roleDefinitionId: expression(`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${secretsUser}')`, `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${secretsUser}')`), principalId, principalType },
  },
});
const copiedId = '6f1b7c2e-3d4a-4b8e-9c1f-2a3b4c5d6e7f';
const both = (...resources: ResourceText[]) => armTemplate(resources.map((r) => armResource(r)).join(',\n'));
const bicep = (...resources: ResourceText[]) => resources.map((r) => bicepResource(r)).join('\n');

testRule(hn404KeyvaultGrantByCopiedId, {
  valid: [
    { name: "ARM: an access policy for the notifier's principal", files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(principal)] })) } },
    { name: "ARM: a copied ID next to a policy for the notifier's principal", files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(copiedId), policy(principal)] })) } },
    { name: 'ARM: a principal from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate([notifier(), vault({ accessPolicies: [policy(expression('', "parameters('notifierPrincipal')"))] })].map((r) => armResource(r)).join(',\n'), { parameters: '"notifierPrincipal": { "type": "string" }' }) } },
    { name: 'ARM: Secrets User to a written user ID is not a grant to the notifier (HN402, not HN404)', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), grant(copiedId, 'User')) } },
    { name: 'ARM: a written group ID may hold the identity', files: { 'azuredeploy.json': both(notifier(), vault({ enableRbacAuthorization: true }), grant(copiedId, 'Group')) } },
    { name: 'ARM: a notifier without a managed identity (HN402)', files: { 'azuredeploy.json': both(notifier({ type: 'None' }), vault({ accessPolicies: [policy(copiedId)] })) } },
    { name: 'ARM: a vault outside the model is not judged', files: { 'azuredeploy.json': both(notifier()) } },
    { name: "Bicep: Secrets User to the notifier's principal", files: { 'main.bicep': bicep(notifier(), vault({ enableRbacAuthorization: true }), grant(principal, 'ServicePrincipal')) } },
    { name: 'Bicep: a principal from a parameter without a default is unknown', files: { 'main.bicep': `param notifierPrincipal string\n\n${bicep(notifier(), vault({ accessPolicies: [policy(expression('notifierPrincipal', ''))] }))}` } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [policy(copiedId)] })).replace(/\n( *)objectId: /, '\n$1// hipaa-notify-disable-next-line HN404 -- break-glass principal managed by the platform team\n$1objectId: ') } },
  ],
  invalid: [
    {
      name: 'ARM: the only access policy names a GUID literal',
      files: { 'azuredeploy.json': both(notifier(), vault({ accessPolicies: [policy(copiedId)] })) },
      findings: [{ file: 'azuredeploy.json', line: 62, message: /Microsoft.KeyVault\/vaults 'kv-claims-notify' grants secret reads to the written object ID '6f1b7c2e-3d4a-4b8e-9c1f-2a3b4c5d6e7f' instead of the principal of Microsoft.Logic\/workflows 'la-claims-breach-notifier'.*grant to reference\(resourceId\('Microsoft.Logic\/workflows', 'la-claims-breach-notifier'\), '2019-05-01', 'full'\).identity.principalId/ }],
    },
    {
      name: 'ARM: Secrets User to a parameter default, at the default',
      files: { 'azuredeploy.json': armTemplate([notifier(), vault({ enableRbacAuthorization: true }), grant(expression('', "parameters('notifierPrincipalId')"), 'ServicePrincipal')].map((r) => armResource(r)).join(',\n'), { parameters: `"notifierPrincipalId": { "type": "string", "defaultValue": "${copiedId}" }` }) },
      findings: [{ file: 'azuredeploy.json', line: 4, message: /written object ID '6f1b7c2e/ }],
    },
    {
      name: 'Bicep: the only access policy names a GUID literal',
      files: { 'main.bicep': bicep(notifier(), vault({ accessPolicies: [policy(copiedId)] })) },
      findings: [{ file: 'main.bicep', line: 53, message: /written object ID '6f1b7c2e.*grant to notifier.identity.principalId/ }],
    },
    {
      name: 'Bicep: Secrets User to a parameter default, at the default',
      files: { 'main.bicep': `param notifierPrincipalId string = '${copiedId}'\n\n${bicep(notifier(), vault({ enableRbacAuthorization: true }), grant(expression('notifierPrincipalId', ''), 'ServicePrincipal'))}` },
      findings: [{ file: 'main.bicep', line: 1, message: /written object ID '6f1b7c2e/ }],
    },
  ],
});
