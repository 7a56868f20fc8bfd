import type { NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import type { Span } from '../../syntax/span';
import { ruleMeta } from '../catalog';
import type { Finding, Level } from '../finding';

/** A rule that reads one notification policy file on its own. */
export interface PolicyRule {
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly description: string;
  check(policy: NotificationPolicy): Finding[];
}

/** Id, name and default level come from the catalog, so a rule cannot drift from it. */
export function policyRule(id: string, description: string, check: (policy: NotificationPolicy, report: Reporter) => void): PolicyRule {
  const meta = ruleMeta(id);
  if (!meta) throw new Error(`${id} is not in the rule catalog`);
  return {
    id,
    name: meta.name,
    level: meta.level,
    description,
    check(policy) {
      const findings: Finding[] = [];
      check(policy, (span, message) => findings.push({ ruleId: id, level: meta.level, message, file: policy.file, span: { offset: span.offset, length: span.length } }));
      return findings;
    },
  };
}

export type Reporter = (span: Span, message: string) => void;
