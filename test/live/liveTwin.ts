/**
 * A live twin of a sample workspace: what a subscription would hold after deploying its
 * templates, as Resource Manager returns it (full IDs, `properties` as deployed, system-assigned
 * identities with principal IDs). Built from the template model, so the twin follows the sample
 * as the sample changes; deploy-time values become what Azure would report (resource IDs, the
 * identities' principal IDs), and values only known at deployment for other reasons are left out.
 */
import { createHash } from 'node:crypto';
import type { DeployedResource } from '../../server/src/model/deployedResource';
import { extensionTarget } from '../../server/src/model/extensionScope';
import { isDeployed } from '../../server/src/model/resourceReference';
import type { Value } from '../../server/src/model/value';
import { templateModelsUnder } from '../../server/src/workspace/templateModels';
import { diskReader } from '../../server/src/workspace/workspaceReader';
import type { Fixture } from './armTestServer';

const extensionTypes = ['Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/locks', 'Microsoft.Authorization/roleAssignments', 'Microsoft.EventGrid/eventSubscriptions'];

export interface TwinOptions {
  readonly subscriptionId: string;
  readonly displayName: string;
  readonly resourceGroup: string;
}

export function liveTwinOf(folder: string, options: TwinOptions): Fixture {
  const models = templateModelsUnder(folder, diskReader(folder));
  const resources = models.flatMap((m) => m.resources).filter((r) => isDeployed(r) && r.condition === true && r.type !== undefined && r.type !== 'Microsoft.Resources/deployments');
  const subscription = `/subscriptions/${options.subscriptionId}`;
  const group = `${subscription}/resourceGroups/${options.resourceGroup}`;
  const scopeOf = (r: DeployedResource) => (r.targetScope === 'subscription' ? subscription : group);
  const idOfNamed = (type: string, name: string, scope: string) => {
    const [namespace, ...types] = type.split('/');
    const names = name.split('/');
    return `${scope}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
  };
  const principalOf = (type: string, name: string) => guidOf(`principal:${type.toLowerCase()}/${name.toLowerCase()}`);
  const records: Array<Record<string, unknown> & { id: string }> = [];
  let unnamed = 0;
  for (const resource of resources) {
    const type = resource.type!;
    const name = resource.name.kind === 'string' ? resource.name.value : sameTypeOf(type, 'Microsoft.Authorization/roleAssignments') ? guidOf(`assignment:${unnamed++}`) : undefined;
    if (name === undefined) continue;
    const extension = extensionTypes.find((t) => sameTypeOf(type, t) || type.toLowerCase().endsWith(`/providers/${t.split('/')[1].toLowerCase()}`));
    let id: string;
    let recordType = type;
    if (extension) {
      const target = extensionTarget(resource, extension);
      const ownName = name.split('/').pop()!;
      if (target === 'unknown' || (typeof target === 'object' && 'anyName' in target)) continue;
      const at = target === 'deploymentScope' ? scopeOf(resource) : idOfNamed(target.type, target.name, group);
      id = `${at}/providers/${extension}/${ownName}`;
      recordType = extension;
    } else {
      id = idOfNamed(type, name, scopeOf(resource));
    }
    const json = (value: Value | undefined): unknown => jsonOf(value, (named) => idOfNamed(named.type, named.name, group), principalOf, { subscription, group });
    const identity = json(resource.identity) as Record<string, unknown> | undefined;
    if (identity && typeof identity.type === 'string' && /systemassigned/i.test(identity.type)) identity.principalId = principalOf(type, name);
    const properties = json(resource.properties);
    // A role assignment names its scope in its properties, as Azure returns it.
    if (sameTypeOf(recordType, 'Microsoft.Authorization/roleAssignments') && properties && typeof properties === 'object') (properties as Record<string, unknown>).scope = id.slice(0, id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/'));
    records.push({
      id,
      name: name.split('/').pop()!,
      type: recordType,
      ...(resource.location?.kind === 'string' ? { location: resource.location.value } : {}),
      ...optional('tags', json(resource.tags)),
      ...optional('kind', json(resource.kind)),
      ...optional('sku', json(resource.sku)),
      ...optional('identity', identity),
      ...optional('properties', properties),
    });
  }
  return { subscriptions: [{ subscriptionId: options.subscriptionId, displayName: options.displayName, state: 'Enabled' }], resources: records };
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}

function sameTypeOf(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Plain JSON of a model value; a deploy-time resource ID or principal ID becomes what Azure reports; other unknowns are left out. */
function jsonOf(value: Value | undefined, idOf: (named: { type: string; name: string }) => string, principalOf: (type: string, name: string) => string, scopes: { subscription: string; group: string }): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array':
      return value.items.map((item) => jsonOf(item, idOf, principalOf, scopes)).filter((item) => item !== undefined);
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of value.properties) {
        const item = jsonOf(property.value, idOf, principalOf, scopes);
        if (item !== undefined) object[property.name] = item;
      }
      return object;
    }
    case 'unknown': {
      // `subscription().id` and `resourceGroup().id`, written as the call itself
      if (!value.resource && !value.runtime && value.origin.span.length <= 'resourceGroup()'.length) {
        if (value.reason === 'depends on the resource group deployed to') return scopes.group;
        if (value.reason === 'depends on the subscription deployed to') return scopes.subscription;
      }
      const runtime = value.runtime;
      const names = (runtime?.resource ?? value.resource)?.names;
      if (!names?.every((n) => n.kind === 'string')) return undefined;
      const type = (runtime?.resource ?? value.resource)!.type;
      const name = names.map((n) => (n.kind === 'string' ? n.value : '')).join('/');
      if (!runtime) return idOf({ type, name });
      const last = runtime.path.at(-1)?.toLowerCase();
      if (last === 'principalid') return principalOf(type, name);
      if (last === 'id' && runtime.path.length === 1) return idOf({ type, name });
      return undefined;
    }
  }
}

function guidOf(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Items of `a` not matched one for one in `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * Template findings (`RULE message`) against live ones. A template says once what its loop repeats
 * ("... (and 1 more like it from the same place)"); live, each copy is its own resource with its
 * own finding, so such a finding stands for itself plus that many more of its rule.
 */
export function compareWithTemplate(template: readonly string[], live: readonly string[]) {
  const repeats = new Map<string, number>();
  const expected = template.map((finding) => {
    const merged = / \(and (\d+) more like it from the same place\)$/.exec(finding);
    if (!merged) return finding;
    const rule = finding.split(' ')[0];
    repeats.set(rule, (repeats.get(rule) ?? 0) + Number(merged[1]));
    return finding.slice(0, merged.index);
  });
  const extra = without(live, expected).filter((finding) => {
    const rule = finding.split(' ')[0];
    const left = repeats.get(rule) ?? 0;
    if (left === 0) return true;
    repeats.set(rule, left - 1);
    return false;
  });
  return { missing: without(expected, live), extra, unmatchedRepeats: [...repeats].filter(([, n]) => n > 0) };
}
