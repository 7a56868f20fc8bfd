import type { DeployedResource } from './deployedResource';
import { knownString, sameType } from './resourceReference';
import { valueAt, type Value } from './value';

export const namespaceSubscriptionType = 'Microsoft.EventGrid/namespaces/topics/eventSubscriptions';

/** A subscription of an Event Grid namespace topic: its delivery settings live in `deliveryConfiguration`. */
export function isNamespaceSubscription(resource: DeployedResource): boolean {
  return sameType(resource.type, namespaceSubscriptionType);
}

/** The settings of the delivery mode in use. */
export interface NamespaceDelivery {
  readonly mode: 'queue' | 'push';
  /** `deliveryConfiguration.queue` or `deliveryConfiguration.push` (absent: the defaults). */
  readonly settings: Value | undefined;
  /** `deliveryConfiguration`, where a finding about absent settings sits. */
  readonly configuration: Value;
}

/**
 * `deliveryConfiguration.queue` for `deliveryMode: 'Queue'`, `.push` for `'Push'`. Undefined when
 * the model cannot tell which settings apply (no or unknown configuration, unknown mode with
 * both or neither written).
 */
export function namespaceDelivery(subscription: DeployedResource): NamespaceDelivery | undefined {
  const configuration = subscription.properties ? valueAt(subscription.properties, ['deliveryConfiguration']) : undefined;
  if (configuration?.kind !== 'object') return undefined;
  const queue = valueAt(configuration, ['queue']);
  const push = valueAt(configuration, ['push']);
  const written = (value: Value | undefined) => value !== undefined && value.kind !== 'null';
  const modeValue = valueAt(configuration, ['deliveryMode']);
  const mode = knownString(modeValue)?.toLowerCase();
  if (mode === 'queue' || mode === 'push') return { mode, settings: mode === 'queue' ? queue : push, configuration };
  // Without a known mode, the one settings object written is the one in use.
  if (modeValue && modeValue.kind !== 'null') return undefined;
  if (written(queue) && !written(push)) return { mode: 'queue', settings: queue, configuration };
  if (written(push) && !written(queue)) return { mode: 'push', settings: push, configuration };
  return undefined;
}
