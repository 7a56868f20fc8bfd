import type { Level } from '../../rules/finding';
import type { CheckReport } from '../check';
import { locateFindings, type PathStyle } from './locate';

export interface TextStyle extends PathStyle {
  readonly color?: boolean;
}

const ansi = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m' };
const levelColor: Record<Level, string> = { error: ansi.red, warning: ansi.yellow, info: ansi.blue };

/** One line per finding, like a compiler: `file:line:col level ID message`, then a summary. */
export function formatText(report: CheckReport, style: TextStyle = {}): string {
  const paint = (code: string, text: string) => (style.color ? `${code}${text}${ansi.reset}` : text);
  const located = locateFindings(report, style);
  const lines = located.map(({ finding, relativePath, startLine, startColumn }) =>
    `${paint(ansi.bold, `${relativePath}:${startLine}:${startColumn}`)} ${paint(levelColor[finding.level], finding.level)} ${paint(ansi.dim, finding.ruleId)} ${finding.message}`);
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

/** `3 files checked: 1 error, 2 warnings, 1 info` */
export function summaryOf(report: CheckReport): string {
  const count = (level: Level) => report.findings.filter((f) => f.level === level).length;
  const files = plural(report.filesChecked, 'file') + ' checked';
  if (report.findings.length === 0) return `${files}, no findings`;
  return `${files}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
