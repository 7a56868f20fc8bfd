import { hn207WebhookNotHttps } from '../../../server/src/rules/template/hn207WebhookNotHttps';
import { blobSubscription, deadLetter } from './eventGridFixture';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described, type ResourceText } from './templateText';
import { notifierWorkflow, pageAction } from './workflowFixture';

const onCall = (serviceUri: Described, name: Described = 'ag-claims-oncall'): ResourceText => ({
  symbol: 'agOncall',
  type: 'Microsoft.Insights/actionGroups@2023-01-01',
  body: { name, location: 'Global', properties: { groupShortName: 'oncall', enabled: true, webhookReceivers: [{ name: 'partner-ticketing', serviceUri, useCommonAlertSchema: true, useAadAuth: true }] } },
});
const partner = 'http://tickets.claims-partner.com/api/azure-alerts';
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
    { name: 'Bicep: an interpolation with an unknown scheme is unknown', files: { 'main.bicep': `param scheme string\n\n${bicepResource(onCall(expression("'${scheme}://tickets.claims-partner.com/api/azure-alerts'", '')))}` } },
    { name: 'Bicep: an https webhook receiver', files: { 'main.bicep': bicepResource(onCall('https://tickets.claims-partner.com/api/azure-alerts')) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(onCall(partner), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(onCall(partner)).replace(`        serviceUri: '${partner}'`, `        // hipaa-notify-disable-next-line HN207 -- the partner terminates TLS at a private endpoint\n        serviceUri: '${partner}'`) } },
  ],
  invalid: [
    { name: 'ARM: an http webhook receiver', files: { 'azuredeploy.json': armTemplate(armResource(onCall(partner))) }, findings: [{ file: 'azuredeploy.json', line: 18, message: /serviceUri of webhook receiver 'partner-ticketing' of Microsoft.Insights\/actionGroups 'ag-claims-oncall' is 'http:\/\/tickets.claims-partner.com\/api\/azure-alerts'.*use https:\/\// }] },
    { name: 'ARM: an http action of a notifier', files: { 'azuredeploy.json': armTemplate(armResource(notifierWorkflow({ Open_ticket: pageAction({ uri: 'HTTP://tickets.claims-partner.com/api/azure-alerts' }) }))) }, findings: [{ file: 'azuredeploy.json', line: 33, message: /URI of action 'Open_ticket' of Microsoft.Logic\/workflows 'la-claims-breach-notifier'/ }] },
    { name: 'ARM: an Event Grid webhook destination', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ destination: { endpointType: 'WebHook', properties: { endpointUrl: partner } }, deadLetterDestination: deadLetter }))) }, findings: [{ file: 'azuredeploy.json', line: 15, message: /the webhook endpoint of Microsoft.EventGrid\/systemTopics\/eventSubscriptions/ }] },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "parameters('ticketUrl')"))), { parameters: `\n    "ticketUrl": { "type": "string", "defaultValue": "${partner}" }\n  ` }) }, findings: [{ file: 'azuredeploy.json', line: 5, message: /http:\/\// }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "parameters('ticketUrl')"))), { parameters: '"ticketUrl": { "type": "string", "defaultValue": "https://tickets.claims-partner.com/api/azure-alerts" }' }), 'azuredeploy.parameters.json': parametersFile },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /http:\/\// }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(onCall(expression('', "variables('ticketUrl')"), expression('', "concat('ag-claims-oncall-', copyIndex())")), { copy: { name: 'groups', count: 2 } }), { variables: `\n    "ticketUrl": "${partner}"\n  ` }) },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'ag-claims-oncall-0'/ },
        { file: 'azuredeploy.json', line: 6, message: /'ag-claims-oncall-1'/ },
      ],
    },
    {
      name: 'ARM: the start of concat() and format() whose host is unknown',
      files: { 'azuredeploy.json': armTemplate(`${armResource(onCall(expression('', "concat('http://', parameters('ticketHost'), '/api/azure-alerts')")))},\n${armResource(onCall(expression('', "format('HTTP://{0}/api/azure-alerts', parameters('ticketHost'))"), 'ag-claims-oncall-2'))}`, { parameters: '"ticketHost": { "type": "string" }' }) },
      findings: [
        { file: 'azuredeploy.json', line: 18, message: /'ag-claims-oncall' is 'http:\/\/\.\.\.'/ },
        { file: 'azuredeploy.json', line: 36, message: /'ag-claims-oncall-2' is 'HTTP:\/\/\.\.\.'/ },
      ],
    },
    { name: 'Bicep: an http webhook receiver', files: { 'main.bicep': bicepResource(onCall(partner)) }, findings: [{ file: 'main.bicep', line: 10, message: /serviceUri of webhook receiver 'partner-ticketing'/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param ticketUrl string = '${partner}'\n\n${bicepResource(onCall(expression('ticketUrl', '')))}` }, findings: [{ file: 'main.bicep', line: 1, message: /http:\/\// }] },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param ticketUrl string = 'https://tickets.claims-partner.com/api/azure-alerts'\n\n${bicepResource(onCall(expression('ticketUrl', '')))}`, 'main.bicepparam': `using 'main.bicep'\n\nparam ticketUrl = '${partner}'\n` }, findings: [{ file: 'main.bicepparam', line: 3, message: /http:\/\// }] },
    {
      name: 'Bicep: an interpolated variable in a loop',
      files: { 'main.bicep': `var ticketHost = 'tickets.claims-partner.com'\nvar ticketUrl = 'http://\${ticketHost}/api/azure-alerts'\n\n${bicepResource(onCall(expression('ticketUrl', ''), expression("'ag-claims-oncall-${tier}'", '')), { loop: 'tier in [1, 2]' })}` },
      findings: [
        { file: 'main.bicep', line: 2, message: /'ag-claims-oncall-1'.*'http:\/\/tickets.claims-partner.com\/api\/azure-alerts'/ },
        { file: 'main.bicep', line: 2, message: /'ag-claims-oncall-2'/ },
      ],
    },
    {
      name: 'Bicep: the scheme of an interpolation whose host is unknown',
      files: { 'main.bicep': `param ticketHost string\n\n${bicepResource(onCall(expression("'http://${ticketHost}/api/azure-alerts'", '')))}` },
      findings: [{ file: 'main.bicep', line: 12, message: /is 'http:\/\/\.\.\.', sent in clear text/ }],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': `module oncall 'modules/oncall.bicep' = {\n  name: 'oncall'\n  params: {\n    ticketUrl: '${partner}'\n  }\n}\n`, 'modules/oncall.bicep': `param ticketUrl string\n\n${bicepResource(onCall(expression('ticketUrl', '')))}` },
      findings: [{ file: 'main.bicep', line: 4, message: /http:\/\// }],
    },
  ],
});
