import type { NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import type { Finding } from '../finding';
import { hn500PolicySchema } from './hn500PolicySchema';
import { hn501DeadlineExceeds60Days } from './hn501DeadlineExceeds60Days';
import { hn502PolicyRecipientHardcoded } from './hn502PolicyRecipientHardcoded';
import { hn503PolicyInvalidTimezone } from './hn503PolicyInvalidTimezone';
import { hn506PolicyRetentionTooShort } from './hn506PolicyRetentionTooShort';
import { hn507EscalationOrder } from './hn507EscalationOrder';
import type { PolicyRule } from './policyRule';

/** The rules that read a policy file on its own (HN504 and HN505 need the workspace's templates). */
export const policyFileRules: readonly PolicyRule[] = [
  hn500PolicySchema,
  hn501DeadlineExceeds60Days,
  hn502PolicyRecipientHardcoded,
  hn503PolicyInvalidTimezone,
  hn506PolicyRetentionTooShort,
  hn507EscalationOrder,
];

/** Every file-level rule on one policy; a rule that fails becomes a finding instead of an exception. */
export function checkPolicy(policy: NotificationPolicy, rules: readonly PolicyRule[] = policyFileRules): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(policy);
    } catch (error) {
      return [{ ruleId: rule.id, level: 'info' as const, message: `${rule.id} could not check this file (${error instanceof Error ? error.message : String(error)})`, file: policy.file, span: { offset: 0, length: 0 } }];
    }
  });
}
