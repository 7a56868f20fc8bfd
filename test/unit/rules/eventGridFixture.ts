import type { Described, ResourceText } from './templateText';

/** A subscription of a storage account's system topic that posts blob events to a webhook. */
export function blobSubscription(properties: { readonly [key: string]: Described }, name: Described = 'evgt-claims-documents/claims-blob-deleted'): ResourceText {
  return {
    symbol: 'blobDeleted',
    type: 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15',
    body: {
      name,
      properties: {
        destination: { endpointType: 'WebHook', properties: { endpointUrl: 'https://tickets.contoso-health.com/api/events' } },
        filter: { includedEventTypes: ['Microsoft.Storage.BlobDeleted'] },
        ...properties,
      },
    },
  };
}

export const deadLetter: Described = {
  endpointType: 'StorageBlob',
  properties: { resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Storage/storageAccounts/stnotifydl001', blobContainerName: 'undelivered-events' },
};

/** A subscription of an Event Grid namespace topic, with the given delivery configuration. */
export function namespaceSubscription(deliveryConfiguration: Described, name: Described = 'evgns-claims/claims-intake/claims-intake-triage'): ResourceText {
  return {
    symbol: 'intakeTriage',
    type: 'Microsoft.EventGrid/namespaces/topics/eventSubscriptions@2024-06-01-preview',
    body: { name, properties: { eventDeliverySchema: 'CloudEventSchemaV1_0', deliveryConfiguration } },
  };
}

export const namespaceDeadLetter: Described = {
  identity: { type: 'SystemAssigned' },
  deadLetterDestination: { endpointType: 'StorageBlob', blobStorage: { resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims/providers/Microsoft.Storage/storageAccounts/stnotifydl001', blobContainerName: 'undelivered-events' } },
};
