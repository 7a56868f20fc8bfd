import type { DeployedResource } from '../../model/deployedResource';
import { isNamespaceSubscription, namespaceDelivery } from '../../model/namespaceSubscriptions';
import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
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
});

/** A field that is present and not null (an unknown value counts: it may well be set). */
function written(object: Value | undefined, field: string): boolean {
  const value = object ? valueAt(object, [field]) : undefined;
  return value !== undefined && value.kind !== 'null';
}
