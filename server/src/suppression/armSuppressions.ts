import { createScanner, findNodeAtOffset, SyntaxKind, type Node } from 'jsonc-parser';
import { LineMap } from '../syntax/lineMap';
import { parseDirective } from './directive';
import { nextLineCoverage, type Suppression } from './suppression';

/**
 * Suppressions of an ARM JSON file: `// hipaa-notify-disable-next-line ...` comments, and
 * `"metadata": { "hipaa-notify": { "suppress": { "HN101": "reason" } } }` in a resource.
 */
export function armSuppressions(text: string, root: Node | undefined): Suppression[] {
  if (!canHoldSuppressions(text)) return [];
  return [...commentSuppressions(text, root), ...metadataSuppressions(root)];
}

/**
 * Whether the text can hold a suppression at all: a comment directive is written as is, and the
 * metadata key is too unless JSON escapes spell it. Most templates (compiled ones especially)
 * hold neither, and need no second parse.
 */
export function canHoldSuppressions(text: string): boolean {
  return text.includes('hipaa-notify') || text.includes('\\u');
}

function commentSuppressions(text: string, root: Node | undefined): Suppression[] {
  const result: Suppression[] = [];
  const lines = new LineMap(text);
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const raw = text.slice(offset, offset + length);
    const body = token === SyntaxKind.LineCommentTrivia ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
    const directive = parseDirective(body);
    if (!directive) continue;
    const nextLine = lines.positionAt(offset + length).line + 1;
    result.push({ ...directive, written: { offset, length }, covers: nextLineCoverage(text, lines, nextLine, (offset) => endOf(root ? outermostStartingAt(root, offset) : undefined)) });
  }
  return result;
}

function outermostStartingAt(root: Node, offset: number): Node | undefined {
  let node = findNodeAtOffset(root, offset, true);
  if (!node || node.offset !== offset) return undefined;
  while (node.parent && node.parent.offset === offset && node.parent.type !== 'array') node = node.parent;
  return node;
}

function metadataSuppressions(root: Node | undefined): Suppression[] {
  const result: Suppression[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > 64) return;
    if (node.type === 'object') {
      const suppress = child(child(child(node, 'metadata'), 'hipaa-notify'), 'suppress');
      if (suppress?.type === 'object') {
        for (const entry of suppress.children ?? []) {
          const [key, value] = entry.children ?? [];
          if (key?.type !== 'string') continue;
          const reason = value?.type === 'string' && typeof value.value === 'string' ? value.value.trim() : '';
          result.push({ ruleIds: [String(key.value).toUpperCase()], ...(reason ? { reason } : {}), written: { offset: entry.offset, length: entry.length }, covers: { offset: node.offset, length: node.length } });
        }
      }
    }
    for (const c of node.children ?? []) visit(c, depth + 1);
  };
  if (root) visit(root, 0);
  return result;
}

function child(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const property = node.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

function endOf(node: Node | undefined): number | undefined {
  return node ? node.offset + node.length : undefined;
}
