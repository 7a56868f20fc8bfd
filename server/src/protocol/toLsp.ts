import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { LineMap } from '../syntax/lineMap';
import type { Span } from '../syntax/span';
import type { Finding, Level } from '../rules/finding';
import { ruleDocUrl, ruleMeta } from '../rules/catalog';

const severities: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Text of other files, for related information that points outside the current document. */
export type LineMapOf = (file: string) => LineMap | undefined;

export function rangeOf(lines: LineMap, span: Span) {
  return { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
}

/** The only place where a finding becomes an LSP diagnostic. */
export function toDiagnostic(finding: Finding, lines: LineMap, docsBase: string, lineMapOf: LineMapOf): Diagnostic {
  const meta = ruleMeta(finding.ruleId);
  const diagnostic: Diagnostic = {
    range: rangeOf(lines, finding.span),
    severity: severities[finding.level],
    code: finding.ruleId,
    source: 'hipaa-notify',
    message: finding.message,
  };
  if (meta) diagnostic.codeDescription = { href: ruleDocUrl(meta.id, docsBase) };
  if (finding.ruleId === 'HN009') diagnostic.tags = [DiagnosticTag.Unnecessary];
  const related: DiagnosticRelatedInformation[] = [];
  for (const place of finding.related ?? []) {
    const placeLines = lineMapOf(place.file);
    if (!placeLines) continue;
    related.push({ location: { uri: fileUri(place.file), range: rangeOf(placeLines, place.span) }, message: place.message });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

export function fileUri(file: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? file : URI.file(file).toString();
}
