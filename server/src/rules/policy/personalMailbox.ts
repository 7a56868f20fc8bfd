/**
 * Whether an e-mail address looks like one person's mailbox rather than a shared or role
 * mailbox. The heuristic reads only the local part (before `@`, without a `+tag`):
 * - a role mailbox holds a role word: `privacy-office`, `security`, `soc`, `hipaa-alerts`,
 *   `compliance.team`, `it-oncall`, `devops` (whole words for short ones such as `it`, `soc`, `noc`);
 * - a personal mailbox is then name-shaped: one to three alphabetic parts joined by `.`, `_`
 *   or `-` (`jane.doe`, `j.doe`, `jane_m_doe`, `jdoe`, `janedoe`), optionally with digits at
 *   the end (`jdoe2`).
 * Anything else (`claims-2024-q3`, `x1y2`) is not judged personal. A shared mailbox with a
 * name-like local part (`claims@`) is reported; suppress it with a reason.
 */
export function looksPersonal(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at).split('+')[0].toLowerCase();
  const parts = local.split(/[._-]+/).filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > 3) return false;
  if (parts.some((part) => shortRoleWords.has(part.replace(/(?<!\d)\d+$/, '')))) return false;
  if (longRoleWords.some((word) => local.includes(word))) return false;
  const last = parts.length - 1;
  return parts.every((part, i) => (i === last ? /^[a-z]+\d{0,4}$/ : /^[a-z]+$/).test(part)) && parts.join('').replace(/(?<!\d)\d+$/, '').length >= 2;
}

const shortRoleWords = new Set([
  'it', 'is', 'ops', 'soc', 'noc', 'dpo', 'cso', 'ciso', 'cio', 'cto', 'hr', 'pr', 'sec', 'csirt', 'cirt', 'sirt', 'cert', 'psirt', 'dl', 'grp', 'info', 'team', 'desk', 'help', 'admin', 'abuse', 'legal', 'risk', 'audit', 'oncall', 'alert', 'alerts', 'all', 'staff', 'group', 'office', 'ir',
  'devops', 'devsecops', 'secops', 'sre', 'itops', 'cloudops', 'netops',
]);

const longRoleWords = [
  'privacy', 'security', 'compliance', 'incident', 'breach', 'hipaa', 'phi', 'oncall', 'on-call', 'alert', 'notif', 'helpdesk', 'service', 'support', 'operations', 'response', 'admin', 'audit', 'legal', 'office', 'team', 'noreply', 'no-reply', 'mailbox', 'shared', 'distribution', 'escalat', 'monitor', 'duty', 'officer', 'governance', 'infosec', 'cyber', 'emergency', 'contact', 'report',
];
