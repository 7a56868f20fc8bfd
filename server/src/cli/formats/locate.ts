import * as path from 'node:path';
import { LineMap } from '../../syntax/lineMap';
import type { Finding } from '../../rules/finding';
import type { CheckReport } from '../check';

/** How a report names files: relative to the current folder (the default) or absolute. */
export interface PathStyle {
  readonly absolutePaths?: boolean;
}

/** A finding with 1-based line/column positions and its path as the report shows it. */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly relativePath: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function locateFindings(report: CheckReport, style: PathStyle = {}): LocatedFinding[] {
  const maps = new Map<string, LineMap>();
  const located = report.findings.map((finding) => {
    let lines = maps.get(finding.file);
    if (!lines) {
      lines = new LineMap(report.texts.get(finding.file) ?? '');
      maps.set(finding.file, lines);
    }
    const start = lines.positionAt(finding.span.offset);
    const end = lines.positionAt(finding.span.offset + finding.span.length);
    return {
      finding,
      relativePath: shownPath(report, finding.file, style),
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
  });
  return located.sort((a, b) => a.relativePath.localeCompare(b.relativePath) || a.startLine - b.startLine || a.startColumn - b.startColumn);
}

function shownPath(report: CheckReport, file: string, style: PathStyle): string {
  const shown = style.absolutePaths ? path.resolve(file) : path.relative(report.root, file);
  return shown.split(path.sep).join('/');
}
