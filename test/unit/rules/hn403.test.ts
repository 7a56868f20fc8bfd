import { hn403NotificationIdentityMissing } from '../../../server/src/rules/template/hn403NotificationIdentityMissing';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const graphMail: Described = {
  type: 'Http',
  inputs: { method: 'POST', uri: 'https://graph.microsoft.com/v1.0/users/hipaa-notifications@contoso-health.com/sendMail', body: { message: { subject: 'Possible PHI incident' } } },
  runAfter: {},
};
const notifier = (identity: Described | undefined, actions: { readonly [name: string]: Described } = { Send_mail: graphMail }, name: Described = 'la-claims-breach-notifier'): ResourceText => {
  const workflow = notifierWorkflow(actions, { name });
  return identity === undefined ? workflow : { ...workflow, body: { ...workflow.body, identity } };
};
const functionApp = (setting: Described): ResourceText => ({
  symbol: 'notifyFunction',
  type: 'Microsoft.Web/sites@2022-09-01',
  body: { name: 'func-claims-notify', location: 'eastus', kind: 'functionapp', tags: { 'hipaa-notify': 'notification' }, properties: { siteConfig: { appSettings: [{ name: 'PAGER_KEY', value: setting }] } } },
});
/** A notifier reading the pager key through the Key Vault connector, signed in by a user. */
const keyVaultNotifier = (identity: Described | undefined): ResourceText => {
  const workflow = notifier(identity, { Get_paging_key: { type: 'ApiConnection', inputs: { host: { connection: { name: "@parameters('$connections')['keyvault']['connectionId']" } }, method: 'get', path: "/secrets/@{encodeURIComponent('pager-key')}/value" }, runAfter: {} } });
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  const managedApi = expression("subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')", "subscriptionResourceId('Microsoft.Web/locations/managedApis', 'eastus', 'keyvault')");
  return { ...workflow, body: { ...workflow.body, properties: { ...properties, parameters: { $connections: { value: { keyvault: { connectionId: expression("resourceId('Microsoft.Web/connections', 'keyvault')", "resourceId('Microsoft.Web/connections', 'keyvault')"), connectionName: 'keyvault', id: managedApi } } } } } } };
};
const partnerApiCall: Described = {
  type: 'Http',
  inputs: { method: 'POST', uri: 'https://incidents.contoso-health.com/api/escalations', authentication: { type: 'ActiveDirectoryOAuth', tenant: 'contoso-health.onmicrosoft.com', audience: 'api://contoso-incidents', clientId: '5b0f7c1e-93a4-4d8e-a6b2-1c9f0e7d3a58', secret: "@parameters('incidentClientSecret')" } },
  runAfter: {},
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "identityType": { "value": "None" }\n  }\n}\n';

testRule(hn403NotificationIdentityMissing, {
  valid: [
    { name: 'ARM: a system-assigned identity', files: { 'azuredeploy.json': armTemplate(armResource(notifier({ type: 'SystemAssigned' }))) } },
    { name: 'ARM: a notifier that calls no Azure API', files: { 'azuredeploy.json': armTemplate(armResource(notifier(undefined, { Page_on_call: pageAction() }))) } },
    { name: 'ARM: an identity type from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(notifier({ type: expression('', "parameters('identityType')") })), { parameters: '"identityType": { "type": "string" }' }) } },
    { name: 'ARM: a Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(armResource({ ...notifier(undefined), body: { ...notifier(undefined).body, tags: { 'hipaa-notify': 'none' } } })) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(notifier(undefined), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(notifier(undefined), { metadata: { 'hipaa-notify': { suppress: { HN403: 'uses a certificate kept in the integration account' } } } })) } },
    { name: 'ARM: a Key Vault connector from a notifier with a managed identity', files: { 'azuredeploy.json': armTemplate(armResource(keyVaultNotifier({ type: 'SystemAssigned' }))) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(`    // hipaa-notify-disable-next-line HN403 -- uses a certificate kept in the integration account\n${armResource(notifier(undefined))}`) } },
    { name: 'Bicep: an identity type from a parameter without a default is unknown', files: { 'main.bicep': `param identityType string\n\n${bicepResource(notifier({ type: expression('identityType', '') }))}` } },
    { name: 'Bicep: a user-assigned identity', files: { 'main.bicep': `resource notifierIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id-claims-notifier'\n  location: 'eastus'\n}\n\n${bicepResource(notifier({ type: 'UserAssigned', userAssignedIdentities: { UAMI_KEY: {} } }))}`.replace("UAMI_KEY", "'${notifierIdentity.id}'") } },
    { name: 'Bicep: a system-assigned identity', files: { 'main.bicep': bicepResource(notifier({ type: 'SystemAssigned' })) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(notifier(undefined), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN403 -- uses a certificate kept in the integration account\n${bicepResource(notifier(undefined))}` } },
  ],
  invalid: [
    { name: 'ARM: Graph sendMail without an identity', files: { 'azuredeploy.json': armTemplate(armResource(notifier(undefined))) }, rewrites: { 'azuredeploy.json': [['        }\n      }', '        }\n      },\n      "identity": {\n        "type": "SystemAssigned"\n      }']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier' calls an Azure API \(action 'Send_mail'\) without a managed identity.*SystemAssigned/ }] },
    { name: 'ARM: identity type None, managed identity authentication', files: { 'azuredeploy.json': armTemplate(armResource(notifier({ type: 'None' }, { Page_on_call: pageAction({ authentication: { type: 'ManagedServiceIdentity' } }) }))) }, rewrites: { 'azuredeploy.json': [['None', 'SystemAssigned']] }, findings: [{ file: 'azuredeploy.json', line: 45, message: /action 'Page_on_call'/ }] },
    { name: 'ARM: a Function App with a Key Vault reference', files: { 'azuredeploy.json': armTemplate(armResource(functionApp('@Microsoft.KeyVault(SecretUri=https://kv-claims-notify.vault.azure.net/secrets/pager-key/)'))) }, rewrites: { 'azuredeploy.json': [['        }\n      }', '        }\n      },\n      "identity": {\n        "type": "SystemAssigned"\n      }']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'func-claims-notify' calls an Azure API \(app setting 'PAGER_KEY'\)/ }] },
    { name: 'ARM: identity None through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(notifier({ type: expression('', "parameters('identityType')") })), { parameters: '"identityType": { "type": "string", "defaultValue": "None" }' }) }, rewrites: { 'azuredeploy.json': [['None', 'SystemAssigned']] }, findings: [{ file: 'azuredeploy.json', line: 4, message: /without a managed identity/ }] },
    {
      name: 'ARM: identity None through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(notifier({ type: expression('', "parameters('identityType')") })), { parameters: '"identityType": { "type": "string", "defaultValue": "SystemAssigned" }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['None', 'SystemAssigned']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /without a managed identity/ }],
    },
    {
      name: 'ARM: the Key Vault reference from a variable, apps in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource({ ...functionApp(expression('', "variables('pagerKey')")), body: { ...functionApp(expression('', "variables('pagerKey')")).body, name: expression('', "concat('func-claims-notify-', copyIndex())") } }, { copy: { name: 'apps', count: 2 } }), { variables: '"pagerKey": "@Microsoft.KeyVault(VaultName=kv-claims-notify;SecretName=pager-key)"' }) },
      rewrites: { 'azuredeploy.json': [['        }\n      }', '        }\n      },\n      "identity": {\n        "type": "SystemAssigned"\n      }']] },
      findings: [
        { file: 'azuredeploy.json', line: 14, message: /'func-claims-notify-0'/ },
      ],
    },
    { name: 'ARM: a Key Vault connector without an identity', files: { 'azuredeploy.json': armTemplate(armResource(keyVaultNotifier(undefined))) }, rewrites: { 'azuredeploy.json': [['        }\n      }', '        }\n      },\n      "identity": {\n        "type": "SystemAssigned"\n      }']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-breach-notifier' calls an Azure API \(action 'Get_paging_key'\)/ }] },
    { name: 'ARM: a client secret for a partner API', files: { 'azuredeploy.json': armTemplate(armResource(notifier(undefined, { Escalate: partnerApiCall }))) }, rewrites: { 'azuredeploy.json': [['        }\n      }', '        }\n      },\n      "identity": {\n        "type": "SystemAssigned"\n      }']] }, findings: [{ file: 'azuredeploy.json', line: 10, message: /action 'Escalate'/ }] },
    { name: 'Bicep: Graph sendMail without an identity', files: { 'main.bicep': bicepResource(notifier(undefined)) }, rewrites: { 'main.bicep': [['  }\n}', '  }\n  identity: {\n    type: \'SystemAssigned\'\n  }\n}']] }, findings: [{ file: 'main.bicep', line: 1, message: /without a managed identity/ }] },
    { name: 'Bicep: identity None through a .bicepparam value', files: { 'main.bicep': `param identityType string = 'SystemAssigned'\n\n${bicepResource(notifier({ type: expression('identityType', '') }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam identityType = 'None'\n" }, rewrites: { 'main.bicepparam': [['None', 'SystemAssigned']] }, findings: [{ file: 'main.bicepparam', line: 3, message: /without a managed identity/ }] },
    { name: 'Bicep: identity None through a parameter default', files: { 'main.bicep': `param identityType string = 'None'\n\n${bicepResource(notifier({ type: expression('identityType', '') }))}` }, rewrites: { 'main.bicep': [['None', 'SystemAssigned']] }, findings: [{ file: 'main.bicep', line: 1, message: /without a managed identity/ }] },
    {
      name: 'Bicep: a function app with a Key Vault reference in a sites/config resource',
      files: { 'main.bicep': `${bicepResource(functionApp('1'))}\nresource notifySettings 'Microsoft.Web/sites/config@2022-09-01' = {\n  parent: notifyFunction\n  name: 'appsettings'\n  properties: {\n    FUNCTIONS_EXTENSION_VERSION: '~4'\n    PAGER_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-claims-notify.vault.azure.net/secrets/pager-key/)'\n  }\n}\n` },
      rewrites: { 'main.bicep': [['    }\n  }\n}', '    }\n  }\n  identity: {\n    type: \'SystemAssigned\'\n  }\n}']] },
      findings: [{ file: 'main.bicep', line: 1, message: /'func-claims-notify' calls an Azure API \(app setting 'PAGER_KEY'\)/ }],
    },
    {
      name: 'Bicep: a variable action in a loop of notifiers',
      files: { 'main.bicep': `var queueFailure = {\n  type: 'Http'\n  inputs: {\n    method: 'POST'\n    uri: 'https://stnotifydl001.queue.core.windows.net/notification-failures/messages'\n  }\n  runAfter: {}\n}\n\n${bicepResource(notifier(undefined, { Record_failure: expression('queueFailure', '') }, expression("'la-claims-${region}'", '')), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['}]', '  identity: {\n    type: \'SystemAssigned\'\n  }\n}]']] },
      findings: [
        { file: 'main.bicep', line: 10, message: /'la-claims-eastus'.*'Record_failure'/ },
      ],
    },
    {
      name: 'Bicep: a module deploys the notifier',
      files: { 'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    identityType: 'None'\n  }\n}\n", 'modules/notifier.bicep': `param identityType string\n\n${bicepResource(notifier({ type: expression('identityType', '') }))}` },
      rewrites: { 'main.bicep': [['None', 'SystemAssigned']] },
      findings: [{ file: 'main.bicep', line: 4, message: /without a managed identity/ }],
    },
  ],
});
