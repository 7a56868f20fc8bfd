import { diagnosticSettingsOf, type DiagnosticSetting } from '../../model/diagnosticSettings';
import type { Origin } from '../../model/value';
import { addParameter, addResource, fixToReview, parameterReference, type Fix } from '../fixIntent';
import type { RuleContext } from '../rule';
import { defineRule, describe } from '../rule';
import { subscriptionTemplateAnchor } from './subscriptionTemplate';

const activityCategories = ['Administrative', 'Security', 'Policy', 'Alert'];

/** HN305 (workspace): the activity log is the record of who changed the notification chain. */
export const hn305ActivityLogNotExported = defineRule('HN305', 'No subscription-scope diagnostic setting exports the activity log (Administrative, Security, Policy, Alert) to Log Analytics.', (context, report) => {
  if (!context.policyFile) return;
  const subscriptionSettings = diagnosticSettingsOf(context.resources).filter((s) => s.target === 'deploymentScope' && s.resource.targetScope === 'subscription');
  const shortfalls = subscriptionSettings.map((setting) => ({ setting, missing: shortfallOf(setting) }));
  if (shortfalls.some(({ missing }) => missing === undefined)) return;
  if (subscriptionSettings.some((s) => context.partial?.has(s.resource))) return;
  for (const { setting, missing } of shortfalls) {
    report({ at: setting.resource.origin, message: `the subscription's ${describe(setting.resource)} ${missing}: export Administrative, Security, Policy and Alert (or the allLogs category group) to a Log Analytics workspace` });
  }
  if (subscriptionSettings.length > 0 || context.resources.some((r) => context.partial?.has(r))) return;
  const policy = context.policy;
  const at: Origin = { file: context.policyFile, span: policy?.auditTrail.workspace?.span ?? policy?.auditTrail.span ?? policy?.name?.span ?? { offset: 0, length: 0 } };
  report({ at, fixes: activityLogExportFix(context), message: `no template of this policy's folder exports the subscription's activity log: add a subscription-scope Microsoft.Insights/diagnosticSettings (targetScope 'subscription') sending Administrative, Security, Policy and Alert to the audit workspace` });
}, {
  fix: "adds a subscription-scope diagnostic setting exporting every activity log category (allLogs) to a workspace given as a new parameter 'auditWorkspaceId', in the workspace's one subscription-scope template; offered for review, never applied by fix-all or check --fix. Settings that miss categories are left to the author",
});

const workspaceParameter = 'auditWorkspaceId';

/**
 * A subscription diagnostic setting exporting every activity log category to a workspace given
 * as a new parameter, added to the workspace's subscription-scope template (after its first
 * resource); none when there is no such template, or several to choose from.
 */
function activityLogExportFix(context: RuleContext): Fix[] {
  const anchor = subscriptionTemplateAnchor(context);
  if (!anchor) return [];
  const setting = {
    symbol: 'activityLogExport',
    type: 'Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    scoped: false,
    body: { name: 'hipaa-notify-activity-log', properties: { workspaceId: parameterReference(workspaceParameter), logs: [{ categoryGroup: 'allLogs', enabled: true }] } },
  };
  return [
    fixToReview(
      `Export the activity log to a workspace given as parameter '${workspaceParameter}'`,
      addParameter(anchor.origin, { name: workspaceParameter, type: 'string', description: 'Resource ID of the Log Analytics workspace that keeps the HIPAA audit trail (hipaa-notify HN305).' }),
      addResource(anchor.origin, setting),
    ),
  ];
}

/** What a subscription setting lacks; undefined when it exports everything or cannot be known. */
function shortfallOf(setting: DiagnosticSetting): string | undefined {
  if (!setting.workspaceId) return 'sends the activity log to no Log Analytics workspace (workspaceId)';
  const { logs } = setting;
  if (logs.groups.has('alllogs') || logs.unknown) return undefined;
  const missing = activityCategories.filter((c) => !logs.categories.has(c.toLowerCase()));
  return missing.length === 0 ? undefined : `does not export the ${missing.join(', ')} categor${missing.length === 1 ? 'y' : 'ies'}`;
}
