import type { DeployedResource } from '../model/deployedResource';
import { isDeployed, knownString, namedOf, sameNamedResource } from '../model/resourceReference';
import { valueAt } from '../model/value';
import type { ControlState } from './coverage';
import { LineMap } from '../syntax/lineMap';
import { notificationPolicyOf } from '../syntax/policy/notificationPolicy';
import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import type { TemplateModel } from '../workspace/templateModels';
import { typeAndNameOf } from './resourceIds';
import type { LiveResource, LiveSnapshot } from './snapshot';

/** A workspace policy or template compared with what runs (the Coverage view's workspace nodes). */
export interface WorkspaceComparison {
  readonly file: string;
  readonly kind: 'policy' | 'template';
  readonly state: ControlState;
  readonly items: readonly { readonly message: string; readonly state: ControlState; readonly resourceId?: string; readonly line?: number }[];
}

type Item = WorkspaceComparison['items'][number];

/** Switches the rules read whose template value and live value must agree. */
const checkedSwitches: readonly (readonly string[])[] = [['enabled'], ['state'], ['isEnabled'], ['retentionInDays']];

/**
 * The workspace next to what runs: each policy file's action groups and audit workspace exist
 * live and are enabled (HN504 against the subscription), and each template whose resources run
 * has the same value live for the switches the rules read (drift).
 */
export function compareWorkspace(snapshot: LiveSnapshot, templates: readonly TemplateModel[], policies: readonly { file: string; text: string }[], readText: (file: string) => string | undefined): WorkspaceComparison[] {
  const live = snapshot.resources.map((record) => ({ record, named: typeAndNameOf(record.id) }));
  const findLive = (type: string, name: string) => live.filter((l) => l.named && sameNamedResource(l.named, { type, name })).map((l) => l.record);
  const comparisons: WorkspaceComparison[] = [];
  for (const { file, text } of policies) {
    const tree = readPolicyTree(file, text);
    if (!tree.root) continue;
    const policy = notificationPolicyOf(file, tree.syntax, tree.root);
    const lines = new LineMap(text);
    const items: Item[] = [];
    for (const tier of policy.escalation) {
      if (!tier.actionGroup) continue;
      const line = lines.positionAt(tier.actionGroup.span.offset).line;
      items.push(existsEnabled('action group', tier.actionGroup.value, findLive('Microsoft.Insights/actionGroups', tier.actionGroup.value), line));
    }
    const workspace = policy.auditTrail.workspace;
    if (workspace) items.push(existsEnabled('audit workspace', workspace.value, findLive('Microsoft.OperationalInsights/workspaces', workspace.value), lines.positionAt(workspace.span.offset).line));
    if (items.length > 0) comparisons.push({ file, kind: 'policy', state: worst(items), items });
  }
  for (const template of templates) {
    const items: Item[] = [];
    for (const resource of template.resources) {
      const named = namedOf(resource);
      if (!named || !isDeployed(resource)) continue;
      const [record] = findLive(named.type, named.name);
      if (!record) continue;
      items.push(...drift(resource, record, readText));
    }
    if (items.length > 0) comparisons.push({ file: template.file, kind: 'template', state: worst(items), items });
  }
  return comparisons;
}

function existsEnabled(what: string, name: string, records: readonly LiveResource[], line: number): Item {
  const [record] = records;
  if (!record) return { message: `${what} '${name}' does not exist live`, state: 'gap', line };
  const enabled = (record.properties as { enabled?: unknown } | undefined)?.enabled;
  if (enabled === false) return { message: `${what} '${name}' exists live but is disabled`, state: 'gap', resourceId: record.id, line };
  return { message: `${what} '${name}' exists live${enabled === true ? ' and is enabled' : ''}`, state: 'covered', resourceId: record.id, line };
}

function drift(resource: DeployedResource, record: LiveResource, readText: (file: string) => string | undefined): Item[] {
  const items: Item[] = [];
  let lines: LineMap | undefined;
  const properties = record.properties as Record<string, unknown> | undefined;
  for (const path of checkedSwitches) {
    const written = resource.properties ? valueAt(resource.properties, path) : undefined;
    if (!written || written.kind === 'unknown' || written.kind === 'object' || written.kind === 'array' || written.kind === 'null') continue;
    const liveValue = properties?.[path[0]];
    if (liveValue === undefined) continue;
    const templateValue = written.value;
    if (liveValue === templateValue || (typeof liveValue === 'string' && typeof templateValue === 'string' && liveValue.toLowerCase() === templateValue.toLowerCase())) continue;
    items.push({
      message: `${knownString(resource.name) ?? record.name}: ${path.join('.')} is ${JSON.stringify(templateValue)} in the template, ${JSON.stringify(liveValue)} live`,
      state: 'gap',
      resourceId: record.id,
      ...(lineOf() ?? {}),
    });
    function lineOf() {
      const text = readText(written!.origin.file);
      if (text === undefined || written!.origin.file !== resource.origin.file) return undefined;
      lines ??= new LineMap(text);
      return { line: lines.positionAt(written!.origin.span.offset).line };
    }
  }
  return items;
}

function worst(items: readonly Item[]): Item['state'] {
  return items.some((i) => i.state === 'gap') ? 'gap' : items.some((i) => i.state === 'unknown') ? 'unknown' : 'covered';
}
