import type { NotificationPolicy } from '../../syntax/policy/notificationPolicy';
import type { Span } from '../../syntax/span';
import { ruleMeta } from '../catalog';
import type { Finding, Level } from '../finding';
import type { Fix } from '../fixIntent';

/** A rule that reads one notification policy file on its own. */
export interface PolicyRule {
  readonly id: string;
  readonly name: string;
  readonly level: Level;
  readonly description: string;
  /** What the rule's quick fix does, when it has one. */
  readonly fix?: string;
  check(policy: NotificationPolicy): Finding[];
}

/** Id, name and default level come from the catalog, so a rule cannot drift from it. */
export function policyRule(id: string, description: string, check: (policy: NotificationPolicy, report: Reporter) => void, options: { readonly fix?: string } = {}): PolicyRule {
  const meta = ruleMeta(id);
  if (!meta) throw new Error(`${id} is not in the rule catalog`);
  return {
    id,
    name: meta.name,
    level: meta.level,
    description,
    ...(options.fix ? { fix: options.fix } : {}),
    check(policy) {
      const findings: Finding[] = [];
      check(policy, (span, message, fixes) => findings.push({ ruleId: id, level: meta.level, message, file: policy.file, span: { offset: span.offset, length: span.length }, ...(fixes && fixes.length > 0 ? { fixes } : {}) }));
      return findings;
    },
  };
}

export type Reporter = (span: Span, message: string, fixes?: readonly Fix[]) => void;
