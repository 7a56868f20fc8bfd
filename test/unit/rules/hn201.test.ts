import { hn201LogicAppRetryDisabled } from '../../../server/src/rules/template/hn201LogicAppRetryDisabled';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const retry = (policy: Described) => notifierWorkflow({ Page_on_call: pageAction({ retryPolicy: policy }) });
const arm = (policy: Described, extra = {}) => armTemplate(armResource(retry(policy), extra));
const bicep = (policy: Described, options = {}) => bicepResource(retry(policy), options);
/** A notifier whose retry count is the workflow parameter `retries`, given `value`. */
const retriesFromWorkflowParameter = (value: number | undefined) => {
  const workflow = retry({ type: 'fixed', count: "@parameters('retries')", interval: 'PT30S' });
  const properties = workflow.body.properties as { readonly [key: string]: Described };
  const definition = properties.definition as { readonly [key: string]: Described };
  return { ...workflow, body: { ...workflow.body, properties: { ...properties, definition: { ...definition, parameters: { retries: { type: 'Int' } } }, ...(value === undefined ? {} : { parameters: { retries: { value } } }) } } };
};
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "retries": { "value": 1 }\n  }\n}\n';

testRule(hn201LogicAppRetryDisabled, {
  valid: [
    { name: 'ARM: exponential, 4 retries', files: { 'azuredeploy.json': arm({ type: 'exponential', count: 4, interval: 'PT10S' }) } },
    { name: 'ARM: no retryPolicy is the default (4 retries)', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction() }))) } },
    { name: 'ARM: a Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction({ retryPolicy: { type: 'none' } }) }, { tag: 'none' }))) } },
    { name: 'ARM: count from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(retry({ type: 'fixed', count: expression('retries', "parameters('retries')"), interval: 'PT30S' })), { parameters: '"retries": { "type": "int" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': arm({ type: 'none' }, { condition: false }) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': arm({ type: 'none' }, { metadata: { 'hipaa-notify': { suppress: { HN201: 'PagerDuty deduplicates; the failure path re-pages' } } } }) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': arm({ type: 'none' }).replace('"type": "none"', '// hipaa-notify-disable-next-line HN201 -- PagerDuty deduplicates; the failure path re-pages\n                "type": "none"') } },
    { name: 'ARM: an unknown retry type', files: { 'azuredeploy.json': armTemplate(armResource(retry({ type: expression('', "parameters('retryType')"), count: 1 })), { parameters: '"retryType": { "type": "string" }' }) } },
    { name: 'ARM: a Compose action has no retry policy to judge', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Build_notice: { type: 'Compose', inputs: { retryPolicy: { type: 'none' } }, runAfter: {} } }))) } },
    { name: 'ARM: a workflow parameter without a value is unknown', files: { 'azuredeploy.json': armTemplate(armResource(retriesFromWorkflowParameter(undefined))) } },
    { name: 'ARM: a workflow parameter with 5 retries', files: { 'azuredeploy.json': armTemplate(armResource(retriesFromWorkflowParameter(5))) } },
    { name: 'Bicep: fixed, 3 retries', files: { 'main.bicep': bicep({ type: 'fixed', count: 3, interval: 'PT30S' }) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicep({ type: 'none' }, { condition: 'false' }) } },
    { name: 'Bicep: count from a parameter without a default is unknown', files: { 'main.bicep': `param retries int\n\n${bicep({ type: 'fixed', count: expression('retries', ''), interval: 'PT30S' })}` } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicep({ type: expression("// hipaa-notify-disable-next-line HN201 -- PagerDuty deduplicates; the failure path re-pages\n                  'none'", '') }) } },
  ],
  invalid: [
    { name: 'ARM: retry type none', files: { 'azuredeploy.json': arm({ type: 'none' }) }, rewrites: { 'azuredeploy.json': [['none', 'exponential",\n                  "count": 4,\n                  "interval": "PT10S']] }, findings: [{ file: 'azuredeploy.json', line: 36, message: /'Page_on_call' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' never retries.*exponential/ }] },
    { name: 'ARM: fixed with 2 retries', files: { 'azuredeploy.json': arm({ type: 'fixed', count: 2, interval: 'PT30S' }) }, rewrites: { 'azuredeploy.json': [['2,', '4,']] }, findings: [{ file: 'azuredeploy.json', line: 37, message: /retries only 2 times/ }] },
    { name: 'ARM: count through a workflow parameter', files: { 'azuredeploy.json': armTemplate(armResource(retriesFromWorkflowParameter(1))) }, rewrites: { 'azuredeploy.json': [['            "value": 1', '            "value": 4']] }, findings: [{ file: 'azuredeploy.json', line: 52, message: /retries only 1 time/ }] },
    {
      name: 'ARM: count through a parameter default',
      files: { 'azuredeploy.json': armTemplate(armResource(retry({ type: 'exponential', count: expression('retries', "parameters('retries')") })), { parameters: '\n    "retries": { "type": "int", "defaultValue": 1 }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['    "retries": { "type": "int", "defaultValue": 1', '    "retries": { "type": "int", "defaultValue": 4']] },
      findings: [{ file: 'azuredeploy.json', line: 5, message: /retries only 1 time:/ }],
    },
    {
      name: 'ARM: count through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(retry({ type: 'exponential', count: expression('retries', "parameters('retries')") })), { parameters: '"retries": { "type": "int", "defaultValue": 4 }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['    "retries": { "value": 1', '    "retries": { "value": 4']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /retries only 1 time/ }],
    },
    {
      name: 'ARM: the whole policy from a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page_on_call: pageAction({ retryPolicy: expression('', "variables('noRetry')") }) }, { name: expression('', "concat('la-claims-notifier-', copyIndex())") }), { copy: { name: 'notifiers', count: 2 } }), { variables: '\n    "noRetry": { "type": "none" }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['{ "type": "none"', '{\n      "type": "exponential",\n      "count": 4,\n      "interval": "PT10S"\n   ']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'la-claims-notifier-0' never retries/ },
      ],
    },
    { name: 'Bicep: retry type none', files: { 'main.bicep': bicep({ type: 'none' }) }, rewrites: { 'main.bicep': [['none', 'exponential\'\n              count: 4\n              interval: \'PT10S']] }, findings: [{ file: 'main.bicep', line: 28, message: /never retries/ }] },
    {
      name: 'Bicep: count through a parameter default',
      files: { 'main.bicep': `param retries int = 2\n\n${bicep({ type: 'exponential', count: expression('retries', ''), interval: 'PT10S' })}` },
      rewrites: { 'main.bicep': [['param retries int = 2', 'param retries int = 4']] },
      findings: [{ file: 'main.bicep', line: 1, message: /retries only 2 times/ }],
    },
    {
      name: 'Bicep: a Function action inside a Scope',
      files: { 'main.bicep': bicepResource(notifierWorkflow({ Notify: { type: 'Scope', actions: { Call_notifier: { type: 'Function', inputs: { function: { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Web/sites/func-claims/functions/notify' }, retryPolicy: { type: 'none' } }, runAfter: {} } }, runAfter: {} } })) },
      rewrites: { 'main.bicep': [['none', 'exponential\'\n                  count: 4\n                  interval: \'PT10S']] },
      findings: [{ file: 'main.bicep', line: 31, message: /'Call_notifier'.*never retries/ }],
    },
    {
      name: 'Bicep: count through a .bicepparam value',
      files: { 'main.bicep': `param retries int = 4\n\n${bicep({ type: 'exponential', count: expression('retries', ''), interval: 'PT10S' })}`, 'main.bicepparam': "using 'main.bicep'\n\nparam retries = 2\n" },
      rewrites: { 'main.bicepparam': [['2', '4']] },
      findings: [{ file: 'main.bicepparam', line: 3, message: /retries only 2 times/ }],
    },
    {
      name: 'Bicep: a variable policy in a loop of notifiers',
      files: { 'main.bicep': `var quickRetry = {\n  type: 'fixed'\n  count: 1\n  interval: 'PT5S'\n}\n\n${bicepResource(notifierWorkflow({ Page_on_call: pageAction({ retryPolicy: expression('quickRetry', '') }) }, { name: expression("'la-claims-${region}'", '') }), { loop: "region in ['eastus', 'westus']" })}` },
      rewrites: { 'main.bicep': [['  count: 1', '  count: 4']] },
      findings: [
        { file: 'main.bicep', line: 3, message: /'la-claims-eastus' retries only 1 time/ },
      ],
    },
    {
      name: 'Bicep: the retry count passed to a module',
      files: {
        'main.bicep': "module notifier 'modules/notifier.bicep' = {\n  name: 'notifier'\n  params: {\n    retries: 0\n  }\n}\n",
        'modules/notifier.bicep': `param retries int\n\n${bicep({ type: 'fixed', count: expression('retries', ''), interval: 'PT30S' })}`,
      },
      rewrites: { 'main.bicep': [['0', '4']] },
      findings: [{ file: 'main.bicep', line: 4, message: /retries only 0 times/ }],
    },
  ],
});
