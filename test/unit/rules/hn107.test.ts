import { hn107SecurityAlertsNotNotified } from '../../../server/src/rules/template/hn107SecurityAlertsNotNotified';
import { armTemplate, minimalPolicy, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';

const policy = { 'claims.hipaa-notify.yaml': minimalPolicy };
const subscriptionSchema = (text: string) => text.replace('2019-04-01/deploymentTemplate.json', '2018-05-01/subscriptionDeploymentTemplate.json');
const contact = (properties: { readonly [key: string]: Described } = {}, name: Described = 'default'): ResourceText => ({
  symbol: 'securityContact',
  type: 'Microsoft.Security/securityContacts@2020-01-01-preview',
  body: {
    name,
    properties: {
      emails: 'security-office@contoso-health.com',
      alertNotifications: { state: 'On', minimalSeverity: 'Medium' },
      notificationsByRole: { state: 'On', roles: ['Owner'] },
      ...properties,
    },
  },
});
/** A subscription-scope resource the template already deploys: the fix adds the contact after it. */
const activityLogExport: ResourceText = {
  symbol: 'activityLog',
  type: 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
  body: { name: 'activity-log-to-audit', properties: { workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-audit/providers/Microsoft.OperationalInsights/workspaces/law-audit', logs: [{ categoryGroup: 'allLogs', enabled: true }] } },
};
const contact2023 = (severity: Described, isEnabled: Described = true): ResourceText => ({
  symbol: 'securityContact',
  type: 'Microsoft.Security/securityContacts@2023-12-01-preview',
  body: { name: 'default', properties: { isEnabled, emails: 'security-office@contoso-health.com', notificationsSources: [{ sourceType: 'Alert', minimalSeverity: severity }], notificationsByRole: { state: 'On', roles: ['Owner'] } } },
});
const defenderPolicy = { 'claims.hipaa-notify.yaml': minimalPolicy.replace('  discovery: []\n', '  discovery:\n    - source: azurePolicy\n    - source: defenderForCloud\n      minimumSeverity: Medium\n') };
const logicAppAction = { actionType: 'LogicApp', logicAppResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Logic/workflows/la-claims-breach-notifier', uri: 'https://prod-00.eastus.logic.azure.com/workflows/x/triggers/manual/paths/invoke' };
const automation = (actions: Described, isEnabled: Described = true): ResourceText => ({
  symbol: 'defenderExport',
  type: 'Microsoft.Security/automations@2019-01-01-preview',
  body: { name: 'auto-hipaa-defender-alerts', location: 'eastus', properties: { isEnabled, scopes: [{ scopePath: expression('subscription().id', 'subscription().id') }], sources: [{ eventSource: 'Alerts' }], actions } },
});
const arm = (...resources: ResourceText[]) => subscriptionSchema(armTemplate(resources.map((r) => armResource(r)).join(',\n')));
const bicep = (...resources: ResourceText[]) => `targetScope = 'subscription'\n\n${resources.map((r) => bicepResource(r)).join('\n')}`;
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "severity": { "value": "High" }\n  }\n}\n';

testRule(hn107SecurityAlertsNotNotified, {
  valid: [
    { name: 'ARM: a contact on Medium that notifies Owners', files: { ...policy, 'subscription.json': arm(contact()) } },
    { name: 'ARM: an automation exporting Alerts to a workspace', files: { ...policy, 'subscription.json': arm(automation([{ actionType: 'Workspace', workspaceResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hipaa-audit/providers/Microsoft.OperationalInsights/workspaces/law-hipaa-audit' }])) } },
    { name: 'ARM: no policy file, no workspace rule', files: { 'subscription.json': arm() } },
    { name: 'ARM: a severity from a parameter without a default is unknown', files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(armResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('', "parameters('severity')") } })), { parameters: '"severity": { "type": "string" }' })) } },
    { name: 'ARM: suppressed in resource metadata', files: { ...policy, 'subscription.json': arm({ ...contact({ alertNotifications: { state: 'Off' } }) }).replace('"type": "Microsoft.Security/securityContacts"', '"metadata": { "hipaa-notify": { "suppress": { "HN107": "the SOC pulls alerts through Sentinel" } } },\n      "type": "Microsoft.Security/securityContacts"') } },
    { name: 'ARM: a contact switched off, not deployed (condition false), beside a working automation', files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(`${armResource(contact({ alertNotifications: { state: 'Off' } }), { condition: false })},\n${armResource(automation([logicAppAction]))}`)) } },
    { name: 'ARM: suppressed with a comment', files: { ...policy, 'subscription.json': arm(contact({ alertNotifications: { state: 'Off' } })).replace('    {\n      "type": "Microsoft.Security/securityContacts"', '    // hipaa-notify-disable-next-line HN107 -- the SOC pulls alerts through Sentinel\n    {\n      "type": "Microsoft.Security/securityContacts"') } },
    { name: 'ARM: a 2023-12-01-preview contact on Medium', files: { ...policy, 'subscription.json': arm(contact2023('Medium')) } },
    { name: 'ARM: suppressed on the policy file', files: { 'claims.hipaa-notify.yaml': minimalPolicy.replace('  name: rule-test', '  # hipaa-notify-disable-next-line HN107 -- Defender for Cloud is configured by the landing zone\n  name: rule-test'), 'subscription.json': arm() } },
    { name: 'Bicep: a contact on Low', files: { ...policy, 'subscription.bicep': bicep(contact({ alertNotifications: { state: 'On', minimalSeverity: 'Low' } })) } },
    { name: 'Bicep: a disabled contact not deployed (if false) beside a working automation', files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\n${bicepResource(contact({ alertNotifications: { state: 'Off' } }), { condition: 'false' })}\n${bicepResource(automation([{ actionType: 'LogicApp', logicAppResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Logic/workflows/la-claims-breach-notifier', uri: 'https://prod-00.eastus.logic.azure.com/workflows/x/triggers/manual/paths/invoke' }]))}` } },
    { name: 'Bicep: no policy file, no workspace rule', files: { 'subscription.bicep': bicep(contact({ alertNotifications: { state: 'Off' } })) } },
    { name: 'Bicep: a severity from a parameter without a default is unknown', files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nparam severity string\n\n${bicepResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('severity', '') } }))}` } },
    { name: 'Bicep: an automation whose actions come from a parameter without a default may export', files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nparam exportActions array\n\n${bicepResource(automation(expression('exportActions', '')))}` } },
    { name: 'Bicep: a registry module may deploy the contact', files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nmodule securityCenter 'br/public:avm/ptn/security/security-center:0.1.0' = {\n  name: 'security-center'\n  params: {\n    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hipaa-audit/providers/Microsoft.OperationalInsights/workspaces/law-hipaa-audit'\n  }\n}\n` } },
    { name: 'Bicep: suppressed with a reason', files: { ...policy, 'subscription.bicep': bicep(contact({ alertNotifications: { state: 'Off' } })).replace('resource securityContact', '// hipaa-notify-disable-next-line HN107 -- the SOC pulls alerts through Sentinel\nresource securityContact') } },
  ],
  invalid: [
    {
      name: 'ARM: the fix adds a security contact to the subscription template',
      files: { ...policy, 'subscription.json': arm(activityLogExport) },
      rewrites: { 'subscription.json': [['  "parameters": {},\n', '  "parameters": {\n    "securityContactEmails": {\n      "type": "string",\n      "metadata": {\n        "description": "Role mailboxes (separated by ;) that Defender for Cloud mails about security alerts."\n      }\n    }\n  },\n'], ['        ]\n      }\n', '        ]\n      }\n    },\n    {\n      "type": "Microsoft.Security/securityContacts",\n      "apiVersion": "2023-12-01-preview",\n      "name": "default",\n      "properties": {\n        "emails": "[parameters(\'securityContactEmails\')]",\n        "isEnabled": true,\n        "notificationsByRole": {\n          "state": "On",\n          "roles": [\n            "Owner"\n          ]\n        },\n        "notificationsSources": [\n          {\n            "sourceType": "Alert",\n            "minimalSeverity": "Medium"\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no security contact notifies/ }],
    },
    {
      name: 'Bicep: the fix adds a security contact to the subscription template',
      files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\n${bicepResource(activityLogExport)}` },
      rewrites: { 'subscription.bicep': [['targetScope = \'subscription\'\n\n', 'targetScope = \'subscription\'\n\n@description(\'Role mailboxes (separated by ;) that Defender for Cloud mails about security alerts.\')\nparam securityContactEmails string\n\n'], ['  }\n}\n', '  }\n}\n\nresource securityContact \'Microsoft.Security/securityContacts@2023-12-01-preview\' = {\n  name: \'default\'\n  properties: {\n    emails: securityContactEmails\n    isEnabled: true\n    notificationsByRole: {\n      state: \'On\'\n      roles: [\n        \'Owner\'\n      ]\n    }\n    notificationsSources: [\n      {\n        sourceType: \'Alert\'\n        minimalSeverity: \'Medium\'\n      }\n    ]\n  }\n}\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no security contact notifies/ }],
    },
    { name: 'ARM: neither contact nor automation, on the policy file', files: { ...policy, 'subscription.json': arm() }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no security contact notifies on Defender for Cloud alerts/ }] },
    { name: 'ARM: alert notifications off', files: { ...policy, 'subscription.json': arm(contact({ alertNotifications: { state: 'Off', minimalSeverity: 'Medium' } })) }, findings: [{ file: 'subscription.json', line: 14, message: /'default' has alert notifications off.*reach nobody/ }] },
    { name: 'ARM: Owners not notified', files: { ...policy, 'subscription.json': arm(contact({ notificationsByRole: { state: 'On', roles: ['AccountAdmin'] } })) }, findings: [{ file: 'subscription.json', line: 19, message: /does not notify the subscription's Owners/ }] },
    {
      name: 'ARM: High only through a parameter default',
      files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(armResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('', "parameters('severity')") } })), { parameters: '\n    "severity": { "type": "string", "defaultValue": "High" }\n  ' })) },
      findings: [{ file: 'subscription.json', line: 5, message: /mails alerts only from High severity up/ }],
    },
    {
      name: 'ARM: High only through a parameter file',
      files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(armResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('', "parameters('severity')") } })), { parameters: '"severity": { "type": "string", "defaultValue": "Low" }' })), 'subscription.parameters.json': parametersFile },
      findings: [{ file: 'subscription.parameters.json', line: 5, message: /from High severity up/ }],
    },
    {
      name: 'ARM: a disabled automation through a variable',
      files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(armResource(automation([{ actionType: 'Workspace', workspaceResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law' }], expression('', "variables('exportOn')"))), { variables: '\n    "exportOn": false\n  ' })) },
      findings: [{ file: 'subscription.json', line: 6, message: /exports Defender alerts but is disabled/ }],
    },
    { name: 'ARM: neither, on the defenderForCloud discovery entry of the policy file', files: { ...defenderPolicy, 'subscription.json': arm() }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 11, message: /no security contact notifies on Defender for Cloud alerts/ }] },
    {
      name: 'ARM: contacts in a copy loop, none notifying Owners',
      files: { ...policy, 'subscription.json': subscriptionSchema(armTemplate(armResource(contact({ notificationsByRole: { state: 'On', roles: ['AccountAdmin'] } }, expression('', "concat('contact-', copyIndex())")), { copy: { name: 'contacts', count: 2 } }))) },
      findings: [
        { file: 'subscription.json', line: 23, message: /'contact-0' does not notify the subscription's Owners/ },
      ],
    },
    { name: 'ARM: a 2023-12-01-preview contact on High', files: { ...policy, 'subscription.json': arm(contact2023('High')) }, findings: [{ file: 'subscription.json', line: 17, message: /'default' mails alerts only from High severity up/ }] },
    { name: 'ARM: a 2023-12-01-preview contact not enabled', files: { ...policy, 'subscription.json': arm(contact2023('Medium', false)) }, findings: [{ file: 'subscription.json', line: 12, message: /'default' is not enabled \(isEnabled\)/ }] },
    { name: 'ARM: an automation exporting Alerts to an Event Hub only', files: { ...policy, 'subscription.json': arm(automation([{ actionType: 'EventHub', eventHubResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/evhns-claims/eventhubs/defender', connectionString: 'Endpoint=sb://evhns-claims.servicebus.windows.net/' }])) }, findings: [{ file: 'subscription.json', line: 24, message: /exports Defender alerts to neither a Logic App nor a Log Analytics workspace/ }] },
    { name: 'Bicep: neither, on the defenderForCloud discovery entry of the policy file', files: { ...defenderPolicy, 'subscription.bicep': "targetScope = 'subscription'\n" }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 11, message: /no security contact notifies on Defender for Cloud alerts/ }] },
    { name: 'Bicep: alert notifications off', files: { ...policy, 'subscription.bicep': bicep(contact({ alertNotifications: { state: 'Off', minimalSeverity: 'Medium' } })) }, findings: [{ file: 'subscription.bicep', line: 8, message: /alert notifications off/ }] },
    {
      name: 'Bicep: severity from a .bicepparam value',
      files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nparam severity string = 'Medium'\n\n${bicepResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('severity', '') } }))}`, 'subscription.bicepparam': "using 'subscription.bicep'\n\nparam severity = 'High'\n" },
      findings: [{ file: 'subscription.bicepparam', line: 3, message: /from High severity up/ }],
    },
    {
      name: 'Bicep: High only through a parameter default',
      files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nparam severity string = 'High'\n\n${bicepResource(contact({ alertNotifications: { state: 'On', minimalSeverity: expression('severity', '') } }))}` },
      findings: [{ file: 'subscription.bicep', line: 3, message: /'default' mails alerts only from High severity up/ }],
    },
    {
      name: 'Bicep: notifications off through a variable',
      files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\nvar alertState = 'Off'\n\n${bicepResource(contact({ alertNotifications: { state: expression('alertState', ''), minimalSeverity: 'Medium' } }))}` },
      findings: [{ file: 'subscription.bicep', line: 3, message: /'default' has alert notifications off/ }],
    },
    {
      name: 'Bicep: contacts in a loop, none notifying Owners',
      files: { ...policy, 'subscription.bicep': `targetScope = 'subscription'\n\n${bicepResource(contact({ notificationsByRole: { state: 'Off' } }, expression("'contact-${i}'", '')), { loop: 'i in range(0, 2)' })}` },
      findings: [
        { file: 'subscription.bicep', line: 12, message: /'contact-0' does not notify by role/ },
      ],
    },
    {
      name: 'Bicep: a module deploys the contact',
      files: { ...policy, 'main.bicep': "targetScope = 'subscription'\n\nmodule security 'modules/security.bicep' = {\n  name: 'security'\n  params: {\n    alertsOn: 'Off'\n  }\n}\n", 'modules/security.bicep': `targetScope = 'subscription'\n\nparam alertsOn string\n\n${bicepResource(contact({ alertNotifications: { state: expression('alertsOn', ''), minimalSeverity: 'Medium' } }))}` },
      findings: [{ file: 'main.bicep', line: 6, message: /alert notifications off/ }],
    },
  ],
});
