import { liveRuleFindings, type LiveFinding } from '../azure/analyseSnapshot';
import { liveModels } from '../azure/liveModel';
import { resourceGroupIdOf, subscriptionIdOf, typeAndNameOf } from '../azure/resourceIds';
import { redacted, redactText } from '../azure/redact';
import type { LiveResource, LiveSnapshot } from '../azure/snapshot';
import { FixExpression, type Fix, type FixValue } from '../rules/fixIntent';
import { auditWorkspaceParameter } from '../rules/template/diagnosticSettingFix';
import { bicepLiteral, bicepString, expression, symbolFor } from './bicepLiteral';
import { bicepText } from './bicepText';

/**
 * Bicep that closes a gap found in a live subscription, for the resource as it runs: what is
 * missing next to it (a diagnostic setting, a lock, activity log alerts) is added against an
 * `existing` reference; a property that is wrong is set on a declaration of the resource made
 * from what was read. The text is a starting point to review and deploy to the resource group
 * it names; nothing here deploys.
 */
export interface LiveFix {
  readonly text: string | undefined;
  readonly reason?: string;
}

type Generator = (snapshot: LiveSnapshot, finding: LiveFinding, record: LiveResource | undefined) => LiveFix;

const diagnosticSettingsApi = '2021-05-01-preview';
const locksApi = '2020-05-01';
const activityLogAlertsApi = '2020-10-01';

const generators: Readonly<Record<string, Generator>> = {
  HN301: (snapshot, finding, record) => diagnosticSetting(snapshot, finding, record, 'allLogs', 'delivery'),
  HN302: (snapshot, finding, record) => diagnosticSetting(snapshot, finding, record, 'audit', 'audit'),
  HN304: (_snapshot, finding, record) => lock(finding, record),
  HN305: (snapshot, finding) => activityLogExport(snapshot, finding),
  HN108: (snapshot, finding) => activityLogAlerts(snapshot, finding),
  HN103: (_snapshot, finding, record) => redeclare(finding, record, (r) => (r.properties?.enabled === false ? { ...r, properties: { ...r.properties, enabled: true } } : undefined), 'enabled: true'),
  HN104: (_snapshot, finding, record) => redeclare(finding, record, (r) => (r.properties?.enabled === false ? { ...r, properties: { ...r.properties, enabled: true } } : undefined), 'enabled: true'),
  HN208: (_snapshot, finding, record) =>
    redeclare(finding, record, (r) => {
      if (r.properties?.state === 'Disabled') return { ...r, properties: { ...r.properties, state: 'Enabled' } };
      if (r.properties?.isEnabled === false) return { ...r, properties: { ...r.properties, isEnabled: true } };
      return undefined;
    }, 'enabled'),
  HN403: (_snapshot, finding, record) => redeclare(finding, record, (r) => (r.identity === undefined || (r.identity as { type?: string }).type === 'None' ? { ...r, identity: { type: 'SystemAssigned' } } : undefined), "identity: { type: 'SystemAssigned' }"),
};

export function hasLiveFix(rule: string): boolean {
  return Object.prototype.hasOwnProperty.call(generators, rule);
}

/**
 * The quick fix's intents, rendered against `existing` references to the live resources, when
 * the rule offers one that applies to a live resource; else the table above.
 */
export function bicepForLiveGap(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix {
  const fromIntents = bicepFromFixIntents(snapshot, finding);
  if (fromIntents) return fromIntents;
  const generate = generators[finding.rule];
  if (!generate) return { text: undefined, reason: `${finding.rule} has no generated fix; its rule page says what closes it.` };
  const record = snapshot.resources.find((r) => r.id.toLowerCase() === finding.resourceId.toLowerCase());
  const fix = generate(snapshot, finding, record);
  return fix.text === undefined ? fix : { text: `// Built from HIPAA Notify's table of live fixes: no quick fix of ${finding.rule} applies to a resource as it runs.\n${fix.text}` };
}

/** The fixes the rule gives the finding on the live model of its subscription (the same run as the coverage). */
export function liveFixesOf(snapshot: LiveSnapshot, finding: LiveFinding): readonly Fix[] {
  const subscriptionId = subscriptionIdOf(finding.resourceId);
  const model = liveModels(snapshot).find((m) => m.subscriptionId === subscriptionId);
  if (!model) return [];
  const id = finding.resourceId.toLowerCase();
  const same = liveRuleFindings(model).filter((f) => f.ruleId === finding.rule && f.file.toLowerCase() === id);
  const found = same.find((f) => redactText(f.message) === finding.message) ?? (same.length === 1 ? same[0] : undefined);
  return found?.fixes ?? [];
}

/**
 * The first fix whose intents all render against live resources: a resource added beside a live
 * one is declared after an `existing` reference to it (`scope:` it when the intent is scoped); a
 * new parameter for the audit workspace defaults to the workspace the subscription logs to.
 * Intents that edit a written value cannot apply: every value of a live resource has the
 * resource as its origin, so they fall back to the table.
 */
function bicepFromFixIntents(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix | undefined {
  for (const fix of liveFixesOf(snapshot, finding)) {
    const text = renderFix(snapshot, finding, fix);
    if (text !== undefined) return { text };
  }
  return undefined;
}

function renderFix(snapshot: LiveSnapshot, finding: LiveFinding, fix: Fix): string | undefined {
  const layout = { eol: '\n', unit: '  ' } as const;
  const recordAt = (id: string) => snapshot.resources.find((r) => r.id.toLowerCase() === id.toLowerCase());
  const anchors: LiveResource[] = [];
  for (const intent of fix.intents) {
    if (intent.kind === 'addParameter') continue;
    if (intent.kind !== 'addResource') return undefined;
    const record = recordAt(intent.beside.file);
    if (!record) return undefined;
    anchors.push(record);
  }
  if (anchors.length === 0) return undefined;
  const home = resourceGroupIdOf(anchors[0].id);
  const taken = new Set<string>();
  const symbols = new Map<string, string>();
  const parameters: string[] = [];
  const declarations: string[] = [];
  for (const intent of fix.intents) {
    if (intent.kind === 'addParameter') {
      if (parameters.some((p) => p.includes(`param ${intent.name} `))) continue;
      taken.add(intent.name.toLowerCase());
      let value = intent.defaultValue;
      if (value === undefined && intent.name === auditWorkspaceParameter && intent.type === 'string') value = auditWorkspace(snapshot, subscriptionIdOf(finding.resourceId))?.id;
      parameters.push(`@description(${bicepString(intent.description)})\nparam ${intent.name} ${intent.type}${value === undefined ? '' : ` = ${bicepText(value, '', layout)}`}\n`);
      continue;
    }
    if (intent.kind !== 'addResource') return undefined;
    const record = recordAt(intent.beside.file)!;
    let symbol = symbols.get(record.id.toLowerCase());
    if (!symbol) {
      symbol = symbolFor(record.name, taken);
      symbols.set(record.id.toLowerCase(), symbol);
      declarations.push(existing(record, symbol, home));
    }
    const { resource } = intent;
    const own = symbolFor(resource.symbol, taken);
    const { name, ...rest } = resource.body;
    const body: { [key: string]: FixValue } = { ...(name !== undefined ? { name } : {}), ...(resource.scoped ? { scope: new FixExpression(symbol, '') } : {}), ...rest };
    declarations.push(`resource ${own} ${bicepString(`${resource.type}@${resource.apiVersion}`)} = ${bicepText(body, '', layout)}\n`);
  }
  const provenance = `// Built from the fix intents of ${finding.rule}'s quick fix "${fix.title}", against the live resources.\n`;
  return [provenance + header(finding, deployTarget(anchors[0].id)), ...parameters, ...declarations].join('\n');
}

interface Editable {
  readonly properties?: Record<string, unknown>;
  readonly identity?: unknown;
}

function header(finding: LiveFinding, deployTo: string): string {
  return [
    `// Closes ${finding.rule} found on the live resource:`,
    `//   ${finding.message.replace(/\n/g, ' ')}`,
    `//   ${finding.resourceId}`,
    `// Deploy to ${deployTo}. Generated by HIPAA Notify from what was read; review before deploying.`,
    '',
  ].join('\n');
}

function deployTarget(id: string): string {
  const group = resourceGroupIdOf(id);
  return group ? `resource group '${group.split('/').pop()}' of subscription ${subscriptionIdOf(id)}` : `subscription ${subscriptionIdOf(id)}`;
}

/** An `existing` declaration of a live resource, scoped when it sits in another resource group than `home`. */
function existing(record: LiveResource, symbol: string, home: string | undefined): string {
  const group = resourceGroupIdOf(record.id);
  const scope = group && group.toLowerCase() !== home?.toLowerCase() ? `\n  scope: resourceGroup(${bicepString(subscriptionIdOf(record.id) ?? '')}, ${bicepString(group.split('/').pop() ?? '')})` : '';
  return `resource ${symbol} ${bicepString(`${typeOf(record)}@${record.apiVersion ?? '2023-01-01'}`)} existing = {\n  name: ${bicepString(record.name)}${scope}\n}\n`;
}

/** The type as its ID spells it (Resource Graph returns types in lower case). */
function typeOf(record: LiveResource): string {
  const named = typeAndNameOf(record.id);
  return named && named.type.toLowerCase() === record.type.toLowerCase() ? named.type : record.type;
}

/** The Log Analytics workspace to send logs to: the one most diagnostic settings of the subscription use, else the first. */
function auditWorkspace(snapshot: LiveSnapshot, subscriptionId: string | undefined): LiveResource | undefined {
  const workspaces = snapshot.resources.filter((r) => r.type.toLowerCase() === 'microsoft.operationalinsights/workspaces');
  const uses = new Map<string, number>();
  for (const r of snapshot.resources) {
    if (r.type.toLowerCase() !== 'microsoft.insights/diagnosticsettings') continue;
    const target = (r.properties as { workspaceId?: unknown } | undefined)?.workspaceId;
    if (typeof target === 'string') uses.set(target.toLowerCase(), (uses.get(target.toLowerCase()) ?? 0) + 1);
  }
  const mine = workspaces.filter((w) => subscriptionIdOf(w.id) === subscriptionId);
  return [...(mine.length > 0 ? mine : workspaces)].sort((a, b) => (uses.get(b.id.toLowerCase()) ?? 0) - (uses.get(a.id.toLowerCase()) ?? 0))[0];
}

function diagnosticSetting(snapshot: LiveSnapshot, finding: LiveFinding, record: LiveResource | undefined, categoryGroup: 'allLogs' | 'audit', purpose: string): LiveFix {
  if (!record) return { text: undefined, reason: 'The resource is not in the last read.' };
  const home = resourceGroupIdOf(record.id);
  const taken = new Set<string>();
  const symbol = symbolFor(record.name, taken);
  const parts = [header(finding, deployTarget(record.id)), existing(record, symbol, home)];
  let target = symbol;
  // Storage accounts log their data-plane reads and writes on each service.
  if (record.type.toLowerCase() === 'microsoft.storage/storageaccounts') {
    target = symbolFor(`${record.name} blob`, taken);
    parts.push(`resource ${target} 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' existing = {\n  parent: ${symbol}\n  name: 'default'\n}\n`);
  }
  const workspace = auditWorkspace(snapshot, subscriptionIdOf(record.id));
  let workspaceId: string;
  if (workspace) {
    const ws = symbolFor(workspace.name, taken);
    parts.push(existing(workspace, ws, home));
    workspaceId = `${ws}.id`;
  } else {
    parts.unshift(`@description('Resource ID of the Log Analytics workspace that keeps the ${purpose} logs six years')\nparam workspaceId string\n`);
    workspaceId = 'workspaceId';
  }
  const setting = symbolFor(`${record.name} ${purpose} logs`, taken);
  parts.push(
    `resource ${setting} 'Microsoft.Insights/diagnosticSettings@${diagnosticSettingsApi}' = {\n  name: ${bicepString(`hipaa-${purpose}-logs`)}\n  scope: ${target}\n  properties: ${bicepLiteral({ workspaceId: expression(workspaceId), logs: [{ categoryGroup, enabled: true }] }, '  ')}\n}\n`,
  );
  return { text: parts.join('\n') };
}

function lock(finding: LiveFinding, record: LiveResource | undefined): LiveFix {
  if (!record) return { text: undefined, reason: 'The resource is not in the last read.' };
  const taken = new Set<string>();
  const symbol = symbolFor(record.name, taken);
  const lockSymbol = symbolFor(`${record.name} lock`, taken);
  return {
    text: [
      header(finding, deployTarget(record.id)),
      existing(record, symbol, resourceGroupIdOf(record.id)),
      `resource ${lockSymbol} 'Microsoft.Authorization/locks@${locksApi}' = {\n  name: ${bicepString(`${record.name}-no-delete`)}\n  scope: ${symbol}\n  properties: {\n    level: 'CanNotDelete'\n    notes: 'HIPAA notification configuration: remove the lock only through change control.'\n  }\n}\n`,
    ].join('\n'),
  };
}

function activityLogExport(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix {
  const subscriptionId = subscriptionIdOf(finding.resourceId);
  const workspace = auditWorkspace(snapshot, subscriptionId);
  const parts = [header(finding, `subscription ${subscriptionId} (az deployment sub create)`), "targetScope = 'subscription'\n"];
  let workspaceId = 'workspaceId';
  if (workspace) {
    parts.push(existing(workspace, 'auditWorkspace', undefined));
    workspaceId = 'auditWorkspace.id';
  } else {
    parts.push("@description('Resource ID of the Log Analytics workspace that keeps the activity log')\nparam workspaceId string\n");
  }
  const logs = ['Administrative', 'Security', 'Policy', 'Alert'].map((category) => ({ category, enabled: true }));
  parts.push(`resource activityLogExport 'Microsoft.Insights/diagnosticSettings@${diagnosticSettingsApi}' = {\n  name: 'hipaa-activity-log'\n  properties: ${bicepLiteral({ workspaceId: expression(workspaceId), logs }, '  ')}\n}\n`);
  return { text: parts.join('\n') };
}

function activityLogAlerts(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix {
  const subscriptionId = subscriptionIdOf(finding.resourceId);
  const group = snapshot.resources.find(
    (r) => r.type.toLowerCase() === 'microsoft.insights/actiongroups' && subscriptionIdOf(r.id) === subscriptionId && (r.properties as { enabled?: unknown } | undefined)?.enabled !== false,
  );
  if (!group) return { text: undefined, reason: 'The subscription has no enabled action group to route the alerts to; create one first.' };
  const home = resourceGroupIdOf(group.id);
  const parts = [header(finding, deployTarget(group.id)), existing(group, 'actionGroup', home)];
  for (const category of ['Administrative', 'Security', 'Policy']) {
    parts.push(
      `resource ${category.toLowerCase()}Alert 'Microsoft.Insights/activityLogAlerts@${activityLogAlertsApi}' = {\n  name: ${bicepString(`hipaa-${category.toLowerCase()}-events`)}\n  location: 'global'\n  properties: ${bicepLiteral(
        { enabled: true, scopes: [expression('subscription().id')], condition: { allOf: [{ field: 'category', equals: category }] }, actions: { actionGroups: [{ actionGroupId: expression('actionGroup.id') }] } },
        '  ',
      )}\n}\n`,
    );
  }
  return { text: parts.join('\n') };
}

/** Read-only properties that Resource Manager returns and a deployment does not take. */
const readOnlyProperties = new Set(['provisioningState', 'createdTime', 'changedTime', 'version', 'accessEndpoint', 'endpointsConfiguration', 'createdDate', 'lastModifiedDate']);

function redeclare(finding: LiveFinding, record: LiveResource | undefined, change: (resource: Editable) => Editable | undefined, what: string): LiveFix {
  if (!record) return { text: undefined, reason: 'The resource is not in the last read.' };
  const changed = change({ properties: record.properties as Record<string, unknown> | undefined, identity: record.identity });
  if (!changed) return { text: undefined, reason: `The live resource already has ${what}; the gap has another cause (see the finding).` };
  if (JSON.stringify(record).includes(redacted)) {
    return { text: undefined, reason: 'The resource holds secrets that the read does not keep, so it cannot be declared again from it; make the change in its template.' };
  }
  const properties = Object.fromEntries(Object.entries(changed.properties ?? {}).filter(([key]) => !readOnlyProperties.has(key)));
  const body: Record<string, unknown> = {
    name: record.name,
    ...(record.location !== undefined ? { location: record.location } : {}),
    ...(record.kind !== undefined ? { kind: record.kind } : {}),
    ...(record.tags !== undefined ? { tags: record.tags } : {}),
    ...(record.sku !== undefined ? { sku: record.sku } : {}),
    ...(changed.identity !== undefined ? { identity: identityForDeployment(changed.identity) } : {}),
    properties,
  };
  const taken = new Set<string>();
  const symbol = symbolFor(record.name, taken);
  return {
    text: `${header(finding, deployTarget(record.id))}// The resource as read, with ${what}.\nresource ${symbol} ${bicepString(`${typeOf(record)}@${record.apiVersion ?? '2023-01-01'}`)} = ${bicepLiteral(body)}\n`,
  };
}

/** An identity as a deployment takes it: the type and user-assigned identities, not the principal the service assigned. */
function identityForDeployment(identity: unknown): unknown {
  if (!identity || typeof identity !== 'object') return identity;
  const { type, userAssignedIdentities } = identity as { type?: unknown; userAssignedIdentities?: Record<string, unknown> };
  return { type, ...(userAssignedIdentities ? { userAssignedIdentities: Object.fromEntries(Object.keys(userAssignedIdentities).map((id) => [id, {}])) } : {}) };
}
