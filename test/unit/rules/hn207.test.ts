import { hn207WebhookNotHttps } from '../../../server/src/rules/template/hn207WebhookNotHttps';
import { blobSubscription, deadLetter, namespaceDeadLetter, namespaceSubscription } from './eventGridFixture';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const onCall = (serviceUri: Described, name: Described = 'ag-claims-oncall'): ResourceText => ({
  symbol: 'agOncall',
  type: 'Microsoft.Insights/actionGroups@2023-01-01',
  body: { name, location: 'Global', properties: { groupShortName: 'oncall', enabled: true, webhookReceivers: [{ name: 'partner-ticketing', serviceUri, useCommonAlertSchema: true, useAadAuth: true }] } },
});
const partner = 'http://tickets.claims-partner.com/api/azure-alerts';
/** A Logic App with no tag: a notification component only because an action group points at it. */
const untaggedNotifier = (actions: { readonly [name: string]: Described }, workflowParameters?: Described): ResourceText => {
  const workflow = notifierWorkflow(actions);
  const { tags: _tags, properties, ...body } = workflow.body as { readonly [key: string]: Described };
  const definition = (properties as { readonly definition: { readonly [key: string]: Described } }).definition;
  return { ...workflow, body: { ...body, properties: { definition: workflowParameters ? { ...definition, parameters: workflowParameters } : definition } } };
};
const escalation: ResourceText = {
  symbol: 'agEscalation',
  type: 'Microsoft.Insights/actionGroups@2023-01-01',
  body: {
    name: 'ag-hipaa-tier1',
    location: 'Global',
    properties: {
      groupShortName: 'tier1',
      enabled: true,
      logicAppReceivers: [{ name: 'breach-notifier', resourceId: expression('notifier.id', "resourceId('Microsoft.Logic/workflows', 'la-claims-breach-notifier')"), callbackUrl: expression("notifier.listCallbackUrl().value", "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-breach-notifier', 'manual'), '2019-05-01').value"), useCommonAlertSchema: true }],
    },
  },
};
const parametersFile = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "ticketUrl": { "value": "${partner}" }\n  }\n}\n`;

testRule(hn207WebhookNotHttps, {
  valid: [
    { name: 'ARM: an https webhook receiver', files: { 'azuredeploy.json': armTemplate(armResource(onCall('https://tickets.claims-partner.com/api/azure-alerts'))) } },
    { name: 'ARM: a callback URL known only at deployment', files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', 'la-claims-escalation', 'manual'), '2019-05-01').value")))) } },
    { name: 'ARM: an http action of a Logic App that is no notification component', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page: pageAction({ uri: partner }) }, { tag: 'none' }))) } },
    { name: 'ARM: a workflow expression is not a literal URL', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Page: pageAction({ uri: "@{parameters('ticketBase')}/alerts" }) }))) } },
    { name: 'ARM: concat() whose scheme is unknown', files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "concat(parameters('scheme'), '://tickets.claims-partner.com/api/azure-alerts')"))), { parameters: '"scheme": { "type": "string" }' }) } },
    { name: 'ARM: a URL from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "parameters('ticketUrl')"))), { parameters: '"ticketUrl": { "type": "string" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(onCall(partner), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(onCall(partner), { metadata: { 'hipaa-notify': { suppress: { HN207: 'the partner terminates TLS at a private endpoint' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { 'azuredeploy.json': armTemplate(armResource(onCall(partner))).replace(`"serviceUri": "${partner}"`, `// hipaa-notify-disable-next-line HN207 -- the partner terminates TLS at a private endpoint\n            "serviceUri": "${partner}"`) } },
    { name: 'ARM: a workflow parameter without a value is unknown', files: { 'azuredeploy.json': armTemplate(`${armResource(untaggedNotifier({ Open_ticket: pageAction({ uri: "@parameters('ticketUrl')" }) }, { ticketUrl: { type: 'String' } }))},\n${armResource(escalation)}`) } },
    { name: 'ARM: an Event Grid queue destination has no URL to check', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ destination: { endpointType: 'StorageQueue', properties: { resourceId: "[resourceId('Microsoft.Storage/storageAccounts', 'stclaimsdocs001')]", queueName: 'http://not-a-url' } }, deadLetterDestination: deadLetter }))) } },
    { name: 'ARM: a namespace queue subscription has no URL to check', files: { 'azuredeploy.json': armTemplate(armResource(namespaceSubscription({ deliveryMode: 'Queue', queue: { maxDeliveryCount: 10, deadLetterDestinationWithResourceIdentity: namespaceDeadLetter } }))) } },
    { name: 'Bicep: an https namespace push webhook', files: { 'main.bicep': bicepResource(namespaceSubscription({ deliveryMode: 'Push', push: { deadLetterDestinationWithResourceIdentity: namespaceDeadLetter, destination: { endpointType: 'WebHook', properties: { endpointUrl: 'https://tickets.claims-partner.com/api/eventgrid' } } } })) } },
    { name: 'Bicep: a URL from a parameter without a default is unknown', files: { 'main.bicep': `param ticketUrl string

${bicepResource(onCall(expression('ticketUrl', '')))}` } },
    { name: 'Bicep: an https Event Grid webhook destination', files: { 'main.bicep': bicepResource(blobSubscription({ deadLetterDestination: deadLetter })) } },
    { name: 'Bicep: an interpolation with an unknown scheme is unknown', files: { 'main.bicep': `param scheme string\n\n${bicepResource(onCall(expression("'${scheme}://tickets.claims-partner.com/api/azure-alerts'", '')))}` } },
    { name: 'Bicep: an https webhook receiver', files: { 'main.bicep': bicepResource(onCall('https://tickets.claims-partner.com/api/azure-alerts')) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(onCall(partner), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(onCall(partner)).replace(`        serviceUri: '${partner}'`, `        // hipaa-notify-disable-next-line HN207 -- the partner terminates TLS at a private endpoint\n        serviceUri: '${partner}'`) } },
  ],
  invalid: [
    { name: 'ARM: an http webhook receiver', files: { 'azuredeploy.json': armTemplate(armResource(onCall(partner))) }, rewrites: { 'azuredeploy.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'azuredeploy.json', line: 18, message: /serviceUri of webhook receiver 'partner-ticketing' of Microsoft.Insights\/actionGroups 'ag-claims-oncall' is 'http:\/\/tickets.claims-partner.com\/api\/azure-alerts'.*use https:\/\// }] },
    { name: 'ARM: an http action of a notifier', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Open_ticket: pageAction({ uri: 'HTTP://tickets.claims-partner.com/api/azure-alerts' }) }))) }, rewrites: { 'azuredeploy.json': [['HTTP://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'azuredeploy.json', line: 33, message: /URI of action 'Open_ticket' of Microsoft.Logic\/workflows 'la-claims-breach-notifier'/ }] },
    { name: 'ARM: an Event Grid webhook destination', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ destination: { endpointType: 'WebHook', properties: { endpointUrl: partner } }, deadLetterDestination: deadLetter }))) }, rewrites: { 'azuredeploy.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'azuredeploy.json', line: 15, message: /the webhook endpoint of Microsoft.EventGrid\/systemTopics\/eventSubscriptions/ }] },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "parameters('ticketUrl')"))), { parameters: `\n    "ticketUrl": { "type": "string", "defaultValue": "${partner}" }\n  ` }) }, rewrites: { 'azuredeploy.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'azuredeploy.json', line: 5, message: /http:\/\// }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "parameters('ticketUrl')"))), { parameters: '"ticketUrl": { "type": "string", "defaultValue": "https://tickets.claims-partner.com/api/azure-alerts" }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /http:\/\// }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "variables('ticketUrl')"), expression('', "concat('ag-claims-oncall-', copyIndex())")), { copy: { name: 'groups', count: 2 } }), { variables: `\n    "ticketUrl": "${partner}"\n  ` }) },
      rewrites: { 'azuredeploy.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ag-claims-oncall-0'/ },
      ],
    },
    {
      name: 'ARM: concat() whose scheme comes from a variable: no fix',
      files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "concat(variables('scheme'), parameters('ticketHost'), '/api/azure-alerts')"))), { parameters: '"ticketHost": { "type": "string" }', variables: '"scheme": "http://"' }) },
      findings: [{ file: 'azuredeploy.json', line: 18, message: /'ag-claims-oncall' is 'http:\/\/\.\.\.'/ }],
    },
    {
      name: 'ARM: the start of concat() and format() whose host is unknown: the written scheme is rewritten',
      files: { 'azuredeploy.json': armTemplate(`${armResource(onCall(expression('', "concat('http://', parameters('ticketHost'), '/api/azure-alerts')")))},\n${armResource(onCall(expression('', "format('HTTP://{0}/api/azure-alerts', parameters('ticketHost'))"), 'ag-claims-oncall-2'))}`, { parameters: '"ticketHost": { "type": "string" }' }) },
      rewrites: { 'azuredeploy.json': [["concat('http://'", "concat('https://'"], ["format('HTTP://{0}", "format('https://{0}"]] },
      findings: [
        { file: 'azuredeploy.json', line: 18, message: /'ag-claims-oncall' is 'http:\/\/\.\.\.'/ },
        { file: 'azuredeploy.json', line: 36, message: /'ag-claims-oncall-2' is 'HTTP:\/\/\.\.\.'/ },
      ],
    },
    { name: 'Bicep: an http webhook receiver', files: { 'main.bicep': bicepResource(onCall(partner)) }, rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'main.bicep', line: 10, message: /serviceUri of webhook receiver 'partner-ticketing'/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param ticketUrl string = '${partner}'\n\n${bicepResource(onCall(expression('ticketUrl', '')))}` }, rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'main.bicep', line: 1, message: /http:\/\// }] },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param ticketUrl string = 'https://tickets.claims-partner.com/api/azure-alerts'\n\n${bicepResource(onCall(expression('ticketUrl', '')))}`, 'main.bicepparam': `using 'main.bicep'\n\nparam ticketUrl = '${partner}'\n` }, rewrites: { 'main.bicepparam': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'main.bicepparam', line: 3, message: /http:\/\// }] },
    {
      name: 'Bicep: an interpolated variable in a loop',
      files: { 'main.bicep': `var ticketHost = 'tickets.claims-partner.com'\nvar ticketUrl = 'http://\${ticketHost}/api/azure-alerts'\n\n${bicepResource(onCall(expression('ticketUrl', ''), expression("'ag-claims-oncall-${tier}'", '')), { loop: 'tier in [1, 2]' })}` },
      rewrites: { 'main.bicep': [["'http://${ticketHost}", "'https://${ticketHost}"]] },
      findings: [
        { file: 'main.bicep', line: 2, message: /'ag-claims-oncall-1'.*'http:\/\/tickets.claims-partner.com\/api\/azure-alerts'/ },
      ],
    },
    {
      name: 'Bicep: the scheme of an interpolation whose host is unknown: rewritten in the interpolation',
      files: { 'main.bicep': `param ticketHost string\n\n${bicepResource(onCall(expression("'http://${ticketHost}/api/azure-alerts'", '')))}` },
      rewrites: { 'main.bicep': [["'http://${ticketHost}", "'https://${ticketHost}"]] },
      findings: [{ file: 'main.bicep', line: 12, message: /is 'http:\/\/\.\.\.', sent in clear text/ }],
    },
    {
      name: 'Bicep: the scheme comes from a variable: no fix (the variable may serve other URLs)',
      files: { 'main.bicep': `param ticketHost string\nvar scheme = 'http://'\n\n${bicepResource(onCall(expression("'${scheme}${ticketHost}/api/azure-alerts'", '')))}` },
      findings: [{ file: 'main.bicep', line: 13, message: /is 'http:\/\/\.\.\.', sent in clear text/ }],
    },
    { name: 'Bicep: an Event Grid webhook destination', files: { 'main.bicep': bicepResource(blobSubscription({ destination: { endpointType: 'WebHook', properties: { endpointUrl: partner } }, deadLetterDestination: deadLetter })) }, rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] }, findings: [{ file: 'main.bicep', line: 7, message: /the webhook endpoint of Microsoft.EventGrid\/systemTopics\/eventSubscriptions 'evgt-claims-documents\/claims-blob-deleted'/ }] },
    {
      name: 'Bicep: a namespace push webhook delivered with the subscription identity',
      files: { 'main.bicep': `var ticketUrl = 'http://tickets.claims-partner.com/api/eventgrid'\n\n${bicepResource(namespaceSubscription({ deliveryMode: 'Push', push: { deadLetterDestinationWithResourceIdentity: namespaceDeadLetter, deliveryWithResourceIdentity: { identity: { type: 'SystemAssigned' }, destination: { endpointType: 'WebHook', properties: { endpointUrl: expression('ticketUrl', '') } } } } }))}` },
      rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/eventgrid', 'https://tickets.claims-partner.com/api/eventgrid']] },
      findings: [{ file: 'main.bicep', line: 1, message: /the webhook endpoint of Microsoft.EventGrid\/namespaces\/topics\/eventSubscriptions 'evgns-claims\/claims-intake\/claims-intake-triage' is 'http:\/\/tickets.claims-partner.com\/api\/eventgrid'/ }],
    },
    {
      name: 'Bicep: an http action of a Logic App an action group points at',
      files: { 'main.bicep': `${bicepResource(untaggedNotifier({ Open_ticket: pageAction({ uri: partner }) }))}\n${bicepResource(escalation)}` },
      rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] },
      findings: [{ file: 'main.bicep', line: 22, message: /URI of action 'Open_ticket' of Microsoft.Logic\/workflows 'la-claims-breach-notifier'/ }],
    },
    {
      name: 'Bicep: a logic app receiver and a function receiver with http URLs',
      files: { 'main.bicep': bicepResource({ ...escalation, body: { ...escalation.body, properties: { groupShortName: 'tier1', enabled: true, logicAppReceivers: [{ name: 'breach-notifier', resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Logic/workflows/la-claims-breach-notifier', callbackUrl: 'http://prod-12.eastus.logic.azure.com/workflows/claims/triggers/manual/paths/invoke', useCommonAlertSchema: true }], azureFunctionReceivers: [{ name: 'fn-breach-triage', functionAppResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Web/sites/func-claims-triage', functionName: 'triage', httpTriggerUrl: 'http://func-claims-triage.azurewebsites.net/api/triage', useCommonAlertSchema: true }] } } }) },
      rewrites: { 'main.bicep': [['http://prod-12.eastus.logic.azure.com/workflows/claims/triggers/manual/paths/invoke', 'https://prod-12.eastus.logic.azure.com/workflows/claims/triggers/manual/paths/invoke'], ['http://func-claims-triage.azurewebsites.net/api/triage', 'https://func-claims-triage.azurewebsites.net/api/triage']] },
      findings: [
        { file: 'main.bicep', line: 11, message: /callbackUrl of logicApp receiver 'breach-notifier' of Microsoft.Insights\/actionGroups 'ag-hipaa-tier1'/ },
        { file: 'main.bicep', line: 20, message: /httpTriggerUrl of azureFunction receiver 'fn-breach-triage'/ },
      ],
    },
    {
      name: 'ARM: HttpWebhook subscribe and unsubscribe URIs',
      files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Wait_for_ack: { type: 'HttpWebhook', inputs: { subscribe: { method: 'POST', uri: 'http://ack.claims-partner.com/subscribe', body: { callbackUrl: '@{listCallbackUrl()}' } }, unsubscribe: { method: 'POST', uri: 'https://ack.claims-partner.com/unsubscribe' } }, runAfter: {} } }))) },
      rewrites: { 'azuredeploy.json': [['http://ack.claims-partner.com/subscribe', 'https://ack.claims-partner.com/subscribe']] },
      findings: [{ file: 'azuredeploy.json', line: 34, message: /URI of action 'Wait_for_ack'.*'http:\/\/ack.claims-partner.com\/subscribe'/ }],
    },
    {
      name: 'ARM: a workflow parameter whose default is an http URL, on a Logic App an action group points at',
      files: { 'azuredeploy.json': armTemplate(`${armResource(untaggedNotifier({ Open_ticket: pageAction({ uri: "@parameters('ticketUrl')" }) }, { ticketUrl: { type: 'String', defaultValue: partner } }))},\n${armResource(escalation)}`) },
      rewrites: { 'azuredeploy.json': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] },
      findings: [{ file: 'azuredeploy.json', line: 39, message: /URI of action 'Open_ticket' of Microsoft.Logic\/workflows 'la-claims-breach-notifier' is 'http:\/\/tickets/ }],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': `module oncall 'modules/oncall.bicep' = {\n  name: 'oncall'\n  params: {\n    ticketUrl: '${partner}'\n  }\n}\n`, 'modules/oncall.bicep': `param ticketUrl string\n\n${bicepResource(onCall(expression('ticketUrl', '')))}` },
      rewrites: { 'main.bicep': [['http://tickets.claims-partner.com/api/azure-alerts', 'https://tickets.claims-partner.com/api/azure-alerts']] },
      findings: [{ file: 'main.bicep', line: 4, message: /http:\/\// }],
    },
  ],
});
