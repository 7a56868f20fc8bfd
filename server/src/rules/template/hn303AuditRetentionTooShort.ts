import { diagnosticSettingsOf } from '../../model/diagnosticSettings';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, knownString, pointsAt, sameType, shortNameOf } from '../../model/resourceReference';
import { valueAt, type Origin, type Value } from '../../model/value';
import { fix, replaceValue, setProperty, type Fix } from '../fixIntent';
import { defineRule, describe } from '../rule';

const workspaceType = 'Microsoft.OperationalInsights/workspaces';
const minimumDays = 365;
const sixYears = 2190;

/** HN303: audit records must outlive the six years of 164.316(b)(2)(i) and 164.530(j). */
export const hn303AuditRetentionTooShort = defineRule('HN303', 'A Log Analytics workspace receiving audit or notification logs keeps them fewer than 365 days and archives none for six years.', (context, report) => {
  const receiving = receivingWorkspaces(context.resources);
  const named = new Set((context.auditWorkspaces ?? []).map((n) => n.toLowerCase()));
  for (const workspace of context.resources) {
    if (!sameType(workspace.type, workspaceType) || !isDeployed(workspace)) continue;
    const name = knownString(workspace.name);
    // By name, or by the declaration when its name is not known (`law.id`, resourceId() of the same unknown name).
    const why = receiving.some((id) => pointsAt(id, workspace)) ? 'receives audit or notification logs' : name !== undefined && named.has(name.toLowerCase()) ? 'is the audit trail of the notification policy' : undefined;
    if (!why) continue;
    const retention = retentionOf(workspace);
    if (retention === 'unknown' || retention.days >= minimumDays) continue;
    if (archivesSixYears(workspace, context.resources) !== false) continue;
    report({
      at: retention.at,
      resource: workspace,
      fixes: [...retentionFix(workspace, retention), ...tableRetentionFixes(workspace, context.resources)],
      message: `${describe(workspace)} ${why} but keeps them ${retention.days} days${retention.written ? '' : ' (the default)'}: set retentionInDays to at least ${minimumDays}, and keep the tables that hold them ${sixYears} days (totalRetentionInDays) for the six years HIPAA requires`,
    });
  }
}, {
  fix: "sets retentionInDays to 365 where it is written (or adds it to the workspace); where the workspace's tables (Microsoft.OperationalInsights/workspaces/tables) are declared, each also gets a fix setting its totalRetentionInDays to 2190 (six years), a choice the author makes in the editor since only they know which tables hold the audit logs. With no table declared, keeping them six years is left to the author",
});

/** retentionInDays 365 where it is written, or added to the workspace's properties. */
function retentionFix(workspace: DeployedResource, retention: Retention): Fix[] {
  const title = `Set retentionInDays to ${minimumDays}`;
  if (retention.written && 'kind' in retention.at) return [fix(title, replaceValue(retention.at.origin, minimumDays))];
  return workspace.properties?.kind === 'object' ? [fix(title, setProperty(workspace.properties.origin, ['retentionInDays'], minimumDays))] : [];
}

/** totalRetentionInDays 2190 on each table of the workspace declared in its file: one fix per table, where the value is written or can be added. */
function tableRetentionFixes(workspace: DeployedResource, resources: readonly DeployedResource[]): Fix[] {
  const prefix = `${shortNameOf(workspace) ?? ''}/`.toLowerCase();
  const fixes: Fix[] = [];
  for (const table of resources) {
    if (!sameType(table.type, `${workspaceType}/tables`) || !isDeployed(table) || table.origin.file !== workspace.origin.file) continue;
    if (table.name.kind !== 'string' || !table.name.value.toLowerCase().startsWith(prefix)) continue;
    const title = `Keep table '${table.name.value.slice(prefix.length)}' ${sixYears} days (totalRetentionInDays)`;
    const properties = table.properties;
    const total = properties?.kind === 'object' ? valueAt(properties, ['totalRetentionInDays']) : undefined;
    if (total?.kind === 'number' && within(total.origin, table.origin)) fixes.push(fix(title, replaceValue(total.origin, sixYears)));
    else if (total === undefined && properties?.kind === 'object' && within(properties.origin, table.origin)) fixes.push(fix(title, setProperty(properties.origin, ['totalRetentionInDays'], sixYears)));
    else if (properties === undefined && table.body.kind === 'object' && within(table.body.origin, table.origin)) fixes.push(fix(title, setProperty(table.body.origin, ['properties', 'totalRetentionInDays'], sixYears)));
  }
  return fixes;
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}

interface Retention {
  readonly days: number;
  readonly at: Value | DeployedResource['origin'];
  readonly written: boolean;
}

function retentionOf(workspace: DeployedResource): Retention | 'unknown' {
  const properties = workspace.properties;
  if (properties?.kind === 'unknown') return 'unknown';
  const value = properties ? valueAt(properties, ['retentionInDays']) : undefined;
  if (!value || value.kind === 'null') return { days: 30, at: properties ?? workspace.origin, written: false };
  if (value.kind !== 'number') return 'unknown';
  return { days: value.value, at: value, written: true };
}

/** Whether a table of the workspace keeps data six years; 'unknown' when a table's retention is not known. */
function archivesSixYears(workspace: DeployedResource, resources: readonly DeployedResource[]): boolean | 'unknown' {
  const prefix = `${shortNameOf(workspace) ?? ''}/`.toLowerCase();
  let unknown = false;
  for (const table of resources) {
    if (!sameType(table.type, `${workspaceType}/tables`) || !isDeployed(table)) continue;
    if (table.name.kind !== 'string') {
      unknown = true;
      continue;
    }
    if (!table.name.value.toLowerCase().startsWith(prefix)) continue;
    const total = table.properties ? valueAt(table.properties, ['totalRetentionInDays']) : undefined;
    if (total?.kind === 'number' && total.value >= sixYears) return true;
    if (total?.kind === 'unknown' || table.properties?.kind === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/** The workspace IDs that diagnostic settings or Defender for Cloud automations send to. */
function receivingWorkspaces(resources: readonly DeployedResource[]): Value[] {
  const workspaces: Value[] = [];
  for (const setting of diagnosticSettingsOf(resources)) if (setting.workspaceId) workspaces.push(setting.workspaceId);
  for (const automation of resources) {
    if (!sameType(automation.type, 'Microsoft.Security/automations') || !isDeployed(automation) || !automation.properties) continue;
    const actions = valueAt(automation.properties, ['actions']);
    for (const action of actions?.kind === 'array' ? actions.items : []) {
      const id = valueAt(action, ['workspaceResourceId']);
      if (id) workspaces.push(id);
    }
  }
  return workspaces;
}
