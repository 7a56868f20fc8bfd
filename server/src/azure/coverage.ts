import { receiversOf, receiverLists } from '../model/actionGroups';
import { alertRouting, actionGroupBroken } from '../model/alertRouting';
import { actionGroupType, alertTypes, isAlertRule, routesOf } from '../model/alerts';
import type { DeployedResource } from '../model/deployedResource';
import { diagnosticSettingsOf, settingWorkspace } from '../model/diagnosticSettings';
import { appliesTo } from '../model/extensionScope';
import { isLocked, locksOf } from '../model/locks';
import { isPhiStore, notificationComponents } from '../model/notificationComponents';
import { knownString, namedOf, resourcesNamed, sameNamedResource, sameType, type NamedResource } from '../model/resourceReference';
import { valueAt } from '../model/value';
import type { Finding } from '../rules/finding';
import type { SubscriptionModel } from './liveModel';

/** The HIPAA notification controls the coverage answers for. */
export const controls = ['detect', 'route', 'deliver', 'log', 'retain'] as const;
export type Control = (typeof controls)[number];
/** `unknown`: something it depends on could not be read (no permission, cancelled). */
export type ControlState = 'covered' | 'gap' | 'unknown';
export type Tristate = 'yes' | 'no' | 'unknown';

export interface ControlAnswer {
  readonly state: ControlState;
  readonly reason: string;
}

/** The chain behind one notification component or PHI store. */
export interface ResourceCoverage {
  readonly resourceId: string;
  readonly type: string;
  readonly name: string;
  readonly role: 'notificationComponent' | 'phiStore';
  /** Enabled alert rules whose scopes include it (the resource, its group or its subscription). */
  readonly detectedBy: readonly string[];
  /** Working action groups those alerts reach (resource IDs when in the subscription, else as written). */
  readonly actionGroups: readonly string[];
  /** Who those action groups notify: `email:`, `sms:`, `role:`, `logicApp:`, `webhook:<receiver name>`... */
  readonly recipients: readonly string[];
  readonly logged: Tristate;
  /** Its logs go to workspaces that keep them six years (2190 days, by workspace or table retention). */
  readonly retainedSixYears: Tristate;
  readonly locked: Tristate;
  readonly findings: number;
}

export interface SubscriptionCoverage {
  readonly subscriptionId: string;
  readonly name: string;
  readonly controls: Readonly<Record<Control, ControlAnswer>>;
  readonly resources: readonly ResourceCoverage[];
}

/** Which rules speak to which control: a finding of one of them is a gap in that control. */
export const controlOfRule: Readonly<Record<string, Control>> = {
  HN105: 'detect',
  HN106: 'detect',
  HN107: 'detect',
  HN108: 'detect',
  HN101: 'route',
  HN103: 'route',
  HN104: 'route',
  HN109: 'route',
  HN304: 'route',
  HN102: 'deliver',
  HN201: 'deliver',
  HN202: 'deliver',
  HN203: 'deliver',
  HN204: 'deliver',
  HN205: 'deliver',
  HN206: 'deliver',
  HN207: 'deliver',
  HN208: 'deliver',
  HN209: 'deliver',
  HN401: 'deliver',
  HN402: 'deliver',
  HN403: 'deliver',
  HN404: 'deliver',
  HN301: 'log',
  HN302: 'log',
  HN305: 'log',
  HN303: 'retain',
};

const sixYears = 2190;

/** Coverage of one subscription from its model and the findings of the rules on it. */
export function subscriptionCoverage(model: SubscriptionModel, name: string, findings: readonly Finding[]): SubscriptionCoverage {
  const resources = model.resources;
  const components = new Set(notificationComponents(resources));
  const settings = diagnosticSettingsOf(resources);
  const locks = locksOf(resources);
  const alerts = resources.filter((r) => isAlertRule(r) && alertRouting(r, resources).kind === 'routed');
  const covered: ResourceCoverage[] = [];
  const archived = archivingWorkspaces(resources);
  const findingsAt = new Map<string, number>();
  for (const finding of findings) findingsAt.set(finding.file, (findingsAt.get(finding.file) ?? 0) + 1);
  for (const resource of resources) {
    const role = components.has(resource) ? 'notificationComponent' : isPhiStore(resource) ? 'phiStore' : undefined;
    const named = namedOf(resource);
    if (!role || !named) continue;
    const id = resource.origin.file;
    const detectedBy = alerts.filter((alert) => watches(alert, id));
    const groups = detectedBy.flatMap((alert) => workingGroups(alert, resources));
    const half = model.partial.has(resource);
    const logged = loggedState(resource, named, settings, half);
    covered.push({
      resourceId: id,
      type: named.type,
      name: named.name,
      role,
      detectedBy: detectedBy.map((a) => a.origin.file),
      actionGroups: unique(groups.map((g) => g.origin.file)),
      recipients: unique(groups.flatMap(recipientsOf)),
      logged,
      retainedSixYears: logged === 'yes' ? retention(named, settings, resources, archived) : logged,
      locked: half ? 'unknown' : tristate(isLocked(resource, locks, model.deploymentOf)),
      findings: findingsAt.get(id) ?? 0,
    });
  }
  const incomplete = model.partial.size > 0;
  const answer = (control: Control, evidence: boolean, what: string): ControlAnswer => {
    const gaps = findings.filter((f) => controlOfRule[f.ruleId] === control);
    if (gaps.length > 0) return { state: 'gap', reason: `${gaps.length} finding${gaps.length === 1 ? '' : 's'} (${unique(gaps.map((g) => g.ruleId)).join(', ')})` };
    if (incomplete) return { state: 'unknown', reason: 'some of the subscription could not be read (see errors)' };
    return evidence ? { state: 'covered', reason: `no findings; ${what}` } : { state: 'gap', reason: `nothing ${what}` };
  };
  const stores = covered.filter((c) => c.role === 'phiStore');
  return {
    subscriptionId: model.subscriptionId,
    name,
    controls: {
      detect: answer('detect', alerts.length > 0 && stores.every((s) => s.detectedBy.length > 0), stores.length > 0 ? 'every PHI store is watched by an enabled, routed alert' : 'an enabled, routed alert exists'),
      route: answer('route', resources.some((r) => sameType(r.type, actionGroupType) && !actionGroupBroken(r)), 'a working action group receives the alerts'),
      deliver: answer('deliver', components.size > 0, 'notification components deliver'),
      log: answer('log', covered.length > 0 && covered.every((c) => c.logged !== 'no'), 'components and PHI stores send their logs to Log Analytics'),
      retain: answer('retain', covered.some((c) => c.logged === 'yes') && covered.every((c) => c.retainedSixYears !== 'no'), 'the logs are kept six years'),
    },
    resources: covered,
  };
}

/** Whether an alert's scopes include the resource ID, its group or its subscription (activity log alerts watch the subscription). */
function watches(alert: DeployedResource, id: string): boolean {
  const scopes = alert.properties ? valueAt(alert.properties, ['scopes']) : undefined;
  const lower = id.toLowerCase();
  const items = scopes?.kind === 'array' ? scopes.items : [];
  if (sameType(alert.type, alertTypes.metric) || sameType(alert.type, alertTypes.scheduledQuery) || sameType(alert.type, alertTypes.activityLog)) {
    return items.some((scope) => {
      const text = knownString(scope)?.toLowerCase();
      return text !== undefined && (lower === text || lower.startsWith(`${text}/`));
    });
  }
  return false;
}

function workingGroups(alert: DeployedResource, resources: readonly DeployedResource[]): DeployedResource[] {
  return routesOf(alert).actionGroups.flatMap((target) => resourcesNamed(resources, target)).filter((group) => !actionGroupBroken(group));
}

/** Receivers of an action group, named without secrets: addresses and roles as written, webhooks by receiver name only. */
function recipientsOf(group: DeployedResource): string[] {
  const recipients: string[] = [];
  for (const list of receiverLists) {
    const receivers = receiversOf(group, list);
    for (const receiver of receivers === 'unknown' ? [] : receivers) {
      const kind = list.replace(/Receivers$/, '');
      const detail =
        knownString(valueAt(receiver, ['emailAddress'])) ??
        (knownString(valueAt(receiver, ['phoneNumber'])) ? `+${knownString(valueAt(receiver, ['countryCode'])) ?? ''} ${knownString(valueAt(receiver, ['phoneNumber']))}` : undefined) ??
        knownString(valueAt(receiver, ['roleId'])) ??
        knownString(valueAt(receiver, ['resourceId'])) ??
        knownString(valueAt(receiver, ['functionAppResourceId'])) ??
        knownString(valueAt(receiver, ['name']));
      recipients.push(`${kind}:${kind === 'webhook' ? (knownString(valueAt(receiver, ['name'])) ?? '?') : (detail ?? '?')}`);
    }
  }
  return recipients;
}

/** Logged: a diagnostic setting on it (a storage account's: on its blob service) sends some logs to a workspace. */
function loggedState(resource: DeployedResource, named: NamedResource, settings: ReturnType<typeof diagnosticSettingsOf>, half: boolean): Tristate {
  const target = sameType(resource.type, 'Microsoft.Storage/storageAccounts') ? { type: `${named.type}/blobServices`, name: `${named.name}/default` } : named;
  let unknown = half;
  for (const setting of settings) {
    const applies = appliesTo(setting.target, target);
    if (applies === false) continue;
    const sends = setting.workspaceId !== undefined && (setting.logs.categories.size > 0 || setting.logs.groups.size > 0);
    if (sends && applies === true) return 'yes';
    if (setting.logs.unknown || applies === 'maybe') unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

/** Whether the workspaces that receive the resource's logs keep them six years. */
function retention(target: NamedResource, settings: ReturnType<typeof diagnosticSettingsOf>, resources: readonly DeployedResource[], archived: ReadonlySet<string>): Tristate {
  const workspaces = settings
    .filter((s) => typeof s.target === 'object' && !('anyName' in s.target) && (sameNamedResource(s.target, target) || s.target.name.toLowerCase().startsWith(`${target.name.toLowerCase()}/`)))
    .map(settingWorkspace)
    .filter((w): w is NamedResource => w !== undefined);
  if (workspaces.length === 0) return 'unknown';
  let unknown = false;
  for (const named of workspaces) {
    const workspace = resourcesNamed(resources, named)[0];
    if (!workspace) {
      unknown = true;
      continue;
    }
    const days = workspace.properties ? valueAt(workspace.properties, ['retentionInDays']) : undefined;
    if (days?.kind === 'number' && days.value >= sixYears) return 'yes';
    if (archived.has(named.name.toLowerCase())) return 'yes';
  }
  return unknown ? 'unknown' : 'no';
}

/** Workspaces (lower-cased names) with a table that keeps its data six years (`totalRetentionInDays`). */
function archivingWorkspaces(resources: readonly DeployedResource[]): Set<string> {
  const names = new Set<string>();
  for (const table of resources) {
    if (!sameType(table.type, 'Microsoft.OperationalInsights/workspaces/tables') || table.name.kind !== 'string' || !table.properties) continue;
    const total = valueAt(table.properties, ['totalRetentionInDays']);
    if (total?.kind === 'number' && total.value >= sixYears) names.add(table.name.value.split('/')[0].toLowerCase());
  }
  return names;
}

function tristate(value: boolean | 'unknown'): Tristate {
  return value === 'unknown' ? 'unknown' : value ? 'yes' : 'no';
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
