import { describeDays, parseDuration, secondsPerDay, secondsRange } from '../../syntax/policy/duration';
import type { DeadlineAudience } from '../../syntax/policy/notificationPolicy';
import { policyRule } from './policyRule';

const maxDays = 60;

const sections: Record<DeadlineAudience, string> = {
  individuals: '45 CFR 164.404(b) (individuals)',
  media: '45 CFR 164.406 (media)',
  hhs: '45 CFR 164.408 (HHS)',
  coveredEntity: '45 CFR 164.410 (business associate to covered entity)',
};

/** Compared in days; a duration in months or years is reported when its longest calendar length exceeds 60 days. */
export const hn501DeadlineExceeds60Days = policyRule(
  'HN501',
  'A notification deadline is longer than 60 calendar days after discovery.',
  (policy, report) => {
    for (const { audience, duration } of policy.deadlines) {
      const parsed = parseDuration(duration.value);
      if (!parsed) continue;
      const range = secondsRange(parsed);
      if (range.max <= maxDays * secondsPerDay) continue;
      const length = describeDays(range);
      const ambiguous = range.min !== range.max ? ` (months and years vary in length: ${duration.value} is ${length})` : ` (${length})`;
      report(duration.span, `deadline \`${audience}\` is ${duration.value}${ambiguous}, longer than the 60 calendar days after discovery that ${sections[audience]} allows; write at most P60D`);
    }
  },
);
