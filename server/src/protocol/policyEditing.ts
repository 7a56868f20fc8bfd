import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Hover, type Location } from 'vscode-languageserver';
import { LineMap } from '../syntax/lineMap';
import { completePolicy, completionContextOf, hoverPolicy, policyTargetAt } from '../policy-editing';
import type { TemplateModel } from '../workspace/templateModels';
import { fileUri, rangeOf } from './toLsp';

export function policyCompletions(file: string, text: string, offset: number, templates: readonly TemplateModel[]): CompletionItem[] {
  const lines = new LineMap(text);
  return completePolicy(text, offset, completionContextOf(templates), file).map((item, index) => ({
    label: item.label,
    kind: item.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    textEdit: { range: rangeOf(lines, item.replace), newText: item.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: String(index).padStart(4, '0'),
  }));
}

export function policyHover(file: string, text: string, offset: number): Hover | null {
  const hover = hoverPolicy(text, offset, file);
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(new LineMap(text), hover.span) };
}

export function policyDefinition(file: string, text: string, offset: number, templates: readonly TemplateModel[], textOf: (file: string) => string | undefined): Location | null {
  const target = policyTargetAt(file, text, offset, templates);
  const targetText = target ? textOf(target.origin.file) : undefined;
  if (!target || targetText === undefined) return null;
  return { uri: fileUri(target.origin.file), range: rangeOf(new LineMap(targetText), target.origin.span) };
}

/** Markdown of two hovers, one after the other. */
export function mergeHovers(first: Hover | null, second: Hover | null): Hover | null {
  if (!first || !second) return first ?? second;
  const text = (hover: Hover) => (typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : String(hover.contents));
  return { contents: { kind: MarkupKind.Markdown, value: `${text(first)}\n\n---\n\n${text(second)}` } };
}
