import { actionGroupType, isAlertRule } from '../../model/alerts';
import { isLocked, locksOf } from '../../model/locks';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, sameType } from '../../model/resourceReference';
import { addResource, fix } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** The lock the fix adds: deletion needs the lock removed first, which leaves a trail in the activity log. */
const lock = {
  symbol: 'notificationLock',
  type: 'Microsoft.Authorization/locks',
  apiVersion: '2020-05-01',
  scoped: true,
  body: { name: 'hipaa-notify-do-not-delete', properties: { level: 'CanNotDelete', notes: 'Part of the HIPAA breach notification chain (hipaa-notify HN304).' } },
};

/** HN304: one deletion, by mistake or by an intruder, should not silence breach notification. */
export const hn304NotificationConfigUnprotected = defineRule('HN304', 'An action group, alert rule or notification component has no CanNotDelete or ReadOnly lock.', (context, report) => {
  const locks = locksOf(context.resources);
  const components = new Set(notificationComponents(context.resources));
  for (const resource of context.resources) {
    if (!isDeployed(resource) || context.partial?.has(resource)) continue;
    if (!(sameType(resource.type, actionGroupType) || isAlertRule(resource) || components.has(resource))) continue;
    if (isLocked(resource, locks, context.deploymentOf, context.resources) !== false) continue;
    // A repeated or conditional resource would need the lock to repeat or share the condition.
    const fixes = resource.copy === undefined && resource.condition === true ? [fix('Add a CanNotDelete lock scoped to it', addResource(resource.origin, lock))] : [];
    // An alert may route nowhere (HN104): it is not called part of the chain, whatever its routing.
    const role = isAlertRule(resource) ? 'is an alert rule' : 'is part of the notification chain';
    report({ at: resource.origin, fixes, message: `${describe(resource)} ${role} but no CanNotDelete or ReadOnly lock protects it: add a Microsoft.Authorization/locks scoped to it (or to its resource group)` });
  }
}, { fix: 'adds a Microsoft.Authorization/locks resource (CanNotDelete) scoped to the resource, right after it; not offered for a resource in a loop or under a condition' });
