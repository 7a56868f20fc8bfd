import { hn108ActivityLogAlertsIncomplete } from '../../../server/src/rules/template/hn108ActivityLogAlertsIncomplete';
import { activityLogAlertText, actionGroupText, roleReceiver } from './alertingFixture';
import { armTemplate, minimalPolicy, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';

const policy = { 'claims.hipaa-notify.yaml': minimalPolicy };
const alert = (category: Described, options: Parameters<typeof activityLogAlertText>[1] = {}) => activityLogAlertText(category, { name: `ala-hipaa-${typeof category === 'string' ? category.toLowerCase() : 'category'}`, symbol: `${typeof category === 'string' ? category.toLowerCase() : 'category'}Alert`, ...options });
const arm = (...categories: Described[]) => armTemplate(categories.map((c) => armResource(alert(c))).join(',\n'));
const bicep = (...categories: Described[]) => categories.map((c) => bicepResource(alert(c))).join('\n');
const activityLogPolicy = minimalPolicy.replace('  discovery: []\n', '  discovery:\n    - source: activityLog\n      categories:\n        - Administrative\n        - Security\n        - Policy\n');
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "policyAlertOn": { "value": false }\n  }\n}\n';

/** The policy names ag-hipaa-tier1 as tier 1: the fix routes the new alert there. */
const tierPolicy = { 'claims.hipaa-notify.yaml': minimalPolicy.replace('  escalation: []\n', '  escalation:\n    - tier: 1\n      within: PT15M\n      actionGroup: ag-hipaa-tier1\n      recipients:\n        - armRole: Monitoring Contributor\n') };
const tierOne = actionGroupText({ armRoleReceivers: [roleReceiver] });
/** A resource-group lock, so that the alert the fix adds is protected too (HN304). */
const groupLock = { symbol: 'groupLock', type: 'Microsoft.Authorization/locks@2020-05-01', body: { name: 'rg-do-not-delete', properties: { level: 'CanNotDelete' } } };

testRule(hn108ActivityLogAlertsIncomplete, {
  valid: [
    { name: 'ARM: Administrative, Security and Policy each routed', files: { ...policy, 'azuredeploy.json': arm('Administrative', 'Security', 'Policy') } },
    { name: 'ARM: routed to a working group of the model', files: { ...policy, 'azuredeploy.json': armTemplate([...['Administrative', 'Security', 'Policy'].map((c) => armResource(alert(c))), armResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))].join(',\n')) } },
    { name: 'ARM: no policy file, no workspace rule', files: { 'azuredeploy.json': arm('Administrative') } },
    { name: 'ARM: a routed alert whose category is unknown may cover the rest', files: { ...policy, 'azuredeploy.json': armTemplate(armResource(alert(expression('', "parameters('category')"))), { parameters: '"category": { "type": "string" }' }) } },
    { name: 'ARM: suppressed in resource metadata', files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), armResource(alert('Policy', { enabled: false }), { metadata: { 'hipaa-notify': { suppress: { HN108: 'Policy alerts come from the landing zone' } } } })].join(',\n')) } },
    { name: 'ARM: a broken Policy alert not deployed (condition false) beside a routed one', files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), armResource(alert('Policy')), armResource(alert('Policy', { enabled: false, name: 'ala-hipaa-policy-old' }), { condition: false })].join(',\n')) } },
    { name: 'ARM: suppressed with a comment', files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), `    // hipaa-notify-disable-next-line HN108 -- Policy alerts come from the landing zone\n${armResource(alert('Policy', { enabled: false }))}`].join(',\n')) } },
    { name: 'ARM: suppressed on the policy file\'s discovery entry', files: { 'claims.hipaa-notify.yaml': activityLogPolicy.replace('    - source: activityLog', '    # hipaa-notify-disable-next-line HN108 -- Policy alerts come from the landing zone\n    - source: activityLog'), 'azuredeploy.json': arm('Administrative', 'Security') } },
    { name: 'Bicep: no policy file, no workspace rule', files: { 'main.bicep': bicep('Administrative') } },
    { name: 'Bicep: an alert enabled from a parameter without a default may be routed', files: { ...policy, 'main.bicep': `param securityAlertOn bool\n\n${bicep('Administrative', 'Policy')}\n${bicepResource(alert('Security', { enabled: expression('securityAlertOn', '') }))}` } },
    { name: 'Bicep: categories with containsAny', files: { ...policy, 'main.bicep': bicepResource(activityLogAlertText('Administrative', { name: 'ala-hipaa-all' })).replace("equals: 'Administrative'", "containsAny: [\n            'Administrative'\n            'Security'\n            'Policy'\n          ]") } },
    {
      name: 'Bicep: one alert per category in a loop',
      files: { ...policy, 'main.bicep': bicepResource(alert(expression('category', ''), { name: expression("'ala-hipaa-${toLower(category)}'", '') }), { loop: "category in ['Administrative', 'Security', 'Policy']" }) },
    },
    { name: 'Bicep: a registry module may deploy the Security alert', files: { ...policy, 'main.bicep': `${bicep('Administrative', 'Policy')}\nmodule securityAlert 'br/public:avm/res/insights/activity-log-alert:0.3.0' = {\n  name: 'security-alert'\n  params: {\n    name: 'ala-hipaa-security'\n  }\n}\n` } },
    { name: 'Bicep: suppressed with a reason', files: { ...policy, 'main.bicep': `${bicep('Administrative', 'Security')}\n// hipaa-notify-disable-next-line HN108 -- Policy alerts come from the landing zone\n${bicepResource(alert('Policy', { enabled: false }))}` } },
    { name: 'Bicep: a disabled duplicate does not matter', files: { ...policy, 'main.bicep': `${bicep('Administrative', 'Security', 'Policy')}\n${bicepResource(alert('Policy', { enabled: false, name: 'ala-hipaa-policy-old', symbol: 'oldPolicyAlert' }))}` } },
  ],
  invalid: [
    {
      name: 'ARM: the fix adds the Policy alert after the tier-1 action group the policy names',
      files: { ...tierPolicy, 'azuredeploy.json': armTemplate([armResource(tierOne), armResource(alert('Administrative')), armResource(alert('Security')), armResource(groupLock)].join(',\n')) },
      rewrites: { 'azuredeploy.json': [['        "level": "CanNotDelete"\n      }\n', '        "level": "CanNotDelete"\n      }\n    },\n    {\n      "type": "Microsoft.Insights/activityLogAlerts",\n      "apiVersion": "2020-10-01",\n      "name": "ala-hipaa-policy",\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n      ],\n      "location": "Global",\n      "properties": {\n        "enabled": true,\n        "description": "Policy activity log events, routed to the tier-1 action group (hipaa-notify).",\n        "scopes": [\n          "[subscription().id]"\n        ],\n        "condition": {\n          "allOf": [\n            {\n              "field": "category",\n              "equals": "Policy"\n            }\n          ]\n        },\n        "actions": {\n          "actionGroups": [\n            {\n              "actionGroupId": "[resourceId(\'Microsoft.Insights/actionGroups\', \'ag-hipaa-tier1\')]"\n            }\n          ]\n        }\n      }\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no activity log alert on category Policy/ }],
    },
    {
      name: 'Bicep: the fix adds the Security alert after the tier-1 action group the policy names',
      files: { ...tierPolicy, 'main.bicep': `${bicepResource(tierOne)}\n${bicep('Administrative', 'Policy')}\n${bicepResource(groupLock)}` },
      rewrites: { 'main.bicep': [['    ]\n  }\n}\n\n', '    ]\n  }\n}\n\nresource securityActivityAlert \'Microsoft.Insights/activityLogAlerts@2020-10-01\' = {\n  name: \'ala-hipaa-security\'\n  location: \'Global\'\n  properties: {\n    enabled: true\n    description: \'Security activity log events, routed to the tier-1 action group (hipaa-notify).\'\n    scopes: [\n      subscription().id\n    ]\n    condition: {\n      allOf: [\n        {\n          field: \'category\'\n          equals: \'Security\'\n        }\n      ]\n    }\n    actions: {\n      actionGroups: [\n        {\n          actionGroupId: agTier1.id\n        }\n      ]\n    }\n  }\n}\n\n']] },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no activity log alert on category Security/ }],
    },
    { name: 'ARM: no Policy alert, on the policy file', files: { ...policy, 'azuredeploy.json': arm('Administrative', 'Security') }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no activity log alert on category Policy is routed/ }] },
    { name: 'ARM: none at all, three findings', files: { ...policy, 'azuredeploy.json': armTemplate('') }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /Administrative/ }, { file: 'claims.hipaa-notify.yaml', line: 4, message: /Security/ }, { file: 'claims.hipaa-notify.yaml', line: 4, message: /Policy/ }] },
    {
      name: 'ARM: the Policy alert disabled through a parameter default',
      files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), armResource(alert('Policy', { enabled: expression('', "parameters('policyAlertOn')") }))].join(',\n'), { parameters: '"policyAlertOn": { "type": "bool", "defaultValue": false }' }) },
      findings: [{ file: 'azuredeploy.json', line: 64, message: /the Policy activity log alert Microsoft.Insights\/activityLogAlerts 'ala-hipaa-policy' is disabled or not routed/ }],
    },
    {
      name: 'ARM: the Policy alert disabled through a parameter file',
      files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), armResource(alert('Policy', { enabled: expression('', "parameters('policyAlertOn')") }))].join(',\n'), { parameters: '"policyAlertOn": { "type": "bool", "defaultValue": true }' }), 'azuredeploy.parameters.json': parametersFile },
      findings: [{ file: 'azuredeploy.json', line: 64, message: /'ala-hipaa-policy' is disabled or not routed/ }],
    },
    {
      name: 'ARM: categories from a variable in a copy loop miss Security',
      files: { ...policy, 'azuredeploy.json': armTemplate(armResource(alert(expression('', "variables('categories')[copyIndex()]"), { name: expression('', "concat('ala-hipaa-', copyIndex())") }), { copy: { name: 'alerts', count: 2 } }), { variables: '"categories": [ "Administrative", "Policy" ]' }) },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /category Security/ }],
    },
    { name: 'ARM: no Policy alert, on the activityLog discovery entry of the policy file', files: { 'claims.hipaa-notify.yaml': activityLogPolicy, 'azuredeploy.json': arm('Administrative', 'Security') }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 10, message: /no activity log alert on category Policy is routed/ }] },
    {
      name: 'ARM: the only Policy alert is not deployed (condition false), on the policy file',
      files: { ...policy, 'azuredeploy.json': armTemplate([armResource(alert('Administrative')), armResource(alert('Security')), armResource(alert('Policy'), { condition: false })].join(',\n')) },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no activity log alert on category Policy is routed/ }],
    },
    { name: 'Bicep: no Security alert', files: { ...policy, 'main.bicep': bicep('Administrative', 'Policy') }, findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /category Security/ }] },
    {
      name: 'Bicep: the Security alert disabled through a parameter default, on the alert',
      files: { ...policy, 'main.bicep': `param securityAlertOn bool = false\n\n${bicep('Administrative', 'Policy')}\n${bicepResource(alert('Security', { enabled: expression('securityAlertOn', '') }))}` },
      findings: [{ file: 'main.bicep', line: 55, message: /the Security activity log alert Microsoft.Insights\/activityLogAlerts 'ala-hipaa-security' is disabled or not routed/ }],
    },
    {
      name: 'Bicep: categories from a variable in a loop miss Policy',
      files: { ...policy, 'main.bicep': `var categories = [\n  'Administrative'\n  'Security'\n]\n\n${bicepResource(alert(expression('category', ''), { name: expression("'ala-hipaa-${toLower(category)}'", '') }), { loop: 'category in categories' })}` },
      findings: [{ file: 'claims.hipaa-notify.yaml', line: 4, message: /no activity log alert on category Policy is routed/ }],
    },
    {
      name: 'Bicep: the Security alert disabled in the .bicepparam file',
      files: { ...policy, 'main.bicep': `param securityAlertOn bool = true\n\n${bicep('Administrative', 'Policy')}\n${bicepResource(alert('Security', { enabled: expression('securityAlertOn', '') }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam securityAlertOn = false\n" },
      findings: [{ file: 'main.bicep', line: 55, message: /the Security activity log alert .* is disabled or not routed/ }],
    },
    {
      name: 'Bicep: a module given an empty action group list',
      files: { ...policy, 'main.bicep': `${bicep('Administrative', 'Security')}\nmodule policyAlert 'modules/alert.bicep' = {\n  name: 'policy-alert'\n  params: {\n    groups: []\n  }\n}\n`, 'modules/alert.bicep': `param groups array\n\n${bicepResource(alert('Policy', { groups: expression('groups', '') }))}` },
      findings: [{ file: 'modules/alert.bicep', line: 3, message: /the Policy activity log alert/ }],
    },
  ],
});
