import { blockedNotificationEgress, guardsNotifier, securityRulesOf } from '../../model/nsgRules';
import { isDeployed, sameType } from '../../model/resourceReference';
import type { DeployedResource } from '../../model/deployedResource';
import type { BlockedEgress, SecurityRule } from '../../model/nsgRules';
import { valueAt } from '../../model/value';
import { addItem, fixToReview, type Fix } from '../fixIntent';
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
        fixes: allowFix(nsg, rules, blocked),
        message: `rule '${blocked.rule.name}' of ${describe(nsg)} denies outbound ${blocked.pairs.join(', ')}, which notifications need, and no Allow with a lower priority number lets it out: add an outbound Allow for TCP ${[...new Set(blocked.ports)].join(', ')} to ${[...new Set(blocked.destinations)].join(', ')} with a priority number below ${blocked.rule.priority}`,
      });
    }
  }
}, {
  fix: "adds an outbound Allow rule for the blocked TCP ports and destinations at the highest free priority number below the Deny, to the NSG's securityRules as written; opening egress is a security decision, so it is offered for review and never applied by fix-all or check --fix",
});

/** An Allow in the NSG's inline rule list, just before the Deny in priority order. */
function allowFix(nsg: DeployedResource, rules: readonly SecurityRule[], blocked: BlockedEgress): Fix[] {
  const list = nsg.properties ? valueAt(nsg.properties, ['securityRules']) : undefined;
  if (list?.kind !== 'array') return [];
  const used = new Set(rules.map((rule) => rule.priority));
  let priority = blocked.rule.priority - 1;
  while (priority >= 100 && used.has(priority)) priority--;
  if (priority < 100) return [];
  const names = new Set(rules.map((rule) => rule.name.toLowerCase()));
  let name = 'allow-notification-egress';
  for (let n = 2; names.has(name); n++) name = `allow-notification-egress-${n}`;
  const destinations = [...new Set(blocked.destinations.map((d) => (d === '*' || d === '0.0.0.0/0' ? 'Internet' : d)))];
  const ports = [...new Set(blocked.ports)].sort((a, b) => a - b).map(String);
  const rule = {
    name,
    properties: {
      description: 'Lets notifications out (hipaa-notify HN401).',
      protocol: 'Tcp',
      sourcePortRange: '*',
      sourceAddressPrefix: '*',
      ...(ports.length === 1 ? { destinationPortRange: ports[0] } : { destinationPortRanges: ports }),
      ...(destinations.length === 1 ? { destinationAddressPrefix: destinations[0] } : { destinationAddressPrefixes: destinations }),
      access: 'Allow',
      priority,
      direction: 'Outbound',
    },
  };
  return [fixToReview(`Allow outbound TCP ${ports.join(', ')} to ${destinations.join(', ')} at priority ${priority}`, addItem(list.origin, rule))];
}
