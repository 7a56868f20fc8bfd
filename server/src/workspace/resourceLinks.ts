import { createHash } from 'node:crypto';
import type { DeployedResource } from '../model/deployedResource';
import { extensionTarget } from '../model/extensionScope';
import { vaultNamed } from '../model/keyVaultAccess';
import { parseResourceId, type NamedResource } from '../model/resourceReference';
import type { ResourceReference, Value } from '../model/value';

/**
 * How one resource can meet resources of other templates in a rule: the keys it declares (its own
 * type and name) and the keys it mentions (resource IDs, scopes, parents, vault URLs, principals
 * it reads). Rules link resources across files only through such names, so two resources that
 * share no key cannot change each other's findings. `t:` keys stand for "any resource of this
 * type" when a name is unknown; `wild` marks a resource whose target cannot be known at all
 * (an extension with an unknown scope), which every rule run must see.
 */
export interface ResourceLinks {
  readonly declares: readonly string[];
  readonly mentions: readonly string[];
  readonly wild: boolean;
}

const resourceKey = (type: string, name: string) => `${type.toLowerCase()}|${name.toLowerCase()}`;
const typeKey = (type: string) => `t:${type.toLowerCase()}`;
const vaultType = 'Microsoft.KeyVault/vaults';
const anyLock = 'x:lock';
/** Extension resource types whose `scope` names what they apply to. */
const extensionTypes = ['Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/locks', 'Microsoft.Authorization/roleAssignments', 'Microsoft.EventGrid/eventSubscriptions'];

/** `Microsoft.X/a/b` named `p/c`: also `Microsoft.X/a` named `p` (a child meets its parent). */
function withParents(named: NamedResource, into: Set<string>): void {
  const types = named.type.split('/');
  const names = named.name.split('/');
  for (let depth = names.length; depth >= 1 && types.length - 1 >= depth; depth--) {
    into.add(resourceKey(types.slice(0, depth + 1).join('/'), names.slice(0, depth).join('/')));
  }
}

function parentTypes(type: string): string[] {
  const parts = type.split('/');
  const result: string[] = [];
  for (let n = parts.length; n >= 2; n--) result.push(parts.slice(0, n).join('/'));
  return result;
}

export function linksOf(resource: DeployedResource): ResourceLinks {
  const declares = new Set<string>();
  const mentions = new Set<string>();
  let wild = false;
  const type = resource.type;
  if (!type) wild = true;
  else {
    for (const t of parentTypes(type)) declares.add(typeKey(t));
    if (resource.name.kind === 'string') {
      declares.add(resourceKey(type, resource.name.value));
      const parents = new Set<string>();
      withParents({ type, name: resource.name.value }, parents);
      for (const key of parents) if (!declares.has(key)) mentions.add(key);
    } else {
      // A resource of unknown name may be any child of its parent,
      // and any lock of the workspace may protect it.
      for (const t of parentTypes(type).slice(1)) mentions.add(typeKey(t));
      mentions.add(anyLock);
    }
    const nested = type.toLowerCase().includes('/providers/');
    if (resource.scope !== undefined || nested || extensionTypes.some((t) => t.toLowerCase() === type.toLowerCase())) {
      const target = extensionTarget(resource, extensionTypes.find((t) => type.toLowerCase().endsWith(t.split('/')[1].toLowerCase())) ?? 'Microsoft.Insights/diagnosticSettings');
      if (target === 'unknown') wild = true;
      else if (target === 'deploymentScope') {
        // A lock or setting on the whole subscription applies to every resource of the workspace.
        if (resource.targetScope !== 'resourceGroup') wild = true;
      } else if ('anyName' in target) mentions.add(typeKey(target.type));
      else withParents(target, mentions);
      if (target !== 'deploymentScope' && /\/locks$/i.test(type)) declares.add(anyLock);
    }
  }
  const seen = new Set<Value>();
  const visitReference = (reference: ResourceReference) => {
    const names = reference.names.map((n) => (n.kind === 'string' ? n.value : undefined));
    // An ID with unknown names matches nothing by name in the rules (only `scope` may mean "any of the type", read above).
    if (names.every((n) => n !== undefined)) withParents({ type: reference.type, name: names.join('/') }, mentions);
  };
  const visit = (value: Value | undefined): void => {
    if (!value || seen.has(value)) return;
    seen.add(value);
    switch (value.kind) {
      case 'string': {
        const text = value.value;
        if (text.length > 2048) return;
        if (text.includes('/')) {
          const named = text.toLowerCase().includes('/providers/') ? parseResourceId(text) : undefined;
          if (named) withParents(named, mentions);
        }
        if (/vault/i.test(text)) {
          const vault = vaultNamed(text);
          if (vault) mentions.add(resourceKey(vaultType, vault));
        }
        return;
      }
      case 'array':
        for (const item of value.items) visit(item);
        return;
      case 'object':
        for (const property of value.properties) visit(property.value);
        return;
      case 'unknown':
        if (value.resource) visitReference(value.resource);
        if (value.runtime) visitReference(value.runtime.resource);
        return;
      default:
        return;
    }
  };
  for (const value of [resource.name, resource.scope, resource.identity, resource.tags, resource.properties, resource.body, ...resource.dependsOn]) visit(value);
  for (const key of declares) mentions.delete(key);
  return { declares: [...declares], mentions: [...mentions], wild };
}

/** What the resource is, without where it is written: equal fingerprints, same findings elsewhere. */
export function fingerprintOf(resource: DeployedResource): string {
  const text = JSON.stringify(resource, (key, value: unknown) => (key === 'origin' ? undefined : value));
  return createHash('sha1').update(text).digest('base64');
}
