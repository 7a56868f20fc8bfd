import type { DeployedResource } from './deployedResource';
import { appliesToResource, extensionTarget, reachesDeployment, type ExtensionTarget } from './extensionScope';
import { knownString, namedOf, sameType } from './resourceReference';
import { valueAt } from './value';

export const lockType = 'Microsoft.Authorization/locks';

export interface Lock {
  readonly resource: DeployedResource;
  readonly target: ExtensionTarget;
  /** `CanNotDelete` or `ReadOnly` (or not known): the lock protects its target. */
  readonly protects: boolean;
}

/** Every management lock of the model, whether deployed or not: a lock on an `existing` resource is still declared here. */
export function locksOf(resources: readonly DeployedResource[]): Lock[] {
  return resources
    .filter((r) => r.condition !== false && !r.existing && (sameType(r.type, lockType) || (r.type?.toLowerCase().endsWith('/providers/locks') ?? false)))
    .map((resource) => {
      const level = resource.properties ? valueAt(resource.properties, ['level']) : undefined;
      const known = knownString(level)?.toLowerCase();
      return { resource, target: extensionTarget(resource, lockType), protects: known === undefined ? level !== undefined : known === 'cannotdelete' || known === 'readonly' };
    });
}

/**
 * Whether a lock of the model protects the resource: scoped to it, or inherited from the resource
 * group its deployment targets (a lock without scope in the same template) or from the
 * subscription (a lock without scope in a subscription template). 'unknown' when a lock's
 * target cannot be known.
 */
export function isLocked(resource: DeployedResource, locks: readonly Lock[], deploymentOf?: ReadonlyMap<DeployedResource, string>, allResources?: readonly DeployedResource[]): boolean | 'unknown' {
  let unknown = false;
  for (const lock of locks) {
    if (!lock.protects) continue;
    if (lock.target === 'deploymentScope') {
      if (lock.resource.targetScope === 'subscription') return true;
      const sameDeployment = deploymentOf === undefined || deploymentOf.get(lock.resource) === deploymentOf.get(resource);
      if (lock.resource.targetScope === 'resourceGroup' && resource.targetScope === 'resourceGroup' && sameDeployment) return true;
      continue;
    }
    const named = namedOf(resource);
    const applies = appliesToResource(lock.target, resource);
    if (applies === true && named && deploymentOf && !reachesDeployment(lock.resource, named, deploymentOf.get(resource), { resources: allResources ?? [], deploymentOf })) continue;
    if (applies === true) return true;
    if (applies === 'maybe') unknown = true;
  }
  return unknown ? 'unknown' : false;
}
