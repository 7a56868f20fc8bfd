import type { CheckReport } from '../check';
import { locateFindings } from './locate';

export function formatJson(report: CheckReport): string {
  const findings = locateFindings(report).map(({ finding, relativePath, startLine, startColumn, endLine, endColumn }) => ({
    ruleId: finding.ruleId,
    level: finding.level,
    message: finding.message,
    file: relativePath,
    startLine,
    startColumn,
    endLine,
    endColumn,
  }));
  return JSON.stringify({ root: report.root, filesChecked: report.filesChecked, findings }, null, 2) + '\n';
}
