import { createHash } from 'node:crypto';
import type { DeployedResource } from '../model/deployedResource';
import { isAlertRule } from '../model/alerts';
import { processingRuleType } from '../model/alertProcessingRules';
import { extensionTarget } from '../model/extensionScope';
import { vaultNamed } from '../model/keyVaultAccess';
import { parseResourceId, type NamedResource } from '../model/resourceReference';
import type { ResourceReference, Value } from '../model/value';

/**
 * How one resource can meet resources of other templates in a rule: the keys it declares (its own
 * type and name) and the keys it mentions (resource IDs, scopes, parents, vault URLs, principals
 * it reads). Rules link resources across files only through such names, so two resources that
 * share no key cannot change each other's findings. `t:` keys stand for "any resource of this
 * type" when a name is unknown; `x:` keys for what a rule answers "maybe" about (an extension
 * whose target is unknown, a lock or NSG that may be any).
 */
export interface ResourceLinks {
  readonly declares: readonly string[];
  readonly mentions: readonly string[];
}

const resourceKey = (type: string, name: string) => `${type.toLowerCase()}|${name.toLowerCase()}`;
const typeKey = (type: string) => `t:${type.toLowerCase()}`;
const vaultType = 'Microsoft.KeyVault/vaults';
const anyLock = 'x:lock';
const nsgType = 'microsoft.network/networksecuritygroups';
const anyNsgReference = 'x:nsg-reference';
/** What HN304 wants locked: action groups, alert rules and the types of notification components. */
const protectedTypes = ['Microsoft.Insights/actionGroups', 'Microsoft.Insights/metricAlerts', 'Microsoft.Insights/activityLogAlerts', 'Microsoft.Insights/scheduledQueryRules', 'Microsoft.Logic/workflows', 'Microsoft.Web/sites', 'Microsoft.EventGrid/topics', 'Microsoft.EventGrid/systemTopics', 'Microsoft.EventGrid/domains'];
const childrenReadTogether = ['Microsoft.Network/networkSecurityGroups/securityRules', 'Microsoft.OperationalInsights/workspaces/tables'];
/** Extension resource types whose `scope` names what they apply to. */
const extensionTypes = ['Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/locks', 'Microsoft.Authorization/roleAssignments', 'Microsoft.EventGrid/eventSubscriptions'];
const extensionKinds: Record<string, 'setting' | 'lock' | 'role' | 'subscription'> = {
  'Microsoft.Insights/diagnosticSettings': 'setting',
  'Microsoft.Authorization/locks': 'lock',
  'Microsoft.Authorization/roleAssignments': 'role',
  'Microsoft.EventGrid/eventSubscriptions': 'subscription',
};
/** Any alert processing rule may add action groups to an alert or remove them (HN104): every alert meets every one. */
const anyProcessingRule = 'x:alert-processing-rule';
/** Declared by an extension whose target has a known name: a resource of that type (or a parent type) whose own name is unknown may be that target. */
const namedTargetOf = (type: string) => `n:${type.toLowerCase()}`;
const anyTargetOf = (kind: string) => `x:any-target-${kind}`;
/** What diagnostic settings are asked about: notification component types and PHI stores (the tagged ones too). */
const loggedTypes = ['Microsoft.Logic/workflows', 'Microsoft.Web/sites', 'Microsoft.EventGrid/topics', 'Microsoft.EventGrid/systemTopics', 'Microsoft.EventGrid/domains', 'Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices', 'Microsoft.Storage/storageAccounts/fileServices', 'Microsoft.Storage/storageAccounts/queueServices', 'Microsoft.Storage/storageAccounts/tableServices', 'Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.DocumentDB/databaseAccounts', 'Microsoft.KeyVault/vaults', 'Microsoft.DBforPostgreSQL/flexibleServers', 'Microsoft.DBforMySQL/flexibleServers'];

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
  const type = resource.type;
  // A resource of unknown type is of no type that a rule looks for.
  if (type) {
    declares.add(typeKey(type));
    if (resource.name.kind === 'string') {
      declares.add(resourceKey(type, resource.name.value));
      const parents = new Set<string>();
      withParents({ type, name: resource.name.value }, parents);
      for (const key of parents) if (!declares.has(key)) mentions.add(key);
    } else {
      // Any lock of the workspace may protect a resource of unknown name; a rule reading all the
      // children of a parent (an NSG's rules, a workspace's tables) cannot tell which parent it has.
      if (childrenReadTogether.some((t) => t.toLowerCase() === type.toLowerCase())) mentions.add(typeKey(parentTypes(type)[1]));
      if (protectedTypes.some((t) => t.toLowerCase() === type.toLowerCase())) mentions.add(anyLock);
      mentions.add(namedTargetOf(type));
    }
    // Only extension resources apply to another resource; the `scope` of others is where they deploy.
    const extension = extensionTypes.find((t) => type.toLowerCase().endsWith(`/${t.split('/')[1].toLowerCase()}`));
    if (extension) {
      const kind = extensionKinds[extension];
      const target = extensionTarget(resource, extension);
      if (target === 'unknown') declares.add(anyTargetOf(kind));
      else if (target === 'deploymentScope') {
        // A lock above a resource group protects everything; a role assignment at a scope covers its vaults.
        if ((kind === 'lock' && resource.targetScope !== 'resourceGroup') || kind === 'role') declares.add(anyTargetOf(kind));
      } else if ('anyName' in target) {
        // A rule asks about a child through its parent (a storage account's blob service): any parent of the type may be meant.
        for (const t of parentTypes(target.type)) mentions.add(typeKey(t));
      }
      else {
        withParents(target, mentions);
        for (const t of parentTypes(target.type)) declares.add(namedTargetOf(t));
      }
      if (kind === 'lock' && target !== 'deploymentScope') declares.add(anyLock);
    }
    // What an extension of unknown target may apply to, so its findings become unknown.
    const lower = type.toLowerCase();
    if (protectedTypes.some((t) => t.toLowerCase() === lower)) mentions.add(anyTargetOf('lock'));
    if (loggedTypes.some((t) => t.toLowerCase() === lower || lower.startsWith('microsoft.healthcareapis/')) || resource.tags !== undefined) mentions.add(anyTargetOf('setting'));
    if (lower === vaultType.toLowerCase()) mentions.add(anyTargetOf('role'));
    if (isAlertRule(resource)) mentions.add(anyProcessingRule);
    if (lower === processingRuleType.toLowerCase()) declares.add(anyProcessingRule);
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
  // An NSG of unknown name may be the one any NSG ID names (HN401 then cannot judge it).
  if (type?.toLowerCase() === nsgType && resource.name.kind !== 'string') mentions.add(anyNsgReference);
  else if ([...mentions].some((key) => key.startsWith(`${nsgType}|`))) declares.add(anyNsgReference);
  return { declares: [...declares], mentions: [...mentions] };
}

/** What the resource is, without where it is written: equal fingerprints, same findings elsewhere. */
export function fingerprintOf(resource: DeployedResource): string {
  // Fed in pieces: a nested deployment's body can be megabytes, and one string per resource is garbage the size of the workspace.
  const hash = createHash('sha1');
  let pending = '';
  const put = (piece: string) => {
    pending += piece;
    if (pending.length > 65_536) {
      hash.update(pending);
      pending = '';
    }
  };
  // An object met again (`properties` is also inside `body`) is written as a back-reference to
  // its first visit: the same values shared the same way give the same text, each fed once.
  const seen = new Map<object, number>();
  const feed = (value: unknown): void => {
    if (value === null || typeof value !== 'object') {
      put(`${typeof value}:${String(value)}\u0000`);
      return;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      put(`^${first}`);
      return;
    }
    seen.set(value, seen.size);
    if (Array.isArray(value)) {
      put('[');
      for (const item of value) feed(item);
      put(']');
    } else {
      put('{');
      for (const key of Object.keys(value)) {
        if (key === 'origin') continue;
        put(`${key}=`);
        feed((value as Record<string, unknown>)[key]);
      }
      put('}');
    }
  };
  feed(resource);
  hash.update(pending);
  return hash.digest('base64');
}
