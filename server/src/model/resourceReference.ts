import type { DeployedResource } from './deployedResource';
import { isKnown, type Value } from './value';

/** The resource a value names: type and full name (`parent/child`), when both are known. */
export interface NamedResource {
  readonly type: string;
  readonly name: string;
}

/**
 * What a resource ID value points at: a literal or computed ID string, or an ID whose
 * subscription or group is unknown but whose type and names are known (resourceId(), `x.id`).
 */
export function referencedResource(value: Value | undefined): NamedResource | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return parseResourceId(value.value);
  if (value.kind === 'unknown' && value.resource) {
    const names = value.resource.names;
    if (!names.every((n) => n.kind === 'string')) return undefined;
    return { type: value.resource.type, name: names.map((n) => (n.kind === 'string' ? n.value : '')).join('/') };
  }
  return undefined;
}

/** `/subscriptions/.../providers/Microsoft.Insights/actionGroups/ag[/childType/child]` -> type and name. */
export function parseResourceId(id: string): NamedResource | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const segments = id.slice(at + '/providers/'.length).split('/').filter((s) => s.length > 0);
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const [namespace, ...rest] = segments;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return { type: [namespace, ...types].join('/'), name: names.join('/') };
}

/** The last segment of a resource's full name when known (`vault/secret` -> `secret`). */
export function shortNameOf(resource: DeployedResource): string | undefined {
  return resource.name.kind === 'string' ? resource.name.value.split('/').pop() : undefined;
}

export function sameType(a: string | undefined, b: string): boolean {
  // Rules ask this of every resource many times: most answers are decided by the length.
  return a !== undefined && a.length === b.length && (a === b || a.toLowerCase() === b.toLowerCase());
}

/** Same type and full name, compared the way ARM does (case-insensitively). */
export function isResource(resource: DeployedResource, named: NamedResource): boolean {
  return sameType(resource.type, named.type) && resource.name.kind === 'string' && resource.name.value.toLowerCase() === named.name.toLowerCase();
}

/**
 * Whether an ID value points at this resource of the model: by type and name, or, when the name
 * is not known, because the ID was computed from the very name value of the resource (Bicep `x.id`).
 */
export function pointsAt(id: Value | undefined, resource: DeployedResource): boolean {
  const named = referencedResource(id);
  if (named) return isResource(resource, named);
  if (id?.kind !== 'unknown' || !id.resource || !sameType(resource.type, id.resource.type)) return false;
  const names = id.resource.names;
  return names.length === 1 && sameUnknownName(names[0], resource.name);
}

/**
 * Whether two name values are the same unknown name: the same value, or values computed from the
 * same declaration (a parameter or variable keeps the origin of where it is declared). Unknown
 * names written apart are not known to be equal.
 */
export function sameUnknownName(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.kind !== 'unknown' || b.kind !== 'unknown') return false;
  return a.origin.file === b.origin.file && a.origin.span.offset === b.origin.span.offset && a.origin.span.length === b.origin.span.length && a.reason === b.reason;
}

/**
 * The resources of the model an ID value points at: by type and name, or, when the name is not
 * known, the declaration whose name is that same unknown value (Bicep `x.id`, ARM
 * `resourceId(type, parameters('name'))`).
 */
export function resourcesAt(resources: readonly DeployedResource[], id: Value | undefined): readonly DeployedResource[] {
  const named = referencedResource(id);
  if (named) return resourcesNamed(resources, named);
  if (id?.kind !== 'unknown' || !id.resource || id.resource.names.length !== 1) return [];
  const name = id.resource.names[0];
  return (unnamedOfType(resources).get(id.resource.type.toLowerCase()) ?? []).filter((resource) => sameUnknownName(name, resource.name));
}

const unnamedIndexes = new WeakMap<readonly DeployedResource[], Map<string, DeployedResource[]>>();

/** The resources of a list whose names are not known, by lower-case type, indexed once per list. */
function unnamedOfType(resources: readonly DeployedResource[]): Map<string, DeployedResource[]> {
  let index = unnamedIndexes.get(resources);
  if (!index) {
    index = new Map();
    for (const resource of resources) {
      if (resource.name.kind !== 'unknown' || !resource.type) continue;
      const key = resource.type.toLowerCase();
      const list = index.get(key);
      if (list) list.push(resource);
      else index.set(key, [resource]);
    }
    unnamedIndexes.set(resources, index);
  }
  return index;
}

const indexes = new WeakMap<readonly DeployedResource[], Map<string, DeployedResource[]>>();
const keyOf = (type: string, name: string) => `${type.toLowerCase()}\u0000${name.toLowerCase()}`;

/** The resources of a model with this type and full name, through an index built once per resource list. */
export function resourcesNamed(resources: readonly DeployedResource[], named: NamedResource): readonly DeployedResource[] {
  let index = indexes.get(resources);
  if (!index) {
    index = new Map();
    for (const resource of resources) {
      if (!resource.type || resource.name.kind !== 'string') continue;
      const key = keyOf(resource.type, resource.name.value);
      const list = index.get(key);
      if (list) list.push(resource);
      else index.set(key, [resource]);
    }
    indexes.set(resources, index);
  }
  return index.get(keyOf(named.type, named.name)) ?? [];
}

export function sameNamedResource(a: NamedResource, b: NamedResource): boolean {
  return a.type.toLowerCase() === b.type.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();
}

/** A resource of the model as a named target, when its type and full name are known. */
export function namedOf(resource: DeployedResource): NamedResource | undefined {
  return resource.type && resource.name.kind === 'string' ? { type: resource.type, name: resource.name.value } : undefined;
}

export function isDeployed(resource: DeployedResource): boolean {
  return resource.condition !== false && !resource.existing;
}

export function knownString(value: Value | undefined): string | undefined {
  return value && isKnown(value) && value.kind === 'string' ? value.value : undefined;
}
