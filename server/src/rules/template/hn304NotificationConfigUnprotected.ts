import { isRouted } from '../../model/alertRouting';
import { actionGroupType, isAlertRule } from '../../model/alerts';
import { isLocked, locksOf } from '../../model/locks';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, sameType } from '../../model/resourceReference';
import { defineRule, describe } from '../rule';

/** HN304: one deletion, by mistake or by an intruder, should not silence breach notification. */
export const hn304NotificationConfigUnprotected = defineRule('HN304', 'An action group, alert rule or notification component has no CanNotDelete or ReadOnly lock.', (context, report) => {
  const locks = locksOf(context.resources);
  const components = new Set(notificationComponents(context.resources));
  for (const resource of context.resources) {
    if (!isDeployed(resource) || context.partial?.has(resource)) continue;
    if (!(sameType(resource.type, actionGroupType) || isAlertRule(resource) || components.has(resource))) continue;
    if (isLocked(resource, locks, context.deploymentOf, context.resources) !== false) continue;
    // An alert that routes nowhere (HN104) is not yet part of the chain: say what it is instead.
    const role = isAlertRule(resource) && !isRouted(resource, context.resources, context.deploymentOf) ? 'is an alert rule' : 'is part of the notification chain';
    report({ at: resource.origin, message: `${describe(resource)} ${role} but no CanNotDelete or ReadOnly lock protects it: add a Microsoft.Authorization/locks scoped to it (or to its resource group)` });
  }
});
