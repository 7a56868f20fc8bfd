import type { PathSegment } from '../syntax/policy/policyTree';

/** The regulation and the rule behind a field, shown on hover. Keys are paths with `*` for list items. */
const citations: Record<string, { readonly cfr: string; readonly rule?: string }> = {
  'spec.entity.role': { cfr: '45 CFR 160.103 (definitions of covered entity and business associate)' },
  'spec.entity.timeZone': { cfr: '45 CFR 164.404(b) (deadlines are calendar days)', rule: 'HN503' },
  'spec.discovery': { cfr: '45 CFR 164.308(a)(1)(ii)(D), 164.404(a)(2) (discovery of a breach)', rule: 'HN505' },
  'spec.escalation': { cfr: '45 CFR 164.308(a)(6)(ii) (security incident response and reporting)', rule: 'HN507' },
  'spec.escalation.*.within': { cfr: '45 CFR 164.308(a)(6)(ii)', rule: 'HN507' },
  'spec.escalation.*.actionGroup': { cfr: '45 CFR 164.308(a)(6)(ii)', rule: 'HN504' },
  'spec.escalation.*.recipients': { cfr: '45 CFR 164.308(a)(6)(ii)', rule: 'HN502' },
  'spec.deadlines': { cfr: '45 CFR 164.404-164.410', rule: 'HN501' },
  'spec.deadlines.individuals': { cfr: '45 CFR 164.404(b)', rule: 'HN501' },
  'spec.deadlines.media': { cfr: '45 CFR 164.406', rule: 'HN501' },
  'spec.deadlines.hhs': { cfr: '45 CFR 164.408', rule: 'HN501' },
  'spec.deadlines.coveredEntity': { cfr: '45 CFR 164.410', rule: 'HN501' },
  'spec.auditTrail': { cfr: '45 CFR 164.312(b), 164.530(j)', rule: 'HN506' },
  'spec.auditTrail.retentionDays': { cfr: '45 CFR 164.530(j)(2) (six years)', rule: 'HN506' },
  'spec.auditTrail.workspace': { cfr: '45 CFR 164.312(b) (audit controls)' },
};

/** The citation of the field itself, else of the nearest field above it. */
export function citationOf(path: readonly PathSegment[]): { readonly cfr: string; readonly rule?: string } | undefined {
  const keys = path.map((segment) => (typeof segment === 'number' ? '*' : segment));
  for (let length = keys.length; length > 0; length--) {
    const found = citations[keys.slice(0, length).join('.')];
    if (found) return found;
  }
  return undefined;
}
