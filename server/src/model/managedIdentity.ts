import type { DeployedResource } from './deployedResource';
import { knownString, parseResourceId, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

/**
 * The resource whose managed identity a principal ID value names: `x.identity.principalId`
 * (system-assigned) or `uami.properties.principalId` (user-assigned), read at deployment.
 */
export function principalOwner(value: Value | undefined): NamedResource | undefined {
  const runtime = value?.kind === 'unknown' ? value.runtime : undefined;
  if (!runtime || runtime.path.at(-1)?.toLowerCase() !== 'principalid') return undefined;
  const names = runtime.resource.names;
  if (!names.every((n) => n.kind === 'string')) return undefined;
  return { type: runtime.resource.type, name: names.map((n) => (n.kind === 'string' ? n.value : '')).join('/') };
}

/** The identities a resource runs as: itself when system-assigned, and each user-assigned identity it lists. */
export interface RunsAs {
  readonly identities: readonly NamedResource[];
  /** `identity` or its user-assigned list cannot be known. */
  readonly unknown: boolean;
  /** No managed identity at all (absent, or type None). */
  readonly none: boolean;
}

export function runsAs(resource: DeployedResource): RunsAs {
  const identity = resource.identity;
  if (!identity || identity.kind === 'null') return { identities: [], unknown: false, none: true };
  if (identity.kind !== 'object') return { identities: [], unknown: identity.kind === 'unknown', none: false };
  const type = valueAt(identity, ['type']);
  const text = knownString(type)?.toLowerCase();
  if (text === undefined) return { identities: [], unknown: true, none: false };
  if (text === 'none') return { identities: [], unknown: false, none: true };
  const identities: NamedResource[] = [];
  let unknown = false;
  if (text.includes('systemassigned') && resource.type && resource.name.kind === 'string') identities.push({ type: resource.type, name: resource.name.value });
  if (text.includes('userassigned')) {
    const assigned = valueAt(identity, ['userAssignedIdentities']);
    if (assigned?.kind === 'object') {
      for (const { name } of assigned.properties) {
        const named = parseResourceId(name);
        if (named) identities.push(named);
        else unknown = true;
      }
    } else unknown = true;
  }
  return { identities, unknown, none: false };
}
