import type { Diagnostic, Hover, Position } from 'vscode-languageserver';
import { ruleMeta } from '../rules/catalog';

function contains(diagnostic: Diagnostic, position: Position): boolean {
  const { start, end } = diagnostic.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

/** Rule summary, citation and doc link for the diagnostics under the cursor. */
export function hoverForDiagnostics(diagnostics: readonly Diagnostic[], position: Position): Hover | null {
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const id = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (!id || seen.has(id) || !contains(diagnostic, position)) continue;
    seen.add(id);
    const meta = ruleMeta(id);
    if (!meta) continue;
    const link = diagnostic.codeDescription ? ` · [rule page](${diagnostic.codeDescription.href})` : '';
    const citation = meta.citation ? `\n\n*${meta.citation}*` : '';
    sections.push(`**${meta.id} ${meta.name}** (${meta.level} by default)${link}\n\n${meta.summary}${citation}`);
  }
  return sections.length > 0 ? { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } } : null;
}
