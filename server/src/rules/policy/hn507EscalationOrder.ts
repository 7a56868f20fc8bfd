import { parseDuration, secondsPerHour, secondsRange } from '../../syntax/policy/duration';
import { tiersInOrder, type EscalationTier } from '../../syntax/policy/notificationPolicy';
import { fix, replaceValue } from '../fixIntent';
import { policyRule } from './policyRule';

const label = (tier: EscalationTier) => `tier ${tier.tier?.value ?? tier.index + 1}`;

export const hn507EscalationOrder = policyRule(
  'HN507',
  "Escalation tiers' `within` durations do not increase, or tier 1 waits longer than one hour.",
  (policy, report) => {
    const timed = tiersInOrder(policy.escalation).flatMap((tier) => {
      const duration = tier.within ? parseDuration(tier.within.value) : undefined;
      return tier.within && duration ? [{ tier, within: tier.within, range: secondsRange(duration) }] : [];
    });
    const first = timed[0];
    if (first && first.tier === tiersInOrder(policy.escalation)[0] && first.range.min > secondsPerHour) {
      report(first.within.span, `${label(first.tier)} is reached ${first.within.value} after discovery; the first tier should be notified within one hour (PT1H)`, [fix("Set tier 1's within to PT1H", replaceValue({ file: policy.file, span: first.within.span }, 'PT1H'))]);
    }
    const numbered = new Map<number, EscalationTier>();
    for (const tier of policy.escalation) {
      if (!tier.tier) continue;
      const earlier = numbered.get(tier.tier.value);
      if (earlier) report(tier.tier.span, `two escalation tiers are numbered ${tier.tier.value}; number the tiers in the order they are reached`);
      else numbered.set(tier.tier.value, tier);
    }
    for (let i = 1; i < timed.length; i++) {
      const previous = timed[i - 1];
      const current = timed[i];
      if (current.range.max > previous.range.min) continue;
      const same = current.range.max === previous.range.min;
      report(
        current.within.span,
        `${label(current.tier)} is reached ${current.within.value} after discovery, ${same ? 'at the same time as' : 'before'} ${label(previous.tier)} (${previous.within.value}); each tier should be reached later than the one before`,
      );
    }
  },
  { fix: "sets tier 1's within to PT1H when it waits longer than an hour; tiers out of order are left to the author (who is told when is the organisation's decision)" },
);
