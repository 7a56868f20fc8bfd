import type { NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import type { Span } from '../../syntax/span';
import type { TemplateModel } from '../../workspace/templateModels';
import { ruleMeta } from '../catalog';
import type { Finding, Level, RelatedPlace } from '../finding';

/** A rule that checks a policy file against the templates of its folder and below. */
export interface PolicyWorkspaceRule {
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly description: string;
  check(policy: NotificationPolicy, templates: readonly TemplateModel[]): Finding[];
}

export type WorkspaceReporter = (span: Span, message: string, related?: readonly RelatedPlace[]) => void;

export function policyWorkspaceRule(
  id: string,
  description: string,
  check: (policy: NotificationPolicy, templates: readonly TemplateModel[], report: WorkspaceReporter) => void,
): PolicyWorkspaceRule {
  const meta = ruleMeta(id);
  if (!meta) throw new Error(`${id} is not in the rule catalog`);
  return {
    id,
    name: meta.name,
    level: meta.level,
    description,
    check(policy, templates) {
      const findings: Finding[] = [];
      check(policy, templates, (span, message, related) =>
        findings.push({ ruleId: id, level: meta.level, message, file: policy.file, span: { offset: span.offset, length: span.length }, ...(related && related.length > 0 ? { related } : {}) }),
      );
      return findings;
    },
  };
}
