import type { CheckReport } from '../check';
import { locateFindings, type PathStyle } from './locate';

export function formatJson(report: CheckReport, style: PathStyle = {}): string {
  const findings = locateFindings(report, style).map(({ finding, relativePath, startLine, startColumn, endLine, endColumn }) => ({
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
