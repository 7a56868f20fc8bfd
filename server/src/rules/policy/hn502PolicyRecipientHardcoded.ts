import { looksPersonal } from './personalMailbox';
import { policyRule } from './policyRule';

export const hn502PolicyRecipientHardcoded = policyRule(
  'HN502',
  'An escalation tier names a person by e-mail address instead of a Microsoft Entra group or an Azure role.',
  (policy, report) => {
    for (const tier of policy.escalation) {
      for (const recipient of tier.recipients) {
        if (recipient.kind !== 'email' || !looksPersonal(recipient.value)) continue;
        const name = `tier ${tier.tier?.value ?? tier.index + 1}`;
        report(recipient.span, `${name} notifies ${recipient.value}, which looks like a person's mailbox: the notification stops reaching the right people when they change roles; use an \`entraGroup\` or \`armRole\` recipient`);
      }
    }
  },
);
