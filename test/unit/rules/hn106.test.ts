import { hn106PolicyComplianceNotNotified } from '../../../server/src/rules/template/hn106PolicyComplianceNotNotified';
import { activityLogAlertText, actionGroupText, roleReceiver } from './alertingFixture';
import { armTemplate, minimalPolicy, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';

const policy = { 'claims.hipaa-notify.yaml': minimalPolicy };
const assignment = (name: Described = 'hipaa-hitrust-audit'): ResourceText => ({
  symbol: 'hipaaInitiative',
  type: 'Microsoft.Authorization/policyAssignments@2022-06-01',
  body: { name, properties: { displayName: 'HIPAA HITRUST 9.2', policyDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab', enforcementMode: 'Default' } },
});
const policyAlert = (options: Parameters<typeof activityLogAlertText>[1] = {}) => activityLogAlertText('Policy', { name: 'ala-hipaa-policy', symbol: 'policyAlert', ...options });
const policyTopic: ResourceText = { symbol: 'policyTopic', type: 'Microsoft.EventGrid/systemTopics@2022-06-15', body: { name: 'evgt-policy-states', location: 'global', properties: { source: expression('subscription().id', 'subscription().id'), topicType: 'Microsoft.PolicyInsights.PolicyStates' } } };
const policyEvents = (endpointType: string): ResourceText => ({
  symbol: 'policyEvents',
  type: 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15',
  body: { name: 'evgt-policy-states/to-notifier', properties: { destination: { endpointType, properties: endpointType === 'WebHook' ? { endpointUrl: 'https://notify.contoso-health.com/api/policy' } : { resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/queueServices/default/queues/policy', queueName: 'policy' } }, filter: { includedEventTypes: ['Microsoft.PolicyInsights.PolicyStateChanged'] } } },
});
const childEvents = (includedEventTypes: Described): ResourceText => ({
  symbol: 'policyEvents',
  type: 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15',
  body: { parent: expression('policyTopic', ''), name: 'to-notifier', properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: 'https://notify.contoso-health.com/api/policy' } }, filter: { includedEventTypes } } },
});
const arm = (...resources: ResourceText[]) => armTemplate(resources.map((r) => armResource(r)).join(',\n'));
const bicep = (...resources: ResourceText[]) => resources.map((r) => bicepResource(r)).join('\n');
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "policyAlertOn": { "value": false }\n  }\n}\n';

/** The policy names ag-hipaa-tier1 as tier 1; a resource-group lock keeps the alert the fix adds protected (HN304). */
const tierPolicy = { 'claims.hipaa-notify.yaml': minimalPolicy.replace('  escalation: []\n', '  escalation:\n    - tier: 1\n      within: PT15M\n      actionGroup: ag-hipaa-tier1\n      recipients:\n        - armRole: Monitoring Contributor\n') };
const tierOne = actionGroupText({ armRoleReceivers: [roleReceiver] });
const groupLock: ResourceText = { symbol: 'groupLock', type: 'Microsoft.Authorization/locks@2020-05-01', body: { name: 'rg-do-not-delete', properties: { level: 'CanNotDelete' } } };

testRule(hn106PolicyComplianceNotNotified, {
  valid: [
    { name: 'ARM: a routed Policy activity log alert', files: { ...policy, 'azuredeploy.json': arm(assignment(), policyAlert()) } },
    { name: 'ARM: PolicyStates events to a webhook', files: { ...policy, 'azuredeploy.json': arm(assignment(), policyTopic, policyEvents('WebHook')) } },
    { name: 'ARM: no policy file, no workspace rule', files: { 'azuredeploy.json': arm(assignment()) } },
    { name: 'ARM: an alert routed to groups from a parameter without a default may notify', files: { ...policy, 'azuredeploy.json': armTemplate(`${armResource(assignment())},\n${armResource(policyAlert({ groups: expression('', "parameters('groups')") }))}`, { parameters: '"groups": { "type": "array" }' }) } },
    { name: 'ARM: the assignment is not deployed (condition false)', files: { ...policy, 'azuredeploy.json': armTemplate(armResource(assignment(), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { ...policy, 'azuredeploy.json': armTemplate(armResource(assignment(), { metadata: { 'hipaa-notify': { suppress: { HN106: 'audit-only initiative reviewed monthly' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { ...policy, 'azuredeploy.json': arm(assignment()).replace('    {\n      "type": "Microsoft.Authorization/policyAssignments"', '    // hipaa-notify-disable-next-line HN106 -- audit-only initiative reviewed monthly\n    {\n      "type": "Microsoft.Authorization/policyAssignments"') } },
    { name: 'Bicep: a routed Policy activity log alert', files: { ...policy, 'main.bicep': bicep(assignment(), policyAlert()) } },
    { name: 'Bicep: no policy file, no workspace rule', files: { 'main.bicep': bicepResource(assignment()) } },
    { name: 'Bicep: a template outside the policy file\'s folder is not covered', files: { 'policy/claims.hipaa-notify.yaml': minimalPolicy, 'main.bicep': bicepResource(assignment()) } },
    { name: 'Bicep: PolicyStateChanged events to a webhook, the subscription declared with parent', files: { ...policy, 'main.bicep': bicep(assignment(), policyTopic, childEvents(['Microsoft.PolicyInsights.PolicyStateChanged'])) } },
    { name: 'Bicep: a registry module may deploy the Policy alert', files: { ...policy, 'main.bicep': `${bicepResource(assignment())}\nmodule alerts 'br/public:avm/res/insights/activity-log-alert:0.3.0' = {\n  name: 'policy-alert'\n  params: {\n    name: 'ala-hipaa-policy'\n  }\n}\n` } },
    { name: 'Bicep: an alert enabled from a parameter without a default may notify', files: { ...policy, 'main.bicep': `param policyAlertOn bool\n\n${bicep(assignment(), policyAlert({ enabled: expression('policyAlertOn', '') }))}` } },
    { name: 'Bicep: an alert whose category comes from a parameter without a default may be the Policy alert', files: { ...policy, 'main.bicep': `param category string\n\n${bicep(assignment(), activityLogAlertText(expression('category', '')))}` } },
    { name: 'Bicep: not deployed (if false)', files: { ...policy, 'main.bicep': bicepResource(assignment(), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { ...policy, 'main.bicep': `// hipaa-notify-disable-next-line HN106 -- audit-only initiative reviewed monthly\n${bicepResource(assignment())}` } },
  ],
  invalid: [
    {
      name: 'ARM: the fix adds a Policy alert routed to the tier-1 action group the policy names',
      files: { ...tierPolicy, 'azuredeploy.json': armTemplate([armResource(assignment()), armResource(tierOne), armResource(groupLock)].join(',\n')) },
      rewrites: { 'azuredeploy.json': [['        "level": "CanNotDelete"\n      }\n', '        "level": "CanNotDelete"\n      }\n    },\n    {\n      "type": "Microsoft.Insights/activityLogAlerts",\n      "apiVersion": "2020-10-01",\n      "name": "ala-hipaa-policy",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n      ],\n      "location": "Global",\n      "properties": {\n        "enabled": true,\n        "description": "Policy activity log events, routed to the tier-1 action group (hipaa-notify).",\n        "scopes": [\n          "[subscription().id]"\n        ],\n        "condition": {\n          "allOf": [\n            {\n              "field": "category",\n              "equals": "Policy"\n            }\n          ]\n        },\n        "actions": {\n          "actionGroups": [\n            {\n              "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n            }\n          ]\n        }\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /notifies nobody/ }],
    },
    {
      name: 'Bicep: the fix adds a Policy alert routed to the tier-1 action group the policy names',
      files: { ...tierPolicy, 'main.bicep': [bicepResource(assignment()), bicepResource(tierOne), bicepResource(groupLock)].join('\n') },
      rewrites: { 'main.bicep': [['    ]\n  }\n}\n\n', '    ]\n  }\n}\n\nresource policyActivityAlert \'Microsoft.Insights/activityLogAlerts@2020-10-01\' = {\n  name: \'ala-hipaa-policy\'\n  location: \'Global\'\n  properties: {\n    enabled: true\n    description: \'Policy activity log events, routed to the tier-1 action group (hipaa-notify).\'\n    scopes: [\n      subscription().id\n    ]\n    condition: {\n      allOf: [\n        {\n          field: \'category\'\n          equals: \'Policy\'\n        }\n      ]\n    }\n    actions: {\n      actionGroups: [\n        {\n          actionGroupId: agTier1.id\n        }\n      ]\n    }\n  }\n}\n\n']] },
      findings: [{ file: 'main.bicep', line: 1, message: /notifies nobody/ }],
    },
    { name: 'ARM: an assignment nobody hears about', files: { ...policy, 'azuredeploy.json': arm(assignment()) }, findings: [{ file: 'azuredeploy.json', line: 10, message: /non-compliance with Microsoft.Authorization\/policyAssignments 'hipaa-hitrust-audit' notifies nobody/ }] },
    { name: 'ARM: PolicyStates events only to a storage queue', files: { ...policy, 'azuredeploy.json': arm(assignment(), policyTopic, policyEvents('StorageQueue')) }, findings: [{ file: 'azuredeploy.json', line: 10, message: /notifies nobody/ }] },
    {
      name: 'ARM: the Policy alert disabled through a parameter default',
      files: { ...policy, 'azuredeploy.json': armTemplate(`${armResource(assignment())},\n${armResource(policyAlert({ enabled: expression('', "parameters('policyAlertOn')") }))}`, { parameters: '"policyAlertOn": { "type": "bool", "defaultValue": false }' }) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /notifies nobody/ }],
    },
    {
      name: 'ARM: the Policy alert disabled through a parameter file',
      files: { ...policy, 'azuredeploy.json': armTemplate(`${armResource(assignment())},\n${armResource(policyAlert({ enabled: expression('', "parameters('policyAlertOn')") }))}`, { parameters: '"policyAlertOn": { "type": "bool", "defaultValue": true }' }), 'azuredeploy.parameters.json': parametersFile },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /notifies nobody/ }],
    },
    {
      name: 'ARM: assignments from a variable, in a copy loop',
      files: { ...policy, 'azuredeploy.json': armTemplate(armResource(assignment(expression('', "variables('initiatives')[copyIndex()]")), { copy: { name: 'assignments', count: 2 } }), { variables: '"initiatives": [ "hipaa-hitrust-audit", "nist-800-53" ]' }) },
      findings: [
        { file: 'azuredeploy.json', line: 14, message: /'hipaa-hitrust-audit'/ },
      ],
    },
    {
      name: 'ARM: the Policy alert is not deployed (condition false)',
      files: { ...policy, 'azuredeploy.json': armTemplate(`${armResource(assignment())},\n${armResource(policyAlert(), { condition: false })}`) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /'hipaa-hitrust-audit' notifies nobody/ }],
    },
    { name: 'Bicep: an assignment nobody hears about', files: { ...policy, 'main.bicep': bicepResource(assignment()) }, findings: [{ file: 'main.bicep', line: 1, message: /notifies nobody.*category Policy/ }] },
    {
      name: 'Bicep: the alert disabled through a parameter default',
      files: { ...policy, 'main.bicep': `param policyAlertOn bool = false\n\n${bicep(assignment(), policyAlert({ enabled: expression('policyAlertOn', '') }))}` },
      findings: [{ file: 'main.bicep', line: 3, message: /Microsoft.Authorization\/policyAssignments 'hipaa-hitrust-audit' notifies nobody/ }],
    },
    {
      name: 'Bicep: a template in a subfolder of the policy file\'s folder is covered',
      files: { 'platform/claims.hipaa-notify.yaml': minimalPolicy, 'platform/policy/main.bicep': bicepResource(assignment()) },
      findings: [{ file: 'platform/policy/main.bicep', line: 1, message: /notifies nobody/ }],
    },
    {
      name: 'Bicep: PolicyStates events filtered to deletions only',
      files: { ...policy, 'main.bicep': bicep(assignment(), policyTopic, childEvents(['Microsoft.PolicyInsights.PolicyStateDeleted'])) },
      findings: [{ file: 'main.bicep', line: 1, message: /notifies nobody/ }],
    },
    {
      name: 'Bicep: the alert switched off in the .bicepparam file',
      files: { ...policy, 'main.bicep': `param policyAlertOn bool = true\n\n${bicep(assignment(), policyAlert({ enabled: expression('policyAlertOn', '') }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam policyAlertOn = false\n" },
      findings: [{ file: 'main.bicep', line: 3, message: /notifies nobody/ }],
    },
    {
      name: 'Bicep: the alert watches another category through a variable, assignments in a loop',
      files: { ...policy, 'main.bicep': `var watched = 'Administrative'\n\n${bicepResource(assignment(expression("'hipaa-${scope}'", '')), { loop: "scope in ['claims', 'billing']" })}\n${bicepResource(activityLogAlertText(expression('watched', '')))}` },
      findings: [
        { file: 'main.bicep', line: 3, message: /'hipaa-claims'/ },
      ],
    },
    {
      name: 'Bicep: a module assigns the initiative',
      files: { ...policy, 'main.bicep': "module policies 'modules/policies.bicep' = {\n  name: 'policies'\n}\n", 'modules/policies.bicep': bicepResource(assignment()) },
      findings: [{ file: 'modules/policies.bicep', line: 1, message: /notifies nobody/ }],
    },
    {
      name: 'Bicep: a module given enabled false deploys the Policy alert',
      files: {
        ...policy,
        'main.bicep': `${bicepResource(assignment())}\nmodule policyAlerts 'modules/alerts.bicep' = {\n  name: 'policy-alerts'\n  params: {\n    alertOn: false\n  }\n}\n`,
        'modules/alerts.bicep': `param alertOn bool\n\n${bicepResource(policyAlert({ enabled: expression('alertOn', '') }))}`,
      },
      findings: [{ file: 'main.bicep', line: 1, message: /'hipaa-hitrust-audit' notifies nobody/ }],
    },
  ],
});
