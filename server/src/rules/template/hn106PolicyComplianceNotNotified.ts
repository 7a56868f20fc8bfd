import { namedCategories } from '../../model/activityLogAlertCategories';
import { alertRouting } from '../../model/alertRouting';
import { alertTypes } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, isResource, knownString, referencedResource, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { defineRule, deploysUnseen, describe } from '../rule';
import { tierOneAlertFix } from './activityLogAlertFix';

const policyAssignmentType = 'Microsoft.Authorization/policyAssignments';
const systemTopicSubscriptionType = 'Microsoft.EventGrid/systemTopics/eventSubscriptions';
const policyStatesTopic = 'Microsoft.PolicyInsights.PolicyStates';
const stateEvents = ['microsoft.policyinsights.policystatecreated', 'microsoft.policyinsights.policystatechanged'];

/** HN106 (workspace): assigned Azure Policy must tell someone about non-compliance. */
export const hn106PolicyComplianceNotNotified = defineRule('HN106', 'Azure Policy is assigned but no Policy activity log alert or PolicyStates event subscription notifies anyone.', (context, report) => {
  if (!context.policyFile || deploysUnseen(context)) return;
  const assignments = context.resources.filter((r) => sameType(r.type, policyAssignmentType) && isDeployed(r));
  if (assignments.length === 0) return;
  if (context.resources.some((r) => routedPolicyAlert(r, context.resources) || notifyingPolicyEvents(r, context.resources))) return;
  for (const assignment of assignments) {
    report({
      at: assignment.origin,
      fixes: tierOneAlertFix(context, 'Policy'),
      message: `non-compliance with ${describe(assignment)} notifies nobody: add an activity log alert on category Policy routed to the tier-1 action group, or an Event Grid subscription to ${policyStatesTopic} events that delivers to the notifier`,
    });
  }
}, {
  fix: "adds an activity log alert on category Policy (subscription scope, enabled) routed to the tier-1 action group the policy file names, right after that group's declaration in its template",
});

/** An activity log alert on category Policy (or on categories not known) that routes to a working action group. */
function routedPolicyAlert(alert: DeployedResource, resources: readonly DeployedResource[]): boolean {
  if (!sameType(alert.type, alertTypes.activityLog) || !isDeployed(alert)) return false;
  const categories = namedCategories(alert);
  if (categories !== 'unknown' && !categories.has('policy')) return false;
  return alertRouting(alert, resources).kind === 'routed';
}

/** An event subscription on a PolicyStates system topic, for state events, delivered to a notification endpoint; true when a part is unknown. */
function notifyingPolicyEvents(subscription: DeployedResource, resources: readonly DeployedResource[]): boolean {
  if (!sameType(subscription.type, systemTopicSubscriptionType) || !isDeployed(subscription) || subscription.name.kind !== 'string') return false;
  const topicName = subscription.name.value.split('/')[0];
  const topic = resources.find((r) => isResource(r, { type: 'Microsoft.EventGrid/systemTopics', name: topicName }));
  const topicType = topic?.properties ? valueAt(topic.properties, ['topicType']) : undefined;
  if (topicType?.kind !== 'string' || topicType.value.toLowerCase() !== policyStatesTopic.toLowerCase()) return topic !== undefined && topicType?.kind === 'unknown';
  const properties = subscription.properties;
  if (!properties || properties.kind !== 'object') return properties?.kind === 'unknown';
  const included = valueAt(properties, ['filter', 'includedEventTypes']);
  if (included?.kind === 'array' && !included.items.some((item) => item.kind === 'unknown' || stateEvents.includes(knownString(item)?.toLowerCase() ?? ''))) return false;
  const endpointType = valueAt(properties, ['destination', 'endpointType']);
  if (endpointType?.kind !== 'string') return true;
  const type = endpointType.value.toLowerCase();
  if (type === 'webhook' || type === 'azurefunction' || type === 'monitoralert') return true;
  const target = referencedResource(valueAt(properties, ['destination', 'properties', 'resourceId']));
  return target !== undefined && notificationComponents(resources).some((component) => isResource(component, target));
}
