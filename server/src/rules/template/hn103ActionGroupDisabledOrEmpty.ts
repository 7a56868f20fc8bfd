import { actionGroupType } from '../../model/alerts';
import { receiverCount } from '../../model/actionGroups';
import { isDeployed, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { fix, replaceValue } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** HN103: an action group that is disabled or has no receivers notifies nobody. */
export const hn103ActionGroupDisabledOrEmpty = defineRule('HN103', 'An action group has enabled: false or no receivers of any kind.', (context, report) => {
  for (const group of context.resources) {
    if (!sameType(group.type, actionGroupType) || !isDeployed(group)) continue;
    const enabled = group.properties ? valueAt(group.properties, ['enabled']) : undefined;
    if (enabled?.kind === 'boolean' && !enabled.value) {
      report({ at: enabled, resource: group, fixes: [fix('Set enabled to true', replaceValue(enabled.origin, true))], message: `${describe(group)} is disabled, so every alert routed to it notifies nobody: set enabled to true` });
    }
    if (receiverCount(group) === 0) {
      report({ at: group.origin, message: `${describe(group)} has no receivers: add armRoleReceivers (role members) or a Logic App receiver` });
    }
  }
}, { fix: 'sets enabled to true where the flag is written; an action group without receivers has no safe fix (who should be notified is a decision)' });
