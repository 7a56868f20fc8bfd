import type { DeployedResource } from '../../model/deployedResource';
import { isNamespaceSubscription, namespaceDelivery } from '../../model/namespaceSubscriptions';
import { isEventSubscription } from '../../model/notificationComponents';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { addItem, addParameter, FixExpression, fixToReview, parameterReference, setProperty, type Fix, type FixIntent } from '../fixIntent';
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
        fixes: properties?.kind === 'object' ? [...deadLetterFix(properties.origin, subscription.origin), ...accountDeadLetterFixes(subscription, properties.origin, context.resources, context.deploymentOf)] : [],
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
  fix: "adds a StorageBlob deadLetterDestination whose storage account ID (new parameter deadLetterStorageAccountId, to fill in) and container (new parameter deadLetterContainerName, default 'eventgrid-deadletter') come from new parameters; where the file declares storage accounts, each is also offered (by symbol in Bicep, by resourceId() with a dependsOn entry in ARM JSON), the container still a new parameter. All are offered for review, never applied by fix-all or check --fix. Namespace topic subscriptions get none: their dead-lettering needs a managed identity with access to the account",
});

/** A StorageBlob dead-letter destination whose account and container are new parameters (the account for the author to fill in). */
function deadLetterFix(properties: Value['origin'], near: Value['origin']): Fix[] {
  return [
    fixToReview(
      'Add a dead-letter destination (a storage container given as new parameters)',
      addParameter(near, { name: 'deadLetterStorageAccountId', type: 'string', description: 'Resource ID of the storage account that keeps events Event Grid could not deliver.' }),
      containerParameter(near),
      setProperty(properties, ['deadLetterDestination'], { endpointType: 'StorageBlob', properties: { resourceId: parameterReference('deadLetterStorageAccountId'), blobContainerName: parameterReference('deadLetterContainerName') } }),
    ),
  ];
}

const storageAccountType = 'Microsoft.Storage/storageAccounts';

/**
 * One fix per storage account declared in the subscription's file (Bicep by symbol, `existing`
 * included; ARM JSON by resourceId() with a dependsOn entry): dead-letter to it, the container
 * a new parameter. Offered for review: the container must exist in that account.
 */
function accountDeadLetterFixes(subscription: DeployedResource, properties: Value['origin'], resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): Fix[] {
  const file = subscription.origin.file;
  const bicep = /\.bicep$/i.test(file);
  const fixes: Fix[] = [];
  for (const account of resources) {
    if (!sameType(account.type, storageAccountType) || account.origin.file !== file || account.copy !== undefined || account.condition !== true) continue;
    if (knownString(account.kind)?.toLowerCase() === 'filestorage') continue;
    // resourceId() and a symbol's id name the account only within the subscription's own deployment (template, nested deployment).
    if (account.deployedBy !== subscription.deployedBy || (deploymentOf !== undefined && deploymentOf.get(account) !== deploymentOf.get(subscription))) continue;
    const name = knownString(account.name);
    if (name === undefined) continue;
    const intents: FixIntent[] = [];
    let id: FixExpression;
    if (bicep) {
      if (!account.symbolicName) continue;
      id = new FixExpression(`${account.symbolicName}.id`, '');
    } else {
      if (account.existing || !writtenPlainly(account)) continue;
      id = new FixExpression('', `resourceId('${storageAccountType}', '${name.replace(/'/g, "''")}')`);
      const dependency = dependsOnIntent(subscription, id);
      if (!dependency) continue;
      intents.push(dependency);
    }
    fixes.push(
      fixToReview(
        `Dead-letter to storage account '${name}' (container given as a new parameter)`,
        containerParameter(subscription.origin),
        setProperty(properties, ['deadLetterDestination'], { endpointType: 'StorageBlob', properties: { resourceId: id, blobContainerName: parameterReference('deadLetterContainerName') } }),
        ...intents,
      ),
    );
  }
  return fixes;
}

const containerParameter = (near: Value['origin']) => addParameter(near, { name: 'deadLetterContainerName', type: 'string', defaultValue: 'eventgrid-deadletter', description: 'Blob container for events Event Grid could not deliver.' });

/** ARM JSON: `id` added to the subscription's `dependsOn` (created when absent). */
function dependsOnIntent(resource: DeployedResource, id: FixExpression): FixIntent | undefined {
  if (resource.body.kind !== 'object' || !within(resource.body.origin, resource.origin)) return undefined;
  const list = valueAt(resource.body, ['dependsOn']);
  if (list === undefined) return setProperty(resource.body.origin, ['dependsOn'], [id]);
  return list.kind === 'array' && within(list.origin, resource.origin) ? addItem(list.origin, id) : undefined;
}

/** The name is written as a literal in the declaration (so `resourceId(type, 'name')` names it). */
function writtenPlainly(resource: DeployedResource): boolean {
  const name = knownString(resource.name);
  return name !== undefined && within(resource.name.origin, resource.origin) && resource.name.origin.span.length === name.length + 2;
}

function within(inner: Value['origin'], outer: Value['origin']): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}

/** A field that is present and not null (an unknown value counts: it may well be set). */
function written(object: Value | undefined, field: string): boolean {
  const value = object ? valueAt(object, [field]) : undefined;
  return value !== undefined && value.kind !== 'null';
}
