import { alertRouting } from '../../model/alertRouting';
import { isAlertRule } from '../../model/alerts';
import { isDeployed } from '../../model/resourceReference';
import { fix, replaceValue } from '../fixIntent';
import { routeToActionGroupFixes } from './actionGroupRouteFix';
import { defineRule, describe } from '../rule';

/** HN104: an alert rule that is disabled or routes to no working action group notifies nobody. */
export const hn104AlertNotRouted = defineRule('HN104', 'An alert rule is disabled, has no action group, or only points at disabled/empty action groups.', (context, report) => {
  for (const alert of context.resources) {
    if (!isAlertRule(alert) || !isDeployed(alert)) continue;
    const routing = alertRouting(alert, context.resources, context.deploymentOf);
    switch (routing.kind) {
      case 'disabled':
        report({ at: routing.enabled, resource: alert, fixes: [fix('Set enabled to true', replaceValue(routing.enabled.origin, true))], message: `${describe(alert)} is disabled, so it notifies nobody: set enabled to true (tune or narrow it if it is noisy)` });
        break;
      case 'noActionGroup':
        report({ at: routing.at, resource: alert, fixes: routeToActionGroupFixes(alert, context.resources, context.deploymentOf), message: `${describe(alert)} has no action group, so it notifies nobody: route it to an enabled action group with receivers` });
        break;
      case 'brokenGroups':
        report({
          at: routing.at,
          resource: alert,
          fixes: routeToActionGroupFixes(alert, context.resources, context.deploymentOf),
          message: `${describe(alert)} routes only to action groups that are disabled or have no receivers (${routing.groups.map(describe).join(', ')}): route it to a working action group`,
          related: routing.groups.map((group) => ({ file: group.origin.file, span: group.origin.span, message: `${describe(group)} is disabled or empty` })),
        });
        break;
      case 'removed':
        report({
          at: routing.at,
          resource: alert,
          message: `${describe(alert)} is covered by ${describe(routing.rule)}, which removes all its action groups at all times, so it notifies nobody: give the processing rule a schedule or narrower scopes`,
          related: [{ file: routing.rule.origin.file, span: routing.rule.origin.span, message: `${describe(routing.rule)} removes all action groups` }],
        });
        break;
    }
  }
}, { fix: "sets enabled to true where the flag is written; an alert without a working action group gets one 'Route to action group' fix per enabled action group with receivers declared in its file (by symbol in Bicep, by resourceId() with a dependsOn entry in ARM JSON), applied without asking only when there is one" });
