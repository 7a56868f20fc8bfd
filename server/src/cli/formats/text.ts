import type { CheckReport } from '../check';
import { locateFindings } from './locate';

/** One line per finding, like a compiler: `file:line:col level ID message`, then a summary. */
export function formatText(report: CheckReport): string {
  const located = locateFindings(report);
  const lines = located.map(({ finding, relativePath, startLine, startColumn }) => `${relativePath}:${startLine}:${startColumn} ${finding.level} ${finding.ruleId} ${finding.message}`);
  const count = (level: string) => located.filter((l) => l.finding.level === level).length;
  const files = `${report.filesChecked} file${report.filesChecked === 1 ? '' : 's'} checked`;
  lines.push(located.length === 0 ? `${files}, no findings` : `${files}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`);
  return lines.join('\n') + '\n';
}
