import { namedCategories } from '../../model/activityLogAlertCategories';
import { alertRouting } from '../../model/alertRouting';
import { alertTypes } from '../../model/alerts';
import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, sameType } from '../../model/resourceReference';
import type { Origin } from '../../model/value';
import { discoverySourceSpan } from '../../syntax/policy/notificationPolicy';
import { defineRule, deploysUnseen, describe } from '../rule';
import { tierOneAlertFix } from './activityLogAlertFix';

const requiredCategories = ['Administrative', 'Security', 'Policy'] as const;

/** HN108 (workspace): every one of Administrative, Security and Policy needs a routed activity log alert. */
export const hn108ActivityLogAlertsIncomplete = defineRule('HN108', 'No routed activity log alert for each of the categories Administrative, Security and Policy.', (context, report) => {
  if (!context.policyFile || deploysUnseen(context)) return;
  const alerts = context.resources.filter((r) => sameType(r.type, alertTypes.activityLog) && isDeployed(r));
  const routed = alerts.filter((alert) => alertRouting(alert, context.resources, context.deploymentOf).kind === 'routed');
  // A routed alert whose categories are not known may cover any of them: stay silent.
  if (routed.some((alert) => namedCategories(alert) === 'unknown')) return;
  for (const category of requiredCategories) {
    const names = (alert: DeployedResource) => {
      const categories = namedCategories(alert);
      return categories !== 'unknown' && categories.has(category.toLowerCase());
    };
    if (routed.some(names)) continue;
    const unrouted = alerts.find(names);
    const policyStart: Origin = { file: context.policyFile, span: discoverySourceSpan(context.policy, 'activityLog') ?? context.policy?.name?.span ?? { offset: 0, length: 0 } };
    report({
      at: unrouted ? unrouted.origin : policyStart,
      fixes: unrouted ? [] : tierOneAlertFix(context, category),
      message: unrouted
        ? `the ${category} activity log alert ${describe(unrouted)} is disabled or not routed to a working action group, and no other alert covers ${category}: enable it and route it to the tier-1 action group`
        : `no activity log alert on category ${category} is routed to an action group in the templates of this policy's folder: add one that routes to the tier-1 action group`,
    });
  }
}, {
  fix: "adds an activity log alert for each missing category (subscription scope, enabled) routed to the tier-1 action group the policy file names, right after that group's declaration in its template (the code action says which file it edits); an existing alert that is disabled or unrouted is left to HN104",
});
