import { actionGroupType, alertTypes } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { firstTier } from '../../syntax/policy/notificationPolicy';
import { addResource, fix, FixExpression, type Fix } from '../fixIntent';
import type { RuleContext } from '../rule';

/**
 * An activity log alert on `category` for the whole subscription, routed to the tier-1 action
 * group that the policy file names, declared right after that group in its template. None when
 * the group is not in the model once, or is not declared so it can be referred to.
 */
export function tierOneAlertFix(context: RuleContext, category: string): Fix[] {
  const name = context.policy ? firstTier(context.policy)?.actionGroup?.value : undefined;
  if (!name) return [];
  const groups = context.resources.filter((r) => sameType(r.type, actionGroupType) && isDeployed(r) && knownString(r.name)?.toLowerCase() === name.toLowerCase());
  if (groups.length !== 1) return [];
  const [group] = groups;
  const file = group.origin.file;
  const bicep = /\.bicep$/i.test(file);
  if (group.copy !== undefined || group.condition !== true || group.targetScope !== 'resourceGroup') return [];
  if (bicep ? !group.symbolicName : !writtenPlainly(group)) return [];
  const groupId = `resourceId('${actionGroupType}', '${name.replace(/'/g, "''")}')`;
  const alert = {
    symbol: `${category.toLowerCase()}ActivityAlert`,
    type: alertTypes.activityLog,
    apiVersion: '2020-10-01',
    scoped: false,
    body: {
      name: `ala-hipaa-${category.toLowerCase()}`,
      location: 'Global',
      properties: {
        enabled: true,
        description: `${category} activity log events, routed to the tier-1 action group (hipaa-notify).`,
        scopes: [new FixExpression('subscription().id', 'subscription().id')],
        condition: { allOf: [{ field: 'category', equals: category }] },
        actions: { actionGroups: [{ actionGroupId: new FixExpression(`${group.symbolicName}.id`, groupId) }] },
      },
    },
    ...(bicep ? {} : { armDependsOn: [groupId] }),
  };
  return [fix(`Add a ${category} activity log alert routed to '${name}'`, addResource(group.origin, alert))];
}

/** The name is written as a literal in the declaration (so `resourceId(type, 'name')` names it). */
function writtenPlainly(resource: DeployedResource): boolean {
  const name = knownString(resource.name);
  const origin = resource.name.origin;
  return name !== undefined && origin.file === resource.origin.file && origin.span.offset >= resource.origin.span.offset && origin.span.length === name.length + 2;
}
