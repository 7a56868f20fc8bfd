import type { Finding } from './finding';
import type { Rule, RuleContext } from './rule';

export interface RunOptions {
  /**
   * False: findings at one place that differ only in the names they quote are all returned, for a
   * caller that combines several runs and merges once (`mergeAlike`) over everything.
   */
  readonly merge?: boolean;
}

/** Runs each rule on its own: a rule that throws becomes one info finding, never an outage. */
export function runRules(rules: readonly Rule[], context: RuleContext, fallbackFile: string, options: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // A module evaluated on its own and through its parent yields the same finding twice.
  const seen = new Set<string>();
  for (const rule of rules) {
    let produced: Finding[];
    try {
      produced = rule.check(context);
    } catch (error) {
      produced = [{ ruleId: rule.id, level: 'info', message: `${rule.id} could not run (${error instanceof Error ? error.message : String(error)}); please report it`, file: fallbackFile, span: { offset: 0, length: 0 } }];
    }
    for (const finding of produced) {
      const key = placeKey(finding, finding.message);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return options.merge === false ? findings : mergeAlike(findings);
}

function placeKey(finding: Finding, message: string): string {
  return `${finding.ruleId}\u0000${finding.file}\u0000${finding.span.offset}\u0000${finding.span.length}\u0000${message}`;
}

/**
 * The instances of a loop (or deployments of one module, or actions sharing one value) give
 * findings at one place that differ only in the names they quote: one finding stands for them,
 * saying how many more there are, with the first one's message (the first instance in template
 * order: the workspace index and a run over everything see them in the same order). Exact
 * duplicates are dropped.
 */
export function mergeAlike(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { readonly at: number; readonly base: Finding; readonly messages: Set<string> }>();
  const merged: Finding[] = [];
  for (const finding of findings) {
    const key = placeKey(finding, finding.message.replace(/'[^']*'/g, "''"));
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { at: merged.length, base: finding, messages: new Set([finding.message]) });
      merged.push(finding);
      continue;
    }
    group.messages.add(finding.message);
  }
  for (const group of groups.values()) {
    if (group.messages.size > 1) merged[group.at] = { ...group.base, message: `${group.base.message} (and ${group.messages.size - 1} more like it from the same place)` };
  }
  return merged;
}
