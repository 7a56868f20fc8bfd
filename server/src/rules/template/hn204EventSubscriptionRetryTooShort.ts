import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { defineRule, describe } from '../rule';

const limits = [
  { field: 'maxDeliveryAttempts', minimum: 10, what: (n: number) => `gives up after ${n} delivery attempt${n === 1 ? '' : 's'}`, fix: 'at least 10 (the default is 30)' },
  { field: 'eventTimeToLiveInMinutes', minimum: 1440, what: (n: number) => `keeps retrying for only ${n} minute${n === 1 ? '' : 's'}`, fix: '1440 (one day, the default)' },
];

/** HN204: a short outage of the notifier must not lose the event. */
export const hn204EventSubscriptionRetryTooShort = defineRule('HN204', 'An Event Grid event subscription retries fewer than 10 times or for less than a day.', (context, report) => {
  for (const subscription of context.resources) {
    if (!isEventSubscription(subscription) || !isDeployed(subscription) || subscription.properties?.kind !== 'object') continue;
    const retryPolicy = valueAt(subscription.properties, ['retryPolicy']);
    if (retryPolicy?.kind !== 'object') continue;
    for (const { field, minimum, what, fix } of limits) {
      const value = valueAt(retryPolicy, [field]);
      if (value?.kind !== 'number' || value.value >= minimum) continue;
      report({ at: value, resource: subscription, message: `${describe(subscription)} ${what(value.value)}: set retryPolicy.${field} to ${fix}` });
    }
  }
});
