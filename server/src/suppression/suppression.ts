import type { LineMap } from '../syntax/lineMap';
import type { Span } from '../syntax/span';
import type { Finding } from '../rules/finding';

/** A suppression found in one file: which rules, why, and which text it covers. */
export interface Suppression {
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  /** Where the suppression is written (the comment, or the metadata entry). */
  readonly written: Span;
  /** Findings that start inside this span are suppressed. */
  readonly covers: Span;
}

export const missingReasonRule = 'HN009';

/**
 * Drops the findings of `file` that a suppression covers, and reports each suppression
 * written without a reason. An empty rule list suppresses nothing: it must name the rules.
 */
export function applySuppressions(findings: readonly Finding[], file: string, suppressions: readonly Suppression[]): Finding[] {
  if (suppressions.length === 0) return [...findings];
  const kept = findings.filter((finding) => finding.file !== file || !suppressions.some((s) => covers(s, finding)));
  for (const suppression of suppressions) {
    if (suppression.reason) continue;
    kept.push({
      ruleId: missingReasonRule,
      level: 'info',
      message: `give a reason for suppressing ${suppression.ruleIds.join(', ') || 'rules'}: add "-- why" after the rule IDs`,
      file,
      span: suppression.written,
    });
  }
  return kept;
}

function covers(suppression: Suppression, finding: Finding): boolean {
  const start = finding.span.offset;
  return (
    suppression.ruleIds.includes(finding.ruleId) &&
    start >= suppression.covers.offset &&
    start <= suppression.covers.offset + suppression.covers.length
  );
}

/**
 * What a directive on the line before `line` covers: that line, extended to the end of the
 * syntax node that starts at its first non-blank character (`nodeEndAt` gives it, if any).
 */
export function nextLineCoverage(text: string, lines: LineMap, line: number, nodeEndAt: (offset: number) => number | undefined): Span {
  if (line >= lines.lineCount) return { offset: text.length, length: 0 };
  const lineStart = lines.lineStart(line);
  const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  let first = lineStart;
  while (first < lineEnd && (text[first] === ' ' || text[first] === '\t')) first++;
  const end = Math.max(lineEnd, nodeEndAt(first) ?? lineEnd);
  return { offset: lineStart, length: end - lineStart };
}
