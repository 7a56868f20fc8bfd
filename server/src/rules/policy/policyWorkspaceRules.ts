import type { NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import type { TemplateModel } from '../../workspace/templateModels';
import type { Finding } from '../finding';
import { hn504PolicyActionGroupMissing } from './hn504PolicyActionGroupMissing';
import { hn505PolicySourceNotWired } from './hn505PolicySourceNotWired';
import type { PolicyWorkspaceRule } from './policyWorkspaceRule';

/** The rules that check a policy against the templates of its folder and below. */
export const policyWorkspaceRules: readonly PolicyWorkspaceRule[] = [hn504PolicyActionGroupMissing, hn505PolicySourceNotWired];

export function checkPolicyAgainstTemplates(policy: NotificationPolicy, templates: readonly TemplateModel[], rules: readonly PolicyWorkspaceRule[] = policyWorkspaceRules): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(policy, templates);
    } catch (error) {
      return [{ ruleId: rule.id, level: 'info' as const, message: `${rule.id} could not check this file (${error instanceof Error ? error.message : String(error)})`, file: policy.file, span: { offset: 0, length: 0 } }];
    }
  });
}
