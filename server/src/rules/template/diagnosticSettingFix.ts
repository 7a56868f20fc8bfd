import type { DeployedResource } from '../../model/deployedResource';
import { knownString, sameType } from '../../model/resourceReference';
import type { Origin } from '../../model/value';
import { addParameter, addResource, fix, fixToReview, FixExpression, parameterReference, type Fix, type FixObject } from '../fixIntent';

const workspaceType = 'Microsoft.OperationalInsights/workspaces';
export const auditWorkspaceParameter = 'auditWorkspaceId';

/**
 * The fixes that add a diagnostic setting scoped to `resource`, sending `logs` to a Log Analytics
 * workspace: one per workspace declared (by a written name) in the same file, or, with none, a
 * new parameter for the workspace's resource ID, which the author must fill in.
 */
export function diagnosticSettingFixes(resource: DeployedResource, resources: readonly DeployedResource[], logs: readonly FixObject[], rule: string): Fix[] {
  if (resource.copy !== undefined || resource.condition !== true) return [];
  const file = resource.origin.file;
  const bicep = /\.bicep$/i.test(file);
  const setting = (workspaceId: FixExpression, armDependsOn?: string) => ({
    symbol: 'auditDiagnostics',
    type: 'Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    scoped: true,
    body: { name: 'hipaa-notify-audit', properties: { workspaceId, logs } },
    ...(armDependsOn ? { armDependsOn: [armDependsOn] } : {}),
  });
  const workspaces = resources.filter((r) => sameType(r.type, workspaceType) && r.origin.file === file && r.condition !== false && r.copy === undefined);
  const fixes: Fix[] = [];
  for (const workspace of workspaces) {
    const name = knownString(workspace.name);
    if (bicep && workspace.symbolicName) fixes.push(fix(`Add a diagnostic setting sending its logs to workspace '${workspace.symbolicName}'`, addResource(resource.origin, setting(new FixExpression(`${workspace.symbolicName}.id`, '')))));
    else if (!bicep && name !== undefined && within(workspace.name.origin, workspace.origin)) {
      const id = `resourceId('${workspaceType}', '${name.replace(/'/g, "''")}')`;
      fixes.push(fix(`Add a diagnostic setting sending its logs to workspace '${name}'`, addResource(resource.origin, setting(new FixExpression('', id), id))));
    }
  }
  if (workspaces.length > 0) return fixes;
  return [
    fixToReview(
      `Add a diagnostic setting sending its logs to a workspace given as parameter '${auditWorkspaceParameter}'`,
      addParameter(resource.origin, { name: auditWorkspaceParameter, type: 'string', description: `Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify ${rule}).` }),
      addResource(resource.origin, setting(parameterReference(auditWorkspaceParameter))),
    ),
  ];
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}
