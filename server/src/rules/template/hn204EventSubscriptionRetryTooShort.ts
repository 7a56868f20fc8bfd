import type { DeployedResource } from '../../model/deployedResource';
import { isNamespaceSubscription, namespaceDelivery } from '../../model/namespaceSubscriptions';
import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed, knownString } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { parseDuration, secondsPerDay, secondsRange } from '../../syntax/policy/duration';
import { fix, replaceValue } from '../fixIntent';
import { defineRule, describe } from '../rule';

const attempts = (n: number) => `gives up after ${n} delivery attempt${n === 1 ? '' : 's'}`;
const limits = [
  { field: 'maxDeliveryAttempts', minimum: 10, what: attempts, fix: 'at least 10 (the default is 30)', fixed: 30 },
  { field: 'eventTimeToLiveInMinutes', minimum: 1440, what: (n: number) => `keeps retrying for only ${n} minute${n === 1 ? '' : 's'}`, fix: '1440 (one day, the default)', fixed: 1440 },
];

/** HN204: a short outage of the notifier must not lose the event. */
export const hn204EventSubscriptionRetryTooShort = defineRule('HN204', 'An Event Grid event subscription retries fewer than 10 times or for less than a day.', (context, report) => {
  for (const subscription of context.resources) {
    if (!isDeployed(subscription)) continue;
    if (isEventSubscription(subscription)) checkRetryPolicy(subscription);
    else if (isNamespaceSubscription(subscription)) checkNamespaceDelivery(subscription);
  }

  function checkRetryPolicy(subscription: DeployedResource): void {
    const retryPolicy = subscription.properties?.kind === 'object' ? valueAt(subscription.properties, ['retryPolicy']) : undefined;
    if (retryPolicy?.kind !== 'object') return;
    for (const { field, minimum, what, fix: advice, fixed } of limits) {
      const value = valueAt(retryPolicy, [field]);
      if (value?.kind !== 'number' || value.value >= minimum) continue;
      report({ at: value, resource: subscription, fixes: [fix(`Set ${field} to ${fixed}`, replaceValue(value.origin, fixed))], message: `${describe(subscription)} ${what(value.value)}: set retryPolicy.${field} to ${advice}` });
    }
  }

  /** Namespace topics: `maxDeliveryCount` is 1 to 10 (default 10), `eventTimeToLive` an ISO 8601 duration (default P7D). */
  function checkNamespaceDelivery(subscription: DeployedResource): void {
    const delivery = namespaceDelivery(subscription);
    if (delivery?.settings?.kind !== 'object') return;
    const path = `deliveryConfiguration.${delivery.mode}`;
    const count = valueAt(delivery.settings, ['maxDeliveryCount']);
    if (count?.kind === 'number' && count.value < 10) {
      report({ at: count, resource: subscription, fixes: [fix('Set maxDeliveryCount to 10', replaceValue(count.origin, 10))], message: `${describe(subscription)} ${attempts(count.value)}: set ${path}.maxDeliveryCount to 10 (the default and maximum)` });
    }
    const timeToLive = valueAt(delivery.settings, ['eventTimeToLive']);
    const text = knownString(timeToLive);
    const duration = text === undefined ? undefined : parseDuration(text.trim().toUpperCase());
    if (timeToLive && text && duration && secondsRange(duration).max < secondsPerDay) {
      report({ at: timeToLive, resource: subscription, fixes: [fix("Set eventTimeToLive to 'P1D'", replaceValue(timeToLive.origin, 'P1D'))], message: `${describe(subscription)} keeps undelivered events for only ${text.trim()}: set ${path}.eventTimeToLive to at least P1D (the default is P7D)` });
    }
  }
}, { fix: 'writes the default where the short value is written: maxDeliveryAttempts 30, eventTimeToLiveInMinutes 1440; for namespace topics maxDeliveryCount 10 and eventTimeToLive P1D' });
