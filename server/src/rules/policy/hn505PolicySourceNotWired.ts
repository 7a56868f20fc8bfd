import { activityLogCategoriesOf, alertTypes, enabledState, routesOf } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, knownString, sameType, shortNameOf } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { firstTier, type DiscoverySource, type Located } from '../../syntax/policy/notificationPolicy';
import type { Span } from '../../syntax/span';
import { policyWorkspaceRule, type WorkspaceReporter } from './policyWorkspaceRule';

type Wiring = 'wired' | 'unknown' | 'missing';

/** Whether an alert notifies the tier-1 action group: unknown routes or state count as maybe. */
function routesToTier1(alert: DeployedResource, tier1: string): Wiring {
  const enabled = enabledState(alert);
  const routes = routesOf(alert);
  if (enabled === false) return 'missing';
  if (routes.actionGroups.some((ag) => ag.name.split('/').pop()!.toLowerCase() === tier1)) return enabled === true ? 'wired' : 'unknown';
  return routes.unknown || enabled === 'unknown' ? 'unknown' : 'missing';
}

function best(states: Wiring[]): Wiring {
  return states.includes('wired') ? 'wired' : states.includes('unknown') ? 'unknown' : 'missing';
}

function activityLogWiring(resources: readonly DeployedResource[], category: string, tier1: string): Wiring {
  return best(
    resources
      .filter((r) => sameType(r.type, alertTypes.activityLog))
      .map((alert) => {
        const categories = activityLogCategoriesOf(alert);
        if (categories === 'unknown') return 'unknown';
        return categories.some((c) => c.toLowerCase() === category.toLowerCase()) ? routesToTier1(alert, tier1) : 'missing';
      }),
  );
}

function policyStatesSubscriptions(resources: readonly DeployedResource[]): Wiring {
  const topics = resources.filter((r) => sameType(r.type, 'Microsoft.EventGrid/systemTopics'));
  const policyTopics = topics.filter((t) => knownString(valueAt(t.properties ?? t.body, ['topicType']))?.toLowerCase() === 'microsoft.policyinsights.policystates');
  const unknownTopic = topics.some((t) => t.properties && valueAt(t.properties, ['topicType'])?.kind === 'unknown');
  const subscribed = resources.some(
    (r) => sameType(r.type, 'Microsoft.EventGrid/systemTopics/eventSubscriptions') && policyTopics.some((t) => r.name.kind === 'string' && shortNameOf(t) !== undefined && r.name.value.toLowerCase().startsWith(`${shortNameOf(t)!.toLowerCase()}/`)),
  );
  return subscribed ? 'wired' : unknownTopic ? 'unknown' : 'missing';
}

function defenderAutomations(resources: readonly DeployedResource[]): Wiring {
  return best(
    resources
      .filter((r) => sameType(r.type, 'Microsoft.Security/automations'))
      .map((automation) => {
        const enabled = enabledState(automation, ['isEnabled']);
        const sources = automation.properties ? valueAt(automation.properties, ['sources']) : undefined;
        if (enabled === false) return 'missing';
        if (!sources || sources.kind === 'unknown' || enabled === 'unknown') return 'unknown';
        if (sources.kind !== 'array') return 'missing';
        const exportsAlerts = sources.items.some((s) => knownString(valueAt(s, ['eventSource']))?.toLowerCase() === 'alerts');
        return exportsAlerts ? 'wired' : 'missing';
      }),
  );
}

function logQueryWiring(resources: readonly DeployedResource[], name: string, tier1: string): { state: Wiring; rule?: DeployedResource } {
  const rules = resources.filter((r) => sameType(r.type, alertTypes.scheduledQuery));
  if (rules.some((r) => r.name.kind !== 'string')) return { state: 'unknown' };
  const rule = rules.find((r) => shortNameOf(r)?.toLowerCase() === name.toLowerCase());
  return rule ? { state: routesToTier1(rule, tier1), rule } : { state: 'missing' };
}

function spanOfSource(source: DiscoverySource): Span {
  return source.source?.span ?? source.span;
}

/** HN505: each declared discovery source has an alert, event subscription or automation that reaches tier 1. */
export const hn505PolicySourceNotWired = policyWorkspaceRule(
  'HN505',
  'A discovery source the policy declares has no alert rule, event subscription or automation that routes it to the tier-1 action group.',
  (policy, templates, report) => {
    const tier1 = firstTier(policy)?.actionGroup?.value;
    if (!tier1 || templates.some((t) => !t.complete)) return;
    const resources = templates.flatMap((t) => t.resources).filter(isDeployed);
    const target = tier1.toLowerCase();
    for (const source of policy.discovery) {
      const kind = source.source?.value;
      if (kind === 'azurePolicy') {
        if (best([activityLogWiring(resources, 'Policy', target), policyStatesSubscriptions(resources)]) === 'missing') {
          report(spanOfSource(source), `Azure Policy non-compliance is not wired: add an activity log alert on category 'Policy' that notifies '${tier1}', or an Event Grid subscription to Microsoft.PolicyInsights.PolicyStates events`);
        }
      } else if (kind === 'defenderForCloud') {
        if (best([activityLogWiring(resources, 'Security', target), defenderAutomations(resources)]) === 'missing') {
          report(spanOfSource(source), `Defender for Cloud alerts are not wired: add an activity log alert on category 'Security' that notifies '${tier1}', or a Microsoft.Security/automations resource that exports Alerts`);
        }
      } else if (kind === 'activityLog') {
        for (const category of source.categories) reportCategory(category, resources, tier1, report);
      } else if (kind === 'logQuery' && source.name) {
        const { state, rule } = logQueryWiring(resources, source.name.value, target);
        if (state !== 'missing') continue;
        const related = rule ? [{ file: rule.origin.file, span: rule.origin.span, message: `the scheduled query rule '${source.name.value}' is disabled or notifies another action group` }] : [];
        report(source.name.span, rule ? `the log query '${source.name.value}' does not notify the tier-1 action group '${tier1}'` : `no scheduled query rule named '${source.name.value}' is deployed by the templates in this folder and below`, related);
      }
    }
  },
);

function reportCategory(category: Located<string>, resources: readonly DeployedResource[], tier1: string, report: WorkspaceReporter): void {
  if (activityLogWiring(resources, category.value, tier1.toLowerCase()) !== 'missing') return;
  report(category.span, `no enabled activity log alert on category '${category.value}' notifies the tier-1 action group '${tier1}'`);
}
