import type { DeployedResource } from './deployedResource';
import { appliesTo, appliesToResource, extensionTarget, reachesDeployment, type Deployments, type ExtensionTarget } from './extensionScope';
import { isDeployed, knownString, namedOf, referencedResource, sameType, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

export const diagnosticSettingsType = 'Microsoft.Insights/diagnosticSettings';

/** A `Microsoft.Insights/diagnosticSettings` of the model, read once. */
export interface DiagnosticSetting {
  readonly resource: DeployedResource;
  readonly target: ExtensionTarget;
  /** `workspaceId` as written; undefined when it has none. */
  readonly workspaceId: Value | undefined;
  readonly logs: EnabledLogs;
}

/** The log categories and category groups a setting turns on, lower-cased. */
export interface EnabledLogs {
  readonly categories: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  /** Some entry, its name or its `enabled` cannot be known. */
  readonly unknown: boolean;
}

export function isDiagnosticSetting(resource: DeployedResource): boolean {
  return sameType(resource.type, diagnosticSettingsType) || (resource.type?.toLowerCase().endsWith('/providers/diagnosticsettings') ?? false);
}

/** Every deployed diagnostic setting of the model. */
export function diagnosticSettingsOf(resources: readonly DeployedResource[]): DiagnosticSetting[] {
  return resources.filter((r) => isDiagnosticSetting(r) && isDeployed(r)).map((resource) => ({
    resource,
    target: extensionTarget(resource, diagnosticSettingsType),
    workspaceId: workspaceIdOf(resource),
    logs: enabledLogs(resource),
  }));
}

function workspaceIdOf(setting: DeployedResource): Value | undefined {
  const id = setting.properties ? valueAt(setting.properties, ['workspaceId']) : undefined;
  if (!id || id.kind === 'null' || (id.kind === 'string' && id.value.trim() === '')) return undefined;
  return id;
}

function enabledLogs(setting: DeployedResource): EnabledLogs {
  const categories = new Set<string>();
  const groups = new Set<string>();
  const properties = setting.properties;
  if (properties?.kind === 'unknown') return { categories, groups, unknown: true };
  const logs = properties ? valueAt(properties, ['logs']) : undefined;
  if (logs?.kind === 'unknown') return { categories, groups, unknown: true };
  let unknown = false;
  for (const entry of logs?.kind === 'array' ? logs.items : []) {
    const enabled = valueAt(entry, ['enabled']);
    const category = valueAt(entry, ['category']);
    const group = valueAt(entry, ['categoryGroup']);
    if (entry.kind === 'unknown' || enabled?.kind === 'unknown' || category?.kind === 'unknown' || group?.kind === 'unknown') {
      unknown = true;
      continue;
    }
    if (enabled?.kind === 'boolean' && !enabled.value) continue;
    const categoryName = knownString(category);
    const groupName = knownString(group);
    if (categoryName) categories.add(categoryName.toLowerCase());
    if (groupName) groups.add(groupName.toLowerCase());
  }
  return { categories, groups, unknown };
}

/**
 * Whether a setting sends the wanted logs to a workspace: it has a workspace, and turns on one of
 * `groups` or every one of `categories`. 'unknown' when its logs cannot be known.
 */
export function sendsLogs(setting: DiagnosticSetting, wanted: { readonly groups: readonly string[]; readonly categories: readonly string[] }): boolean | 'unknown' {
  if (!setting.workspaceId) return false;
  const { logs } = setting;
  if (wanted.groups.some((g) => logs.groups.has(g.toLowerCase()))) return true;
  if (wanted.categories.length > 0 && wanted.categories.every((c) => logs.categories.has(c.toLowerCase()))) return true;
  return logs.unknown ? 'unknown' : false;
}

/**
 * Whether some setting of the model sends the wanted logs of `target` to a workspace; 'unknown'
 * when a setting that might apply (unknown scope or logs) cannot be decided.
 */
export function isLogged(
  target: NamedResource | DeployedResource,
  settings: readonly DiagnosticSetting[],
  wanted: Parameters<typeof sendsLogs>[1],
  where?: { readonly deployments: Deployments | undefined; readonly deployment: string | undefined },
): boolean | 'unknown' {
  let unknown = false;
  const named = 'origin' in target ? namedOf(target) : target;
  const index = indexOf(settings);
  const ofType = target.type === undefined ? undefined : index.byType.get(target.type.toLowerCase());
  // only these can apply: every other setting targets another type, another name or the deployment scope
  const candidates = [index.unknownTarget, (named ? ofType?.byName.get(named.name.toLowerCase()) : ofType?.all) ?? [], (named && ofType?.anyName) || []];
  for (const list of candidates) {
    for (const setting of list) {
      const applies = named ? appliesTo(setting.target, named) : appliesToResource(setting.target, target as DeployedResource);
      if (applies === false) continue;
      if (applies === true && named && where && !reachesDeployment(setting.resource, named, where.deployment, where.deployments)) continue;
      const sends = sendsLogs(setting, wanted);
      if (sends === true && applies === true) return true;
      if (sends !== false) unknown = true;
    }
  }
  return unknown ? 'unknown' : false;
}

/** The settings of a model by target, so that asking about one resource does not go through all of them. */
interface SettingsIndex {
  readonly unknownTarget: DiagnosticSetting[];
  /** By lower-case target type: every setting of the type, those by lower-case name, those whose target name is not known. */
  readonly byType: Map<string, { readonly all: DiagnosticSetting[]; readonly byName: Map<string, DiagnosticSetting[]>; readonly anyName: DiagnosticSetting[] }>;
}

const indexes = new WeakMap<readonly DiagnosticSetting[], SettingsIndex>();

function indexOf(settings: readonly DiagnosticSetting[]): SettingsIndex {
  let index = indexes.get(settings);
  if (index) return index;
  index = { unknownTarget: [], byType: new Map() };
  for (const setting of settings) {
    const target = setting.target;
    if (target === 'unknown') index.unknownTarget.push(setting);
    if (target === 'unknown' || target === 'deploymentScope') continue;
    const type = target.type.toLowerCase();
    let ofType = index.byType.get(type);
    if (!ofType) index.byType.set(type, (ofType = { all: [], byName: new Map(), anyName: [] }));
    ofType.all.push(setting);
    if ('anyName' in target) {
      ofType.anyName.push(setting);
    } else {
      const name = target.name.toLowerCase();
      const list = ofType.byName.get(name);
      if (list) list.push(setting);
      else ofType.byName.set(name, [setting]);
    }
  }
  indexes.set(settings, index);
  return index;
}

/** The workspace a setting sends to, when its ID names one. */
export function settingWorkspace(setting: DiagnosticSetting): NamedResource | undefined {
  return referencedResource(setting.workspaceId);
}
