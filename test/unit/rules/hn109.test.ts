import { hn109CommonAlertSchemaOff } from '../../../server/src/rules/template/hn109CommonAlertSchemaOff';
import { actionGroupText, roleReceiver } from './alertingFixture';
import { armTemplate, rewritten, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';

const notifierReceiver = (flag?: Described): Described => ({
  name: 'breach-notifier',
  resourceId: expression("resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')", "resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')"),
  callbackUrl: 'https://prod-00.eastus.logic.azure.com/workflows/0f1e/triggers/manual/paths/invoke',
  ...(flag === undefined ? {} : { useCommonAlertSchema: flag }),
});
const group = (flag?: Described, name?: Described) => actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: [notifierReceiver(flag)] }, { name });
const notifierLoop = (flag: string) =>
  expression(`[for notifier in notifiers: {\n        name: notifier\n        resourceId: resourceId('Microsoft.Logic/workflows', notifier)\n        callbackUrl: 'https://prod-00.eastus.logic.azure.com/workflows/0f1e/triggers/manual/paths/invoke'\n        useCommonAlertSchema: ${flag}\n      }]`, '');
const notifiersParam = "param notifiers array = [\n  'la-claims-breach-notifier'\n  'la-claims-audit-notifier'\n]\n\n";
const parametersFile = (flag: boolean) => `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "commonSchema": { "value": ${flag} }\n  }\n}\n`;
const copyLoop = (flag: boolean) => armTemplate(armResource(group(expression('', "variables('commonSchema')"), expression('', "concat('ag-hipaa-tier', copyIndex(1))")), { copy: { name: 'tiers', count: 2 } }), { variables: `\n    "commonSchema": ${flag}\n  ` });
const variableReceiver = `var notifier = {\n  name: 'breach-notifier'\n  resourceId: resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')\n  callbackUrl: 'https://prod-00.eastus.logic.azure.com/workflows/0f1e/triggers/manual/paths/invoke'\n}\n\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: [expression('notifier', '')] }, { name: expression("'ag-hipaa-tier${tier}'", '') }), { loop: 'tier in [1, 2]' })}`;
const moduleLoop = "module tiers 'modules/tier.bicep' = [for tier in [1, 2]: {\n  name: 'tier${tier}'\n  params: {\n    groupName: 'ag-hipaa-tier${tier}'\n    commonSchema: false\n  }\n}]\n";

testRule(hn109CommonAlertSchemaOff, {
  valid: [
    { name: 'ARM: the Logic App receiver uses the common schema', files: { 'azuredeploy.json': armTemplate(armResource(group(true))) } },
    { name: 'ARM: people receivers are not checked', files: { 'azuredeploy.json': armTemplate(armResource(actionGroupText({ emailReceivers: [{ name: 'privacy-office', emailAddress: 'privacy-office@contoso-health.com' }] }))) } },
    { name: 'ARM: a flag from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('commonSchema')"))), { parameters: '"commonSchema": { "type": "bool" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(group(false), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(group(false), { metadata: { 'hipaa-notify': { suppress: { HN109: 'the notifier parses the legacy schema until release 4' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { 'azuredeploy.json': armTemplate(armResource(group(false))).replace('"useCommonAlertSchema": false', '// hipaa-notify-disable-next-line HN109 -- the notifier parses the legacy schema until release 4\n          "useCommonAlertSchema": false') } },
    { name: 'Bicep: the Logic App receiver uses the common schema', files: { 'main.bicep': bicepResource(group(true)) } },
    { name: 'Bicep: a flag from a parameter without a default is unknown', files: { 'main.bicep': `param commonSchema bool\n\n${bicepResource(group(expression('commonSchema', '')))}` } },
    { name: 'Bicep: receivers from a loop over a parameter without a default are unknown', files: { 'main.bicep': `param notifiers array\n\n${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: notifierLoop('false') }))}` } },
    { name: 'Bicep: receivers from a loop, each on the common schema', files: { 'main.bicep': `${notifiersParam}${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: notifierLoop('true') }))}` } },
    { name: 'Bicep: not deployed (condition false through a parameter default)', files: { 'main.bicep': `param deployTier2 bool = false\n\n${bicepResource(group(false), { condition: 'deployTier2' })}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(group(false), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(group(false)).replace('        useCommonAlertSchema: false', '        // hipaa-notify-disable-next-line HN109 -- the notifier parses the legacy schema until release 4\n        useCommonAlertSchema: false') } },
  ],
  invalid: [
    { name: 'ARM: the flag is false', files: { 'azuredeploy.json': armTemplate(armResource(group(false))) }, output: { 'azuredeploy.json': armTemplate(armResource(group(true))) }, findings: [{ file: 'azuredeploy.json', line: 27, message: /the logicApp receiver 'breach-notifier' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not use the common alert schema/ }] },
    { name: 'ARM: the flag is absent, at the receiver', files: { 'azuredeploy.json': armTemplate(armResource(group())) }, output: { 'azuredeploy.json': armTemplate(armResource(group(true))) }, findings: [{ file: 'azuredeploy.json', line: 24, message: /'breach-notifier'.*set useCommonAlertSchema to true/ }] },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('commonSchema')"))), { parameters: '\n    "commonSchema": { "type": "bool", "defaultValue": false }\n  ' }) },
      output: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('commonSchema')"))), { parameters: '\n    "commonSchema": { "type": "bool", "defaultValue": true }\n  ' }) },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /common alert schema/ }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(group(expression('', "parameters('commonSchema')"))), { parameters: '"commonSchema": { "type": "bool", "defaultValue": true }' }), 'azuredeploy.parameters.json': parametersFile(false) },
      output: { 'azuredeploy.parameters.json': parametersFile(true) },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /common alert schema/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': copyLoop(false) },
      output: { 'azuredeploy.json': copyLoop(true) },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ag-hipaa-tier1'/ },
      ],
    },
    { name: 'Bicep: the flag is false', files: { 'main.bicep': bicepResource(group(false)) }, output: { 'main.bicep': bicepResource(group(true)) }, findings: [{ file: 'main.bicep', line: 19, message: /does not use the common alert schema/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param commonSchema bool = false\n\n${bicepResource(group(expression('commonSchema', '')))}` }, output: { 'main.bicep': `param commonSchema bool = true\n\n${bicepResource(group(expression('commonSchema', '')))}` }, findings: [{ file: 'main.bicep', line: 1, message: /'breach-notifier' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not use the common alert schema/ }] },
    { name: 'Bicep: the flag is absent, at the receiver', files: { 'main.bicep': bicepResource(group()) }, output: { 'main.bicep': bicepResource(group(true)) }, findings: [{ file: 'main.bicep', line: 16, message: /'breach-notifier'.*set useCommonAlertSchema to true/ }] },
    {
      name: 'Bicep: receivers from a loop, at the flag in the loop body',
      files: { 'main.bicep': `${notifiersParam}${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: notifierLoop('false') }))}` },
      output: { 'main.bicep': `${notifiersParam}${bicepResource(actionGroupText({ armRoleReceivers: [roleReceiver], logicAppReceivers: notifierLoop('true') }))}` },
      findings: [
        { file: 'main.bicep', line: 23, message: /'la-claims-breach-notifier' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1'/ },
      ],
    },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param commonSchema bool = true\n\n${bicepResource(group(expression('commonSchema', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam commonSchema = false\n" }, output: { 'main.bicepparam': "using 'main.bicep'\n\nparam commonSchema = true\n" }, findings: [{ file: 'main.bicepparam', line: 3, message: /common alert schema/ }] },
    {
      name: 'Bicep: a variable receiver in a loop of groups',
      files: { 'main.bicep': variableReceiver },
      output: { 'main.bicep': rewritten(variableReceiver, "/invoke'\n}", "/invoke'\n  useCommonAlertSchema: true\n}") },
      findings: [
        { file: 'main.bicep', line: 2, message: /'ag-hipaa-tier1'/ },
      ],
    },
    {
      name: 'Bicep: passed to a module',
      output: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    commonSchema: true\n  }\n}\n" },
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    commonSchema: false\n  }\n}\n", 'modules/tier1.bicep': `param commonSchema bool\n\n${bicepResource(group(expression('commonSchema', '')))}` },
      findings: [{ file: 'main.bicep', line: 4, message: /common alert schema/ }],
    },
    {
      name: 'Bicep: written in the module',
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n}\n", 'modules/tier1.bicep': bicepResource(group(false)) },
      output: { 'modules/tier1.bicep': bicepResource(group(true)) },
      findings: [{ file: 'modules/tier1.bicep', line: 19, message: /'breach-notifier' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' does not use the common alert schema/ }],
    },
    {
      name: 'Bicep: a module loop, at the value passed in main.bicep',
      files: {
        'main.bicep': moduleLoop,
        'modules/tier.bicep': `param groupName string\nparam commonSchema bool\n\n${bicepResource(group(expression('commonSchema', ''), expression('groupName', '')))}`,
      },
      output: { 'main.bicep': rewritten(moduleLoop, 'commonSchema: false', 'commonSchema: true') },
      findings: [
        { file: 'main.bicep', line: 5, message: /'ag-hipaa-tier1' does not use/ },
      ],
    },
  ],
});
