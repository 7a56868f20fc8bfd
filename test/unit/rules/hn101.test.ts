import { hn101ActionGroupHardcodedRecipients } from '../../../server/src/rules/template/hn101ActionGroupHardcodedRecipients';
import { armTemplate, testRule } from './ruleTester';
import { actionGroupText } from './alertingFixture';
import { bicepResource, expression, type Described } from './templateText';

const personal = (address: Described, name?: Described) => actionGroupText({ emailReceivers: [{ name: 'on-call', emailAddress: address, useCommonAlertSchema: true }] }, { name: name ?? 'ag-claims-oncall', symbol: 'ag' });

const emailLoop = expression("[for address in onCall: {\n      name: split(address, '@')[0]\n      emailAddress: address\n      useCommonAlertSchema: true\n    }]", '');
const roleReceivers = `"armRoleReceivers": [{ "name": "monitoring", "roleId": "749f88d5-cbae-40b8-bcfc-e573ddc772fa", "useCommonAlertSchema": true }]`;
const actionGroup = (properties: string, extra = '') => `    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-claims-oncall",
      "location": "Global",${extra}
      "properties": { "groupShortName": "claims-oc", ${properties} }
    }`;
const email = (address: string) => `"emailReceivers": [{ "name": "on-call", "emailAddress": ${address}, "useCommonAlertSchema": true }]`;
const workflow = (actions: string) => `    {
      "type": "Microsoft.Logic/workflows",
      "apiVersion": "2019-05-01",
      "name": "la-notifier",
      "location": "eastus",
      "properties": { "definition": { "triggers": {}, "actions": { ${actions} } } }
    }`;
const logicAppReceiver = `"logicAppReceivers": [{ "name": "notifier", "resourceId": "[resourceId('Microsoft.Logic/workflows', 'la-notifier')]", "callbackUrl": "https://example.com/cb", "useCommonAlertSchema": true }]`;
const bicepGroup = (top: string, receivers: string) =>
  `${top}resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-claims-oncall'\n  location: 'Global'\n  properties: {\n    groupShortName: 'claims-oc'\n    enabled: true\n${receivers}  }\n}\n`;

testRule(hn101ActionGroupHardcodedRecipients, {
  valid: [
    { name: 'ARM: a role receiver beside a personal address', files: { 'azuredeploy.json': armTemplate(actionGroup(`${roleReceivers}, ${email('"dana.whitfield@contoso-claims.com"')}`)) } },
    { name: 'ARM: a shared role mailbox', files: { 'azuredeploy.json': armTemplate(actionGroup(email('"privacy-office@contoso-claims.com"'))) } },
    { name: 'ARM: address from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(actionGroup(email(`"[parameters('to')]"`)), { parameters: '"to": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(actionGroup(email('"dana.whitfield@contoso-claims.com"'), '\n      "condition": false,')) } },
    {
      name: 'ARM: a Logic App receiver that reads Entra group members',
      files: {
        'azuredeploy.json': armTemplate(
          `${actionGroup(`${logicAppReceiver}, ${email('"dana.whitfield@contoso-claims.com"')}`)},\n${workflow(`"Get_members": { "type": "Http", "inputs": { "method": "GET", "uri": "https://graph.microsoft.com/v1.0/groups/7f3c2a1e/transitiveMembers" }, "runAfter": {} }`)}`,
        ),
      },
    },
    { name: 'ARM: a Logic App receiver not in the model counts as resolving members', files: { 'azuredeploy.json': armTemplate(actionGroup(`${logicAppReceiver}, ${email('"dana.whitfield@contoso-claims.com"')}`)) } },
    {
      name: 'ARM: suppressed with a reason',
      files: { 'azuredeploy.json': armTemplate(actionGroup(`// hipaa-notify-disable-next-line HN101 -- break-glass contact, reviewed quarterly\n        ${email('"dana.whitfield@contoso-claims.com"')}`)) },
    },
    { name: 'Bicep: a team mailbox (devops@) is not personal', files: { 'main.bicep': bicepResource(personal('devops@contoso-claims.com')) } },
    { name: 'Bicep: a role receiver', files: { 'main.bicep': bicepGroup('', "    armRoleReceivers: [\n      { name: 'monitoring', roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa', useCommonAlertSchema: true }\n    ]\n") } },
    { name: 'Bicep: an address from a parameter without a default is unknown', files: { 'main.bicep': `param onCallEmail string\n\n${bicepResource(personal(expression('onCallEmail', '')))}` } },
    { name: 'Bicep: receivers from a loop over a parameter without a default are unknown', files: { 'main.bicep': `param onCall array\n\n${bicepResource(actionGroupText({ emailReceivers: emailLoop }, { name: 'ag-claims-oncall' }))}` } },
    { name: 'Bicep: not deployed (condition false through a parameter default)', files: { 'main.bicep': `param deployOnCall bool = false\n\n${bicepResource(personal('dana.whitfield@contoso-claims.com'), { condition: 'deployOnCall' })}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(personal('dana.whitfield@contoso-claims.com'), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN101 -- break-glass contact, reviewed quarterly\n${bicepResource(personal('dana.whitfield@contoso-claims.com'))}` } },
  ],
  invalid: [
    {
      name: 'ARM: a literal personal address, at the value',
      files: { 'azuredeploy.json': armTemplate(actionGroup(email('"dana.whitfield@contoso-claims.com"'))) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "notificationRoleId": {\n      "type": "string",\n      "defaultValue": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",\n      "metadata": {\n        "description": "Azure role whose members the action group notifies (default: Monitoring Contributor)."\n      }\n    }\n  },\n'], ['      "properties": { "groupShortName": "claims-oc", "emailReceivers": [{ "name": "on-call", "emailAddress": "dana.whitfield@contoso-claims.com", "useCommonAlertSchema": true }] }\n', '      "properties": {\n        "groupShortName": "claims-oc",\n        "emailReceivers": [\n          {\n            "name": "on-call",\n            "emailAddress": "dana.whitfield@contoso-claims.com",\n            "useCommonAlertSchema": true\n          }\n        ],\n        "armRoleReceivers": [\n          {\n            "name": "notification-role",\n            "roleId": "[parameters(\'notificationRoleId\')]",\n            "useCommonAlertSchema": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /'ag-claims-oncall' notifies the personal address 'dana.whitfield@contoso-claims.com'.*armRoleReceivers/ }],
    },
    {
      name: 'ARM: through a parameter default, at the default',
      files: { 'azuredeploy.json': armTemplate(actionGroup(email(`"[parameters('onCallEmail')]"`)), { parameters: '\n    "onCallEmail": { "type": "string", "defaultValue": "dana.whitfield@contoso-claims.com" }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['    "onCallEmail": { "type": "string", "defaultValue": "dana.whitfield@contoso-claims.com" }\n', '    "onCallEmail": {\n      "type": "string",\n      "defaultValue": "dana.whitfield@contoso-claims.com"\n    },\n    "notificationRoleId": {\n      "type": "string",\n      "defaultValue": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",\n      "metadata": {\n        "description": "Azure role whose members the action group notifies (default: Monitoring Contributor)."\n      }\n    }\n'], ['      "properties": { "groupShortName": "claims-oc", "emailReceivers": [{ "name": "on-call", "emailAddress": "[parameters(\'onCallEmail\')]", "useCommonAlertSchema": true }] }\n', '      "properties": {\n        "groupShortName": "claims-oc",\n        "emailReceivers": [\n          {\n            "name": "on-call",\n            "emailAddress": "[parameters(\'onCallEmail\')]",\n            "useCommonAlertSchema": true\n          }\n        ],\n        "armRoleReceivers": [\n          {\n            "name": "notification-role",\n            "roleId": "[parameters(\'notificationRoleId\')]",\n            "useCommonAlertSchema": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /personal address 'dana.whitfield/ }],
    },
    {
      name: 'ARM: through a parameter file, in the parameter file',
      files: {
        'azuredeploy.json': armTemplate(actionGroup(email(`"[parameters('onCallEmail')]"`)), { parameters: '"onCallEmail": { "type": "string" }' }),
        'azuredeploy.parameters.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "onCallEmail": { "value": "jkowalski@contoso-claims.com" }\n  }\n}\n',
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"onCallEmail": { "type": "string" }},\n', '  "parameters": {\n    "onCallEmail": {\n      "type": "string"\n    },\n    "notificationRoleId": {\n      "type": "string",\n      "defaultValue": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",\n      "metadata": {\n        "description": "Azure role whose members the action group notifies (default: Monitoring Contributor)."\n      }\n    }\n  },\n'], ['      "properties": { "groupShortName": "claims-oc", "emailReceivers": [{ "name": "on-call", "emailAddress": "[parameters(\'onCallEmail\')]", "useCommonAlertSchema": true }] }\n', '      "properties": {\n        "groupShortName": "claims-oc",\n        "emailReceivers": [\n          {\n            "name": "on-call",\n            "emailAddress": "[parameters(\'onCallEmail\')]",\n            "useCommonAlertSchema": true\n          }\n        ],\n        "armRoleReceivers": [\n          {\n            "name": "notification-role",\n            "roleId": "[parameters(\'notificationRoleId\')]",\n            "useCommonAlertSchema": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /'jkowalski@contoso-claims.com'/ }],
    },
    {
      name: 'ARM: SMS number through a variable, in a copy loop',
      files: {
        'azuredeploy.json': armTemplate(
          actionGroup(`"smsReceivers": [{ "name": "sms", "countryCode": "1", "phoneNumber": "[variables('pager')]" }]`, '\n      "copy": { "name": "groups", "count": 2 },').replace('"name": "ag-claims-oncall"', `"name": "[concat('ag-', copyIndex())]"`),
          { variables: '\n    "pager": "3125550147"\n  ' },
        ),
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "notificationRoleId": {\n      "type": "string",\n      "defaultValue": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",\n      "metadata": {\n        "description": "Azure role whose members the action group notifies (default: Monitoring Contributor)."\n      }\n    }\n  },\n'], ['      "properties": { "groupShortName": "claims-oc", "smsReceivers": [{ "name": "sms", "countryCode": "1", "phoneNumber": "[variables(\'pager\')]" }] }\n', '      "properties": {\n        "groupShortName": "claims-oc",\n        "smsReceivers": [\n          {\n            "name": "sms",\n            "countryCode": "1",\n            "phoneNumber": "[variables(\'pager\')]"\n          }\n        ],\n        "armRoleReceivers": [\n          {\n            "name": "notification-role",\n            "roleId": "[parameters(\'notificationRoleId\')]",\n            "useCommonAlertSchema": true\n          }\n        ]\n      }\n']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ag-0' notifies the phone number '3125550147'/ },
      ],
    },
    {
      name: 'ARM: a Logic App receiver whose workflow does not read group members',
      files: {
        'azuredeploy.json': armTemplate(`${actionGroup(`${logicAppReceiver}, ${email('"dana.whitfield@contoso-claims.com"')}`)},\n${workflow(`"Post": { "type": "Http", "inputs": { "method": "POST", "uri": "https://example.com/hook" }, "runAfter": {} }`)}`),
      },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "notificationRoleId": {\n      "type": "string",\n      "defaultValue": "749f88d5-cbae-40b8-bcfc-e573ddc772fa",\n      "metadata": {\n        "description": "Azure role whose members the action group notifies (default: Monitoring Contributor)."\n      }\n    }\n  },\n'], ['      "properties": { "groupShortName": "claims-oc", "logicAppReceivers": [{ "name": "notifier", "resourceId": "[resourceId(\'Microsoft.Logic/workflows\', \'la-notifier\')]", "callbackUrl": "https://example.com/cb", "useCommonAlertSchema": true }], "emailReceivers": [{ "name": "on-call", "emailAddress": "dana.whitfield@contoso-claims.com", "useCommonAlertSchema": true }] }\n', '      "properties": {\n        "groupShortName": "claims-oc",\n        "logicAppReceivers": [\n          {\n            "name": "notifier",\n            "resourceId": "[resourceId(\'Microsoft.Logic/workflows\', \'la-notifier\')]",\n            "callbackUrl": "https://example.com/cb",\n            "useCommonAlertSchema": true\n          }\n        ],\n        "emailReceivers": [\n          {\n            "name": "on-call",\n            "emailAddress": "dana.whitfield@contoso-claims.com",\n            "useCommonAlertSchema": true\n          }\n        ],\n        "armRoleReceivers": [\n          {\n            "name": "notification-role",\n            "roleId": "[parameters(\'notificationRoleId\')]",\n            "useCommonAlertSchema": true\n          }\n        ]\n      }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /personal address/ }],
    },
    {
      name: 'Bicep: a literal personal address, at the value',
      files: { 'main.bicep': bicepResource(personal('dana.whitfield@contoso-claims.com')) },
      rewrites: { 'main.bicep': [['resource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: \'dana.whitfield@contoso-claims.com\'', '@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\nresource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: \'dana.whitfield@contoso-claims.com\'\n        useCommonAlertSchema: true\n      }\n    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId']] },
      findings: [{ file: 'main.bicep', line: 10, message: /Microsoft.Insights\/actionGroups 'ag-claims-oncall' notifies the personal address 'dana.whitfield@contoso-claims.com'.*armRoleReceivers/ }],
    },
    {
      name: 'Bicep: a literal SMS number',
      files: { 'main.bicep': bicepResource(actionGroupText({ smsReceivers: [{ name: 'pager', countryCode: '1', phoneNumber: '3125550147' }] }, { name: 'ag-claims-oncall' })) },
      rewrites: { 'main.bicep': [['resource agTier1 \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    smsReceivers: [\n      {\n        name: \'pager\'\n        countryCode: \'1\'\n        phoneNumber: \'3125550147\'', '@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\nresource agTier1 \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    smsReceivers: [\n      {\n        name: \'pager\'\n        countryCode: \'1\'\n        phoneNumber: \'3125550147\'\n      }\n    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true']] },
      findings: [{ file: 'main.bicep', line: 11, message: /'ag-claims-oncall' notifies the phone number '3125550147'/ }],
    },
    {
      name: 'Bicep: receivers looped over a parameter default, at each address in the default',
      files: { 'main.bicep': `param onCall array = [\n  'dana.whitfield@contoso-claims.com'\n  'privacy-office@contoso-claims.com'\n  'jkowalski@contoso-claims.com'\n]\n\n${bicepResource(actionGroupText({ emailReceivers: emailLoop }, { name: 'ag-claims-oncall' }))}` },
      rewrites: { 'main.bicep': [[']\n\n', ']\n\n@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\n'], ['    }]\n', '    }]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true\n      }\n    ]\n']] },
      findings: [
        { file: 'main.bicep', line: 2, message: /personal address 'dana.whitfield@contoso-claims.com'/ },
        { file: 'main.bicep', line: 4, message: /personal address 'jkowalski@contoso-claims.com'/ },
      ],
    },
    {
      name: 'Bicep: through a parameter default',
      files: { 'main.bicep': bicepGroup("param onCallEmail string = 'dana.whitfield@contoso-claims.com'\n\n", "    emailReceivers: [\n      { name: 'on-call', emailAddress: onCallEmail, useCommonAlertSchema: true }\n    ]\n") },
      rewrites: { 'main.bicep': [['param onCallEmail string = \'dana.whitfield@contoso-claims.com\'\n\n', 'param onCallEmail string = \'dana.whitfield@contoso-claims.com\'\n\n@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\n'], ['    ]\n', '    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true\n      }\n    ]\n']] },
      findings: [{ file: 'main.bicep', line: 1, message: /personal address 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: through a .bicepparam value',
      files: { 'main.bicep': `param onCallEmail string = 'privacy-office@contoso-claims.com'\n\n${bicepResource(personal(expression('onCallEmail', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam onCallEmail = 'dana.whitfield@contoso-claims.com'\n" },
      rewrites: { 'main.bicep': [['param onCallEmail string = \'privacy-office@contoso-claims.com\'\n\n', 'param onCallEmail string = \'privacy-office@contoso-claims.com\'\n\n@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\n'], ['    ]\n', '    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true\n      }\n    ]\n']] },
      findings: [{ file: 'main.bicepparam', line: 3, message: /personal address 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: a variable address in a loop of groups',
      files: { 'main.bicep': `var onCall = 'dana.whitfield@contoso-claims.com'\n\n${bicepResource(personal(expression('onCall', ''), expression("'ag-claims-${tier}'", '')), { loop: "tier in ['day', 'night']" })}` },
      rewrites: { 'main.bicep': [['var onCall = \'dana.whitfield@contoso-claims.com\'\n\nresource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = [for tier in [\'day\', \'night\']: {\n  name: \'ag-claims-${tier}\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: onCall', '@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\nvar onCall = \'dana.whitfield@contoso-claims.com\'\n\nresource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = [for tier in [\'day\', \'night\']: {\n  name: \'ag-claims-${tier}\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: onCall\n        useCommonAlertSchema: true\n      }\n    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId']] },
      findings: [
        { file: 'main.bicep', line: 1, message: /'ag-claims-day' notifies the personal address/ },
      ],
    },
    {
      name: 'Bicep: an address passed to a module',
      files: { 'main.bicep': "module oncall 'modules/oncall.bicep' = {\n  name: 'oncall'\n  params: {\n    onCallEmail: 'dana.whitfield@contoso-claims.com'\n  }\n}\n", 'modules/oncall.bicep': `param onCallEmail string\n\n${bicepResource(personal(expression('onCallEmail', '')))}` },
      rewrites: { 'modules/oncall.bicep': [['param onCallEmail string\n\n', 'param onCallEmail string\n\n@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\n'], ['    ]\n', '    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true\n      }\n    ]\n']] },
      findings: [{ file: 'main.bicep', line: 4, message: /personal address 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: written in the module',
      files: { 'main.bicep': "module oncall 'modules/oncall.bicep' = {\n  name: 'oncall'\n}\n", 'modules/oncall.bicep': bicepResource(personal('dana.whitfield@contoso-claims.com')) },
      rewrites: { 'modules/oncall.bicep': [['resource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: \'dana.whitfield@contoso-claims.com\'', '@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\nresource ag \'Microsoft.Insights/actionGroups@2023-01-01\' = {\n  name: \'ag-claims-oncall\'\n  location: \'Global\'\n  properties: {\n    groupShortName: \'hipaa-t1\'\n    enabled: true\n    emailReceivers: [\n      {\n        name: \'on-call\'\n        emailAddress: \'dana.whitfield@contoso-claims.com\'\n        useCommonAlertSchema: true\n      }\n    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId']] },
      findings: [{ file: 'modules/oncall.bicep', line: 10, message: /personal address 'dana.whitfield@contoso-claims.com'/ }],
    },
    {
      name: 'Bicep: a module loop, at the address passed in main.bicep',
      files: {
        'main.bicep': "module oncall 'modules/oncall.bicep' = [for shift in ['day', 'night']: {\n  name: 'oncall-${shift}'\n  params: {\n    groupName: 'ag-claims-${shift}'\n    onCallEmail: 'dana.whitfield@contoso-claims.com'\n  }\n}]\n",
        'modules/oncall.bicep': `param groupName string\nparam onCallEmail string\n\n${bicepResource(personal(expression('onCallEmail', ''), expression('groupName', '')))}`,
      },
      rewrites: { 'modules/oncall.bicep': [['param onCallEmail string\n\n', 'param onCallEmail string\n\n@description(\'Azure role whose members the action group notifies (default: Monitoring Contributor).\')\nparam notificationRoleId string = \'749f88d5-cbae-40b8-bcfc-e573ddc772fa\'\n\n'], ['    ]\n', '    ]\n    armRoleReceivers: [\n      {\n        name: \'notification-role\'\n        roleId: notificationRoleId\n        useCommonAlertSchema: true\n      }\n    ]\n']] },
      findings: [
        { file: 'main.bicep', line: 5, message: /'ag-claims-day' notifies the personal address/ },
      ],
    },
  ],
});
