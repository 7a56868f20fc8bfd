import type { DeployedResource } from '../../model/deployedResource';
import { isNamespaceSubscription, namespaceDelivery } from '../../model/namespaceSubscriptions';
import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { addParameter, fixToReview, parameterReference, setProperty, type Fix } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** HN203: an event Event Grid cannot deliver is dropped for good unless it is dead-lettered. */
export const hn203EventSubscriptionNoDeadLetter = defineRule('HN203', 'An Event Grid event subscription has no dead-letter destination.', (context, report) => {
  for (const subscription of context.resources) {
    if (!isDeployed(subscription)) continue;
    if (isEventSubscription(subscription)) {
      const properties = subscription.properties;
      if (properties?.kind === 'unknown') continue;
      if (written(properties, 'deadLetterDestination') || written(properties, 'deadLetterWithResourceIdentity')) continue;
      report({
        at: properties ?? subscription.origin,
        resource: subscription,
        fixes: properties?.kind === 'object' ? deadLetterFix(properties.origin, subscription.origin) : [],
        message: `${describe(subscription)} has no dead-letter destination, so events it cannot deliver are dropped without a trace: add deadLetterDestination (or deadLetterWithResourceIdentity) pointing at a storage container`,
      });
    } else if (isNamespaceSubscription(subscription)) {
      reportNamespaceSubscription(subscription);
    }
  }

  function reportNamespaceSubscription(subscription: DeployedResource): void {
    const delivery = namespaceDelivery(subscription);
    if (!delivery || delivery.settings?.kind === 'unknown' || written(delivery.settings, 'deadLetterDestinationWithResourceIdentity')) return;
    report({
      at: delivery.settings ?? delivery.configuration,
      resource: subscription,
      message: `${describe(subscription)} has no dead-letter destination, so events it cannot deliver are dropped without a trace: add deliveryConfiguration.${delivery.mode}.deadLetterDestinationWithResourceIdentity pointing at a storage container`,
    });
  }
}, {
  fix: "adds a StorageBlob deadLetterDestination whose storage account ID (new parameter deadLetterStorageAccountId, to fill in) and container (new parameter deadLetterContainerName, default 'eventgrid-deadletter') come from new parameters; offered for review, never applied by fix-all or check --fix. Namespace topic subscriptions get none: their dead-lettering needs a managed identity with access to the account",
});

/** A StorageBlob dead-letter destination whose account and container are new parameters (the account for the author to fill in). */
function deadLetterFix(properties: Value['origin'], near: Value['origin']): Fix[] {
  return [
    fixToReview(
      'Add a dead-letter destination (a storage container given as new parameters)',
      addParameter(near, { name: 'deadLetterStorageAccountId', type: 'string', description: 'Resource ID of the storage account that keeps events Event Grid could not deliver.' }),
      addParameter(near, { name: 'deadLetterContainerName', type: 'string', defaultValue: 'eventgrid-deadletter', description: 'Blob container for events Event Grid could not deliver.' }),
      setProperty(properties, ['deadLetterDestination'], { endpointType: 'StorageBlob', properties: { resourceId: parameterReference('deadLetterStorageAccountId'), blobContainerName: parameterReference('deadLetterContainerName') } }),
    ),
  ];
}

/** A field that is present and not null (an unknown value counts: it may well be set). */
function written(object: Value | undefined, field: string): boolean {
  const value = object ? valueAt(object, [field]) : undefined;
  return value !== undefined && value.kind !== 'null';
}
