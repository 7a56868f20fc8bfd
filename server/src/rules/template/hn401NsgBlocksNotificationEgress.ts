import { blockedNotificationEgress, guardsNotifier, securityRulesOf } from '../../model/nsgRules';
import { isDeployed, sameType } from '../../model/resourceReference';
import { defineRule, describe } from '../rule';

/** HN401: notifications that cannot leave the network are never delivered; NSGs with no notifier behind them are not judged. */
export const hn401NsgBlocksNotificationEgress = defineRule('HN401', 'An NSG where a notification component runs denies outbound TCP 443, 587 or 25 to the Internet or the notification service tags with no earlier Allow.', (context, report) => {
  for (const nsg of context.resources) {
    if (!sameType(nsg.type, 'Microsoft.Network/networkSecurityGroups') || !isDeployed(nsg) || guardsNotifier(nsg, context.resources) !== true) continue;
    const rules = securityRulesOf(nsg, context.resources);
    if (rules === 'unknown') continue;
    for (const blocked of blockedNotificationEgress(rules)) {
      report({
        at: blocked.rule.at,
        resource: nsg,
        message: `rule '${blocked.rule.name}' of ${describe(nsg)} denies outbound ${blocked.pairs.join(', ')}, which notifications need, and no Allow with a lower priority number lets it out: add an outbound Allow for TCP ${[...new Set(blocked.ports)].join(', ')} to ${[...new Set(blocked.destinations)].join(', ')} with a priority number below ${blocked.rule.priority}`,
      });
    }
  }
});
