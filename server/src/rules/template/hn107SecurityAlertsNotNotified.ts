import type { DeployedResource } from '../../model/deployedResource';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { valueAt, type Origin, type Value } from '../../model/value';
import { discoverySourceSpan } from '../../syntax/policy/notificationPolicy';
import { addParameter, addResource, fixToReview, parameterReference, type Fix } from '../fixIntent';
import { defineRule, deploysUnseen, describe, type RuleContext } from '../rule';
import { subscriptionTemplateAnchor } from './subscriptionTemplate';

const contactType = 'Microsoft.Security/securityContacts';
const automationType = 'Microsoft.Security/automations';
const enoughSeverities = ['medium', 'low'];

/** What is wrong with a security contact: the value (or the contact) and why; undefined when it passes or is not known. */
interface Shortfall {
  readonly at: Value | Origin;
  readonly why: string;
}

/** HN107 (workspace): Defender for Cloud alerts must reach a contact, the owners, or an export. */
export const hn107SecurityAlertsNotNotified = defineRule('HN107', 'No security contact notifies on alerts (Medium or lower, owners by role) and no automation exports Alerts.', (context, report) => {
  if (!context.policyFile || deploysUnseen(context)) return;
  const contacts = context.resources.filter((r) => sameType(r.type, contactType) && isDeployed(r));
  const automations = context.resources.filter((r) => sameType(r.type, automationType) && isDeployed(r) && exportsAlerts(r) !== false);
  const contactShortfalls = contacts.map((contact) => ({ contact, shortfall: contactShortfall(contact) }));
  if (contactShortfalls.some(({ shortfall }) => shortfall === undefined)) return;
  const automationShortfalls = automations.map((automation) => ({ automation, shortfall: automationShortfall(automation) }));
  if (automationShortfalls.some(({ shortfall }) => shortfall === undefined)) return;
  if (contacts.length > 0) {
    for (const { contact, shortfall } of contactShortfalls) {
      report({ at: shortfall!.at, resource: contact, message: `${describe(contact)} ${shortfall!.why}, and no automation exports Defender alerts: Defender for Cloud alerts reach nobody` });
    }
  } else if (automations.length > 0) {
    for (const { automation, shortfall } of automationShortfalls) {
      report({ at: shortfall!.at, resource: automation, message: `${describe(automation)} ${shortfall!.why}, and no security contact notifies on alerts: Defender for Cloud alerts reach nobody` });
    }
  } else {
    report({
      at: { file: context.policyFile, span: discoverySourceSpan(context.policy, 'defenderForCloud') ?? context.policy?.name?.span ?? { offset: 0, length: 0 } },
      fixes: securityContactFix(context),
      message: `no security contact notifies on Defender for Cloud alerts and no automation exports them in the templates of this policy's folder: add a Microsoft.Security/securityContacts with alert notifications (Medium and up) and notifications to Owners, or an automation exporting Alerts to the notifier`,
    });
  }
}, {
  fix: "adds a Microsoft.Security/securityContacts (alerts from Medium up, subscription owners notified) to the workspace's one subscription-scope template, its addresses from a new parameter 'securityContactEmails' the author fills in with role mailboxes; offered for review, never applied by fix-all or check --fix",
});

/** A security contact mailing alerts from Medium up and the subscription owners, its addresses from a new parameter. */
function securityContactFix(context: RuleContext): Fix[] {
  const anchor = subscriptionTemplateAnchor(context);
  if (!anchor) return [];
  const contact = {
    symbol: 'securityContact',
    type: contactType,
    apiVersion: '2023-12-01-preview',
    scoped: false,
    body: {
      name: 'default',
      properties: {
        emails: parameterReference('securityContactEmails'),
        isEnabled: true,
        notificationsByRole: { state: 'On', roles: ['Owner'] },
        notificationsSources: [{ sourceType: 'Alert', minimalSeverity: 'Medium' }],
      },
    },
  };
  return [
    fixToReview(
      "Add a security contact (alerts from Medium up, owners notified; addresses from parameter 'securityContactEmails')",
      addParameter(anchor.origin, { name: 'securityContactEmails', type: 'string', description: 'Role mailboxes (separated by ;) that Defender for Cloud mails about security alerts.' }),
      addResource(anchor.origin, contact),
    ),
  ];
}

function isOn(value: Value | undefined): boolean | 'unknown' {
  if (value?.kind === 'unknown') return 'unknown';
  if (value?.kind === 'boolean') return value.value;
  return knownString(value)?.toLowerCase() === 'on';
}

/** Checks in order; the first known failure wins, any unknown part makes the contact pass (silence). */
function contactShortfall(contact: DeployedResource): Shortfall | undefined {
  const properties = contact.properties;
  if (!properties || properties.kind !== 'object') return properties?.kind === 'unknown' ? undefined : { at: contact.origin, why: 'has no properties' };
  const checks: Array<() => Shortfall | 'ok' | 'unknown'> = [];
  const alertNotifications = valueAt(properties, ['alertNotifications']);
  const sources = valueAt(properties, ['notificationsSources']);
  const check = (value: Value | undefined, good: boolean | 'unknown', why: string): Shortfall | 'ok' | 'unknown' =>
    good === 'unknown' ? 'unknown' : good ? 'ok' : { at: value && value.kind !== 'null' ? value : contact.origin, why };
  if (sources !== undefined || valueAt(properties, ['isEnabled']) !== undefined) {
    // API 2023-12-01-preview
    checks.push(() => {
      const enabled = valueAt(properties, ['isEnabled']);
      return check(enabled, isOn(enabled), 'is not enabled (isEnabled)');
    });
    checks.push(() => {
      if (sources?.kind === 'unknown') return 'unknown';
      const items = sources?.kind === 'array' ? sources.items : [];
      if (items.some((item) => item.kind === 'unknown')) return 'unknown';
      const alert = items.find((item) => knownString(valueAt(item, ['sourceType']))?.toLowerCase() === 'alert');
      if (!alert) return { at: sources && sources.kind !== 'null' ? sources : contact.origin, why: "has no notificationsSources entry with sourceType 'Alert'" };
      const severity = valueAt(alert, ['minimalSeverity']);
      return check(severity, severity?.kind === 'unknown' ? 'unknown' : enoughSeverities.includes(knownString(severity)?.toLowerCase() ?? ''), "mails alerts only from High severity up (set minimalSeverity to 'Medium' or 'Low')");
    });
  } else if (alertNotifications?.kind === 'string' || alertNotifications?.kind === 'unknown') {
    // API 2017-08-01-preview: `alertNotifications: 'On'`, `alertsToAdmins: 'On'`
    checks.push(() => check(alertNotifications, isOn(alertNotifications), "has alert notifications off (set alertNotifications to 'On')"));
    checks.push(() => {
      const admins = valueAt(properties, ['alertsToAdmins']);
      return check(admins, isOn(admins), "does not notify subscription owners (set alertsToAdmins to 'On')");
    });
    return first(checks);
  } else {
    // API 2020-01-01-preview
    checks.push(() => {
      const state = alertNotifications?.kind === 'object' ? valueAt(alertNotifications, ['state']) : alertNotifications;
      return check(state, isOn(state), "has alert notifications off (set alertNotifications.state to 'On')");
    });
    checks.push(() => {
      const severity = alertNotifications?.kind === 'object' ? valueAt(alertNotifications, ['minimalSeverity']) : undefined;
      return check(severity, severity?.kind === 'unknown' ? 'unknown' : enoughSeverities.includes(knownString(severity)?.toLowerCase() ?? ''), "mails alerts only from High severity up (set minimalSeverity to 'Medium' or 'Low')");
    });
  }
  checks.push(() => {
    const byRole = valueAt(properties, ['notificationsByRole']);
    const state = byRole?.kind === 'object' ? valueAt(byRole, ['state']) : byRole;
    const stateOk = check(state, isOn(state), "does not notify by role (set notificationsByRole.state to 'On')");
    if (stateOk !== 'ok') return stateOk;
    const roles = byRole?.kind === 'object' ? valueAt(byRole, ['roles']) : undefined;
    if (roles?.kind === 'unknown' || (roles?.kind === 'array' && roles.items.some((r) => r.kind === 'unknown'))) return 'unknown';
    const owner = roles?.kind === 'array' && roles.items.some((r) => knownString(r)?.toLowerCase() === 'owner');
    return check(roles, owner, "does not notify the subscription's Owners (add 'Owner' to notificationsByRole.roles)");
  });
  return first(checks);
}

function first(checks: ReadonlyArray<() => Shortfall | 'ok' | 'unknown'>): Shortfall | undefined {
  for (const run of checks) {
    const result = run();
    if (result === 'unknown') return undefined;
    if (result !== 'ok') return result;
  }
  return undefined;
}

/** Whether the automation's sources include `Alerts`; 'unknown' when not known. */
function exportsAlerts(automation: DeployedResource): boolean | 'unknown' {
  const sources = automation.properties ? valueAt(automation.properties, ['sources']) : undefined;
  if (sources?.kind === 'unknown') return 'unknown';
  if (sources?.kind !== 'array') return false;
  let unknown = false;
  for (const source of sources.items) {
    const eventSource = valueAt(source, ['eventSource']);
    if (eventSource?.kind === 'unknown' || source.kind === 'unknown') unknown = true;
    else if (knownString(eventSource)?.toLowerCase() === 'alerts') return true;
  }
  return unknown ? 'unknown' : false;
}

function automationShortfall(automation: DeployedResource): Shortfall | undefined {
  const properties = automation.properties;
  if (!properties || properties.kind !== 'object' || exportsAlerts(automation) === 'unknown') return undefined;
  const enabled = valueAt(properties, ['isEnabled']);
  if (enabled?.kind === 'unknown') return undefined;
  if (enabled?.kind === 'boolean' && !enabled.value) return { at: enabled, why: 'exports Defender alerts but is disabled (set isEnabled to true)' };
  const actions = valueAt(properties, ['actions']);
  if (actions?.kind === 'unknown') return undefined;
  const items = actions?.kind === 'array' ? actions.items : [];
  for (const action of items) {
    const type = valueAt(action, ['actionType']);
    if (action.kind === 'unknown' || type?.kind === 'unknown') return undefined;
    if (['logicapp', 'workspace'].includes(knownString(type)?.toLowerCase() ?? '')) return undefined;
  }
  return { at: actions && actions.kind !== 'null' ? actions : automation.origin, why: "exports Defender alerts to neither a Logic App nor a Log Analytics workspace (add an action of actionType 'LogicApp' or 'Workspace')" };
}
