import type { DeployedResource } from '../model/deployedResource';
import { arrayValue, booleanValue, nullValue, numberValue, objectValue, stringValue, unknownValue, type Origin, type Value } from '../model/value';
import { extensionParentOf, resourceGroupIdOf, subscriptionIdOf, typeAndNameOf } from './resourceIds';
import type { LiveResource, LiveSnapshot, ReadError } from './snapshot';

/** The model of one subscription: what the rules see, plus what could not be read there. */
export interface SubscriptionModel {
  readonly subscriptionId: string;
  readonly resources: readonly DeployedResource[];
  /** Resources whose own details could not all be read, and placeholders of unreadable scopes: absence rules stay silent on them. */
  readonly partial: ReadonlySet<DeployedResource>;
  /** The resource group (or the subscription) each resource sits in: a lock on a group covers its resources. */
  readonly deploymentOf: ReadonlyMap<DeployedResource, string>;
  /** The live record each resource came from. */
  readonly recordOf: ReadonlyMap<DeployedResource, LiveResource>;
  readonly errors: readonly ReadError[];
}

/** Lists that, when they fail for a subscription, leave every resource of it half-known to the rules that use them. */
const subscriptionWideReads = new Set(['subscription', 'subscriptions', 'resourceGroups', 'resources', 'resourceGroup', 'policyAssignments', 'securityContacts', 'subscriptionDiagnosticSettings', 'roleAssignments', 'locks']);

/**
 * Turns a snapshot into one model per subscription. A live resource becomes the DeployedResource
 * a template would produce, with every value's origin at its resource ID; a principal ID that is
 * the managed identity of a resource of the snapshot becomes that identity's deploy-time value,
 * as `x.identity.principalId` is in a template, so grant rules recognise it.
 */
export function liveModels(snapshot: LiveSnapshot): SubscriptionModel[] {
  const principals = principalOwners(snapshot.resources);
  const bySubscription = new Map<string, LiveResource[]>();
  for (const record of snapshot.resources) {
    const subscription = subscriptionIdOf(record.id);
    if (!subscription) continue;
    const list = bySubscription.get(subscription) ?? [];
    list.push(record);
    bySubscription.set(subscription, list);
  }
  return snapshot.subscriptions.map(({ id }) => {
    const subscriptionId = id.toLowerCase();
    const records = bySubscription.get(subscriptionId) ?? [];
    const errors = snapshot.errors.filter((e) => subscriptionIdOf(e.scope) === subscriptionId);
    const resources: DeployedResource[] = [];
    const deploymentOf = new Map<DeployedResource, string>();
    const recordOf = new Map<DeployedResource, LiveResource>();
    for (const record of records) {
      const resource = deployedResourceOf(record, principals);
      if (!resource) continue;
      resources.push(resource);
      recordOf.set(resource, record);
      deploymentOf.set(resource, resourceGroupIdOf(extensionParentOf(record.id) ?? record.id) ?? `/subscriptions/${subscriptionId}`);
    }
    const partial = new Set<DeployedResource>();
    const subscriptionScope = `/subscriptions/${subscriptionId}`;
    // A cancelled read may have stopped anywhere: nothing may be said to be missing.
    if (!snapshot.complete) {
      for (const resource of resources) partial.add(resource);
      const placeholder = placeholderOf(subscriptionScope, 'subscription');
      resources.push(placeholder);
      partial.add(placeholder);
    }
    for (const error of errors) {
      const scope = error.scope.toLowerCase();
      if (scope === subscriptionScope && error.what !== undefined && subscriptionWideReads.has(error.what)) {
        const placeholder = placeholderOf(subscriptionScope, 'subscription');
        resources.push(placeholder);
        partial.add(placeholder);
        if (error.what === 'locks' || error.what === 'roleAssignments') for (const r of resources) partial.add(r);
        continue;
      }
      // A group or resource that could not be read: it, and whatever sits under it, is half-known.
      let matched = false;
      for (const resource of resources) {
        if (resource.origin.file.toLowerCase() === scope || resource.origin.file.toLowerCase().startsWith(`${scope}/`)) {
          partial.add(resource);
          matched = true;
        }
      }
      if (!matched) {
        const placeholder = placeholderOf(error.scope, resourceGroupIdOf(scope) !== undefined ? 'resourceGroup' : 'subscription');
        resources.push(placeholder);
        partial.add(placeholder);
      }
    }
    return { subscriptionId, resources, partial, deploymentOf, recordOf, errors };
  });
}

/**
 * Stands for a scope that could not be read, so that absence rules know something is unseen. It
 * has a container type (a resource group or subscription) whatever the scope is: no rule reads
 * those, where a placeholder typed as an unreadable Logic App would look like one with no properties.
 */
function placeholderOf(scope: string, targetScope: 'resourceGroup' | 'subscription'): DeployedResource {
  const origin: Origin = { file: scope, span: { offset: 0, length: 0 } };
  const named = typeAndNameOf(scope);
  const container = named?.type === 'Microsoft.Resources/resourceGroups' || named?.type === 'Microsoft.Resources/subscriptions' ? named.type : targetScope === 'resourceGroup' ? 'Microsoft.Resources/resourceGroups' : 'Microsoft.Resources/subscriptions';
  return baseResource(container, stringValue(named?.name ?? scope, origin), origin, undefined, targetScope);
}

function deployedResourceOf(record: LiveResource, principals: ReadonlyMap<string, PrincipalOwner>): DeployedResource | undefined {
  const named = typeAndNameOf(record.id);
  if (!named) return undefined;
  const origin: Origin = { file: record.id, span: { offset: 0, length: 0 } };
  const parent = extensionParentOf(record.id);
  const level = parent ?? record.id;
  const targetScope = resourceGroupIdOf(level) === undefined ? 'subscription' : 'resourceGroup';
  const live = (json: unknown) => liveValue(json, origin, principals, undefined);
  const properties = record.properties === undefined ? undefined : live(record.properties);
  // A role assignment names its scope in its properties; other extensions sit under their target.
  const scopeText = parent && !/^\/subscriptions\/[^/]+(\/resourcegroups\/[^/]+)?$/i.test(parent) ? parent : undefined;
  const resource = baseResource(named.type, stringValue(named.name, origin), origin, record.apiVersion, targetScope);
  return {
    ...resource,
    location: record.location !== undefined ? stringValue(record.location, origin) : undefined,
    tags: record.tags !== undefined ? live(record.tags) : undefined,
    identity: record.identity !== undefined ? liveValue(record.identity, origin, new Map(), undefined) : undefined,
    sku: record.sku !== undefined ? live(record.sku) : undefined,
    kind: record.kind !== undefined ? stringValue(record.kind, origin) : undefined,
    scope: scopeText ? stringValue(scopeText, origin) : undefined,
    properties,
    body: live(record),
  };
}

function baseResource(type: string, name: Value, origin: Origin, apiVersion: string | undefined, targetScope: 'resourceGroup' | 'subscription'): DeployedResource {
  return {
    type,
    apiVersion,
    name,
    symbolicName: undefined,
    condition: true,
    existing: false,
    copy: undefined,
    location: undefined,
    tags: undefined,
    identity: undefined,
    sku: undefined,
    kind: undefined,
    scope: undefined,
    properties: undefined,
    dependsOn: [],
    body: objectValue([], origin),
    origin,
    deployedBy: undefined,
    targetScope,
  };
}

interface PrincipalOwner {
  readonly type: string;
  readonly name: string;
  /** Where the template would read it: `identity.principalId` (system-assigned) or `properties.principalId` (user-assigned identity). */
  readonly path: readonly string[];
}

/** Principal IDs of the managed identities in the snapshot, and whose they are. */
function principalOwners(records: readonly LiveResource[]): Map<string, PrincipalOwner> {
  const owners = new Map<string, PrincipalOwner>();
  for (const record of records) {
    const named = typeAndNameOf(record.id);
    if (!named) continue;
    const identity = record.identity as { principalId?: unknown; userAssignedIdentities?: Record<string, { principalId?: unknown }> } | undefined;
    if (typeof identity?.principalId === 'string') owners.set(identity.principalId.toLowerCase(), { ...named, path: ['identity', 'principalId'] });
    for (const [id, assigned] of Object.entries(identity?.userAssignedIdentities ?? {})) {
      const uami = typeAndNameOf(id);
      if (uami && typeof assigned?.principalId === 'string') owners.set(assigned.principalId.toLowerCase(), { ...uami, path: ['properties', 'principalId'] });
    }
    if (named.type.toLowerCase() === 'microsoft.managedidentity/userassignedidentities') {
      const principalId = (record.properties as { principalId?: unknown } | undefined)?.principalId;
      if (typeof principalId === 'string') owners.set(principalId.toLowerCase(), { ...named, path: ['properties', 'principalId'] });
    }
  }
  return owners;
}

const principalKeys = new Set(['objectid', 'principalid']);

/** JSON to a model value at `origin`; a grantee's principal ID that a snapshot identity owns becomes that identity's reference. */
function liveValue(json: unknown, origin: Origin, principals: ReadonlyMap<string, PrincipalOwner>, key: string | undefined): Value {
  if (json === null || json === undefined) return nullValue(origin);
  if (typeof json === 'string') {
    const owner = key !== undefined && principalKeys.has(key.toLowerCase()) ? principals.get(json.toLowerCase()) : undefined;
    if (owner) {
      return { ...unknownValue(`the principal of ${owner.type} '${owner.name}'`, origin, 'string'), runtime: { resource: { type: owner.type, names: [stringValue(owner.name, origin)] }, path: owner.path } };
    }
    return stringValue(json, origin);
  }
  if (typeof json === 'number') return numberValue(json, origin);
  if (typeof json === 'boolean') return booleanValue(json, origin);
  if (Array.isArray(json)) return arrayValue(json.map((item) => liveValue(item, origin, principals, undefined)), origin);
  return objectValue(
    Object.entries(json as Record<string, unknown>).map(([name, item]) => ({ name, value: liveValue(item, origin, principals, name) })),
    origin,
  );
}
