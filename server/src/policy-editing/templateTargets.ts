import { actionGroupType } from '../model/alerts';
import type { DeployedResource } from '../model/deployedResource';
import { isDeployed, sameType, shortNameOf } from '../model/resourceReference';
import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import { notificationPolicyOf, type Located } from '../syntax/policy/notificationPolicy';
import type { TemplateModel } from '../workspace/templateModels';
import type { PolicyCompletionContext } from './completePolicy';

const workspaceType = 'Microsoft.OperationalInsights/workspaces';

function namesOfType(templates: readonly TemplateModel[], type: string): string[] {
  const names = templates.flatMap((t) => t.resources).filter((r) => sameType(r.type, type) && isDeployed(r)).map(shortNameOf);
  return [...new Set(names.filter((n): n is string => n !== undefined))].sort();
}

/** The names a policy's `actionGroup:` and `workspace:` values can take, from the templates. */
export function completionContextOf(templates: readonly TemplateModel[]): PolicyCompletionContext {
  return { actionGroupNames: namesOfType(templates, actionGroupType), workspaceNames: namesOfType(templates, workspaceType) };
}

/** Go to definition: the template resource that an `actionGroup:` or `workspace:` value at `offset` names. */
export function policyTargetAt(file: string, text: string, offset: number, templates: readonly TemplateModel[]): DeployedResource | undefined {
  const tree = readPolicyTree(file, text);
  if (!tree.root) return undefined;
  const policy = notificationPolicyOf(file, tree.syntax, tree.root);
  const inside = (located: Located<string> | undefined) => located !== undefined && offset >= located.span.offset && offset <= located.span.offset + located.span.length;
  const tier = policy.escalation.find((t) => inside(t.actionGroup));
  const [type, name] = tier ? [actionGroupType, tier.actionGroup!.value] : inside(policy.auditTrail.workspace) ? [workspaceType, policy.auditTrail.workspace!.value] : [];
  if (!type || !name) return undefined;
  const candidates = templates.flatMap((t) => t.resources).filter((r) => sameType(r.type, type) && shortNameOf(r)?.toLowerCase() === name.toLowerCase());
  return candidates.find(isDeployed) ?? candidates[0];
}
