import { actionGroupType, alertTypes, enabledState, routesOf } from './alerts';
import { receiverCount } from './actionGroups';
import type { DeployedResource } from './deployedResource';
import { addedGroups, covers, processingRulesOf, type ProcessingRule } from './alertProcessingRules';
import { isDeployed, knownString, resourcesAt, resourcesNamed, sameType } from './resourceReference';
import { valueAt, type Value } from './value';

/** Why an alert rule notifies nobody, as HN104 defines it; `routed` when it works or cannot be known. */
export type AlertRouting =
  | { readonly kind: 'routed' }
  | { readonly kind: 'notChecked' }
  | { readonly kind: 'disabled'; readonly enabled: Value }
  | { readonly kind: 'noActionGroup'; readonly at: Value }
  | { readonly kind: 'brokenGroups'; readonly at: Value; readonly groups: readonly DeployedResource[] }
  | { readonly kind: 'removed'; readonly at: Value; readonly rule: DeployedResource };

/**
 * How an alert rule routes: disabled (a known `enabled: false`), without any action group, or
 * only to action groups of the model that are disabled or empty. An action group that is not in
 * the model (another subscription, `existing`, unknown ID) counts as working. Alert processing
 * rules of the model that cover the alert add their groups, or remove them all.
 */
export function alertRouting(alert: DeployedResource, resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): AlertRouting {
  const properties = alert.properties;
  if (!properties || properties.kind !== 'object' || isLogToMetric(alert)) return { kind: 'notChecked' };
  if (enabledState(alert) === false) return { kind: 'disabled', enabled: valueAt(properties, ['enabled'])! };
  const routes = routesOf(alert);
  const actions = actionsValue(alert) ?? properties;
  const rules = processingRulesOf(resources);
  const sameDeployment = (rule: ProcessingRule) => deploymentOf === undefined || deploymentOf.get(rule.resource) === deploymentOf.get(alert);
  const covering = rules.map((rule) => ({ rule, covers: covers(rule, alert, sameDeployment(rule)) })).filter((c) => c.covers !== false);
  const remover = covering.find((c) => c.rule.kind === 'remove' && c.covers === true && !c.rule.partial);
  if (remover) return { kind: 'removed', at: actions, rule: remover.rule.resource };
  if (covering.some((c) => c.rule.kind === 'remove')) return { kind: 'routed' };
  const groupsOf = (): DeployedResource[] | 'unknown' => {
    if (routes.unknown && routes.unnamed.length === 0) return 'unknown';
    const groups: DeployedResource[] = [];
    for (const target of routes.actionGroups) {
      const group = resourcesNamed(resources, target).find((r) => isDeployed(r) && r.condition === true);
      if (!group) return 'unknown';
      groups.push(group);
    }
    for (const id of routes.unnamed) {
      const group = resourcesAt(resources, id).find((r) => isDeployed(r) && r.condition === true);
      if (!group) return 'unknown';
      groups.push(group);
    }
    // An ID that is neither named nor a declaration of the model leaves the route unknown.
    return routes.unknown && routes.unnamed.length + routes.actionGroups.length < routes.ids ? 'unknown' : groups;
  };
  const direct = groupsOf();
  if (direct === 'unknown' || direct.some((group) => !actionGroupBroken(group))) return { kind: 'routed' };
  const broken = [...direct];
  for (const { rule, covers: applies } of covering) {
    if (rule.kind !== 'add') continue;
    const added = addedGroups(rule, resources);
    if (applies !== true || rule.partial || added === undefined || added.some((group) => !actionGroupBroken(group))) return { kind: 'routed' };
    broken.push(...added);
  }
  if (broken.length === 0) return { kind: 'noActionGroup', at: actions };
  return { kind: 'brokenGroups', at: actions, groups: broken };
}

/** An action group of the model that is known to be disabled or to have no receivers (HN103). */
export function actionGroupBroken(group: DeployedResource): boolean {
  if (!sameType(group.type, actionGroupType)) return false;
  return enabledState(group) === false || receiverCount(group) === 0;
}

/** Whether the alert routes to at least one working action group (enabled, and HN104 has nothing to say). */
export function isRouted(alert: DeployedResource, resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): boolean {
  return alertRouting(alert, resources, deploymentOf).kind === 'routed';
}

function actionsValue(alert: DeployedResource): Value | undefined {
  if (!alert.properties) return undefined;
  const actions = valueAt(alert.properties, ['actions']) ?? valueAt(alert.properties, ['action']);
  return actions && actions.kind !== 'null' ? actions : undefined;
}

/** Log-to-metric rules (kind `LogToMetric`, or the 2018 `LogToMetricAction`) have no actions by design. */
function isLogToMetric(alert: DeployedResource): boolean {
  if (!sameType(alert.type, alertTypes.scheduledQuery)) return false;
  if (knownString(alert.kind)?.toLowerCase() === 'logtometric') return true;
  const odataType = alert.properties ? knownString(valueAt(alert.properties, ['action', 'odata.type'])) : undefined;
  return odataType !== undefined && /LogToMetric/i.test(odataType);
}
