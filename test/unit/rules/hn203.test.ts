import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hn203EventSubscriptionNoDeadLetter } from '../../../server/src/rules/template/hn203EventSubscriptionNoDeadLetter';
import { blobSubscription, deadLetter, namespaceDeadLetter, namespaceSubscription } from './eventGridFixture';
import { armTemplate, offeredFixTitles, testRule } from './ruleTester';
import { armResource, bicepResource, expression, type ResourceText } from './templateText';

const parametersFile = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "deadLetterOn": { "value": false }\n  }\n}\n';
const conditional = (on: string, armOn: string) => blobSubscription({ deadLetterDestination: expression(`${on} ? deadLetter : null`, `if(${armOn}, variables('deadLetter'), null())`) });
const deadLetterVariable = '\n    "deadLetter": { "endpointType": "StorageBlob", "properties": { "resourceId": "[resourceId(\'Microsoft.Storage/storageAccounts\', \'stnotifydl001\')]", "blobContainerName": "undelivered-events" } }\n  ';
const bicepDeadLetter = "var deadLetter = {\n  endpointType: 'StorageBlob'\n  properties: {\n    resourceId: resourceId('Microsoft.Storage/storageAccounts', 'stnotifydl001')\n    blobContainerName: 'undelivered-events'\n  }\n}\n\n";

/** Pushes breach signals to an Event Hub as the subscription's own identity, without dead-lettering. */
const hubPush = namespaceSubscription(
  { deliveryMode: 'Push', push: { maxDeliveryCount: 10, deliveryWithResourceIdentity: { identity: { type: 'SystemAssigned' }, destination: { endpointType: 'EventHub', properties: { resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.EventHub/namespaces/evhns-claims/eventhubs/breach-signals' } } } } },
  'breach-signals-to-hub',
);

const deadLetterAccount: ResourceText = { symbol: 'deadLetterAccount', type: 'Microsoft.Storage/storageAccounts@2023-01-01', body: { name: 'stnotifydl001', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_ZRS' }, properties: { minimumTlsVersion: 'TLS1_2' } } };

testRule(hn203EventSubscriptionNoDeadLetter, {
  valid: [
    { name: 'ARM: a dead-letter container', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ deadLetterDestination: deadLetter }))) } },
    { name: 'ARM: dead-lettering with a managed identity', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({ deadLetterWithResourceIdentity: { identity: { type: 'SystemAssigned' }, deadLetterDestination: deadLetter } }))) } },
    { name: 'ARM: properties from a parameter without a default are unknown', files: { 'azuredeploy.json': armTemplate(armResource({ ...blobSubscription({}), body: { name: 'evgt-claims-documents/claims-blob-deleted', properties: expression('', "parameters('subscription')") } }), { parameters: '"subscription": { "type": "object" }' }) } },
    { name: 'ARM: not deployed (condition false)', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({}), { condition: false })) } },
    { name: 'ARM: suppressed in resource metadata', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({}), { metadata: { 'hipaa-notify': { suppress: { HN203: 'the receiver replays from the blob change feed' } } } })) } },
    { name: 'ARM: suppressed with a comment', files: { 'azuredeploy.json': armTemplate(`    // hipaa-notify-disable-next-line HN203 -- the receiver replays from the blob change feed\n${armResource(blobSubscription({}))}`) } },
    { name: 'ARM: a namespace queue subscription that dead-letters', files: { 'azuredeploy.json': armTemplate(armResource(namespaceSubscription({ deliveryMode: 'Queue', queue: { maxDeliveryCount: 10, eventTimeToLive: 'P7D', deadLetterDestinationWithResourceIdentity: namespaceDeadLetter } }))) } },
    { name: 'ARM: a namespace subscription whose delivery mode is unknown', files: { 'azuredeploy.json': armTemplate(armResource(namespaceSubscription({ deliveryMode: expression('', "parameters('deliveryMode')"), queue: { maxDeliveryCount: 10 }, push: { maxDeliveryCount: 10 } })), { parameters: '"deliveryMode": { "type": "string" }' }) } },
    { name: 'Bicep: namespace push settings from a parameter without a default are unknown', files: { 'main.bicep': `param pushSettings object\n\n${bicepResource(namespaceSubscription({ deliveryMode: 'Push', push: expression('pushSettings', '') }))}` } },
    { name: 'Bicep: a dead-letter container', files: { 'main.bicep': bicepResource(blobSubscription({ deadLetterDestination: deadLetter })) } },
    { name: 'Bicep: dead-lettering with a managed identity on a custom topic', files: { 'main.bicep': bicepResource({ ...blobSubscription({ deadLetterWithResourceIdentity: { identity: { type: 'SystemAssigned' }, deadLetterDestination: deadLetter } }, 'evgt-claims-intake/claims-intake-webhook'), type: 'Microsoft.EventGrid/topics/eventSubscriptions@2022-06-15' }) } },
    { name: 'Bicep: properties from a parameter without a default are unknown', files: { 'main.bicep': `param subscriptionProperties object

${bicepResource({ ...blobSubscription({}), body: { name: 'evgt-claims-documents/claims-blob-deleted', properties: expression('subscriptionProperties', '') } })}` } },
    { name: 'Bicep: a dead-letter switch from a parameter without a default is unknown', files: { 'main.bicep': `param deadLetterOn bool

${bicepDeadLetter}${bicepResource(conditional('deadLetterOn', ''))}` } },
    { name: 'Bicep: not deployed (if false)', files: { 'main.bicep': bicepResource(blobSubscription({}), { condition: 'false' }) } },
    { name: 'Bicep: suppressed with a reason', files: { 'main.bicep': `// hipaa-notify-disable-next-line HN203 -- the receiver replays from the blob change feed\n${bicepResource(blobSubscription({}))}` } },
  ],
  invalid: [
    { name: 'ARM: a system topic subscription without dead-lettering', files: { 'azuredeploy.json': armTemplate(armResource(blobSubscription({}))) }, rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['          ]\n', '          ]\n        },\n        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n']] }, findings: [{ file: 'azuredeploy.json', line: 11, message: /'evgt-claims-documents\/claims-blob-deleted' has no dead-letter destination/ }] },
    {
      name: 'ARM: a storage account deployed beside it; choosing that account',
      choose: "Dead-letter to storage account 'stnotifydl001' (container given as a new parameter)",
      files: { 'azuredeploy.json': armTemplate(`${armResource(blobSubscription({}))},\n${armResource(deadLetterAccount)}`) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['          ]\n', '          ]\n        },\n        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[resourceId(\'Microsoft.Storage/storageAccounts\', \'stnotifydl001\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n'], ['        }\n      }\n', '        }\n      },\n      "dependsOn": [\n        "[resourceId(\'Microsoft.Storage/storageAccounts\', \'stnotifydl001\')]"\n      ]\n']] },
      findings: [{ file: 'azuredeploy.json', line: 11, message: /'evgt-claims-documents\/claims-blob-deleted' has no dead-letter destination/ }],
    },
    {
      name: 'ARM: an extension subscription on a custom topic',
      files: { 'azuredeploy.json': armTemplate(armResource({ ...blobSubscription({}), type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15', body: { ...blobSubscription({}).body, name: 'claims-events', scope: 'Microsoft.EventGrid/topics/evgt-claims' } })) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['          ]\n', '          ]\n        },\n        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 11, message: /Microsoft.EventGrid\/eventSubscriptions 'claims-events'/ }],
    },
    {
      name: 'ARM: the older nested form on a storage account',
      files: { 'azuredeploy.json': armTemplate(armResource({ ...blobSubscription({}), type: 'Microsoft.Storage/storageAccounts/providers/eventSubscriptions@2022-06-15', body: { ...blobSubscription({}).body, name: 'stclaimsdocs001/Microsoft.EventGrid/claims-blob-deleted' } })) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['          ]\n', '          ]\n        },\n        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 11, message: /'stclaimsdocs001\/Microsoft.EventGrid\/claims-blob-deleted' has no dead-letter/ }],
    },
    {
      name: 'ARM: a namespace queue subscription without dead-lettering',
      files: { 'azuredeploy.json': armTemplate(armResource(namespaceSubscription({ deliveryMode: 'Queue', queue: { maxDeliveryCount: 10, eventTimeToLive: 'P7D', receiveLockDurationInSeconds: 60 } }))) },
      findings: [{ file: 'azuredeploy.json', line: 15, message: /Microsoft.EventGrid\/namespaces\/topics\/eventSubscriptions 'evgns-claims\/claims-intake\/claims-intake-triage' has no dead-letter destination.*deliveryConfiguration.queue.deadLetterDestinationWithResourceIdentity/ }],
    },
    { name: 'ARM: switched off by a parameter default', files: { 'azuredeploy.json': armTemplate(armResource(conditional('', "parameters('deadLetterOn')")), { parameters: '"deadLetterOn": { "type": "bool", "defaultValue": false }', variables: deadLetterVariable }) }, rewrites: { 'azuredeploy.json': [['  "parameters": {"deadLetterOn": { "type": "bool", "defaultValue": false }},\n', '  "parameters": {\n    "deadLetterOn": {\n      "type": "bool",\n      "defaultValue": false\n    },\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['        "deadLetterDestination": "[if(parameters(\'deadLetterOn\'), variables(\'deadLetter\'), null())]"\n', '        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n        }\n']] }, findings: [{ file: 'azuredeploy.json', line: 13, message: /no dead-letter/ }] },
    {
      name: 'ARM: switched off by a parameter file',
      files: { 'azuredeploy.json': armTemplate(armResource(conditional('', "parameters('deadLetterOn')")), { parameters: '"deadLetterOn": { "type": "bool", "defaultValue": true }', variables: deadLetterVariable }), 'azuredeploy.parameters.json': parametersFile },
      rewrites: { 'azuredeploy.json': [['  "parameters": {"deadLetterOn": { "type": "bool", "defaultValue": true }},\n', '  "parameters": {\n    "deadLetterOn": {\n      "type": "bool",\n      "defaultValue": true\n    },\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['        "deadLetterDestination": "[if(parameters(\'deadLetterOn\'), variables(\'deadLetter\'), null())]"\n', '        "deadLetterDestination": {\n          "endpointType": "StorageBlob",\n          "properties": {\n            "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n            "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n          }\n        }\n']] },
      findings: [{ file: 'azuredeploy.json', line: 13, message: /no dead-letter/ }],
    },
    {
      name: 'ARM: properties from a variable, in a copy loop',
      files: { 'azuredeploy.json': armTemplate(armResource({ ...blobSubscription({}), body: { name: expression('', "concat('evgt-claims-documents/claims-blob-', copyIndex())"), properties: expression('', "variables('delivery')") } }, { copy: { name: 'subscriptions', count: 2 } }), { variables: '\n    "delivery": { "destination": { "endpointType": "WebHook", "properties": { "endpointUrl": "https://tickets.contoso-health.com/api/events" } } }\n  ' }) },
      rewrites: { 'azuredeploy.json': [['  "parameters": {},\n', '  "parameters": {\n    "deadLetterStorageAccountId": {\n      "type": "string",\n      "metadata": {\n        "description": "Resource ID of the storage account that keeps events Event Grid could not deliver."\n      }\n    },\n    "deadLetterContainerName": {\n      "type": "string",\n      "defaultValue": "eventgrid-deadletter",\n      "metadata": {\n        "description": "Blob container for events Event Grid could not deliver."\n      }\n    }\n  },\n'], ['    "delivery": { "destination": { "endpointType": "WebHook", "properties": { "endpointUrl": "https://tickets.contoso-health.com/api/events" } } }\n', '    "delivery": {\n      "destination": {\n        "endpointType": "WebHook",\n        "properties": {\n          "endpointUrl": "https://tickets.contoso-health.com/api/events"\n        }\n      },\n      "deadLetterDestination": {\n        "endpointType": "StorageBlob",\n        "properties": {\n          "resourceId": "[parameters(\'deadLetterStorageAccountId\')]",\n          "blobContainerName": "[parameters(\'deadLetterContainerName\')]"\n        }\n      }\n    }\n']] },
      findings: [
        { file: 'azuredeploy.json', line: 6, message: /'evgt-claims-documents\/claims-blob-0'/ },
      ],
    },
    { name: 'Bicep: a subscription without dead-lettering', files: { 'main.bicep': bicepResource(blobSubscription({})) }, rewrites: { 'main.bicep': [['resource blobDeleted \'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15\' = {\n  name: \'evgt-claims-documents/claims-blob-deleted\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]', '@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nresource blobDeleted \'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15\' = {\n  name: \'evgt-claims-documents/claims-blob-deleted\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]\n    }\n    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }']] }, findings: [{ file: 'main.bicep', line: 3, message: /no dead-letter destination.*deadLetterDestination/ }] },
    { name: 'Bicep: switched off by a parameter default', files: { 'main.bicep': `param deadLetterOn bool = false\n\n${bicepDeadLetter}${bicepResource(conditional('deadLetterOn', ''))}` }, rewrites: { 'main.bicep': [['param deadLetterOn bool = false\n\n', 'param deadLetterOn bool = false\n\n@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\n'], ['    deadLetterDestination: deadLetterOn ? deadLetter : null\n', '    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }\n    }\n']] }, findings: [{ file: 'main.bicep', line: 13, message: /no dead-letter/ }] },
    {
      name: 'Bicep: switched off in the .bicepparam file',
      files: { 'main.bicep': `param deadLetterOn bool = true\n\n${bicepDeadLetter}${bicepResource(conditional('deadLetterOn', ''))}`, 'main.bicepparam': "using 'main.bicep'\n\nparam deadLetterOn = false\n" },
      rewrites: { 'main.bicep': [['param deadLetterOn bool = true\n\n', 'param deadLetterOn bool = true\n\n@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\n'], ['    deadLetterDestination: deadLetterOn ? deadLetter : null\n', '    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }\n    }\n']] },
      findings: [{ file: 'main.bicep', line: 13, message: /no dead-letter/ }],
    },
    {
      name: 'Bicep: a loop over event types',
      files: { 'main.bicep': bicepResource({ ...blobSubscription({}, expression("'evgt-claims-documents/claims-${eventType}'", '')), body: { ...blobSubscription({}, expression("'evgt-claims-documents/claims-${eventType}'", '')).body } }, { loop: "eventType in ['deleted', 'tiered']" }) },
      rewrites: { 'main.bicep': [['resource blobDeleted \'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15\' = [for eventType in [\'deleted\', \'tiered\']: {\n  name: \'evgt-claims-documents/claims-${eventType}\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]', '@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nresource blobDeleted \'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15\' = [for eventType in [\'deleted\', \'tiered\']: {\n  name: \'evgt-claims-documents/claims-${eventType}\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]\n    }\n    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }']] },
      findings: [
        { file: 'main.bicep', line: 3, message: /'evgt-claims-documents\/claims-deleted'/ },
      ],
    },
    {
      name: 'Bicep: an extension subscription scoped to a storage account; choosing the new parameters',
      choose: 'Add a dead-letter destination (a storage container given as new parameters)',
      files: { 'main.bicep': "resource claimsDocs 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {\n  name: 'stclaimsdocs001'\n}\n\n" + bicepResource({ ...blobSubscription({}), type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15', body: { name: 'claims-blob-deleted', scope: expression('claimsDocs', ''), properties: blobSubscription({}).body.properties } }) },
      rewrites: { 'main.bicep': [['resource claimsDocs \'Microsoft.Storage/storageAccounts@2023-01-01\' existing = {\n  name: \'stclaimsdocs001\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/eventSubscriptions@2022-06-15\' = {\n  name: \'claims-blob-deleted\'\n  scope: claimsDocs\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]', '@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nresource claimsDocs \'Microsoft.Storage/storageAccounts@2023-01-01\' existing = {\n  name: \'stclaimsdocs001\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/eventSubscriptions@2022-06-15\' = {\n  name: \'claims-blob-deleted\'\n  scope: claimsDocs\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]\n    }\n    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }']] },
      findings: [{ file: 'main.bicep', line: 8, message: /Microsoft.EventGrid\/eventSubscriptions 'claims-blob-deleted' has no dead-letter/ }],
    },
    {
      name: 'Bicep: an extension subscription scoped to a storage account; choosing that account',
      choose: "Dead-letter to storage account 'stclaimsdocs001' (container given as a new parameter)",
      files: { 'main.bicep': "resource claimsDocs 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {\n  name: 'stclaimsdocs001'\n}\n\n" + bicepResource({ ...blobSubscription({}), type: 'Microsoft.EventGrid/eventSubscriptions@2022-06-15', body: { name: 'claims-blob-deleted', scope: expression('claimsDocs', ''), properties: blobSubscription({}).body.properties } }) },
      rewrites: { 'main.bicep': [['resource claimsDocs \'Microsoft.Storage/storageAccounts@2023-01-01\' existing = {\n  name: \'stclaimsdocs001\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/eventSubscriptions@2022-06-15\' = {\n  name: \'claims-blob-deleted\'\n  scope: claimsDocs\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]', '@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nresource claimsDocs \'Microsoft.Storage/storageAccounts@2023-01-01\' existing = {\n  name: \'stclaimsdocs001\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/eventSubscriptions@2022-06-15\' = {\n  name: \'claims-blob-deleted\'\n  scope: claimsDocs\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]\n    }\n    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: claimsDocs.id\n        blobContainerName: deadLetterContainerName\n      }']] },
      findings: [{ file: 'main.bicep', line: 8, message: /Microsoft.EventGrid\/eventSubscriptions 'claims-blob-deleted' has no dead-letter/ }],
    },
    {
      name: 'Bicep: a domain topic subscription, child of an existing domain',
      files: { 'main.bicep': "resource claimsDomain 'Microsoft.EventGrid/domains@2022-06-15' existing = {\n  name: 'evgd-claims'\n}\n\nresource intakeTopic 'Microsoft.EventGrid/domains/topics@2022-06-15' existing = {\n  parent: claimsDomain\n  name: 'claims-intake'\n}\n\n" + bicepResource({ ...blobSubscription({}, 'claims-intake-to-ticketing'), type: 'Microsoft.EventGrid/domains/topics/eventSubscriptions@2022-06-15', body: { parent: expression('intakeTopic', ''), ...blobSubscription({}, 'claims-intake-to-ticketing').body } }) },
      rewrites: { 'main.bicep': [['resource claimsDomain \'Microsoft.EventGrid/domains@2022-06-15\' existing = {\n  name: \'evgd-claims\'\n}\n\nresource intakeTopic \'Microsoft.EventGrid/domains/topics@2022-06-15\' existing = {\n  parent: claimsDomain\n  name: \'claims-intake\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/domains/topics/eventSubscriptions@2022-06-15\' = {\n  parent: intakeTopic\n  name: \'claims-intake-to-ticketing\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]', '@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nresource claimsDomain \'Microsoft.EventGrid/domains@2022-06-15\' existing = {\n  name: \'evgd-claims\'\n}\n\nresource intakeTopic \'Microsoft.EventGrid/domains/topics@2022-06-15\' existing = {\n  parent: claimsDomain\n  name: \'claims-intake\'\n}\n\nresource blobDeleted \'Microsoft.EventGrid/domains/topics/eventSubscriptions@2022-06-15\' = {\n  parent: intakeTopic\n  name: \'claims-intake-to-ticketing\'\n  properties: {\n    destination: {\n      endpointType: \'WebHook\'\n      properties: {\n        endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n      }\n    }\n    filter: {\n      includedEventTypes: [\n        \'Microsoft.Storage.BlobDeleted\'\n      ]\n    }\n    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }']] },
      findings: [{ file: 'main.bicep', line: 13, message: /Microsoft.EventGrid\/domains\/topics\/eventSubscriptions 'evgd-claims\/claims-intake\/claims-intake-to-ticketing' has no dead-letter/ }],
    },
    {
      name: 'Bicep: a namespace push subscription without dead-lettering, child of an existing topic',
      files: {
        'main.bicep': "resource claimsNamespace 'Microsoft.EventGrid/namespaces@2024-06-01-preview' existing = {\n  name: 'evgns-claims'\n}\n\nresource intakeTopic 'Microsoft.EventGrid/namespaces/topics@2024-06-01-preview' existing = {\n  parent: claimsNamespace\n  name: 'claims-intake'\n}\n\n" + bicepResource({ ...hubPush, body: { parent: expression('intakeTopic', ''), ...hubPush.body } }),
      },
      findings: [{ file: 'main.bicep', line: 17, message: /'evgns-claims\/claims-intake\/breach-signals-to-hub' has no dead-letter destination.*deliveryConfiguration.push.deadLetterDestinationWithResourceIdentity/ }],
    },
    {
      name: 'Bicep: a module told not to dead-letter',
      files: {
        'main.bicep': "module events 'modules/events.bicep' = {\n  name: 'events'\n  params: {\n    deadLetterOn: false\n  }\n}\n",
        'modules/events.bicep': `param deadLetterOn bool = true\n\n${bicepDeadLetter}${bicepResource(conditional('deadLetterOn', ''))}`,
      },
      rewrites: { 'modules/events.bicep': [['param deadLetterOn bool = true\n\n', 'param deadLetterOn bool = true\n\n@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\n'], ['    deadLetterDestination: deadLetterOn ? deadLetter : null\n', '    deadLetterDestination: {\n      endpointType: \'StorageBlob\'\n      properties: {\n        resourceId: deadLetterStorageAccountId\n        blobContainerName: deadLetterContainerName\n      }\n    }\n']] },
      findings: [{ file: 'modules/events.bicep', line: 13, message: /'evgt-claims-documents\/claims-blob-deleted' has no dead-letter/ }],
    },
    {
      name: 'Bicep: a module with a variable destination',
      files: { 'main.bicep': "module events 'modules/events.bicep' = {\n  name: 'events'\n}\n", 'modules/events.bicep': `var properties = {\n  destination: {\n    endpointType: 'WebHook'\n    properties: {\n      endpointUrl: 'https://tickets.contoso-health.com/api/events'\n    }\n  }\n}\n\n${bicepResource({ ...blobSubscription({}), body: { name: 'evgt-claims-documents/claims-blob-deleted', properties: expression('properties', '') } })}` },
      rewrites: { 'modules/events.bicep': [['var properties = {\n  destination: {\n    endpointType: \'WebHook\'\n    properties: {\n      endpointUrl: \'https://tickets.contoso-health.com/api/events\'', '@description(\'Resource ID of the storage account that keeps events Event Grid could not deliver.\')\nparam deadLetterStorageAccountId string\n\n@description(\'Blob container for events Event Grid could not deliver.\')\nparam deadLetterContainerName string = \'eventgrid-deadletter\'\n\nvar properties = {\n  destination: {\n    endpointType: \'WebHook\'\n    properties: {\n      endpointUrl: \'https://tickets.contoso-health.com/api/events\'\n    }\n  }\n  deadLetterDestination: {\n    endpointType: \'StorageBlob\'\n    properties: {\n      resourceId: deadLetterStorageAccountId\n      blobContainerName: deadLetterContainerName']] },
      findings: [{ file: 'modules/events.bicep', line: 2, message: /no dead-letter/ }],
    },
  ],
});

test('HN203 offers the new-parameters fix and one per blob-capable storage account of the file (Bicep: by symbol, existing included; FileStorage left out)', () => {
  const files = {
    'main.bicep': `${bicepResource(deadLetterAccount)}\n${bicepResource({ ...deadLetterAccount, symbol: 'shares', body: { ...deadLetterAccount.body, name: 'stclaimsshares001', kind: 'FileStorage' } })}\n${bicepResource({ symbol: 'docs', type: 'Microsoft.Storage/storageAccounts@2023-01-01', body: { name: 'stclaimsdocs001' } }, { existing: true })}\n${bicepResource(blobSubscription({}))}`,
  };
  assert.deepEqual(offeredFixTitles('HN203', files), [
    ['Add a dead-letter destination (a storage container given as new parameters)', "Dead-letter to storage account 'stnotifydl001' (container given as a new parameter)", "Dead-letter to storage account 'stclaimsdocs001' (container given as a new parameter)"],
  ]);
});

test('HN203 offers no account fix for an ARM account of another deployment (a nested template in another resource group)', () => {
  const nested = `    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "dead-letter-storage",
      "resourceGroup": "rg-claims-dr",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
${armResource(deadLetterAccount)}
          ]
        }
      }
    }`;
  assert.deepEqual(offeredFixTitles('HN203', { 'azuredeploy.json': armTemplate(`${armResource(blobSubscription({}))},\n${nested}`) }), [['Add a dead-letter destination (a storage container given as new parameters)']]);
});

test('HN203 offers no account fix for an ARM account in a copy loop or with a computed name', () => {
  const looped = armResource({ ...deadLetterAccount, body: { ...deadLetterAccount.body, name: expression('', "concat('stnotifydl', copyIndex())") } }, { copy: { name: 'accounts', count: 2 } });
  const computed = armResource({ ...deadLetterAccount, body: { ...deadLetterAccount.body, name: expression('', "concat('stnotify', 'dl002')") } });
  assert.deepEqual(offeredFixTitles('HN203', { 'azuredeploy.json': armTemplate(`${armResource(blobSubscription({}))},\n${looped},\n${computed}`) }), [['Add a dead-letter destination (a storage container given as new parameters)']]);
});
