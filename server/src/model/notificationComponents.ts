import { actionGroupType } from './alerts';
import { receiversOf } from './actionGroups';
import type { DeployedResource } from './deployedResource';
import { extensionTarget } from './extensionScope';
import { isLogicApp, workflowActions, type WorkflowAction } from './logicAppWorkflow';
import { isDeployed, knownString, referencedResource, resourcesAt, resourcesNamed, sameType, sameUnknownName } from './resourceReference';
import { valueAt, type Value } from './value';

export const componentTypes = {
  logicApp: 'Microsoft.Logic/workflows',
  site: 'Microsoft.Web/sites',
  eventGridTopic: 'Microsoft.EventGrid/topics',
  eventGridSystemTopic: 'Microsoft.EventGrid/systemTopics',
  eventGridDomain: 'Microsoft.EventGrid/domains',
} as const;

const subscriptionTypes = ['Microsoft.EventGrid/systemTopics/eventSubscriptions', 'Microsoft.EventGrid/topics/eventSubscriptions', 'Microsoft.EventGrid/domains/eventSubscriptions', 'Microsoft.EventGrid/domains/topics/eventSubscriptions', 'Microsoft.EventGrid/partnerTopics/eventSubscriptions', 'Microsoft.EventGrid/eventSubscriptions'];

export function isEventSubscription(resource: DeployedResource): boolean {
  return subscriptionTypes.some((type) => sameType(resource.type, type)) || isNestedExtensionSubscription(resource);
}

/** The older ARM form of the extension: type `Microsoft.Storage/storageAccounts/providers/eventSubscriptions`, name `account/Microsoft.EventGrid/sub`. */
function isNestedExtensionSubscription(resource: DeployedResource): boolean {
  return resource.type?.toLowerCase().endsWith('/providers/eventsubscriptions') ?? false;
}

const componentTypeList: readonly string[] = Object.values(componentTypes);

/** The value of the `hipaa-notify` tag, lower-cased, when known. */
export function hipaaTag(resource: DeployedResource): string | undefined {
  if (!resource.tags || resource.tags.kind !== 'object') return undefined;
  const tag = resource.tags.properties.find((p) => p.name.toLowerCase() === 'hipaa-notify');
  return tag ? knownString(tag.value)?.toLowerCase() : undefined;
}

/** Resources that an action group, event subscription or Defender automation sends notifications to. */
function notificationTargets(resources: readonly DeployedResource[]): DeployedResource[] {
  const targets: DeployedResource[] = [];
  let from: DeployedResource;
  const add = (value: Value | undefined) => {
    targets.push(...nearest(from, resourcesAt(resources, value)));
    const named = referencedResource(value);
    // A function destination names the function (`sites/x/functions/y`): its app is the component.
    if (named && sameType(named.type, 'Microsoft.Web/sites/functions')) targets.push(...nearest(from, resourcesNamed(resources, { type: componentTypes.site, name: named.name.split('/')[0] })));
  };
  for (const resource of resources) {
    if (!isDeployed(resource)) continue;
    from = resource;
    if (sameType(resource.type, actionGroupType)) {
      for (const receiver of asList(receiversOf(resource, 'logicAppReceivers'))) add(valueAt(receiver, ['resourceId']));
      for (const receiver of asList(receiversOf(resource, 'azureFunctionReceivers'))) add(valueAt(receiver, ['functionAppResourceId']));
    } else if (isEventSubscription(resource)) {
      let feedsNotifier = false;
      for (const destination of destinationsOf(resource)) {
        add(valueAt(destination, ['properties', 'resourceId']));
        const called = nearest(resource, callbackWorkflows(resources, valueAt(destination, ['properties', 'endpointUrl'])));
        targets.push(...called);
        feedsNotifier ||= deliversToNotifier(destination) || called.length > 0;
      }
      // The topic that feeds a notification component (or a webhook) is on the notification path.
      if (feedsNotifier) targets.push(...nearest(resource, topicsOf(resource, resources)));
    } else if (sameType(resource.type, 'Microsoft.Security/automations')) {
      const actions = resource.properties ? valueAt(resource.properties, ['actions']) : undefined;
      for (const action of actions?.kind === 'array' ? actions.items : []) add(valueAt(action, ['logicAppResourceId']));
    }
  }
  return targets;
}

/**
 * A name links to the resource of that name declared in the same file when there is one (the
 * same name in another template of the workspace is another deployment's resource), else to any.
 */
function nearest(from: DeployedResource, candidates: readonly DeployedResource[]): readonly DeployedResource[] {
  const local = candidates.filter((candidate) => candidate.origin.file === from.origin.file);
  return local.length > 0 ? local : candidates;
}

/** Where a subscription delivers: `destination`, and `deliveryWithResourceIdentity.destination`. */
function destinationsOf(subscription: DeployedResource): Value[] {
  if (!subscription.properties) return [];
  const found = [valueAt(subscription.properties, ['destination']), valueAt(subscription.properties, ['deliveryWithResourceIdentity', 'destination'])];
  return found.filter((value): value is Value => value !== undefined && value.kind === 'object');
}

/** The Logic Apps a webhook URL calls: `listCallbackUrl(<trigger id>).value` names the workflow of the trigger. */
function callbackWorkflows(resources: readonly DeployedResource[], url: Value | undefined): DeployedResource[] {
  const runtime = url?.kind === 'unknown' ? url.runtime : undefined;
  if (!runtime || !/^listcallbackurl$/i.test(runtime.path[0] ?? '')) return [];
  const { type, names } = runtime.resource;
  if (!/^microsoft\.logic\/workflows(\/triggers)?$/i.test(type) || names.length === 0) return [];
  const workflowName = names[0];
  return resources.filter(
    (r) => sameType(r.type, componentTypes.logicApp) && (workflowName.kind === 'string' && r.name.kind === 'string' ? r.name.value.toLowerCase() === workflowName.value.toLowerCase() : sameUnknownName(workflowName, r.name)),
  );
}

function deliversToNotifier(destination: Value): boolean {
  const endpointType = knownString(valueAt(destination, ['endpointType']))?.toLowerCase();
  if (endpointType === 'webhook' || endpointType === 'azurefunction') return true;
  const id = valueAt(destination, ['properties', 'resourceId']);
  const type = referencedResource(id)?.type ?? (id?.kind === 'unknown' ? id.resource?.type : undefined);
  return type !== undefined && [componentTypes.logicApp, componentTypes.site, 'Microsoft.Web/sites/functions'].some((t) => sameType(type, t));
}

/** The topic (custom, system or domain) an event subscription listens to, when the model declares it. */
function topicsOf(subscription: DeployedResource, resources: readonly DeployedResource[]): readonly DeployedResource[] {
  if (sameType(subscription.type, 'Microsoft.EventGrid/eventSubscriptions') || isNestedExtensionSubscription(subscription)) {
    const target = extensionTarget(subscription, 'Microsoft.EventGrid/eventSubscriptions');
    if (typeof target !== 'object') return [];
    return 'anyName' in target ? resourcesAt(resources, target.id) : resourcesNamed(resources, target);
  }
  if (!subscription.type) return [];
  const types = subscription.type.split('/');
  // systemTopics/eventSubscriptions -> systemTopics; domains/topics/eventSubscriptions -> domains
  const topicType = types.slice(0, 2).join('/');
  if (subscription.name.kind === 'string') return resourcesNamed(resources, { type: topicType, name: subscription.name.value.split('/')[0] });
  return parentsByDeclaration(subscription, topicType, resources);
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
  const cached = componentsOf.get(resources);
  if (cached) return cached;
  const targeted = new Set(notificationTargets(resources));
  const components = resources.filter(
    (resource) => isDeployed(resource) && componentTypeList.some((type) => sameType(resource.type, type)) && (hipaaTag(resource) === 'notification' || targeted.has(resource)),
  );
  componentsOf.set(resources, components);
  return components;
}

/** Several rules ask for the components of the same resource list in one run. */
const componentsOf = new WeakMap<readonly DeployedResource[], DeployedResource[]>();

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

/**
 * Every action of every notification Logic App, with its workflow; workflows whose actions
 * cannot be known are left out (their rules stay silent).
 */
export function notifierActions(resources: readonly DeployedResource[]): Array<{ readonly workflow: DeployedResource; readonly action: WorkflowAction }> {
  return notificationComponents(resources).flatMap((workflow) => {
    const actions = isLogicApp(workflow) ? workflowActions(workflow) : [];
    return actions === 'unknown' ? [] : actions.map((action) => ({ workflow, action }));
  });
}

/** A child whose full name is not known: its parent is the declaration its name was built from. */
function parentsByDeclaration(child: DeployedResource, parentType: string, resources: readonly DeployedResource[]): readonly DeployedResource[] {
  const parentName = child.name.kind === 'unknown' ? child.name.parentName : undefined;
  if (!parentName) return [];
  return resources.filter((r) => sameType(r.type, parentType) && sameUnknownName(parentName, r.name));
}
