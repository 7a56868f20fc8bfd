import type { Level } from './finding';

/** What every consumer (LSP, CLI, SARIF, config schema, docs) needs to know about a rule. */
export interface RuleMeta {
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly summary: string;
  /** 45 CFR sections the rule rests on, shown on hover and in docs. */
  readonly citation?: string;
  /** Runs only when the workspace has a notification policy file. */
  readonly workspace?: boolean;
}

/** The stable catalog of shared/RULES.md. IDs are never reused or renumbered. */
export const catalog: readonly RuleMeta[] = [
  { id: 'HN001', name: 'syntax-error', level: 'error', summary: 'The file does not parse.' },
  { id: 'HN002', name: 'unresolved-reference', level: 'warning', summary: 'A symbol, parameter, variable, module path or resource reference does not exist.' },
  { id: 'HN009', name: 'suppression-missing-reason', level: 'info', summary: 'A suppression comment or metadata entry gives no reason.' },
  { id: 'HN101', name: 'action-group-hardcoded-recipients', level: 'warning', summary: 'An action group notifies personal addresses or numbers and has no role-based receivers.', citation: '45 CFR 164.308(a)(1)(ii)(D), 164.308(a)(6)(ii)' },
  { id: 'HN102', name: 'logic-app-hardcoded-recipients', level: 'warning', summary: 'A Logic App sends mail, Teams or SMS to literal addresses.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN103', name: 'action-group-disabled-or-empty', level: 'error', summary: 'An action group is disabled or has no receivers.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN104', name: 'alert-not-routed', level: 'error', summary: 'An alert rule is disabled or routes to no working action group.', citation: '45 CFR 164.308(a)(1)(ii)(D)' },
  { id: 'HN105', name: 'alert-missing-dimension-filter', level: 'warning', summary: 'A broadly scoped alert does not narrow or split by resource.', citation: '45 CFR 164.308(a)(1)(ii)(D)' },
  { id: 'HN106', name: 'policy-compliance-not-notified', level: 'warning', workspace: true, summary: 'Azure Policy is assigned but non-compliance notifies nobody.', citation: '45 CFR 164.308(a)(1)(ii)(D)' },
  { id: 'HN107', name: 'security-alerts-not-notified', level: 'warning', workspace: true, summary: 'Defender for Cloud alerts reach no contact, role or automation.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN108', name: 'activity-log-alerts-incomplete', level: 'warning', workspace: true, summary: 'No routed activity log alert for each of Administrative, Security and Policy.', citation: '45 CFR 164.308(a)(1)(ii)(D)' },
  { id: 'HN109', name: 'common-alert-schema-off', level: 'info', summary: 'A webhook, Logic App, Function or Event Hub receiver does not use the common alert schema.', citation: '45 CFR 164.312(b)' },
  { id: 'HN201', name: 'logic-app-retry-disabled', level: 'warning', summary: 'A notification action retries fewer than 3 times or not at all.', citation: '45 CFR 164.404-164.410' },
  { id: 'HN202', name: 'logic-app-no-failure-path', level: 'warning', summary: 'A notification action has no path that runs when it fails.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN203', name: 'event-subscription-no-dead-letter', level: 'warning', summary: 'An Event Grid subscription drops undeliverable events.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN204', name: 'event-subscription-retry-too-short', level: 'info', summary: 'An Event Grid subscription gives up delivery too early.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN205', name: 'recurrence-without-timezone', level: 'warning', summary: 'A Logic App recurrence runs in UTC because it names no time zone.', citation: '45 CFR 164.404(b)' },
  { id: 'HN206', name: 'invalid-timezone', level: 'error', summary: 'A Logic App time zone is not a Windows time zone ID.', citation: '45 CFR 164.404(b)' },
  { id: 'HN207', name: 'webhook-not-https', level: 'error', summary: 'A notification endpoint uses http://.', citation: '45 CFR 164.312(e)(1)' },
  { id: 'HN208', name: 'notification-component-disabled', level: 'error', summary: 'A notification Logic App or Defender automation is disabled.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN209', name: 'webhook-without-aad-auth', level: 'warning', summary: 'An action group webhook does not authenticate with Microsoft Entra ID.', citation: '45 CFR 164.312(d)' },
  { id: 'HN301', name: 'notification-delivery-not-logged', level: 'warning', summary: 'A notification component sends no delivery logs to Log Analytics.', citation: '45 CFR 164.312(b)' },
  { id: 'HN302', name: 'phi-store-audit-logs-missing', level: 'warning', summary: 'A PHI store sends no audit logs to Log Analytics.', citation: '45 CFR 164.312(b)' },
  { id: 'HN303', name: 'audit-retention-too-short', level: 'warning', summary: 'An audit workspace keeps logs for less than a year and archives none for six.', citation: '45 CFR 164.316(b)(2)(i), 164.530(j)' },
  { id: 'HN304', name: 'notification-config-unprotected', level: 'info', summary: 'Notification configuration has no delete or read-only lock.', citation: '45 CFR 164.308(a)(1)' },
  { id: 'HN305', name: 'activity-log-not-exported', level: 'warning', workspace: true, summary: 'The subscription activity log is not exported to Log Analytics.', citation: '45 CFR 164.312(b)' },
  { id: 'HN401', name: 'nsg-blocks-notification-egress', level: 'warning', summary: 'An NSG denies the outbound traffic notifications need.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN402', name: 'keyvault-denies-notification-identity', level: 'error', summary: 'A notification component cannot read the Key Vault secret it uses.', citation: '45 CFR 164.312(a)(1)' },
  { id: 'HN403', name: 'notification-identity-missing', level: 'warning', summary: 'A notification component calling Azure APIs has no managed identity.', citation: '45 CFR 164.312(d)' },
  { id: 'HN404', name: 'keyvault-grant-by-copied-id', level: 'warning', summary: "A notification component's secret reads are granted only to written object IDs, not to its principal.", citation: '45 CFR 164.312(a)(1), 164.312(d)' },
  { id: 'HN500', name: 'policy-schema', level: 'error', summary: 'The notification policy file breaks its schema.' },
  { id: 'HN501', name: 'deadline-exceeds-60-days', level: 'error', summary: 'A breach notification deadline is longer than 60 days after discovery.', citation: '45 CFR 164.404(b), 164.406, 164.408, 164.410' },
  { id: 'HN502', name: 'policy-recipient-hardcoded', level: 'warning', summary: 'An escalation tier names people instead of Entra groups or roles.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN503', name: 'policy-invalid-timezone', level: 'error', summary: 'The policy time zone is not an IANA zone.', citation: '45 CFR 164.404(b)' },
  { id: 'HN504', name: 'policy-action-group-missing', level: 'error', summary: 'The policy names an action group no template defines.', citation: '45 CFR 164.308(a)(6)(ii)' },
  { id: 'HN505', name: 'policy-source-not-wired', level: 'warning', summary: 'A declared discovery source is routed to no tier-1 action group.', citation: '45 CFR 164.308(a)(1)(ii)(D)' },
  { id: 'HN506', name: 'policy-retention-too-short', level: 'error', summary: 'The notification audit trail is kept for less than six years.', citation: '45 CFR 164.530(j)' },
  { id: 'HN507', name: 'escalation-order', level: 'warning', summary: 'Escalation tiers do not escalate in increasing time, or tier 1 waits over an hour.', citation: '45 CFR 164.404-164.410' },
];

const byId = new Map(catalog.map((rule) => [rule.id, rule]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

/**
 * Where a rule's doc page lives: `base/ID.md` under a folder or web address, or `base` with `{id}`
 * replaced (a command link that renders the page, from the editor).
 */
export function ruleDocUrl(id: string, base: string): string {
  return base.includes('{id}') ? base.split('{id}').join(id) : `${base.replace(/\/$/, '')}/${id}.md`;
}
