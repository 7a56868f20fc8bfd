import { alertTypes } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, sameType } from '../../model/resourceReference';
import { valueAt, type Value } from '../../model/value';
import { defineRule, describe } from '../rule';

/** HN105: an alert over a subscription or resource group must say which resource fired. */
export const hn105AlertMissingDimensionFilter = defineRule('HN105', 'A subscription- or resource-group-scoped alert does not narrow or split by resource.', (context, report) => {
  for (const alert of context.resources) {
    if (!isDeployed(alert) || !alert.properties) continue;
    const isMetric = sameType(alert.type, alertTypes.metric);
    if (!isMetric && !sameType(alert.type, alertTypes.scheduledQuery)) continue;
    const scopes = valueAt(alert.properties, ['scopes']);
    if (scopes?.kind !== 'array' || !coversSeveralResources(scopes.items, isMetric) || isWebTestAlert(alert)) continue;
    if (isMetric) {
      const type = valueAt(alert.properties, ['targetResourceType']);
      const region = valueAt(alert.properties, ['targetResourceRegion']);
      if (!isAbsent(type) && !isAbsent(region)) continue;
      report({ at: scopes, resource: alert, message: `${describe(alert)} watches a whole subscription or resource group without targetResourceType and targetResourceRegion: set both so each resource alerts on its own` });
    } else {
      for (const criterion of unsplitCriteria(alert)) {
        report({ at: criterion, resource: alert, message: `${describe(alert)} watches a whole subscription or resource group and this criterion has neither dimensions nor resourceIdColumn: split it by resource (resourceIdColumn: '_ResourceId')` });
      }
    }
  }
});

/** Availability-test alerts always scope the web test and its Application Insights component together. */
function isWebTestAlert(alert: DeployedResource): boolean {
  const odataType = alert.properties ? valueAt(alert.properties, ['criteria', 'odata.type']) : undefined;
  return odataType?.kind === 'string' && /WebtestLocationAvailabilityCriteria/i.test(odataType.value);
}

function isAbsent(value: Value | undefined): boolean {
  return value === undefined || value.kind === 'null' || (value.kind === 'string' && value.value.trim() === '');
}

/** A subscription or resource group ID among the scopes, or (metric alerts) more than one resource. */
function coversSeveralResources(scopes: readonly Value[], isMetric: boolean): boolean {
  if (scopes.some(isContainerScope)) return true;
  return isMetric && scopes.length > 1 && scopes.every((scope) => scope.kind === 'string' || (scope.kind === 'unknown' && scope.resource !== undefined));
}

const containerId = /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/?$/i;

/** `subscription().id` and `resourceGroup().id` are unknown but known to be such IDs. */
const containerReasons = new Set(['depends on the subscription deployed to', 'depends on the resource group deployed to']);

function isContainerScope(scope: Value): boolean {
  if (scope.kind === 'string') return containerId.test(scope.value);
  // A property of the context object is written at the call itself (`subscription()`); a string built
  // around it (`concat(resourceGroup().id, '/providers/...')`) is written at the longer expression.
  return scope.kind === 'unknown' && scope.resource === undefined && containerReasons.has(scope.reason) && scope.origin.span.length <= 'resourceGroup()'.length;
}

/** Criteria of a scheduled query rule without `dimensions` or `resourceIdColumn`; none when a part is unknown. */
function unsplitCriteria(alert: DeployedResource): Value[] {
  const allOf = alert.properties ? valueAt(alert.properties, ['criteria', 'allOf']) : undefined;
  if (allOf?.kind !== 'array') return [];
  const result: Value[] = [];
  for (const criterion of allOf.items) {
    if (criterion.kind !== 'object') continue;
    const dimensions = valueAt(criterion, ['dimensions']);
    const column = valueAt(criterion, ['resourceIdColumn']);
    if (dimensions?.kind === 'unknown' || column?.kind === 'unknown') continue;
    const split = (dimensions?.kind === 'array' && dimensions.items.length > 0) || (column !== undefined && !isAbsent(column));
    if (!split) result.push(criterion);
  }
  return result;
}
