import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { defineRule, describe } from '../rule';

/** HN203: an event Event Grid cannot deliver is dropped for good unless it is dead-lettered. */
export const hn203EventSubscriptionNoDeadLetter = defineRule('HN203', 'An Event Grid event subscription has no dead-letter destination.', (context, report) => {
  for (const subscription of context.resources) {
    if (!isEventSubscription(subscription) || !isDeployed(subscription)) continue;
    const properties = subscription.properties;
    if (properties?.kind === 'unknown') continue;
    const deadLetter = properties ? (valueAt(properties, ['deadLetterDestination']) ?? valueAt(properties, ['deadLetterWithResourceIdentity'])) : undefined;
    if (deadLetter && deadLetter.kind !== 'null') continue;
    report({
      at: properties ?? subscription.origin,
      resource: subscription,
      message: `${describe(subscription)} has no dead-letter destination, so events it cannot deliver are dropped without a trace: add deadLetterDestination (or deadLetterWithResourceIdentity) pointing at a storage container`,
    });
  }
});
