import type { DeployedResource } from './deployedResource';
import { isDeployed, knownString, resourcesAt, sameType } from './resourceReference';
import { valueAt, type Value } from './value';

export const processingRuleType = 'Microsoft.AlertsManagement/actionRules';

/** An alert processing rule of the model that adds action groups to, or removes them from, the alerts it covers. */
export interface ProcessingRule {
  readonly resource: DeployedResource;
  readonly kind: 'add' | 'remove';
  /** AddActionGroups: the group IDs it adds. */
  readonly groupIds: readonly Value[];
  /** It applies only at some times (a schedule), or under conditions that may leave an alert out. */
  readonly partial: boolean;
}

/** Every alert asks for the rules of the same resource list: read them once. */
const rulesOf = new WeakMap<readonly DeployedResource[], ProcessingRule[]>();

/** Enabled (or not known to be disabled) processing rules with a known action type. */
export function processingRulesOf(resources: readonly DeployedResource[]): ProcessingRule[] {
  const cached = rulesOf.get(resources);
  if (cached) return cached;
  const rules: ProcessingRule[] = [];
  rulesOf.set(resources, rules);
  for (const resource of resources) {
    if (!sameType(resource.type, processingRuleType) || !isDeployed(resource) || resource.properties?.kind !== 'object') continue;
    const properties = resource.properties;
    const enabled = valueAt(properties, ['enabled']);
    if (enabled?.kind === 'boolean' && !enabled.value) continue;
    const conditions = valueAt(properties, ['conditions']);
    const schedule = valueAt(properties, ['schedule']);
    const partial = (conditions !== undefined && conditions.kind !== 'null' && !(conditions.kind === 'array' && conditions.items.length === 0)) || (schedule !== undefined && schedule.kind !== 'null') || enabled?.kind === 'unknown';
    const actions = valueAt(properties, ['actions']);
    for (const action of actions?.kind === 'array' ? actions.items : []) {
      const type = knownString(valueAt(action, ['actionType']))?.toLowerCase();
      if (type === 'removeallactiongroups') rules.push({ resource, kind: 'remove', groupIds: [], partial });
      if (type !== 'addactiongroups') continue;
      const ids = valueAt(action, ['actionGroupIds']);
      rules.push({ resource, kind: 'add', groupIds: ids?.kind === 'array' ? ids.items : [], partial: partial || ids?.kind !== 'array' });
    }
  }
  return rules;
}

/**
 * Whether a processing rule's scopes cover every scope of the alert: a known ID covers the IDs
 * below it; `subscription().id` and `resourceGroup().id` cover what the same deployment targets.
 * 'maybe' when an unknown scope leaves it open.
 */
export function covers(rule: ProcessingRule, alert: DeployedResource, sameDeployment: boolean): boolean | 'maybe' {
  const ruleScopes = valueAt(rule.resource.properties!, ['scopes']);
  const alertScopes = alert.properties ? valueAt(alert.properties, ['scopes']) : undefined;
  if (ruleScopes?.kind !== 'array' || alertScopes?.kind !== 'array' || alertScopes.items.length === 0) return 'maybe';
  let result: boolean | 'maybe' = true;
  for (const scope of alertScopes.items) {
    let best: boolean | 'maybe' = false;
    for (const ruleScope of ruleScopes.items) {
      const one = scopeCovers(ruleScope, scope, sameDeployment);
      if (one === true) {
        best = true;
        break;
      }
      if (one === 'maybe') best = 'maybe';
    }
    if (best === false) return false;
    if (best === 'maybe') result = 'maybe';
  }
  return result;
}

function scopeCovers(ruleScope: Value, scope: Value, sameDeployment: boolean): boolean | 'maybe' {
  if (ruleScope.kind === 'string' && scope.kind === 'string') {
    const outer = ruleScope.value.toLowerCase().replace(/\/$/, '');
    const inner = scope.value.toLowerCase();
    return inner === outer || inner.startsWith(`${outer}/`);
  }
  if (ruleScope.kind !== 'unknown') return 'maybe';
  // `subscription().id` covers everything this deployment deploys to; `resourceGroup().id` what it deploys into its group.
  if (sameDeployment && /^depends on the subscription deployed to$/.test(ruleScope.reason)) return scope.kind === 'unknown' && /subscription/.test(scope.reason) ? true : 'maybe';
  if (sameDeployment && /^depends on the resource group deployed to$/.test(ruleScope.reason)) {
    return scope.kind === 'unknown' && (scope.reason === ruleScope.reason || scope.reason === 'depends on the subscription and resource group deployed to') ? true : 'maybe';
  }
  return 'maybe';
}

/** The action groups of the model an AddActionGroups rule adds; undefined when one of them cannot be found. */
export function addedGroups(rule: ProcessingRule, resources: readonly DeployedResource[]): DeployedResource[] | undefined {
  const groups: DeployedResource[] = [];
  for (const id of rule.groupIds) {
    const found = resourcesAt(resources, id).filter((r) => isDeployed(r) && r.condition === true);
    if (found.length === 0) return undefined;
    groups.push(...found);
  }
  return groups;
}
