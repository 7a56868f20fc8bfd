import { notificationPolicyOf, type NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import { readPolicyTree } from '../../syntax/policy/readPolicyTree';
import { applySuppressions } from '../../suppression/suppression';
import type { Finding } from '../finding';
import type { TemplateModel } from '../../workspace/templateModels';
import { checkPolicy } from './policyFileRules';
import { checkPolicyAgainstTemplates } from './policyWorkspaceRules';
import { policySuppressions } from './policySuppressions';

export interface PolicyAnalysis {
  /** The typed view for workspace rules (HN504, HN505); undefined when nothing could be read. */
  readonly policy: NotificationPolicy | undefined;
  /** HN001 for syntax problems, then HN500-HN507 findings of the file alone, after suppressions (HN009 for those without a reason). */
  readonly findings: Finding[];
}

/**
 * Reads and checks one notification policy file (`*.hipaa-notify.yaml|yml|json`); with the
 * templates of its folder and below, also HN504/HN505; `templateRuleFindings` are the workspace
 * rules' findings that sit in this file (HN107, HN305 when nothing in the templates qualifies). Never throws.
 */
export function analysePolicyFile(file: string, text: string, templates?: readonly TemplateModel[], templateRuleFindings: readonly Finding[] = []): PolicyAnalysis {
  const tree = readPolicyTree(file, text);
  const syntaxFindings: Finding[] = tree.problems.map((problem) => ({
    ruleId: 'HN001',
    level: 'error',
    message: problem.message,
    file,
    span: { offset: problem.offset, length: problem.length },
  }));
  if (!tree.root) {
    if (syntaxFindings.length === 0) syntaxFindings.push({ ruleId: 'HN500', level: 'error', message: 'the file is empty: a notification policy starts with `apiVersion: hipaa-notify/v1` and `kind: NotificationPolicy`', file, span: { offset: 0, length: 0 } });
    return { policy: undefined, findings: syntaxFindings };
  }
  const policy = notificationPolicyOf(file, tree.syntax, tree.root);
  const findings = [...syntaxFindings, ...checkPolicy(policy), ...(templates ? checkPolicyAgainstTemplates(policy, templates) : []), ...templateRuleFindings];
  const kept = applySuppressions(findings, file, policySuppressions(text, tree.syntax, tree.root));
  return { policy, findings: kept.sort((a, b) => a.span.offset - b.span.offset) };
}
