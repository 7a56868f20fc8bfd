import { diagnosticSettingsOf, isLogged } from '../../model/diagnosticSettings';
import { componentTypes, notificationComponents } from '../../model/notificationComponents';
import type { DeployedResource } from '../../model/deployedResource';
import { knownString, sameType } from '../../model/resourceReference';
import { defineRule, describe } from '../rule';
import { diagnosticSettingFixes } from './diagnosticSettingFix';

/** The log category that records a component's runs or deliveries. */
const runtimeCategories: ReadonlyArray<readonly [string, string]> = [
  [componentTypes.logicApp, 'WorkflowRuntime'],
  [componentTypes.site, 'FunctionAppLogs'],
  [componentTypes.eventGridTopic, 'DeliveryFailures'],
  [componentTypes.eventGridSystemTopic, 'DeliveryFailures'],
  [componentTypes.eventGridDomain, 'DeliveryFailures'],
];

function isFunctionApp(site: DeployedResource): boolean {
  return knownString(site.kind)?.toLowerCase().includes('functionapp') ?? true;
}

/** HN301: nobody can prove a notification went out unless its component's runs are logged. */
export const hn301NotificationDeliveryNotLogged = defineRule('HN301', 'A notification component has no diagnostic setting sending its runtime or delivery logs to Log Analytics.', (context, report) => {
  const settings = diagnosticSettingsOf(context.resources);
  for (const component of notificationComponents(context.resources)) {
    if (context.partial?.has(component)) continue;
    const category = sameType(component.type, componentTypes.site) && !isFunctionApp(component) ? 'AppServiceHTTPLogs' : runtimeCategories.find(([type]) => sameType(component.type, type))?.[1];
    if (!category) continue;
    const where = { deployments: { resources: context.resources, deploymentOf: context.deploymentOf }, deployment: context.deploymentOf?.get(component) };
    if (isLogged(component, settings, { groups: ['allLogs'], categories: [category] }, where) !== false) continue;
    report({
      at: component.origin,
      fixes: diagnosticSettingFixes(component, context.resources, [{ categoryGroup: 'allLogs', enabled: true }], 'HN301'),
      message: `${describe(component)} is a notification component but no diagnostic setting sends its ${category} logs to a Log Analytics workspace, so nobody can prove a notification went out: add a Microsoft.Insights/diagnosticSettings scoped to it with the allLogs category group and a workspaceId`,
    });
  }
}, {
  fix: "adds a Microsoft.Insights/diagnosticSettings scoped to the component with the allLogs category group, sending to the Log Analytics workspace declared in the same file (one fix per workspace when there are several: a choice), or to a new parameter 'auditWorkspaceId' the author fills in (offered, never applied by fix-all or check --fix)",
});
