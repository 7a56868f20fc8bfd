import { expression, type Described, type ResourceText } from './templateText';

export const monitoringContributor = '749f88d5-cbae-40b8-bcfc-e573ddc772fa';
export const roleReceiver: Described = { name: 'monitoring', roleId: monitoringContributor, useCommonAlertSchema: true };

/** An action group with the given receiver lists (and `enabled: true` unless given). */
export function actionGroupText(receivers: { readonly [list: string]: Described }, options: { name?: Described; symbol?: string; enabled?: Described } = {}): ResourceText {
  return {
    symbol: options.symbol ?? 'agTier1',
    type: 'Microsoft.Insights/actionGroups@2023-01-01',
    body: { name: options.name ?? 'ag-hipaa-tier1', location: 'Global', properties: { groupShortName: 'hipaa-t1', enabled: options.enabled ?? true, ...receivers } },
  };
}

export const tier1Id = expression("resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')", "resourceId('Microsoft.Insights/actionGroups', 'ag-hipaa-tier1')");

/** A subscription activity log alert on one category, routed to the tier-1 action group. */
export function activityLogAlertText(category: Described, options: { name?: Described; symbol?: string; enabled?: Described; groups?: Described } = {}): ResourceText {
  return {
    symbol: options.symbol ?? 'categoryAlert',
    type: 'Microsoft.Insights/activityLogAlerts@2020-10-01',
    body: {
      name: options.name ?? 'ala-hipaa-category',
      location: 'Global',
      properties: {
        enabled: options.enabled ?? true,
        scopes: [expression('subscription().id', 'subscription().id')],
        condition: { allOf: [{ field: 'category', equals: category }] },
        actions: { actionGroups: options.groups ?? [{ actionGroupId: tier1Id }] },
      },
    },
  };
}
