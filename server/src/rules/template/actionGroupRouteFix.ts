import { actionGroupBroken } from '../../model/alertRouting';
import { actionGroupType, alertTypes, enabledState } from '../../model/alerts';
import { receiverCount } from '../../model/actionGroups';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt, type Origin, type Value } from '../../model/value';
import { addItem, fix, FixExpression, setProperty, type Fix, type FixIntent, type FixValue } from '../fixIntent';

/**
 * One fix per working action group declared beside the alert (same file and deployment, enabled,
 * with receivers): add it to the alert's action groups, referred to by symbol in Bicep and by
 * `resourceId()` in ARM JSON (with a `dependsOn` entry, as the group is deployed with it).
 */
export function routeToActionGroupFixes(alert: DeployedResource, resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): Fix[] {
  const file = alert.origin.file;
  const bicep = /\.bicep$/i.test(file);
  if (alert.properties?.kind !== 'object') return [];
  const properties = alert.properties;
  const groups = resources.filter(
    (group) =>
      sameType(group.type, actionGroupType) &&
      isDeployed(group) &&
      group.condition === true &&
      group.copy === undefined &&
      group.origin.file === file &&
      group.deployedBy === alert.deployedBy &&
      group.targetScope === 'resourceGroup' &&
      (deploymentOf === undefined || deploymentOf.get(group) === deploymentOf.get(alert)) &&
      enabledState(group) === true &&
      typeof receiverCount(group) === 'number' &&
      !actionGroupBroken(group),
  );
  const fixes: Fix[] = [];
  for (const group of groups) {
    const name = knownString(group.name);
    if (name === undefined) continue;
    let id: FixExpression;
    const intents: FixIntent[] = [];
    if (bicep) {
      if (!group.symbolicName) continue;
      id = new FixExpression(`${group.symbolicName}.id`, '');
    } else {
      if (!writtenPlainly(group)) continue;
      const armId = `resourceId('${actionGroupType}', '${name.replace(/'/g, "''")}')`;
      id = new FixExpression('', armId);
      const dependency = dependsOnIntent(alert, id);
      if (!dependency) continue;
      intents.push(dependency);
    }
    const route = routeIntent(alert, properties, id);
    if (!route) continue;
    fixes.push(fix(`Route to action group '${name}'`, route, ...intents));
  }
  return fixes;
}

/** Adds `id` where the alert type lists its action groups, when that place is written in the declaration (or absent). */
function routeIntent(alert: DeployedResource, properties: Value & { kind: 'object' }, id: FixExpression): FixIntent | undefined {
  const inDeclaration = (value: Value) => within(value.origin, alert.origin);
  const listAt = (path: readonly string[], item: FixValue): FixIntent | undefined => {
    const list = valueAt(properties, path);
    if (list?.kind === 'array') return inDeclaration(list) ? addItem(list.origin, item) : undefined;
    if (list !== undefined && list.kind !== 'null') return undefined;
    // Create the list in the nearest object written on the path.
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent = depth === 0 ? properties : valueAt(properties, path.slice(0, depth));
      if (parent === undefined) continue;
      if (parent.kind !== 'object' || !inDeclaration(parent)) return undefined;
      return setProperty(parent.origin, path.slice(depth), [item]);
    }
    return undefined;
  };
  if (sameType(alert.type, alertTypes.metric)) return listAt(['actions'], { actionGroupId: id });
  if (sameType(alert.type, alertTypes.activityLog)) return listAt(['actions', 'actionGroups'], { actionGroupId: id });
  // Scheduled query rules list IDs: `actions.actionGroups`, or in the 2018 API `action.aznsAction.actionGroup`.
  if (valueAt(properties, ['action']) !== undefined) {
    const legacy = valueAt(properties, ['action', 'aznsAction', 'actionGroup']);
    return legacy?.kind === 'array' && inDeclaration(legacy) ? addItem(legacy.origin, id) : undefined;
  }
  return listAt(['actions', 'actionGroups'], id);
}

/** ARM JSON: the group's ID added to the alert's `dependsOn` (created when absent); none when it is already listed. */
function dependsOnIntent(alert: DeployedResource, dependency: FixExpression): FixIntent | undefined {
  if (alert.body.kind !== 'object' || !within(alert.body.origin, alert.origin)) return undefined;
  const list = valueAt(alert.body, ['dependsOn']);
  if (list === undefined) return setProperty(alert.body.origin, ['dependsOn'], [dependency]);
  if (list.kind !== 'array' || !within(list.origin, alert.origin)) return undefined;
  return addItem(list.origin, dependency);
}

/** The name is written as a literal in the declaration (so `resourceId(type, 'name')` names it). */
function writtenPlainly(resource: DeployedResource): boolean {
  const name = knownString(resource.name);
  const origin = resource.name.origin;
  return name !== undefined && within(origin, resource.origin) && origin.span.length === name.length + 2;
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}
