import { isLogicApp } from '../../model/logicAppWorkflow';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt } from '../../model/value';
import { fix, replaceValue } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** HN208: a disabled notifier or Defender export silently drops every notification. */
export const hn208NotificationComponentDisabled = defineRule('HN208', 'A notification Logic App is Disabled, or a Defender for Cloud automation is not enabled.', (context, report) => {
  for (const workflow of notificationComponents(context.resources)) {
    if (!isLogicApp(workflow) || !workflow.properties) continue;
    const state = valueAt(workflow.properties, ['state']);
    if (knownString(state)?.toLowerCase() !== 'disabled') continue;
    report({ at: state!, resource: workflow, fixes: [fix("Set state to 'Enabled'", replaceValue(state!.origin, 'Enabled'))], message: `${describe(workflow)} is a notification component but its state is Disabled, so nothing it should send goes out: set state to 'Enabled'` });
  }
  for (const automation of context.resources) {
    if (!sameType(automation.type, 'Microsoft.Security/automations') || !isDeployed(automation) || !automation.properties) continue;
    const enabled = valueAt(automation.properties, ['isEnabled']);
    if (enabled?.kind !== 'boolean' || enabled.value) continue;
    report({ at: enabled, resource: automation, fixes: [fix('Set isEnabled to true', replaceValue(enabled.origin, true))], message: `${describe(automation)} is disabled, so the Defender for Cloud findings it exports reach nobody: set isEnabled to true` });
  }
}, { fix: "sets a notifier Logic App's state to 'Enabled', or a Defender automation's isEnabled to true, where the value is written" });
