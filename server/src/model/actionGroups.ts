import type { DeployedResource } from './deployedResource';
import { valueAt, type Value } from './value';

/** Every receiver list an action group can have (Microsoft.Insights/actionGroups, 2023-01-01). */
export const receiverLists = [
  'emailReceivers',
  'smsReceivers',
  'voiceReceivers',
  'webhookReceivers',
  'logicAppReceivers',
  'azureFunctionReceivers',
  'armRoleReceivers',
  'eventHubReceivers',
  'automationRunbookReceivers',
  'azureAppPushReceivers',
  'itsmReceivers',
  'incidentReceivers',
] as const;

export type ReceiverList = (typeof receiverLists)[number];

/** The receivers of one list; 'unknown' when the list or an item cannot be known. */
export function receiversOf(actionGroup: DeployedResource, list: ReceiverList): readonly Value[] | 'unknown' {
  if (!actionGroup.properties) return [];
  if (actionGroup.properties.kind === 'unknown') return 'unknown';
  const value = valueAt(actionGroup.properties, [list]);
  if (!value || value.kind === 'null') return [];
  if (value.kind === 'unknown') return 'unknown';
  return value.kind === 'array' ? value.items : [];
}

/** How many receivers the action group has in all, or 'unknown'. */
export function receiverCount(actionGroup: DeployedResource): number | 'unknown' {
  let count = 0;
  for (const list of receiverLists) {
    const receivers = receiversOf(actionGroup, list);
    if (receivers === 'unknown') return 'unknown';
    count += receivers.length;
  }
  return count;
}
