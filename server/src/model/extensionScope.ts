import type { DeployedResource } from './deployedResource';
import { isDeployed, namedOf, pointsAt, referencedResource, resourcesNamed, sameType, type NamedResource } from './resourceReference';
import type { Value } from './value';

/**
 * What an extension resource (diagnostic setting, lock, role assignment, event subscription)
 * applies to: a named resource, the scope its template deploys to, or 'unknown'.
 */
export type ExtensionTarget = NamedResource | AnyOfType | 'deploymentScope' | 'unknown';

/** A resource of a known type whose name is not known (`scope: vaults[i]` with unknown names). */
export interface AnyOfType {
  readonly type: string;
  readonly anyName: true;
  /** The ID as written: it may still point at a declaration whose name is that same unknown value. */
  readonly id?: Value;
}

/** Whether an extension aimed at `target` applies to `resource`: 'maybe' when the target is not fully known. */
export function appliesTo(target: ExtensionTarget, resource: NamedResource): boolean | 'maybe' {
  if (target === 'unknown') return 'maybe';
  if (target === 'deploymentScope') return false;
  if (!sameType(resource.type, target.type)) return false;
  if ('anyName' in target) return 'maybe';
  return target.name.toLowerCase() === resource.name.toLowerCase();
}

/**
 * Whether an extension aimed at `target` applies to a resource of the model, also when the
 * resource's name is not known: then only an ID computed from that same unknown name is a match,
 * and any other target of its type might be.
 */
export function appliesToResource(target: ExtensionTarget, resource: DeployedResource): boolean | 'maybe' {
  const named = namedOf(resource);
  if (named) return appliesTo(target, named);
  if (target === 'unknown') return 'maybe';
  if (target === 'deploymentScope' || !sameType(resource.type, target.type)) return false;
  return 'anyName' in target && pointsAt(target.id, resource) ? true : 'maybe';
}

/**
 * Reads the three forms ARM and Bicep use: `scope` as a resource ID (Bicep `scope: notifier`,
 * ARM `resourceId(...)`), `scope` relative to the deployment (`Microsoft.Logic/workflows/la`),
 * and the older nested form: type `Microsoft.Logic/workflows/providers/diagnosticSettings`,
 * name `la/Microsoft.Insights/setting`.
 */
export function extensionTarget(resource: DeployedResource, extensionType: string): ExtensionTarget {
  const nested = nestedTarget(resource, extensionType);
  if (nested) return nested;
  const scope = resource.scope;
  if (!scope || scope.kind === 'null') return 'deploymentScope';
  if (scope.kind === 'string') return scope.value.includes('/') && !scope.value.toLowerCase().includes('/providers/') && !scope.value.startsWith('/') ? (relativeTarget(scope.value) ?? 'unknown') : (referencedResource(scope) ?? scopeOnly(scope.value));
  if (scope.kind === 'unknown' && scope.resource) return referencedResource(scope) ?? { type: scope.resource.type, anyName: true, id: scope };
  return referencedResource(scope) ?? 'unknown';
}

/** `Microsoft.X/a/name/b/childName` (no leading slash) -> type `Microsoft.X/a/b`, name `name/childName`. */
function relativeTarget(text: string): NamedResource | undefined {
  const segments = text.split('/').filter((s) => s.length > 0);
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const [namespace, ...rest] = segments;
  return { type: [namespace, ...rest.filter((_, i) => i % 2 === 0)].join('/'), name: rest.filter((_, i) => i % 2 === 1).join('/') };
}

/** A subscription or resource group ID names no resource: the extension applies to that scope. */
function scopeOnly(id: string): ExtensionTarget {
  return /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/i.test(id) ? 'deploymentScope' : 'unknown';
}

/** The nested form: `<type>/providers/<extension>` named `<name>/<Namespace>/<extension name>`. */
function nestedTarget(resource: DeployedResource, extensionType: string): ExtensionTarget | undefined {
  const type = resource.type;
  if (!type) return undefined;
  const [namespace, extension] = extensionType.split('/');
  const marker = `/providers/${extension}`.toLowerCase();
  if (!type.toLowerCase().endsWith(marker)) return undefined;
  const targetType = type.slice(0, type.length - marker.length);
  if (resource.name.kind !== 'string') return 'unknown';
  const names = resource.name.value.split('/');
  const at = names.findIndex((n) => n.toLowerCase() === namespace.toLowerCase());
  if (at < 1) return 'unknown';
  return { type: targetType, name: names.slice(0, at).join('/') };
}

/** The workspace's resources and the deployment (template) each belongs to. */
export interface Deployments {
  readonly resources: readonly DeployedResource[];
  readonly deploymentOf: ReadonlyMap<DeployedResource, string> | undefined;
}

/**
 * Whether an extension that names `named` reaches it in `targetDeployment`: it binds to the
 * resource of that name in its own deployment when there is one (the same name deployed by two
 * templates goes to two resource groups), and only otherwise to another deployment's resource.
 */
export function reachesDeployment(extension: DeployedResource, named: NamedResource, targetDeployment: string | undefined, deployments: Deployments | undefined): boolean {
  const deploymentOf = deployments?.deploymentOf;
  if (!deploymentOf || targetDeployment === undefined) return true;
  const own = deploymentOf.get(extension);
  if (own === undefined || own === targetDeployment) return true;
  const inOwn = (candidate: NamedResource) => resourcesNamed(deployments.resources, candidate).some((r) => isDeployed(r) && deploymentOf.get(r) === own);
  const types = named.type.split('/');
  const names = named.name.split('/');
  // `account/default` of blobServices is declared or not; its account decides where it lives.
  return !(inOwn(named) || (names.length > 1 && inOwn({ type: types.slice(0, 2).join('/'), name: names[0] })));
}
