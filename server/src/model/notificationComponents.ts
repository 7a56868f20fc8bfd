import { actionGroupType } from './alerts';
import { receiversOf } from './actionGroups';
import type { DeployedResource } from './deployedResource';
import { isDeployed, isResource, knownString, referencedResource, sameType, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

export const componentTypes = {
  logicApp: 'Microsoft.Logic/workflows',
  site: 'Microsoft.Web/sites',
  eventGridTopic: 'Microsoft.EventGrid/topics',
  eventGridSystemTopic: 'Microsoft.EventGrid/systemTopics',
} as const;

const componentTypeList: readonly string[] = Object.values(componentTypes);

/** The value of the `hipaa-notify` tag, lower-cased, when known. */
export function hipaaTag(resource: DeployedResource): string | undefined {
  if (!resource.tags || resource.tags.kind !== 'object') return undefined;
  const tag = resource.tags.properties.find((p) => p.name.toLowerCase() === 'hipaa-notify');
  return tag ? knownString(tag.value)?.toLowerCase() : undefined;
}

/** Resources that an action group, event subscription or Defender automation sends notifications to. */
function notificationTargets(resources: readonly DeployedResource[]): NamedResource[] {
  const targets: NamedResource[] = [];
  const add = (value: Value | undefined) => {
    const target = referencedResource(value);
    if (target) targets.push(target);
  };
  for (const resource of resources) {
    if (!isDeployed(resource)) continue;
    if (sameType(resource.type, actionGroupType)) {
      for (const receiver of asList(receiversOf(resource, 'logicAppReceivers'))) add(valueAt(receiver, ['resourceId']));
      for (const receiver of asList(receiversOf(resource, 'azureFunctionReceivers'))) add(valueAt(receiver, ['functionAppResourceId']));
    } else if (sameType(resource.type, 'Microsoft.EventGrid/systemTopics/eventSubscriptions') || sameType(resource.type, 'Microsoft.EventGrid/eventSubscriptions') || sameType(resource.type, 'Microsoft.EventGrid/topics/eventSubscriptions')) {
      const destination = resource.properties ? valueAt(resource.properties, ['destination', 'properties', 'resourceId']) : undefined;
      add(destination);
      // A function destination names the function (`sites/x/functions/y`): its app is the component.
      const target = referencedResource(destination);
      if (target && sameType(target.type, 'Microsoft.Web/sites/functions')) targets.push({ type: componentTypes.site, name: target.name.split('/')[0] });
    } else if (sameType(resource.type, 'Microsoft.Security/automations')) {
      const actions = resource.properties ? valueAt(resource.properties, ['actions']) : undefined;
      for (const action of actions?.kind === 'array' ? actions.items : []) add(valueAt(action, ['logicAppResourceId']));
    }
  }
  return targets;
}

function asList(receivers: readonly Value[] | 'unknown'): readonly Value[] {
  return receivers === 'unknown' ? [] : receivers;
}

/**
 * Notification components (shared/RULES.md): Logic Apps, Function Apps and Event Grid topics
 * that an action group receiver, an Event Grid subscription or a Defender automation points at,
 * or that carry the tag `hipaa-notify: notification`. Deployed resources only.
 */
export function notificationComponents(resources: readonly DeployedResource[]): DeployedResource[] {
  const targets = notificationTargets(resources);
  return resources.filter(
    (resource) =>
      isDeployed(resource) &&
      componentTypeList.some((type) => sameType(resource.type, type)) &&
      (hipaaTag(resource) === 'notification' || targets.some((target) => isResource(resource, target))),
  );
}

const phiStoreTypes = [
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Sql/servers',
  'Microsoft.Sql/servers/databases',
  'Microsoft.DocumentDB/databaseAccounts',
  'Microsoft.KeyVault/vaults',
  'Microsoft.DBforPostgreSQL/flexibleServers',
  'Microsoft.DBforMySQL/flexibleServers',
];

/**
 * PHI stores (shared/RULES.md): storage, SQL, Cosmos DB, Key Vault, Health Data Services,
 * PostgreSQL/MySQL flexible servers, and anything tagged `hipaa-notify: phi`; the tag value
 * `none` opts a resource out. Web apps count only when tagged.
 */
export function isPhiStore(resource: DeployedResource): boolean {
  if (!isDeployed(resource) || !resource.type) return false;
  const tag = hipaaTag(resource);
  if (tag === 'none') return false;
  if (tag === 'phi') return true;
  const type = resource.type.toLowerCase();
  return phiStoreTypes.some((t) => t.toLowerCase() === type) || type.startsWith('microsoft.healthcareapis/');
}
