import { fix, replaceValue } from '../fixIntent';
import { policyRule } from './policyRule';

export const minimumRetentionDays = 2190;

export const hn506PolicyRetentionTooShort = policyRule(
  'HN506',
  'The notification audit trail is kept fewer than 2190 days (six years).',
  (policy, report) => {
    const retention = policy.auditTrail.retentionDays;
    if (!retention || retention.value >= minimumRetentionDays) return;
    report(retention.span, `the audit trail is kept ${retention.value} days; 45 CFR 164.530(j) requires six years: set \`retentionDays\` to at least ${minimumRetentionDays}`, [
      fix(`Set retentionDays to ${minimumRetentionDays}`, replaceValue({ file: policy.file, span: retention.span }, minimumRetentionDays)),
    ]);
  },
  { fix: 'sets retentionDays to 2190 (six years)' },
);
