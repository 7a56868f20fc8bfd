import { actionGroupType } from '../../model/alerts';
import { receiversOf } from '../../model/actionGroups';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { defineRule, describe } from '../rule';

/** HN209: a webhook receiver without Microsoft Entra authentication accepts calls from anyone. */
export const hn209WebhookWithoutAadAuth = defineRule('HN209', 'An action group webhook receiver has useAadAuth false or absent.', (context, report) => {
  for (const group of context.resources) {
    if (!sameType(group.type, actionGroupType) || !isDeployed(group)) continue;
    const receivers = receiversOf(group, 'webhookReceivers');
    if (receivers === 'unknown') continue;
    for (const receiver of receivers) {
      if (receiver.kind !== 'object') continue;
      const flag = valueAt(receiver, ['useAadAuth']);
      const off = flag === undefined || flag.kind === 'null' || (flag.kind === 'boolean' && !flag.value);
      if (!off) continue;
      const name = knownString(valueAt(receiver, ['name']));
      report({
        at: flag && flag.kind !== 'null' ? flag : receiver,
        resource: group,
        message: `the webhook receiver ${name ? `'${name}' ` : ''}of ${describe(group)} does not authenticate with Microsoft Entra ID: set useAadAuth to true with the receiving app's objectId, identifierUri and tenantId`,
      });
    }
  }
});
