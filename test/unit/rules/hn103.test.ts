import { hn103ActionGroupDisabledOrEmpty } from '../../../server/src/rules/template/hn103ActionGroupDisabledOrEmpty';
import { armTemplate, testRule } from './ruleTester';
import { actionGroupText, roleReceiver } from './alertingFixture';
import { bicepResource, expression, type Described } from './templateText';

const tier1 = (enabled: Described, name?: Described) => actionGroupText({ armRoleReceivers: [roleReceiver] }, { enabled, name });

const emailLoop = expression("[for address in privacyMailboxes: {\n      name: split(address, '@')[0]\n      emailAddress: address\n      useCommonAlertSchema: true\n    }]", '');
const roleReceivers = `"armRoleReceivers": [{ "name": "monitoring", "roleId": "749f88d5-cbae-40b8-bcfc-e573ddc772fa", "useCommonAlertSchema": true }]`;
const actionGroup = (properties: string, extra = '') => `    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-hipaa-tier1",
      "location": "Global",${extra}
      "properties": { "groupShortName": "hipaa-t1", ${properties} }
    }`;

const parametersFile = (value: boolean) => `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "notify": { "value": ${value} }\n  }\n}\n`;
const copyLoop = (on: boolean) => armTemplate(actionGroup(`"enabled": "[variables('on')]", ${roleReceivers}`, '\n      "copy": { "name": "groups", "count": 2 },').replace('"name": "ag-hipaa-tier1"', `"name": "[concat('ag-', copyIndex())]"`), { variables: `"on": ${on}` });
const paramDefault = (on: boolean) => `param notify bool = ${on}\n\nresource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-hipaa-tier1'\n  location: 'Global'\n  properties: {\n    groupShortName: 'hipaa-t1'\n    enabled: notify\n    armRoleReceivers: [\n      { name: 'monitoring', roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa', useCommonAlertSchema: true }\n    ]\n  }\n}\n`;
const moduleCall = (on: boolean) => `module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n  params: {\n    groupOn: ${on}\n  }\n}\n`;
const moduleLoop = (on: boolean) => `module tiers 'modules/tier.bicep' = [for tier in [1, 2]: {\n  name: 'tier\${tier}'\n  params: {\n    groupName: 'ag-hipaa-tier\${tier}'\n    groupOn: ${on}\n  }\n}]\n`;

testRule(hn103ActionGroupDisabledOrEmpty, {
  valid: [
    { name: 'ARM: enabled with a role receiver', files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": true, ${roleReceivers}`)) } },
    { name: 'ARM: enabled omitted (Azure default) with a receiver', files: { 'azuredeploy.json': armTemplate(actionGroup(roleReceivers)) } },
    { name: 'ARM: enabled from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": "[parameters('on')]", ${roleReceivers}`), { parameters: '"on": { "type": "bool" }' }) } },
    { name: 'ARM: receivers from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": true, "emailReceivers": "[parameters('r')]"`), { parameters: '"r": { "type": "array" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": false`, '\n      "condition": false,')) } },
    {
      name: 'ARM: suppressed with a reason',
      files: { 'azuredeploy.json': armTemplate(actionGroup(`// hipaa-notify-disable-next-line HN103 -- drill group, enabled during exercises\n        "enabled": false, ${roleReceivers}`)) },
    },
    {
      name: 'Bicep: enabled with a role receiver',
      files: { 'main.bicep': `resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-hipaa-tier1'\n  location: 'Global'\n  properties: {\n    groupShortName: 'hipaa-t1'\n    enabled: true\n    armRoleReceivers: [\n      { name: 'monitoring', roleId: '749f88d5-cbae-40b8-bcfc-e573ddc772fa', useCommonAlertSchema: true }\n    ]\n  }\n}\n` },
    },
    { name: 'Bicep: enabled from a parameter without a default is unknown', files: { 'main.bicep': `param groupOn bool\n\n${bicepResource(tier1(expression('groupOn', '')))}` } },
    { name: 'Bicep: receivers from a loop over a parameter without a default are unknown', files: { 'main.bicep': `param privacyMailboxes array\n\n${bicepResource(actionGroupText({ emailReceivers: emailLoop }))}` } },
    { name: 'Bicep: receivers from a loop over a non-empty default', files: { 'main.bicep': `param privacyMailboxes array = [\n  'privacy-office@contoso-health.com'\n]\n\n${bicepResource(actionGroupText({ emailReceivers: emailLoop }))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(tier1(false), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(tier1(false)).replace('    enabled: false', '    // hipaa-notify-disable-next-line HN103 -- drill group, enabled during exercises\n    enabled: false') } },
  ],
  invalid: [
    {
      name: 'ARM: disabled, at the enabled value',
      files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": false, ${roleReceivers}`)) },
      output: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": true, ${roleReceivers}`)) },
      findings: [{ file: 'azuredeploy.json', line: 12, message: /'ag-hipaa-tier1' is disabled.*set enabled to true/ }],
    },
    {
      name: 'ARM: no receivers, at the resource',
      files: { 'azuredeploy.json': armTemplate(actionGroup(`"enabled": true, "emailReceivers": []`)) },
      findings: [{ file: 'azuredeploy.json', line: 10, message: /has no receivers/ }],
    },
    {
      name: 'ARM: disabled through a parameter file value, reported in the parameter file',
      files: {
        'azuredeploy.json': armTemplate(actionGroup(`"enabled": "[parameters('notify')]", ${roleReceivers}`), { parameters: '"notify": { "type": "bool", "defaultValue": true }' }),
        'azuredeploy.parameters.json': parametersFile(false),
      },
      output: { 'azuredeploy.parameters.json': parametersFile(true) },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /is disabled/ }],
    },
    {
      name: 'ARM: disabled through a variable, in a copy loop',
      files: { 'azuredeploy.json': copyLoop(false) },
      output: { 'azuredeploy.json': copyLoop(true) },
      findings: [
        { file: 'azuredeploy.json', line: 5, message: /'ag-0' is disabled.*\(and 1 more like it from the same place\)$/ },
      ],
    },
    { name: 'Bicep: disabled, at the enabled value', files: { 'main.bicep': bicepResource(tier1(false)) }, output: { 'main.bicep': bicepResource(tier1(true)) }, findings: [{ file: 'main.bicep', line: 6, message: /Microsoft.Insights\/actionGroups 'ag-hipaa-tier1' is disabled.*set enabled to true/ }] },
    { name: 'Bicep: no receivers, at the resource', files: { 'main.bicep': bicepResource(actionGroupText({ emailReceivers: [], smsReceivers: [] })) }, findings: [{ file: 'main.bicep', line: 1, message: /'ag-hipaa-tier1' has no receivers/ }] },
    {
      name: 'Bicep: receivers from a loop over an empty parameter default, at the resource',
      files: { 'main.bicep': `param privacyMailboxes array = []\n\n${bicepResource(actionGroupText({ emailReceivers: emailLoop }))}` },
      findings: [{ file: 'main.bicep', line: 3, message: /'ag-hipaa-tier1' has no receivers/ }],
    },
    {
      name: 'Bicep: disabled by a value written in the loop collection',
      files: { 'main.bicep': `var tiers = [\n  { tier: 1, on: true }\n  { tier: 2, on: false }\n]\n\n${bicepResource(tier1(expression('t.on', ''), expression("'ag-hipaa-tier${t.tier}'", '')), { loop: 't in tiers' })}` },
      output: { 'main.bicep': `var tiers = [\n  { tier: 1, on: true }\n  { tier: 2, on: true }\n]\n\n${bicepResource(tier1(expression('t.on', ''), expression("'ag-hipaa-tier${t.tier}'", '')), { loop: 't in tiers' })}` },
      findings: [{ file: 'main.bicep', line: 3, message: /'ag-hipaa-tier2' is disabled/ }],
    },
    {
      name: 'Bicep: disabled through a parameter default',
      files: { 'main.bicep': paramDefault(false) },
      output: { 'main.bicep': paramDefault(true) },
      findings: [{ file: 'main.bicep', line: 1, message: /is disabled/ }],
    },
    {
      name: 'Bicep: disabled through a .bicepparam value',
      files: { 'main.bicep': `param groupOn bool = true\n\n${bicepResource(tier1(expression('groupOn', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam groupOn = false\n" },
      output: { 'main.bicepparam': "using 'main.bicep'\n\nparam groupOn = true\n" },
      findings: [{ file: 'main.bicepparam', line: 3, message: /'ag-hipaa-tier1' is disabled/ }],
    },
    {
      name: 'Bicep: disabled through a variable, in a loop',
      files: { 'main.bicep': `var groupOn = false\n\n${bicepResource(tier1(expression('groupOn', ''), expression("'ag-hipaa-tier${tier}'", '')), { loop: 'tier in [1, 2]' })}` },
      output: { 'main.bicep': `var groupOn = true\n\n${bicepResource(tier1(expression('groupOn', ''), expression("'ag-hipaa-tier${tier}'", '')), { loop: 'tier in [1, 2]' })}` },
      findings: [
        { file: 'main.bicep', line: 1, message: /'ag-hipaa-tier1' is disabled.*\(and 1 more like it from the same place\)$/ },
      ],
    },
    {
      name: 'Bicep: an empty group deployed by a module',
      files: { 'main.bicep': "module tier1 'modules/tier1.bicep' = {\n  name: 'tier1'\n}\n", 'modules/tier1.bicep': bicepResource(actionGroupText({})) },
      findings: [{ file: 'modules/tier1.bicep', line: 1, message: /'ag-hipaa-tier1' has no receivers/ }],
    },
    {
      name: 'Bicep: enabled false passed to a module, at the value in main.bicep',
      files: { 'main.bicep': moduleCall(false), 'modules/tier1.bicep': `param groupOn bool\n\n${bicepResource(tier1(expression('groupOn', '')))}` },
      output: { 'main.bicep': moduleCall(true) },
      findings: [{ file: 'main.bicep', line: 4, message: /'ag-hipaa-tier1' is disabled/ }],
    },
    {
      name: 'Bicep: a module loop, enabled false passed to each',
      files: {
        'main.bicep': moduleLoop(false),
        'modules/tier.bicep': `param groupName string\nparam groupOn bool\n\n${bicepResource(tier1(expression('groupOn', ''), expression('groupName', '')))}`,
      },
      output: { 'main.bicep': moduleLoop(true) },
      findings: [
        { file: 'main.bicep', line: 5, message: /'ag-hipaa-tier1' is disabled/ },
      ],
    },
  ],
});
