/**
 * Issue 16's classes (precision and recall on real templates), each as table rows in Bicep and
 * ARM JSON for the rule it changes: nullable parameters, resources with unknown names, links
 * through `??`/`coalesce()`/`tryGet()`, alert processing rules, Logic Apps reached through
 * `listCallbackUrl()`, settings binding inside their own deployment, and messages.
 */
import { hn104AlertNotRouted } from '../../../server/src/rules/template/hn104AlertNotRouted';
import { hn402KeyvaultDeniesNotificationIdentity } from '../../../server/src/rules/template/hn402KeyvaultDeniesNotificationIdentity';
import { hn301NotificationDeliveryNotLogged } from '../../../server/src/rules/template/hn301NotificationDeliveryNotLogged';
import { hn302PhiStoreAuditLogsMissing } from '../../../server/src/rules/template/hn302PhiStoreAuditLogsMissing';
import { hn303AuditRetentionTooShort } from '../../../server/src/rules/template/hn303AuditRetentionTooShort';
import { hn304NotificationConfigUnprotected } from '../../../server/src/rules/template/hn304NotificationConfigUnprotected';
import { actionGroupText, activityLogAlertText, roleReceiver } from './alertingFixture';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow } from './workflowFixture';

const arm = (resources: readonly ResourceText[], extra: Parameters<typeof armTemplate>[1] = {}) => armTemplate(resources.map((r) => armResource(r)).join(',\n'), extra);
const bicep = (resources: readonly ResourceText[]) => resources.map((r) => bicepResource(r)).join('\n');

// --- 1. nullable parameters, 3. links through ??, coalesce() and tryGet() (HN104) ---------------

const emptyGroup = actionGroupText({}, { symbol: 'agEmpty', name: 'ag-claims-empty' });
const workingGroup = actionGroupText({ armRoleReceivers: [roleReceiver] });
const alertWith = (groups: Described, symbol = 'securityAlert'): ResourceText => activityLogAlertText('Security', { name: 'ala-claims-security', symbol, groups });
const nullableModule = `param actionGroups array?\n\n${bicepResource(alertWith(expression('actionGroups ?? []', '')))}`;

// --- 4. alert processing rules (HN104) ------------------------------------------------------------

const processingRule = (action: Described, extra: { readonly [key: string]: Described } = {}): ResourceText => ({
  symbol: 'processingRule',
  type: 'Microsoft.AlertsManagement/actionRules@2021-08-08',
  body: { name: 'apr-claims-route', location: 'Global', properties: { enabled: true, scopes: [expression('subscription().id', 'subscription().id')], actions: [action], ...extra } },
});
const addGroups = (id: Described): Described => ({ actionType: 'AddActionGroups', actionGroupIds: [id] });
const removeAll: Described = { actionType: 'RemoveAllActionGroups' };
const weekendSchedule: Described = { timeZone: 'Eastern Standard Time', recurrences: [{ recurrenceType: 'Weekly', daysOfWeek: ['Saturday', 'Sunday'] }] };
const emptyGroupId = expression('agEmpty.id', "resourceId('Microsoft.Insights/actionGroups', 'ag-claims-empty')");
const workingGroupId = expression('agTier1.id', "resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')");

testRule(hn104AlertNotRouted, {
  valid: [
    { name: 'ARM: action groups from a nullable parameter (languageVersion 2.0 `nullable`) are unknown when the template is opened alone', files: { 'azuredeploy.json': arm([alertWith(expression('', "coalesce(parameters('actionGroups'), createArray())"))], { parameters: '"actionGroups": { "type": "array", "nullable": true }' }) } },
    { name: 'Bicep: `actionGroups ?? []` over a nullable parameter opened alone is unknown', files: { 'main.bicep': nullableModule } },
    { name: 'ARM: no action group, but an alert processing rule on the subscription adds a working one', files: { 'azuredeploy.json': arm([workingGroup, alertWith([]), processingRule(addGroups(workingGroupId))]) } },
    { name: 'Bicep: no action group, but an alert processing rule on the subscription adds a working one', files: { 'main.bicep': bicep([workingGroup, alertWith([]), processingRule(addGroups(workingGroupId))]) } },
    { name: 'ARM: a processing rule that removes all action groups only at weekends', files: { 'azuredeploy.json': arm([workingGroup, alertWith([{ actionGroupId: workingGroupId }]), processingRule(removeAll, { schedule: weekendSchedule })]) } },
    { name: 'Bicep: a processing rule that removes all action groups only at weekends', files: { 'main.bicep': bicep([workingGroup, alertWith([{ actionGroupId: workingGroupId }]), processingRule(removeAll, { schedule: weekendSchedule })]) } },
  ],
  invalid: [
    {
      name: 'Bicep: a module call that omits a nullable parameter passes null, so `?? []` is empty',
      files: { 'main.bicep': "module alerts 'modules/alerts.bicep' = {\n  name: 'alerts'\n}\n", 'modules/alerts.bicep': nullableModule },
      findings: [{ file: 'modules/alerts.bicep', line: 19, message: /'ala-claims-security' has no action group/ }],
    },
    {
      name: "ARM: coalesce(tryGet(action, 'actionGroupId'), action) keeps the link to an empty group",
      files: { 'azuredeploy.json': arm([emptyGroup, alertWith([{ actionGroupId: expression('', "coalesce(tryGet(variables('action'), 'actionGroupId'), variables('action'))") }])], { variables: `"action": "[resourceId('Microsoft.Insights/actionGroups', 'ag-claims-empty')]"` }) },
      findings: [{ file: 'azuredeploy.json', line: 35, message: /routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-claims-empty'\)/ }],
    },
    {
      name: 'Bicep: `action.?actionGroupId ?? action` keeps the link to an empty group',
      files: { 'main.bicep': `var action = agEmpty.id\n\n${bicep([emptyGroup, alertWith([{ actionGroupId: expression('action.?actionGroupId ?? action', '') }])])}` },
      findings: [{ file: 'main.bicep', line: 28, message: /routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-claims-empty'\)/ }],
    },
    {
      name: 'ARM: a processing rule adds only an empty group',
      files: { 'azuredeploy.json': arm([emptyGroup, alertWith([]), processingRule(addGroups(emptyGroupId))]) },
      findings: [{ file: 'azuredeploy.json', line: 35, message: /routes only to action groups that are disabled or have no receivers \(Microsoft.Insights\/actionGroups 'ag-claims-empty'\)/ }],
    },
    {
      name: 'Bicep: a processing rule adds only an empty group',
      files: { 'main.bicep': bicep([emptyGroup, alertWith([]), processingRule(addGroups(emptyGroupId))]) },
      findings: [{ file: 'main.bicep', line: 26, message: /routes only to action groups that are disabled or have no receivers/ }],
    },
    {
      name: 'ARM: a processing rule removes all action groups at all times',
      files: { 'azuredeploy.json': arm([workingGroup, alertWith([{ actionGroupId: workingGroupId }]), processingRule(removeAll)]) },
      findings: [{ file: 'azuredeploy.json', line: 42, message: /is covered by Microsoft.AlertsManagement\/actionRules 'apr-claims-route', which removes all its action groups at all times/ }],
    },
    {
      name: 'Bicep: a processing rule removes all action groups at all times',
      files: { 'main.bicep': bicep([workingGroup, alertWith([{ actionGroupId: workingGroupId }]), processingRule(removeAll)]) },
      findings: [{ file: 'main.bicep', line: 33, message: /removes all its action groups at all times/ }],
    },
  ],
}, { supplementary: true });

// --- 2. resources with unknown names (HN302, HN303), 9. messages ----------------------------------

const vault = (name: Described): ResourceText => ({
  symbol: 'kv',
  type: 'Microsoft.KeyVault/vaults@2023-07-01',
  body: { name, location: 'eastus', properties: { tenantId: expression('subscription().tenantId', 'subscription().tenantId'), sku: { family: 'A', name: 'standard' } } },
});
const workspace = (name: Described, retentionInDays: number): ResourceText => ({
  symbol: 'law',
  type: 'Microsoft.OperationalInsights/workspaces@2022-10-01',
  body: { name, location: 'eastus', properties: { retentionInDays } },
});
const vaultAudit = (scope: Described, workspaceId: Described = expression('law.id', "resourceId('Microsoft.OperationalInsights/workspaces', 'law-claims-audit')")): ResourceText => ({
  symbol: 'kvAudit',
  type: 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
  body: { name: 'kv-audit', scope, properties: { workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] } },
});
const vaultName = { parameters: '"vaultName": { "type": "string" }' };
const unknownVault = expression('vaultName', "parameters('vaultName')");
const unknownVaultScope = expression('kv', "resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))");

testRule(hn302PhiStoreAuditLogsMissing, {
  valid: [
    { name: 'ARM: a vault with an unknown name, audited through resourceId() of that same name', files: { 'azuredeploy.json': arm([vault(unknownVault), vaultAudit(unknownVaultScope, '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/law')], vaultName) } },
    { name: 'Bicep: a vault with an unknown name, audited through `scope: kv`', files: { 'main.bicep': `param vaultName string\n\n${bicep([vault(unknownVault), vaultAudit(unknownVaultScope, '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/law')])}` } },
    { name: 'ARM: a setting whose target cannot be known might be the one', files: { 'azuredeploy.json': arm([vault(unknownVault), vaultAudit(expression('', "parameters('auditedId')"), '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/law')], { parameters: '"vaultName": { "type": "string" }, "auditedId": { "type": "string" }' }) } },
  ],
  invalid: [
    {
      name: 'ARM: a vault named by a parameter without a default is still a PHI store',
      files: { 'azuredeploy.json': arm([vault(unknownVault)], vaultName) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /^Microsoft.KeyVault\/vaults \(name unknown\) holds PHI but no diagnostic setting/ }],
    },
    {
      name: 'Bicep: the issue reproduction, a vault named by a parameter without a default, shown by its declaration',
      files: { 'main.bicep': `param vaultName string\n\n${bicep([vault(unknownVault)])}` },
      findings: [{ file: 'main.bicep', line: 3, message: /^Microsoft.KeyVault\/vaults \(name unknown, declared as kv\) holds PHI but no diagnostic setting/ }],
    },
    {
      name: "Bicep: a storage account named 'st${uniqueString(resourceGroup().id)}' with no setting on its blob service",
      files: { 'main.bicep': bicepResource({ symbol: 'docs', type: 'Microsoft.Storage/storageAccounts@2023-01-01', body: { name: expression("'st${uniqueString(resourceGroup().id)}'", ''), location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } } }) },
      findings: [{ file: 'main.bicep', line: 1, message: /storageAccounts \(name unknown, declared as docs\) holds PHI but no diagnostic setting on its blob service/ }],
    },
  ],
}, { supplementary: true });

testRule(hn303AuditRetentionTooShort, {
  valid: [
    { name: 'Bicep: a workspace with an unknown name that receives nothing', files: { 'main.bicep': `param workspaceName string\n\n${bicep([workspace(expression('workspaceName', ''), 30)])}` } },
  ],
  invalid: [
    {
      name: 'ARM: a workspace with an unknown name, linked through resourceId() of that same name',
      files: { 'azuredeploy.json': arm([vault('kv-claims'), workspace(expression('', "parameters('workspaceName')"), 30), vaultAudit(expression('', "resourceId('Microsoft.KeyVault/vaults', 'kv-claims')"), expression('', "resourceId('Microsoft.OperationalInsights/workspaces', parameters('workspaceName'))"))], { parameters: '"workspaceName": { "type": "string" }' }) },
      rewrites: { "azuredeploy.json": [["30", "365"]] },
      findings: [{ file: 'azuredeploy.json', line: 26, message: /workspaces \(name unknown\) receives audit or notification logs but keeps them 30 days/ }],
    },
    {
      name: 'Bicep: a workspace with an unknown name, linked through law.id',
      files: { 'main.bicep': `param workspaceName string\n\n${bicep([vault('kv-claims'), workspace(expression('workspaceName', ''), 30), vaultAudit(expression('kv', ''))])}` },
      rewrites: { "main.bicep": [["30", "365"]] },
      findings: [{ file: 'main.bicep', line: 19, message: /workspaces \(name unknown, declared as law\) receives audit or notification logs but keeps them 30 days/ }],
    },
  ],
}, { supplementary: true });

// --- 5. Logic Apps reached through listCallbackUrl(), topics with unknown names (HN301) ------------
// --- 6. a setting binds inside its own deployment first (HN301) ------------------------------------

const workflow = (tagged: boolean): ResourceText => {
  const base = notifierWorkflow({}, { name: 'la-claims-intake', symbol: 'intake' });
  const body = { ...base.body } as { [key: string]: Described };
  if (!tagged) delete body.tags;
  return { ...base, body };
};
const topic = (name: Described): ResourceText => ({ symbol: 'topic', type: 'Microsoft.EventGrid/topics@2022-06-15', body: { name, location: 'eastus' } });
const webhookToWorkflow = (scope: Described): ResourceText => ({
  symbol: 'toIntake',
  type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15',
  body: {
    name: 'to-intake',
    scope,
    properties: {
      destination: {
        endpointType: 'WebHook',
        properties: { endpointUrl: expression("listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-intake', 'manual'), '2019-05-01').value", "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-intake', 'manual'), '2019-05-01').value") },
      },
      deadLetterDestination: { endpointType: 'StorageBlob', properties: { resourceId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/st', blobContainerName: 'dead' } },
    },
  },
});
const runtimeLogs = (scope: Described): ResourceText => ({
  symbol: 'intakeLogs',
  type: 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
  body: { name: 'intake-runs', scope, properties: { workspaceId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/law', logs: [{ categoryGroup: 'allLogs', enabled: true }] } },
});
const functionApp: ResourceText = { symbol: 'intakeFunctions', type: 'Microsoft.Web/sites@2023-01-01', body: { name: 'func-claims-intake', location: 'eastus', kind: 'functionapp', properties: {} } };
const identityDelivery: ResourceText = {
  symbol: 'toFunction',
  type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15',
  body: {
    name: 'to-function',
    scope: expression('topic', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')"),
    properties: {
      deliveryWithResourceIdentity: {
        identity: { type: 'SystemAssigned' },
        destination: { endpointType: 'AzureFunction', properties: { resourceId: expression("resourceId('Microsoft.Web/sites/functions', 'func-claims-intake', 'intake')", "resourceId('Microsoft.Web/sites/functions', 'func-claims-intake', 'intake')") } },
      },
    },
  },
};
const intakeScope = expression('intake', "resourceId('Microsoft.Logic/workflows', 'la-claims-intake')");
const topicScope = expression('topic', "resourceId('Microsoft.EventGrid/topics', parameters('topicName'))");

testRule(hn301NotificationDeliveryNotLogged, {
  valid: [
    { name: 'ARM: a Logic App called through listCallbackUrl() whose runs are logged', files: { 'azuredeploy.json': arm([workflow(false), topic('evgt-claims'), webhookToWorkflow(expression('', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')")), runtimeLogs(intakeScope), runtimeLogs(expression('', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')"))]) } },
    { name: 'Bicep: a Logic App called through listCallbackUrl() whose runs are logged', files: { 'main.bicep': bicep([workflow(false), topic('evgt-claims'), webhookToWorkflow(expression('topic', '')), runtimeLogs(intakeScope), { ...runtimeLogs(expression('topic', '')), symbol: 'topicLogs' }]) } },
    {
      name: "ARM and Bicep: another template's subscription of a topic of the same name does not make this topic a notification component",
      files: { 'azuredeploy.json': arm([topic('evgt-claims')]), 'other/main.bicep': bicep([workflow(false), topic('evgt-claims'), webhookToWorkflow(expression('topic', '')), runtimeLogs(intakeScope), { ...runtimeLogs(expression('topic', '')), symbol: 'topicLogs' }]) },
    },
    {
      name: 'ARM and Bicep: a setting in another deployment, with no resource of that name of its own, binds to this one',
      files: { 'main.bicep': bicepResource(workflow(true)), 'logging/azuredeploy.json': arm([runtimeLogs(intakeScope)]) },
    },
  ],
  invalid: [
    {
      name: 'ARM: a Logic App reached as an Event Grid webhook through listCallbackUrl(<trigger id>) is a notification component',
      files: { 'azuredeploy.json': arm([workflow(false), topic('evgt-claims'), webhookToWorkflow(expression('', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')")), runtimeLogs(expression('', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')"))]) },
      rewrites: { "azuredeploy.json": [["  \"parameters\": {},\n", "  \"parameters\": {\n    \"auditWorkspaceId\": {\n      \"type\": \"string\",\n      \"metadata\": {\n        \"description\": \"Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).\"\n      }\n    }\n  },\n"], ["        ]\n      }\n", "        ]\n      }\n    },\n    {\n      \"type\": \"Microsoft.Insights/diagnosticSettings\",\n      \"apiVersion\": \"2021-05-01-preview\",\n      \"name\": \"hipaa-notify-audit\",\n      \"scope\": \"Microsoft.Logic/workflows/la-claims-intake\",\n      \"dependsOn\": [\n        \"[resourceId('Microsoft.Logic/workflows', 'la-claims-intake')]\"\n      ],\n      \"properties\": {\n        \"workspaceId\": \"[parameters('auditWorkspaceId')]\",\n        \"logs\": [\n          {\n            \"categoryGroup\": \"allLogs\",\n            \"enabled\": true\n          }\n        ]\n      }\n"]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /Microsoft.Logic\/workflows 'la-claims-intake' is a notification component/ }],
    },
    {
      name: 'Bicep: a Logic App reached through listCallbackUrl(), and its topic with an unknown name linked through `scope: topic`',
      files: { 'main.bicep': `param topicName string\n\n${bicep([workflow(false), topic(expression('topicName', '')), webhookToWorkflow(topicScope)])}` },
      rewrites: { "main.bicep": [["param topicName string\n\n", "param topicName string\n\n@description('Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).')\nparam auditWorkspaceId string\n\n"], ["  }\n}\n\n", "  }\n}\n\nresource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'hipaa-notify-audit'\n  scope: intake\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: 'allLogs'\n        enabled: true\n      }\n    ]\n  }\n}\n\n"], ["  location: 'eastus'\n}\n\n", "  location: 'eastus'\n}\n\nresource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'hipaa-notify-audit'\n  scope: topic\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: 'allLogs'\n        enabled: true\n      }\n    ]\n  }\n}\n\n"]] },
      findings: [
        { file: 'main.bicep', line: 3, message: /Microsoft.Logic\/workflows 'la-claims-intake' is a notification component/ },
        { file: 'main.bicep', line: 24, message: /Microsoft.EventGrid\/topics \(name unknown, declared as topic\) is a notification component/ },
      ],
    },
    {
      name: 'ARM: the Function App behind deliveryWithResourceIdentity is a notification component',
      files: { 'azuredeploy.json': arm([functionApp, topic('evgt-claims'), identityDelivery, runtimeLogs(expression('', "resourceId('Microsoft.EventGrid/topics', 'evgt-claims')"))]) },
      rewrites: { "azuredeploy.json": [["  \"parameters\": {},\n", "  \"parameters\": {\n    \"auditWorkspaceId\": {\n      \"type\": \"string\",\n      \"metadata\": {\n        \"description\": \"Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).\"\n      }\n    }\n  },\n"], ["        ]\n      }\n", "        ]\n      }\n    },\n    {\n      \"type\": \"Microsoft.Insights/diagnosticSettings\",\n      \"apiVersion\": \"2021-05-01-preview\",\n      \"name\": \"hipaa-notify-audit\",\n      \"scope\": \"Microsoft.Web/sites/func-claims-intake\",\n      \"dependsOn\": [\n        \"[resourceId('Microsoft.Web/sites', 'func-claims-intake')]\"\n      ],\n      \"properties\": {\n        \"workspaceId\": \"[parameters('auditWorkspaceId')]\",\n        \"logs\": [\n          {\n            \"categoryGroup\": \"allLogs\",\n            \"enabled\": true\n          }\n        ]\n      }\n"]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /Microsoft.Web\/sites 'func-claims-intake' is a notification component but no diagnostic setting sends its FunctionAppLogs/ }],
    },
    {
      name: 'Bicep: the Function App behind deliveryWithResourceIdentity is a notification component',
      files: { 'main.bicep': bicep([functionApp, topic('evgt-claims'), identityDelivery, { ...runtimeLogs(expression('topic', '')), symbol: 'topicLogs' }]) },
      rewrites: { "main.bicep": [["resource intakeFunctions 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'func-claims-intake'\n  location: 'eastus'\n  kind: 'functionapp'\n  properties: {}", "@description('Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).')\nparam auditWorkspaceId string\n\nresource intakeFunctions 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'func-claims-intake'\n  location: 'eastus'\n  kind: 'functionapp'\n  properties: {}\n}\n\nresource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'hipaa-notify-audit'\n  scope: intakeFunctions\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: 'allLogs'\n        enabled: true\n      }\n    ]\n  }"]] },
      findings: [{ file: 'main.bicep', line: 1, message: /Microsoft.Web\/sites 'func-claims-intake' is a notification component/ }],
    },
    {
      name: 'Bicep and ARM: the other deployment logs its own workflow of the same name, not this one',
      files: { 'main.bicep': bicepResource(workflow(true)), 'logging/azuredeploy.json': arm([workflow(true), runtimeLogs(intakeScope)]) },
      rewrites: { "main.bicep": [["resource intake 'Microsoft.Logic/workflows@2019-05-01' = {\n  name: 'la-claims-intake'\n  location: 'eastus'\n  tags: {\n    'hipaa-notify': 'notification'\n  }\n  properties: {\n    definition: {\n      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'\n      contentVersion: '1.0.0.0'\n      triggers: {\n        manual: {\n          type: 'Request'\n          kind: 'Http'\n          inputs: {\n            schema: {}\n          }\n        }\n      }\n      actions: {}\n    }", "@description('Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).')\nparam auditWorkspaceId string\n\nresource intake 'Microsoft.Logic/workflows@2019-05-01' = {\n  name: 'la-claims-intake'\n  location: 'eastus'\n  tags: {\n    'hipaa-notify': 'notification'\n  }\n  properties: {\n    definition: {\n      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'\n      contentVersion: '1.0.0.0'\n      triggers: {\n        manual: {\n          type: 'Request'\n          kind: 'Http'\n          inputs: {\n            schema: {}\n          }\n        }\n      }\n      actions: {}\n    }\n  }\n}\n\nresource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'hipaa-notify-audit'\n  scope: intake\n  properties: {\n    workspaceId: auditWorkspaceId\n    logs: [\n      {\n        categoryGroup: 'allLogs'\n        enabled: true\n      }\n    ]"]] },
      findings: [{ file: 'main.bicep', line: 1, message: /'la-claims-intake' is a notification component but no diagnostic setting/ }],
    },
    {
      name: 'ARM and Bicep: the other deployment logs its own workflow of the same name, not this one',
      files: { 'azuredeploy.json': arm([workflow(true)]), 'logging/main.bicep': bicep([workflow(true), runtimeLogs(intakeScope)]) },
      rewrites: { "azuredeploy.json": [["  \"parameters\": {},\n", "  \"parameters\": {\n    \"auditWorkspaceId\": {\n      \"type\": \"string\",\n      \"metadata\": {\n        \"description\": \"Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN301).\"\n      }\n    }\n  },\n"], ["        }\n      }\n", "        }\n      }\n    },\n    {\n      \"type\": \"Microsoft.Insights/diagnosticSettings\",\n      \"apiVersion\": \"2021-05-01-preview\",\n      \"name\": \"hipaa-notify-audit\",\n      \"scope\": \"Microsoft.Logic/workflows/la-claims-intake\",\n      \"dependsOn\": [\n        \"[resourceId('Microsoft.Logic/workflows', 'la-claims-intake')]\"\n      ],\n      \"properties\": {\n        \"workspaceId\": \"[parameters('auditWorkspaceId')]\",\n        \"logs\": [\n          {\n            \"categoryGroup\": \"allLogs\",\n            \"enabled\": true\n          }\n        ]\n      }\n"]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'la-claims-intake' is a notification component but no diagnostic setting/ }],
    },
  ],
}, { supplementary: true });

// --- 9. HN304 does not call an unrouted alert part of the notification chain -------------------------

testRule(hn304NotificationConfigUnprotected, {
  valid: [],
  invalid: [
    {
      name: 'ARM: an alert that routes nowhere is an alert rule, not part of the chain',
      files: { 'azuredeploy.json': arm([alertWith([])]) },
      rewrites: { "azuredeploy.json": [["        }\n      }\n", "        }\n      }\n    },\n    {\n      \"type\": \"Microsoft.Authorization/locks\",\n      \"apiVersion\": \"2020-05-01\",\n      \"name\": \"hipaa-notify-do-not-delete\",\n      \"scope\": \"Microsoft.Insights/activityLogAlerts/ala-claims-security\",\n      \"dependsOn\": [\n        \"[resourceId('Microsoft.Insights/activityLogAlerts', 'ala-claims-security')]\"\n      ],\n      \"properties\": {\n        \"level\": \"CanNotDelete\",\n        \"notes\": \"Part of the HIPAA breach notification chain (hipaa-notify HN304).\"\n      }\n"]] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'ala-claims-security' is an alert rule but no CanNotDelete or ReadOnly lock protects it/ }],
    },
    {
      name: 'Bicep: a routed alert is an alert rule too; its action group is part of the chain',
      files: { 'main.bicep': bicep([workingGroup, alertWith([{ actionGroupId: workingGroupId }])]) },
      rewrites: { "main.bicep": [["}\n\n", "}\n\nresource notificationLock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'hipaa-notify-do-not-delete'\n  scope: agTier1\n  properties: {\n    level: 'CanNotDelete'\n    notes: 'Part of the HIPAA breach notification chain (hipaa-notify HN304).'\n  }\n}\n\n"], ["    }\n  }\n}\n", "    }\n  }\n}\n\nresource notificationLock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'hipaa-notify-do-not-delete'\n  scope: securityAlert\n  properties: {\n    level: 'CanNotDelete'\n    notes: 'Part of the HIPAA breach notification chain (hipaa-notify HN304).'\n  }\n}\n"]] },
      findings: [
        { file: 'main.bicep', line: 1, message: /actionGroups 'ag-hipaa-tier1' is part of the notification chain/ },
        { file: 'main.bicep', line: 17, message: /'ala-claims-security' is an alert rule but no CanNotDelete/ },
      ],
    },
  ],
}, { supplementary: true });

// --- 6. a role assignment binds inside its own deployment first (HN402) ----------------------------

const readSecret: Described = {
  type: 'Http',
  inputs: { method: 'GET', uri: 'https://kv-claims-notify.vault.azure.net/secrets/pager-key?api-version=7.4', authentication: { type: 'ManagedServiceIdentity', audience: 'https://vault.azure.net' } },
  runAfter: {},
};
const reader = (): ResourceText => {
  const base = notifierWorkflow({ Get_paging_key: readSecret });
  return { ...base, body: { ...base.body, identity: { type: 'SystemAssigned' } } };
};
const rbacVault: ResourceText = { ...vault('kv-claims-notify'), body: { ...vault('kv-claims-notify').body, properties: { tenantId: expression('subscription().tenantId', 'subscription().tenantId'), sku: { family: 'A', name: 'standard' }, enableRbacAuthorization: true } } };
const secretsUserForNotifier: ResourceText = {
  symbol: 'notifierSecrets',
  type: 'Microsoft.Authorization/roleAssignments@2022-04-01',
  body: {
    name: 'notifier-secrets',
    scope: expression('kv', "format('Microsoft.KeyVault/vaults/{0}', 'kv-claims-notify')"),
    properties: {
      roleDefinitionId: expression("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')", "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')"),
      principalId: expression("reference(resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '2019-05-01', 'full').identity.principalId", "reference(resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '2019-05-01', 'full').identity.principalId"),
      principalType: 'ServicePrincipal',
    },
  },
};

testRule(hn402KeyvaultDeniesNotificationIdentity, {
  valid: [
    { name: 'Bicep and ARM: a grant in another deployment, which has no vault of that name, reaches this vault', files: { 'main.bicep': bicep([reader(), rbacVault]), 'access/azuredeploy.json': arm([secretsUserForNotifier]) } },
    { name: 'ARM and Bicep: a grant in another deployment, which has no vault of that name, reaches this vault', files: { 'azuredeploy.json': arm([reader(), rbacVault]), 'access/main.bicep': `${bicepResource({ ...rbacVault, body: rbacVault.body }, { existing: true }).replace(/ = \{[\s\S]*/, " existing = {\n  name: 'kv-claims-notify'\n}\n")}\n${bicepResource(secretsUserForNotifier)}` } },
  ],
  invalid: [
    {
      name: 'Bicep and ARM: the other deployment grants on its own vault of the same name, not this one',
      files: { 'main.bicep': bicep([reader(), rbacVault]), 'access/azuredeploy.json': arm([rbacVault, secretsUserForNotifier]) },
      rewrites: { "main.bicep": [["    enableRbacAuthorization: true\n  }\n}\n", "    enableRbacAuthorization: true\n  }\n}\n\nresource secretsUserAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid(kv.id, notifier.id, '4633458b-17de-408a-b874-0445c86b69e6')\n  scope: kv\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')\n    principalId: notifier.identity.principalId\n    principalType: 'ServicePrincipal'\n  }\n}\n"]] },
      findings: [{ file: 'main.bicep', line: 25, message: /action 'Get_paging_key' .* reads secrets from vault 'kv-claims-notify', but the component has no access policy/ }],
    },
    {
      name: 'ARM and Bicep: the other deployment grants on its own vault of the same name, not this one',
      files: { 'azuredeploy.json': arm([reader(), rbacVault]), 'access/main.bicep': bicep([rbacVault, secretsUserForNotifier]) },
      rewrites: { "azuredeploy.json": [["        \"enableRbacAuthorization\": true\n      }\n", "        \"enableRbacAuthorization\": true\n      }\n    },\n    {\n      \"type\": \"Microsoft.Authorization/roleAssignments\",\n      \"apiVersion\": \"2022-04-01\",\n      \"name\": \"[guid(resourceId('Microsoft.KeyVault/vaults', 'kv-claims-notify'), resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '4633458b-17de-408a-b874-0445c86b69e6')]\",\n      \"scope\": \"Microsoft.KeyVault/vaults/kv-claims-notify\",\n      \"dependsOn\": [\n        \"[resourceId('Microsoft.KeyVault/vaults', 'kv-claims-notify')]\",\n        \"[resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')]\"\n      ],\n      \"properties\": {\n        \"roleDefinitionId\": \"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')]\",\n        \"principalId\": \"[reference(resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier'), '2019-05-01', 'full').identity.principalId]\",\n        \"principalType\": \"ServicePrincipal\"\n      }\n"]] },
      findings: [{ file: 'azuredeploy.json', line: 33, message: /reads secrets from vault 'kv-claims-notify', but the component has no access policy/ }],
    },
  ],
}, { supplementary: true });
