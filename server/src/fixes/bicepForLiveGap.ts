import { liveRuleFindings, type LiveFinding } from '../azure/analyseSnapshot';
import { liveModels } from '../azure/liveModel';
import { withTextOrigins } from '../azure/liveRecordText';
import { extensionParentOf, resourceGroupIdOf, subscriptionIdOf, typeAndNameOf } from '../azure/resourceIds';
import { redacted, redactText } from '../azure/redact';
import type { LiveResource, LiveSnapshot } from '../azure/snapshot';
import { FixExpression, type Fix, type FixIntent, type FixObject, type FixValue } from '../rules/fixIntent';
import { templateRules } from '../rules/registry';
import { auditWorkspaceParameter } from '../rules/template/diagnosticSettingFix';
import { bicepLiteral, bicepString, expression, symbolFor } from './bicepLiteral';
import { bicepText } from './bicepText';
import { editedRecord, isValueEdit, originOfEdit, type ValueEdit } from './liveRecordEdits';

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
};

/** Whether a gap of the rule may have generated Bicep: the rule has a quick fix, or the table an entry. */
export function hasLiveFix(rule: string): boolean {
  return Object.prototype.hasOwnProperty.call(generators, rule) || templateRules.some((r) => r.id === rule && r.fix !== undefined);
}

/**
 * The quick fix's intents, rendered against `existing` references to the live resources, when
 * the rule offers one that applies to a live resource; else the table above.
 */
export function bicepForLiveGap(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix {
  const fromIntents = bicepFromFixIntents(snapshot, finding);
  if (fromIntents) return fromIntents;
  const generate = generators[finding.rule];
  if (!generate) {
    const quickFixed = templateRules.some((r) => r.id === finding.rule && r.fix !== undefined);
    return { text: undefined, reason: quickFixed ? `No quick fix of ${finding.rule} applies to this resource as it runs; its rule page says what closes it.` : `${finding.rule} has no generated fix; its rule page says what closes it.` };
  }
  const record = snapshot.resources.find((r) => r.id.toLowerCase() === finding.resourceId.toLowerCase());
  const fix = generate(snapshot, finding, record);
  return fix.text === undefined ? fix : { text: `// Built from HIPAA Notify's table of live fixes: no quick fix of ${finding.rule} applies to a resource as it runs.\n${fix.text}` };
}

/**
 * The fixes the rule gives the finding on the live model of its subscription, each value placed
 * in its resource's JSON (the text "Open resource JSON" shows), so an intent that edits a value
 * names the property of the live resource it changes.
 */
export function liveFixesOf(snapshot: LiveSnapshot, finding: LiveFinding): readonly Fix[] {
  const subscriptionId = subscriptionIdOf(finding.resourceId);
  const model = liveModels(snapshot).find((m) => m.subscriptionId === subscriptionId);
  if (!model) return [];
  const id = finding.resourceId.toLowerCase();
  const same = liveRuleFindings(withTextOrigins(model)).filter((f) => f.ruleId === finding.rule && f.file.toLowerCase() === id);
  const found = same.find((f) => redactText(f.message) === finding.message) ?? (same.length === 1 ? same[0] : undefined);
  return found?.fixes ?? [];
}

/**
 * The first of the rule's fixes that renders against the live resources: a resource added beside
 * a live one is declared after an `existing` reference to it (`scope:` it when the intent is
 * scoped); a live resource whose values the fix edits is declared again as read, with the edits
 * applied; a new parameter for the audit workspace defaults to the workspace the subscription
 * logs to. When none renders, the reason of the first that was refused, if any.
 */
function bicepFromFixIntents(snapshot: LiveSnapshot, finding: LiveFinding): LiveFix | undefined {
  let refused: LiveFix | undefined;
  for (const fix of liveFixesOf(snapshot, finding)) {
    const rendered = renderFix(snapshot, finding, fix);
    if (rendered?.text !== undefined) return rendered;
    refused ??= rendered;
  }
  return refused;
}

function intentOrigin(intent: FixIntent): string {
  if (intent.kind === 'addResource') return intent.beside.file;
  if (intent.kind === 'addParameter') return intent.near.file;
  return originOfEdit(intent).file;
}

function renderFix(snapshot: LiveSnapshot, finding: LiveFinding, fix: Fix): LiveFix | undefined {
  const layout = { eol: '\n', unit: '  ' } as const;
  const recordAt = (id: string) => snapshot.resources.find((r) => r.id.toLowerCase() === id.toLowerCase());
  const anchors: LiveResource[] = [];
  const edits = new Map<LiveResource, ValueEdit[]>();
  for (const intent of fix.intents) {
    if (intent.kind === 'addParameter') continue;
    const record = recordAt(intentOrigin(intent));
    if (!record) return undefined;
    if (!anchors.includes(record)) anchors.push(record);
    if (isValueEdit(intent)) edits.set(record, [...(edits.get(record) ?? []), intent]);
  }
  if (anchors.length === 0) return undefined;
  const home = resourceGroupIdOf(anchors[0].id);
  const taken = new Set<string>();
  for (const intent of fix.intents) if (intent.kind === 'addParameter') taken.add(intent.name.toLowerCase());
  const symbols = new Map<string, string>();
  const parameters: string[] = [];
  const declarations: string[] = [];
  // The resources the fix changes come first: what it adds beside them refers to their new declaration.
  for (const [record, intents] of edits) {
    if (resourceGroupIdOf(record.id) !== home) return undefined;
    const changed = editedRecord(record, intents);
    if (!changed) return undefined;
    const declared = redeclaration(record, changed, recordAt, taken, home);
    if (declared.text === undefined) return declared;
    symbols.set(record.id.toLowerCase(), declared.symbol);
    declarations.push(...declared.text);
  }
  for (const intent of fix.intents) {
    if (intent.kind === 'addParameter') {
      if (parameters.some((p) => p.includes(`param ${intent.name} `))) continue;
      let value = intent.defaultValue;
      if (value === undefined && intent.name === auditWorkspaceParameter && intent.type === 'string') value = auditWorkspace(snapshot, subscriptionIdOf(finding.resourceId))?.id;
      parameters.push(`@description(${bicepString(intent.description)})\nparam ${intent.name} ${intent.type}${value === undefined ? '' : ` = ${bicepText(value, '', layout)}`}\n`);
      continue;
    }
    if (intent.kind !== 'addResource') continue;
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
    if (!writtenInBicep(body)) return undefined;
    declarations.push(`resource ${own} ${bicepString(`${resource.type}@${resource.apiVersion}`)} = ${bicepText(body, '', layout)}\n`);
  }
  const provenance = `// Built from the fix intents of ${finding.rule}'s quick fix "${fix.title}", against the live resources.\n`;
  const scope = home === undefined ? ["targetScope = 'subscription'\n"] : [];
  return { text: [provenance + header(finding, deployTarget(anchors[0].id)), ...scope, ...parameters, ...declarations].join('\n') };
}

/** What a deployment needs that a read leaves out: an Event Grid webhook's URL is write-only (the read has its base URL at most). */
function writeOnlyValueOf(record: LiveResource): string | undefined {
  if (!/\/eventsubscriptions$/i.test(record.type)) return undefined;
  const destination = (record.properties as { destination?: { endpointType?: unknown; properties?: { endpointUrl?: unknown } } } | undefined)?.destination;
  return destination?.endpointType === 'WebHook' && typeof destination.properties?.endpointUrl !== 'string' ? "a webhook event subscription's endpoint URL" : undefined;
}

/** Every expression of `value` has a Bicep form (some intents only say how ARM JSON writes theirs). */
function writtenInBicep(value: FixValue): boolean {
  if (value instanceof FixExpression) return value.bicep !== '';
  if (Array.isArray(value)) return value.every(writtenInBicep);
  if (typeof value === 'object' && value !== null) return Object.values(value as FixObject).every(writtenInBicep);
  return true;
}

/**
 * A live resource declared again as it would be deployed: its name, location, kind, tags, SKU,
 * identity and properties as read (read-only properties left out), `changed` being the record with
 * the fix applied. An extension resource is scoped to an `existing` reference to what it extends.
 */
function redeclaration(record: LiveResource, changed: FixObject, recordAt: (id: string) => LiveResource | undefined, taken: Set<string>, home: string | undefined): { text: string[]; symbol: string } | { text: undefined; reason: string } {
  if (JSON.stringify(record).includes(redacted)) {
    return { text: undefined, reason: 'The resource holds secrets that the read does not keep, so it cannot be declared again from it; make the change in its template.' };
  }
  const unread = writeOnlyValueOf(record);
  if (unread) return { text: undefined, reason: `Resource Manager does not return ${unread}, so the resource cannot be declared again from the read; make the change in its template.` };
  const layout = { eol: '\n', unit: '  ' } as const;
  const named = typeAndNameOf(record.id);
  const text: string[] = [];
  let scope: FixExpression | undefined;
  const parentId = extensionParentOf(record.id);
  if (parentId && resourceGroupIdOf(parentId) !== parentId.toLowerCase() && `/subscriptions/${subscriptionIdOf(parentId)}` !== parentId.toLowerCase()) {
    const parent = recordAt(parentId);
    if (!parent) return { text: undefined, reason: `The resource extends ${parentId}, which the read does not hold; make the change in its template.` };
    const parentSymbol = symbolFor(parent.name, taken);
    text.push(existing(parent, parentSymbol, home));
    scope = new FixExpression(parentSymbol, '');
  }
  const properties = changed.properties;
  const body: { [key: string]: FixValue } = {
    name: parentId ? record.name : named?.name ?? record.name,
    ...(scope ? { scope } : {}),
    ...(changed.location !== undefined ? { location: changed.location } : {}),
    ...(changed.kind !== undefined ? { kind: changed.kind } : {}),
    ...(changed.tags !== undefined ? { tags: changed.tags } : {}),
    ...(changed.sku !== undefined ? { sku: changed.sku } : {}),
    ...(changed.identity !== undefined && changed.identity !== null ? { identity: identityForDeployment(changed.identity) as FixValue } : {}),
    ...(typeof properties === 'object' && properties !== null && !Array.isArray(properties) && !(properties instanceof FixExpression)
      ? { properties: Object.fromEntries(Object.entries(properties as FixObject).filter(([key]) => !readOnlyProperties.has(key) && !readOnlyOfType[record.type.toLowerCase()]?.has(key))) }
      : {}),
  };
  if (!writtenInBicep(body)) return { text: undefined, reason: 'The fix writes an expression that only ARM JSON has; make the change in the template.' };
  const symbol = symbolFor(record.name, taken);
  text.push(`// The resource as read, with the fix applied.\nresource ${symbol} ${bicepString(`${typeOf(record)}@${record.apiVersion ?? '2023-01-01'}`)} = ${bicepText(body, '', layout)}\n`);
  return { text, symbol };
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
const readOnlyProperties = new Set(['provisioningState', 'createdTime', 'changedTime', 'version', 'accessEndpoint', 'endpointsConfiguration', 'createdDate', 'lastModifiedDate', 'resourceGuid']);
/** Read-only properties of one type only (a virtual network's `subnets` are its own, an NSG's are references). */
const readOnlyOfType: Readonly<Record<string, ReadonlySet<string>>> = {
  'microsoft.network/networksecuritygroups': new Set(['defaultSecurityRules', 'networkInterfaces', 'subnets', 'flowLogs']),
};


/** An identity as a deployment takes it: the type and user-assigned identities, not the principal the service assigned. */
function identityForDeployment(identity: unknown): unknown {
  if (!identity || typeof identity !== 'object') return identity;
  const { type, userAssignedIdentities } = identity as { type?: unknown; userAssignedIdentities?: Record<string, unknown> };
  return { ...(type !== undefined ? { type } : {}), ...(userAssignedIdentities ? { userAssignedIdentities: Object.fromEntries(Object.keys(userAssignedIdentities).map((id) => [id, {}])) } : {}) };
}
