import type { Finding } from './finding';
import type { Rule, RuleContext } from './rule';

/** Runs each rule on its own: a rule that throws becomes one info finding, never an outage. */
export function runRules(rules: readonly Rule[], context: RuleContext, fallbackFile: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, { readonly at: number; readonly messages: Set<string> }>();
  for (const rule of rules) {
    let produced: Finding[];
    try {
      produced = rule.check(context);
    } catch (error) {
      produced = [{ ruleId: rule.id, level: 'info', message: `${rule.id} could not run (${error instanceof Error ? error.message : String(error)}); please report it`, file: fallbackFile, span: { offset: 0, length: 0 } }];
    }
    for (const finding of produced) {
      // A module evaluated on its own and through its parent yields the same finding twice; the
      // instances of a loop (or actions sharing one value) differ only in the names they quote.
      const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.span.offset}\u0000${finding.span.length}\u0000${finding.message.replace(/'[^']*'/g, "''")}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, { at: findings.length, messages: new Set([finding.message]) });
        findings.push(finding);
      } else if (!first.messages.has(finding.message)) {
        first.messages.add(finding.message);
        const more = first.messages.size - 1;
        findings[first.at] = { ...findings[first.at], message: `${[...first.messages][0]} (and ${more} more like it from the same place)` };
      }
    }
  }
  return findings;
}
