import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { PolicySyntax } from '../../syntax/policy/readPolicyTree';
import type { PolicyNode } from '../../syntax/policy/policyTree';
import { LineMap } from '../../syntax/lineMap';
import type { Span } from '../../syntax/span';
import { parseDirective } from '../../suppression/directive';
import type { Suppression } from '../../suppression/suppression';

/**
 * `# hipaa-notify-disable-next-line HN502 -- reason` (YAML, on a line of its own) or
 * `// ...` (JSON) covers the next line and every key or item that starts on it, to its end.
 */
export function policySuppressions(text: string, syntax: PolicySyntax, root: PolicyNode | undefined): Suppression[] {
  const lines = new LineMap(text);
  const comments = syntax === 'yaml' ? yamlComments(text, lines) : jsonComments(text);
  const result: Suppression[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment.body);
    if (!directive) continue;
    const next = lines.positionAt(comment.offset + comment.length).line + 1;
    result.push({ ...directive, written: { offset: comment.offset, length: comment.length }, covers: coverage(text, lines, next, root) });
  }
  return result;
}

interface Comment extends Span {
  readonly body: string;
}

/** Full-line `#` comments. A `#` after a value is a trailing comment and does not suppress. */
function yamlComments(text: string, lines: LineMap): Comment[] {
  const result: Comment[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const content = text.slice(start, end).replace(/\r?\n$|\r$/, '');
    const hash = content.search(/\S/);
    if (hash < 0 || content[hash] !== '#') continue;
    result.push({ offset: start + hash, length: content.length - hash, body: content.slice(hash + 1) });
  }
  return result;
}

function jsonComments(text: string): Comment[] {
  const result: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const raw = text.slice(offset, offset + length);
    const body = token === SyntaxKind.LineCommentTrivia ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
    result.push({ offset, length, body });
  }
  return result;
}

function coverage(text: string, lines: LineMap, line: number, root: PolicyNode | undefined): Span {
  if (line >= lines.lineCount) return { offset: text.length, length: 0 };
  const start = lines.lineStart(line);
  const lineEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  let end = lineEnd;
  const visit = (node: PolicyNode, depth: number): void => {
    if (depth > 64) return;
    if (node.offset >= start && node.offset < lineEnd) end = Math.max(end, node.offset + node.length);
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        if (entry.span.offset >= start && entry.span.offset < lineEnd) end = Math.max(end, entry.span.offset + entry.span.length);
        visit(entry.value, depth + 1);
      }
    } else if (node.kind === 'list') {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  if (root) visit(root, 0);
  return { offset: start, length: end - start };
}
