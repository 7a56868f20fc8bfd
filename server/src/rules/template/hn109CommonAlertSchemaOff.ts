import { actionGroupType } from '../../model/alerts';
import { receiversOf, type ReceiverList } from '../../model/actionGroups';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { fix, replaceValue, setProperty } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** Receivers that deliver a payload to a program; people read the others. */
const machineReceivers: readonly ReceiverList[] = ['webhookReceivers', 'logicAppReceivers', 'azureFunctionReceivers', 'eventHubReceivers'];

/** HN109: machine receivers should get one payload shape for every alert type. */
export const hn109CommonAlertSchemaOff = defineRule('HN109', 'A webhook, Logic App, Function or Event Hub receiver has useCommonAlertSchema false or absent.', (context, report) => {
  for (const group of context.resources) {
    if (!sameType(group.type, actionGroupType) || !isDeployed(group)) continue;
    for (const list of machineReceivers) {
      const receivers = receiversOf(group, list);
      if (receivers === 'unknown') continue;
      for (const receiver of receivers) {
        if (receiver.kind !== 'object') continue;
        const flag = valueAt(receiver, ['useCommonAlertSchema']);
        const off = flag === undefined || flag.kind === 'null' || (flag.kind === 'boolean' && !flag.value);
        if (!off) continue;
        const name = knownString(valueAt(receiver, ['name']));
        const written = flag && flag.kind !== 'null' ? flag : undefined;
        report({
          at: written ?? receiver,
          fixes: [fix('Set useCommonAlertSchema to true', flag ? replaceValue(flag.origin, true) : setProperty(receiver.origin, ['useCommonAlertSchema'], true))],
          resource: group,
          message: `the ${list.replace(/Receivers$/, '')} receiver ${name ? `'${name}' ` : ''}of ${describe(group)} does not use the common alert schema: set useCommonAlertSchema to true`,
        });
      }
    }
  }
}, { fix: 'sets useCommonAlertSchema to true where the flag is written (the receiver, a parameter default or value, a variable, a module argument), or adds it to the receiver' });
