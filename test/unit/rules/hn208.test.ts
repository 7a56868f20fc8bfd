import { hn208NotificationComponentDisabled } from '../../../server/src/rules/template/hn208NotificationComponentDisabled';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const notifier = (state: Described, options: { name?: Described; tag?: string } = {}): ResourceText => {
  const workflow = notifierWorkflow({ Page_on_call: pageAction() }, options);
  return { ...workflow, body: { ...workflow.body, properties: { state, ...(workflow.body.properties as { readonly [key: string]: Described }) } } };
};
const automation = (isEnabled: Described): ResourceText => ({
  symbol: 'defenderExport',
  type: 'Microsoft.Security/automations@2019-01-01-preview',
  body: {
    name: 'auto-claims-defender-alerts',
    location: 'eastus',
    properties: {
      isEnabled,
      scopes: [{ scopePath: '/subscriptions/00000000-0000-0000-0000-000000000000' }],
      sources: [{ eventSource: 'Alerts' }],
      actions: [{ actionType: 'LogicApp', logicAppResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Logic/workflows/la-claims-breach-notifier', uri: expression('listCallbackUrl(notifierTrigger.id, \'2019-05-01\').value', "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-breach-notifier', 'manual'), '2019-05-01').value") }],
    },
  },
});
/** The notifier without its tag: a notification component only when something points at it. */
const untagged = (state?: Described): ResourceText => {
  const workflow = notifier(state ?? null);
  const { tags: _tags, properties, ...body } = workflow.body as { readonly [key: string]: Described };
  const { state: _state, ...rest } = properties as { readonly [key: string]: Described };
  return { ...workflow, body: { ...body, properties: state === undefined ? rest : { state, ...rest } } };
};
const tier1 = (options: { condition?: boolean } = {}): ResourceText => ({
  symbol: 'agTier1',
  type: 'Microsoft.Insights/actionGroups@2023-01-01',
  body: {
    name: 'ag-hipaa-tier1',
    location: 'Global',
    ...(options.condition === undefined ? {} : { condition: options.condition }),
    properties: {
      groupShortName: 'tier1',
      enabled: true,
      logicAppReceivers: [{ name: 'breach-notifier', resourceId: expression('notifier.id', "resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')"), callbackUrl: expression('notifier.listCallbackUrl().value', "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-breach-notifier', 'manual'), '2019-05-01').value"), useCommonAlertSchema: true }],
    },
  },
});
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "notifierState": { "value": "Disabled" }\n  }\n}\n';

testRule(hn208NotificationComponentDisabled, {
  valid: [
    { name: 'ARM: an enabled notifier and automation', files: { 'azuredeploy.json': armTemplate(`${armResource(notifier('Enabled'))},\n${armResource(automation(true))}`) } },
    { name: 'ARM: a disabled Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(armResource(notifier('Disabled', { tag: 'none' }))) } },
    { name: 'ARM: a state from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(notifier(expression('', "parameters('notifierState')"))), { parameters: '"notifierState": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(notifier('Disabled'), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(automation(false), { metadata: { 'hipaa-notify': { suppress: { HN208: 'enabled by the go-live runbook' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { 'azuredeploy.json': armTemplate(armResource(notifier('Disabled'))).replace('"state": "Disabled"', '// hipaa-notify-disable-next-line HN208 -- enabled by the go-live runbook\n        "state": "Disabled"') } },
    { name: 'ARM: a disabled Logic App only a not-deployed action group points at', files: { 'azuredeploy.json': armTemplate(`${armResource(untagged('Disabled'))},\n${armResource(tier1({ condition: false }))}`) } },
    { name: 'Bicep: an enabled notifier', files: { 'main.bicep': bicepResource(notifier('Enabled')) } },
    { name: 'Bicep: no state is Enabled, on a Logic App an action group points at', files: { 'main.bicep': `${bicepResource(untagged())}\n${bicepResource(tier1())}` } },
    { name: 'Bicep: isEnabled from a parameter without a default is unknown', files: { 'main.bicep': `param exportOn bool\n\n${bicepResource(automation(expression('exportOn', '')))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(automation(false), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(notifier('Disabled')).replace("    state: 'Disabled'", "    // hipaa-notify-disable-next-line HN208 -- enabled by the go-live runbook\n    state: 'Disabled'") } },
  ],
  invalid: [
    { name: 'ARM: a disabled notifier', files: { 'azuredeploy.json': armTemplate(armResource(notifier('Disabled'))) }, rewrites: { 'azuredeploy.json': [['Disabled', 'Enabled']] }, findings: [{ file: 'azuredeploy.json', line: 16, message: /'la-claims-breach-notifier' is a notification component but its state is Disabled.*'Enabled'/ }] },
    { name: 'ARM: a disabled Defender automation', files: { 'azuredeploy.json': armTemplate(armResource(automation(false))) }, rewrites: { 'azuredeploy.json': [['false,', 'true,']] }, findings: [{ file: 'azuredeploy.json', line: 13, message: /Microsoft.Security\/automations 'auto-claims-defender-alerts' is disabled.*isEnabled to true/ }] },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(notifier(expression('', "parameters('notifierState')"))), { parameters: '\n    "notifierState": { "type": "string", "defaultValue": "Disabled" }\n  ' }) }, rewrites: { 'azuredeploy.json': [['Disabled', 'Enabled']] }, findings: [{ file: 'azuredeploy.json', line: 5, message: /state is Disabled/ }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(notifier(expression('', "parameters('notifierState')"))), { parameters: '"notifierState": { "type": "string", "defaultValue": "Enabled" }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['Disabled', 'Enabled']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /state is Disabled/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(notifier(expression('', "variables('state')"), { name: expression('', "concat('la-claims-notifier-', copyIndex())") }), { copy: { name: 'notifiers', count: 2 } }), { variables: '\n    "state": "Disabled"\n  ' }) },
      rewrites: { 'azuredeploy.json': [['Disabled', 'Enabled']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-claims-notifier-0'/ },
      ],
    },
    { name: 'Bicep: a disabled automation', files: { 'main.bicep': bicepResource(automation(false)) }, rewrites: { 'main.bicep': [['false', 'true']] }, findings: [{ file: 'main.bicep', line: 5, message: /'auto-claims-defender-alerts' is disabled/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param exportOn bool = false\n\n${bicepResource(automation(expression('exportOn', '')))}` }, rewrites: { 'main.bicep': [['false', 'true']] }, findings: [{ file: 'main.bicep', line: 1, message: /is disabled/ }] },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param state string = 'Enabled'\n\n${bicepResource(notifier(expression('state', '')))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam state = 'Disabled'\n" }, rewrites: { 'main.bicepparam': [['Disabled', 'Enabled']] }, findings: [{ file: 'main.bicepparam', line: 3, message: /state is Disabled/ }] },
    {
      name: 'Bicep: a variable state in a loop',
      files: { 'main.bicep': `var state = 'Disabled'\n\n${bicepResource(notifier(expression('state', ''), { name: expression("'la-claims-${region}'", '') }), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['Disabled', 'Enabled']] },
      findings: [
        { file: 'main.bicep', line: 1, message: /'la-claims-eastus'/ },
      ],
    },
    {
      name: 'Bicep: a disabled Logic App an action group points at',
      files: { 'main.bicep': `${bicepResource(untagged('Disabled'))}\n${bicepResource(tier1())}` },
      rewrites: { 'main.bicep': [['Disabled', 'Enabled']] },
      findings: [{ file: 'main.bicep', line: 5, message: /Microsoft.Logic\/workflows 'la-claims-breach-notifier' is a notification component but its state is Disabled/ }],
    },
    {
      name: 'ARM: a disabled Defender automation exporting to a disabled Logic App',
      files: { 'azuredeploy.json': armTemplate(`${armResource(untagged('Disabled'))},\n${armResource(automation(false))}`) },
      rewrites: { 'azuredeploy.json': [['Disabled', 'Enabled'], ['false,', 'true,']] },
      findings: [
        { file: 'azuredeploy.json', line: 13, message: /'la-claims-breach-notifier' is a notification component but its state is Disabled/ },
        { file: 'azuredeploy.json', line: 46, message: /'auto-claims-defender-alerts' is disabled/ },
      ],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    state: 'Disabled'\n  }\n}\n", 'modules/notifier.bicep': `param state string\n\n${bicepResource(notifier(expression('state', '')))}` },
      rewrites: { 'main.bicep': [['Disabled', 'Enabled']] },
      findings: [{ file: 'main.bicep', line: 4, message: /state is Disabled/ }],
    },
  ],
});
