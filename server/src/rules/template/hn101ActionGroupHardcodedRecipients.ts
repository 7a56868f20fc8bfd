import { actionGroupType } from '../../model/alerts';
import { receiversOf, type ReceiverList } from '../../model/actionGroups';
import type { DeployedResource } from '../../model/deployedResource';
import { connectorOf, isLogicApp, workflowActions } from '../../model/logicAppWorkflow';
import { isDeployed, isResource, knownString, referencedResource, sameType } from '../../model/resourceReference';
import { valueAt, type StringValue } from '../../model/value';
import { looksPersonal } from '../policy/personalMailbox';
import { addItem, addParameter, fix, parameterReference, setProperty, type Fix } from '../fixIntent';
import { defineRule, describe } from '../rule';
import { isReservedAddress } from './reservedAddresses';

/** Receiver lists that name people, and the field holding the address or number. */
const personalFields: ReadonlyArray<readonly [ReceiverList, string, 'email' | 'phone']> = [
  ['emailReceivers', 'emailAddress', 'email'],
  ['azureAppPushReceivers', 'emailAddress', 'email'],
  ['smsReceivers', 'phoneNumber', 'phone'],
  ['voiceReceivers', 'phoneNumber', 'phone'],
];

/** HN101: recipients written as personal addresses break when people change roles. */
export const hn101ActionGroupHardcodedRecipients = defineRule('HN101', 'An action group notifies literal personal addresses or numbers and has no role or group-resolving receiver.', (context, report) => {
  for (const group of context.resources) {
    if (!sameType(group.type, actionGroupType) || !isDeployed(group)) continue;
    if (followsMembership(group, context.resources)) continue;
    const fixes = roleReceiverFix(group);
    for (const [list, field, kind] of personalFields) {
      const receivers = receiversOf(group, list);
      if (receivers === 'unknown') continue;
      for (const receiver of receivers) {
        const value = valueAt(receiver, [field]);
        if (value?.kind !== 'string' || !(kind === 'email' ? looksPersonal(value.value) && !isReservedAddress(value.value) : isPhoneNumber(value))) continue;
        report({
          at: value,
          resource: group,
          fixes,
          message: `${describe(group)} notifies the ${kind === 'email' ? 'personal address' : 'phone number'} '${value.value}' and no role: add an armRoleReceivers entry (or a Logic App receiver that looks up group members) so recipients follow role changes`,
        });
      }
    }
  }
}, { fix: "adds an armRoleReceivers entry whose roleId comes from a new parameter 'notificationRoleId' (default: Monitoring Contributor, 749f88d5-cbae-40b8-bcfc-e573ddc772fa); the personal receivers stay until the author removes them" });

export const monitoringContributorRoleId = '749f88d5-cbae-40b8-bcfc-e573ddc772fa';
const roleParameter = 'notificationRoleId';

/** A role receiver added to the group's receivers as written, its role from a new parameter. */
function roleReceiverFix(group: DeployedResource): Fix[] {
  if (group.properties?.kind !== 'object') return [];
  const receiver = { name: 'notification-role', roleId: parameterReference(roleParameter), useCommonAlertSchema: true };
  const existing = valueAt(group.properties, ['armRoleReceivers']);
  const add = existing?.kind === 'array' ? addItem(existing.origin, receiver) : existing === undefined ? setProperty(group.properties.origin, ['armRoleReceivers'], [receiver]) : undefined;
  if (!add) return [];
  const parameter = addParameter(group.origin, { name: roleParameter, type: 'string', defaultValue: monitoringContributorRoleId, description: 'Azure role whose members the action group notifies (default: Monitoring Contributor).' });
  return [fix('Add an armRoleReceivers entry (role from a new parameter, default Monitoring Contributor)', parameter, add)];
}

function isPhoneNumber(value: StringValue): boolean {
  return /^\+?[\d\s().-]{6,}$/.test(value.value.trim());
}

/** A role receiver, or a Logic App receiver that resolves group members (or is not in the model); true when unknown. */
function followsMembership(group: DeployedResource, resources: readonly DeployedResource[]): boolean {
  const roles = receiversOf(group, 'armRoleReceivers');
  if (roles === 'unknown' || roles.length > 0) return true;
  const logicApps = receiversOf(group, 'logicAppReceivers');
  if (logicApps === 'unknown') return true;
  return logicApps.some((receiver) => {
    const target = referencedResource(valueAt(receiver, ['resourceId']));
    if (!target) return true;
    const workflow = resources.find((r) => isLogicApp(r) && isResource(r, target) && isDeployed(r));
    return !workflow || resolvesGroupMembers(workflow);
  });
}

/** A Graph `GET /groups/{id}/members|transitiveMembers` call, or a Microsoft Entra ID / Office 365 Groups connector action. */
export function resolvesGroupMembers(workflow: DeployedResource): boolean {
  const actions = workflowActions(workflow);
  if (actions === 'unknown') return true;
  return actions.some((action) => {
    const inputs = action.inputs;
    if (inputs?.kind !== 'object') return false;
    if (action.type?.toLowerCase() === 'http') {
      const uri = valueAt(inputs, ['uri']);
      if (uri?.kind === 'unknown') return true;
      const text = knownString(uri) ?? '';
      return /graph\.microsoft\.(com|us)/i.test(text) && /\/groups\/.*\/(transitive)?members/i.test(text);
    }
    const connector = connectorOf(workflow, action);
    return connector === 'azuread' || connector === 'office365groups' || connector === 'office365groupsmail';
  });
}

