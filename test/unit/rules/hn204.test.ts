import { hn204EventSubscriptionRetryTooShort } from '../../../server/src/rules/template/hn204EventSubscriptionRetryTooShort';
import { blobSubscription, deadLetter, namespaceDeadLetter, namespaceSubscription } from './eventGridFixture';
import { armTemplate, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type Described } from './templateText';

const retrying = (retryPolicy: Described, name?: Described) => blobSubscription({ deadLetterDestination: deadLetter, retryPolicy }, name);
const queued = (queue: { readonly [key: string]: Described }) => namespaceSubscription({ deliveryMode: 'Queue', queue: { receiveLockDurationInSeconds: 60, ...queue, deadLetterDestinationWithResourceIdentity: namespaceDeadLetter } });
const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "attempts": { "value": 5 }\n  }\n}\n';

testRule(hn204EventSubscriptionRetryTooShort, {
  valid: [
    { name: 'ARM: 30 attempts for a day', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }))) } },
    { name: 'ARM: no retryPolicy is the default', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ deadLetterDestination: deadLetter }))) } },
    { name: 'ARM: attempts from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: expression('', "parameters('attempts')") })), { parameters: '"attempts": { "type": "int" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: 1 }), { condition: false })) } },
    { name: 'ARM: suppressed with a reason', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: 3 }))).replace('"maxDeliveryAttempts": 3', '// hipaa-notify-disable-next-line HN204 -- dead-lettered events are replayed hourly\n            "maxDeliveryAttempts": 3') } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: 3 }), { metadata: { 'hipaa-notify': { suppress: { HN204: 'dead-lettered events are replayed hourly' } } } })) } },
    { name: 'ARM: the whole policy from a parameter without a default is unknown', files: { 'azuredeploy.json': armTemplate(armResource(retrying(expression('', "parameters('retry')"))), { parameters: '"retry": { "type": "object" }' }) } },
    { name: 'Bicep: 10 attempts and a day, on an extension subscription', files: { 'main.bicep': bicepResource({ ...retrying({ maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 1440 }), type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15', body: { name: 'claims-blob-deleted', properties: retrying({ maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 1440 }).body.properties } }) } },
    { name: 'Bicep: attempts from a parameter without a default are unknown', files: { 'main.bicep': `param attempts int

${bicepResource(retrying({ maxDeliveryAttempts: expression('attempts', '') }))}` } },
    { name: 'Bicep: only the time to live given, at its default', files: { 'main.bicep': bicepResource(retrying({ eventTimeToLiveInMinutes: 1440 })) } },
    { name: 'ARM: a namespace queue at its defaults', files: { 'azuredeploy.json': armTemplate(armResource(queued({ maxDeliveryCount: 10, eventTimeToLive: 'P7D' }))) } },
    { name: 'ARM: a namespace queue keeping events a day, written in hours', files: { 'azuredeploy.json': armTemplate(armResource(queued({ eventTimeToLive: 'PT24H' }))) } },
    { name: 'Bicep: a namespace queue time to live from a parameter without a default is unknown', files: { 'main.bicep': `param timeToLive string\n\n${bicepResource(queued({ eventTimeToLive: expression('timeToLive', '') }))}` } },
    { name: 'Bicep: 10 attempts', files: { 'main.bicep': bicepResource(retrying({ maxDeliveryAttempts: 10 })) } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(retrying({ maxDeliveryAttempts: 1 }), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': bicepResource(retrying({ maxDeliveryAttempts: 3 })).replace('      maxDeliveryAttempts: 3', '      // hipaa-notify-disable-next-line HN204 -- dead-lettered events are replayed hourly\n      maxDeliveryAttempts: 3') } },
  ],
  invalid: [
    {
      name: 'ARM: few attempts and a short time to live, one finding each',
      files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: 3, eventTimeToLiveInMinutes: 60 }))) },
      rewrites: { 'azuredeploy.json': [['3,', '30,'], ['60', '1440']] },
      findings: [
        { file: 'azuredeploy.json', line: 31, message: /'evgt-claims-documents\/claims-blob-deleted' gives up after 3 delivery attempts/ },
        { file: 'azuredeploy.json', line: 32, message: /keeps retrying for only 60 minutes/ },
      ],
    },
    { name: 'ARM: through a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: expression('', "parameters('attempts')") })), { parameters: '\n    "attempts": { "type": "int", "defaultValue": 1 }\n  ' }) }, rewrites: { 'azuredeploy.json': [['    "attempts": { "type": "int", "defaultValue": 1', '    "attempts": { "type": "int", "defaultValue": 30']] }, findings: [{ file: 'azuredeploy.json', line: 5, message: /after 1 delivery attempt:/ }] },
    {
      name: 'ARM: through a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(retrying({ maxDeliveryAttempts: expression('', "parameters('attempts')") })), { parameters: '"attempts": { "type": "int", "defaultValue": 30 }' }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.parameters.json': [['5', '30']] },
      findings: [{ file: 'azuredeploy.parameters.json', line: 5, message: /after 5 delivery attempts/ }],
    },
    {
      name: 'ARM: through a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource(retrying(expression('', "variables('retry')"), expression('', "concat('evgt-claims-documents/claims-blob-', copyIndex())")), { copy: { name: 'subscriptions', count: 2 } }), { variables: '\n    "retry": { "eventTimeToLiveInMinutes": 30 }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['30', '1440']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'evgt-claims-documents\/claims-blob-0' keeps retrying for only 30 minutes/ },
      ],
    },
    { name: 'Bicep: few attempts', files: { 'main.bicep': bicepResource(retrying({ maxDeliveryAttempts: 2 })) }, rewrites: { 'main.bicep': [['      maxDeliveryAttempts: 2', '      maxDeliveryAttempts: 30']] }, findings: [{ file: 'main.bicep', line: 23, message: /after 2 delivery attempts.*at least 10/ }] },
    { name: 'Bicep: through a parameter default', files: { 'main.bicep': `param ttl int = 120\n\n${bicepResource(retrying({ eventTimeToLiveInMinutes: expression('ttl', '') }))}` }, rewrites: { 'main.bicep': [['120', '1440']] }, findings: [{ file: 'main.bicep', line: 1, message: /only 120 minutes/ }] },
    { name: 'Bicep: through a .bicepparam value', files: { 'main.bicep': `param attempts int = 30\n\n${bicepResource(retrying({ maxDeliveryAttempts: expression('attempts', '') }))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam attempts = 4\n" }, rewrites: { 'main.bicepparam': [['4', '30']] }, findings: [{ file: 'main.bicepparam', line: 3, message: /after 4 delivery attempts/ }] },
    { name: 'Bicep: a short time to live on a custom topic subscription', files: { 'main.bicep': bicepResource({ ...retrying({ eventTimeToLiveInMinutes: 15 }, 'evgt-claims-intake/claims-intake-webhook'), type: 'Microsoft.EventGrid/topics/eventSubscriptions@2022-06-15' }) }, rewrites: { 'main.bicep': [['      eventTimeToLiveInMinutes: 15', '      eventTimeToLiveInMinutes: 1440']] }, findings: [{ file: 'main.bicep', line: 23, message: /Microsoft.EventGrid\/topics\/eventSubscriptions 'evgt-claims-intake\/claims-intake-webhook' keeps retrying for only 15 minutes: set retryPolicy.eventTimeToLiveInMinutes to 1440/ }] },
    {
      name: 'ARM: a namespace queue with few deliveries and a short time to live',
      files: { 'azuredeploy.json': armTemplate(armResource(queued({ maxDeliveryCount: 3, eventTimeToLive: 'PT1H' }))) },
      rewrites: { 'azuredeploy.json': [['3,', '10,'], ['PT1H', 'P1D']] },
      findings: [
        { file: 'azuredeploy.json', line: 17, message: /Microsoft.EventGrid\/namespaces\/topics\/eventSubscriptions 'evgns-claims\/claims-intake\/claims-intake-triage' gives up after 3 delivery attempts: set deliveryConfiguration.queue.maxDeliveryCount to 10/ },
        { file: 'azuredeploy.json', line: 18, message: /keeps undelivered events for only PT1H: set deliveryConfiguration.queue.eventTimeToLive to at least P1D/ },
      ],
    },
    {
      name: 'Bicep: a namespace push time to live from a .bicepparam value',
      files: {
        'main.bicep': `param timeToLive string = 'P1D'\n\n${bicepResource(namespaceSubscription({ deliveryMode: 'Push', push: { eventTimeToLive: expression('timeToLive', ''), deadLetterDestinationWithResourceIdentity: namespaceDeadLetter, destination: { endpointType: 'WebHook', properties: { endpointUrl: 'https://tickets.contoso-health.com/api/events' } } } }))}`,
        'main.bicepparam': "using 'main.bicep'\n\nparam timeToLive = 'PT30M'\n",
      },
      rewrites: { 'main.bicepparam': [['PT30M', 'P1D']] },
      findings: [{ file: 'main.bicepparam', line: 3, message: /keeps undelivered events for only PT30M: set deliveryConfiguration.push.eventTimeToLive/ }],
    },
    {
      name: 'Bicep: a variable policy in a loop',
      files: { 'main.bicep': `var retry = {\n  maxDeliveryAttempts: 5\n}\n\n${bicepResource(retrying(expression('retry', ''), expression("'evgt-claims-documents/claims-${eventType}'", '')), { loop: "eventType in ['deleted', 'tiered']" })}` },
      rewrites: { 'main.bicep': [['  maxDeliveryAttempts: 5', '  maxDeliveryAttempts: 30']] },
      findings: [
        { file: 'main.bicep', line: 2, message: /'evgt-claims-documents\/claims-deleted' gives up after 5/ },
      ],
    },
    {
      name: 'Bicep: passed to a module',
      files: { 'main.bicep': "module events 'modules/events.bicep' = {\n  name: 'events'\n  params: {\n    attempts: 3\n  }\n}\n", 'modules/events.bicep': `param attempts int\n\n${bicepResource(retrying({ maxDeliveryAttempts: expression('attempts', '') }))}` },
      rewrites: { 'main.bicep': [['3', '30']] },
      findings: [{ file: 'main.bicep', line: 4, message: /after 3 delivery attempts/ }],
    },
  ],
});
