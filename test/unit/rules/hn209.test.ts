import { hn209WebhookWithoutAadAuth } from '../../../server/src/rules/template/hn209WebhookWithoutAadAuth';
import { actionGroupText, roleReceiver } from './alertingFixture';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';

const webhook = (flag?: Described): Described => ({
  name: 'partner-ticketing',
  serviceUri: 'https://tickets.claims-partner.com/api/azure-alerts',
  useCommonAlertSchema: true,
  ...(flag === undefined ? {} : { useAadAuth: flag }),
  ...(flag === true ? { objectId: '5d1c0e8a-1b2c-4d3e-8f90-a1b2c3d4e5f6', identifierUri: 'api://claims-partner-ticketing', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } : {}),
});
const group = (flag?: Described, name?: Described) => actionGroupText({ armRoleReceivers: [roleReceiver], webhookReceivers: [webhook(flag)] }, { name });
const webhookLoop = (flag: string) =>
  expression(`[for partner in partners: {\n        name: partner\n        serviceUri: 'https://tickets.\${partner}.com/api/azure-alerts'\n        useCommonAlertSchema: true\n        useAadAuth: ${flag}\n      }]`, '');
const partnersParam = "param partners array = [\n  'claims-partner'\n  'pharmacy-partner'\n]\n\n";
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "aadAuth": { "value": false }\n  }\n}\n';

testRule(hn209WebhookWithoutAadAuth, {
  valid: [
    { name: 'ARM: a webhook with Entra authentication', files: { 'azuredeploy.json': armTemplate(armResource(group(true))) } },
    { name: 'ARM: no webhook receivers', files: { 'azuredeploy.json': armTemplate(armResource(actionGroupText({ armRoleReceivers: [roleReceiver] }))) } },
    { name: 'ARM: a flag from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('aadAuth')"))), { parameters: '"aadAuth": { "type": "bool" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(group(false), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(group(false), { metadata: { 'hipaa-notify': { suppress: { HN209: 'the partner endpoint checks a shared secret header' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { 'azuredeploy.json': armTemplate(armResource(group(false))).replace('"useAadAuth": false', '// hipaa-notify-disable-next-line HN209 -- the partner endpoint checks a shared secret header\n          "useAadAuth": false') } },
    { name: 'ARM: Logic App receivers are not checked', files: { 'azuredeploy.json': armTemplate(armResource(actionGroupText({ logicAppReceivers: [{ name: 'breach-notifier', resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Logic/workflows/la-claims-breach-notifier', callbackUrl: 'https://prod-00.eastus.logic.azure.com/workflows/0f1e/triggers/manual/paths/invoke', useCommonAlertSchema: true }] }))) } },
    { name: 'Bicep: a webhook with Entra authentication', files: { 'main.bicep': bicepResource(group(true)) } },
    { name: 'Bicep: a flag from a parameter without a default is unknown', files: { 'main.bicep': `param aadAuth bool\n\n${bicepResource(group(expression('aadAuth', '')))}` } },
    { name: 'Bicep: receivers from a loop over a parameter without a default are unknown', files: { 'main.bicep': `param partners array\n\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], webhookReceivers: webhookLoop('false') }))}` } },
    { name: 'Bicep: not deployed (condition false through a parameter default)', files: { 'main.bicep': `param deployPartnerGroup bool = false\n\n${bicepResource(group(false), { condition: 'deployPartnerGroup' })}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(group(false), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(group(false)).replace('        useAadAuth: false', '        // hipaa-notify-disable-next-line HN209 -- the partner endpoint checks a shared secret header\n        useAadAuth: false') } },
  ],
  invalid: [
    { name: 'ARM: useAadAuth false', files: { 'azuredeploy.json': armTemplate(armResource(group(false))) }, findings: [{ file: 'azuredeploy.json', line: 27, message: /the webhook receiver 'partner-ticketing' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not authenticate with Microsoft Entra ID/ }] },
    { name: 'ARM: useAadAuth absent, at the receiver', files: { 'azuredeploy.json': armTemplate(armResource(group())) }, findings: [{ file: 'azuredeploy.json', line: 24, message: /'partner-ticketing'.*set useAadAuth to true/ }] },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('aadAuth')"))), { parameters: '\n    "aadAuth": { "type": "bool", "defaultValue": false }\n  ' }) }, findings: [{ file: 'azuredeploy.json', line: 5, message: /Microsoft Entra ID/ }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('aadAuth')"))), { parameters: '"aadAuth": { "type": "bool", "defaultValue": true }' }), 'azuredeploy.parameters.json': parametersFile },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /Microsoft Entra ID/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "variables('aadAuth')"), expression('', "concat('ag-hipaa-tier', copyIndex(1))")), { copy: { name: 'tiers', count: 2 } }), { variables: '\n    "aadAuth": false\n  ' }) },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ag-hipaa-tier1'/ },
      ],
    },
    { name: 'Bicep: useAadAuth false', files: { 'main.bicep': bicepResource(group(false)) }, findings: [{ file: 'main.bicep', line: 19, message: /does not authenticate with Microsoft Entra ID/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param aadAuth bool = false\n\n${bicepResource(group(expression('aadAuth', '')))}` }, findings: [{ file: 'main.bicep', line: 1, message: /the webhook receiver 'partner-ticketing' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not authenticate/ }] },
    { name: 'Bicep: useAadAuth absent, at the receiver', files: { 'main.bicep': bicepResource(group()) }, findings: [{ file: 'main.bicep', line: 16, message: /'partner-ticketing'.*set useAadAuth to true/ }] },
    {
      name: 'Bicep: receivers from a loop, at the flag in the loop body',
      files: { 'main.bicep': `${partnersParam}${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], webhookReceivers: webhookLoop('false') }))}` },
      findings: [
        { file: 'main.bicep', line: 23, message: /webhook receiver 'claims-partner' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1'/ },
      ],
    },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param aadAuth bool = true\n\n${bicepResource(group(expression('aadAuth', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam aadAuth = false\n" }, findings: [{ file: 'main.bicepparam', line: 3, message: /Microsoft Entra ID/ }] },
    {
      name: 'Bicep: a variable receiver in a loop of groups',
      files: { 'main.bicep': `var ticketing = {\n  name: 'partner-ticketing'\n  serviceUri: 'https://tickets.claims-partner.com/api/azure-alerts'\n  useCommonAlertSchema: true\n}\n\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], webhookReceivers: [expression('ticketing', '')] }, { name: expression("'ag-hipaa-tier${tier}'", '') }), { loop: 'tier in [1, 2]' })}` },
      findings: [
        { file: 'main.bicep', line: 2, message: /'ag-hipaa-tier1'/ },
      ],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    aadAuth: false\n  }\n}\n", 'modules/tier1.bicep': `param aadAuth bool\n\n${bicepResource(group(expression('aadAuth', '')))}` },
      findings: [{ file: 'main.bicep', line: 4, message: /Microsoft Entra ID/ }],
    },
    {
      name: 'Bicep: written in the module',
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n}\n", 'modules/tier1.bicep': bicepResource(group(false)) },
      findings: [{ file: 'modules/tier1.bicep', line: 19, message: /'partner-ticketing' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not authenticate/ }],
    },
    {
      name: 'Bicep: a module loop, at the value passed in main.bicep',
      files: {
        'main.bicep': "module tiers 'modules/tier.bicep' = [for tier in [1, 2]: {\n  name: 'tier${tier}'\n  params: {\n    groupName: 'ag-hipaa-tier${tier}'\n    aadAuth: false\n  }\n}]\n",
        'modules/tier.bicep': `param groupName string\nparam aadAuth bool\n\n${bicepResource(group(expression('aadAuth', ''), expression('groupName', '')))}`,
      },
      findings: [
        { file: 'main.bicep', line: 5, message: /'ag-hipaa-tier1' does not authenticate/ },
      ],
    },
  ],
});
