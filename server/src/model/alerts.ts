import type { DeployedResource } from './deployedResource';
import { knownString, referencedResource, sameType, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

export const alertTypes = {
  metric: 'Microsoft.Insights/metricAlerts',
  activityLog: 'Microsoft.Insights/activityLogAlerts',
  scheduledQuery: 'Microsoft.Insights/scheduledQueryRules',
} as const;

export const actionGroupType = 'Microsoft.Insights/actionGroups';

export function isAlertRule(resource: DeployedResource): boolean {
  return Object.values(alertTypes).some((type) => sameType(resource.type, type));
}

/** Where an alert lists its action groups: the shapes of each alert type and API version. */
function actionGroupIdValues(alert: DeployedResource): Value[] | 'unknown' {
  const properties = alert.properties;
  if (!properties) return [];
  const lists: (Value | undefined)[] = sameType(alert.type, alertTypes.metric)
    ? [valueAt(properties, ['actions'])]
    : sameType(alert.type, alertTypes.activityLog)
      ? [valueAt(properties, ['actions', 'actionGroups'])]
      : [valueAt(properties, ['actions', 'actionGroups']), valueAt(properties, ['action', 'aznsAction', 'actionGroup'])];
  const ids: Value[] = [];
  for (const list of lists) {
    if (!list) continue;
    if (list.kind === 'unknown') return 'unknown';
    if (list.kind !== 'array') continue;
    for (const item of list.items) {
      if (item.kind === 'unknown') return 'unknown';
      // metric/activity-log alerts hold { actionGroupId }, scheduled query rules hold the IDs
      const id = item.kind === 'object' ? valueAt(item, ['actionGroupId']) : item;
      if (id) ids.push(id);
    }
  }
  return ids;
}

export interface AlertRoutes {
  /** Action groups the alert notifies, by type and name. */
  readonly actionGroups: readonly NamedResource[];
  /** Some route cannot be known statically: rules stay silent about where it goes. */
  readonly unknown: boolean;
  /** The action group IDs whose names are not known (they may still name a declaration of the model). */
  readonly unnamed: readonly Value[];
  /** How many action group IDs the alert lists. */
  readonly ids: number;
}

export function routesOf(alert: DeployedResource): AlertRoutes {
  const ids = actionGroupIdValues(alert);
  if (ids === 'unknown') return { actionGroups: [], unknown: true, unnamed: [], ids: 0 };
  const actionGroups: NamedResource[] = [];
  const unnamed: Value[] = [];
  let unknown = false;
  for (const id of ids) {
    const target = referencedResource(id);
    if (target && sameType(target.type, actionGroupType)) actionGroups.push(target);
    else if (!target) {
      unknown = true;
      if (id.kind === 'unknown' && id.resource && sameType(id.resource.type, actionGroupType)) unnamed.push(id);
    }
  }
  return { actionGroups, unknown, unnamed, ids: ids.length };
}

/** `enabled` is true unless it is known to be false (Azure's default is enabled). */
export function enabledState(resource: DeployedResource, path: readonly string[] = ['enabled']): boolean | 'unknown' {
  const value = resource.properties ? valueAt(resource.properties, path) : undefined;
  if (!value || value.kind === 'null') return true;
  if (value.kind === 'boolean') return value.value;
  return 'unknown';
}

/**
 * The activity-log categories an activity log alert matches (`field: category`), from
 * `condition.allOf` and nested `anyOf`; 'unknown' when a category is not known.
 */
export function activityLogCategoriesOf(alert: DeployedResource): string[] | 'unknown' {
  const allOf = alert.properties ? valueAt(alert.properties, ['condition', 'allOf']) : undefined;
  if (!allOf) return [];
  if (allOf.kind !== 'array') return allOf.kind === 'unknown' ? 'unknown' : [];
  const categories: string[] = [];
  const visit = (condition: Value): boolean => {
    if (condition.kind === 'unknown') return false;
    if (condition.kind !== 'object') return true;
    const anyOf = valueAt(condition, ['anyOf']);
    if (anyOf) {
      if (anyOf.kind === 'unknown') return false;
      return anyOf.kind !== 'array' || anyOf.items.every(visit);
    }
    if (knownString(valueAt(condition, ['field']))?.toLowerCase() !== 'category') return true;
    const equals = valueAt(condition, ['equals']);
    const category = knownString(equals);
    if (category === undefined) return equals?.kind !== 'unknown';
    categories.push(category);
    return true;
  };
  return allOf.items.every(visit) ? categories : 'unknown';
}
