import type { Level } from '../../rules/finding';
import { ruleMeta } from '../../rules/catalog';
import type { CheckReport } from '../check';
import { locateFindings, type PathStyle } from './locate';
import { summaryOf } from './text';

const command: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export function formatGithub(report: CheckReport, style: PathStyle = {}): string {
  const lines = locateFindings(report, style).map(({ finding, relativePath, startLine, startColumn, endLine, endColumn }) => {
    const name = ruleMeta(finding.ruleId)?.name;
    const properties = [
      `file=${property(relativePath)}`,
      `line=${startLine}`,
      `endLine=${endLine}`,
      `col=${startColumn}`,
      `endColumn=${endColumn}`,
      `title=${property(name ? `${finding.ruleId} ${name}` : finding.ruleId)}`,
    ];
    return `::${command[finding.level]} ${properties.join(',')}::${data(finding.message)}`;
  });
  lines.push(summaryOf(report));
  return lines.join('\n') + '\n';
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
