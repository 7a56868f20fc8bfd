import { commentText, nodeAt, type BicepFile, type Node } from '../syntax/bicep';
import { parseDirective } from './directive';
import type { Suppression } from './suppression';

/**
 * `// hipaa-notify-disable-next-line HN101 -- reason` comments of a Bicep or .bicepparam file.
 * One covers the next line, or everything inside the declaration or property that starts there.
 */
export function bicepSuppressions(file: BicepFile): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of file.comments) {
    const directive = parseDirective(commentText(file, comment));
    if (!directive) continue;
    const line = file.lineMap.positionAt(comment.offset + comment.length).line + 1;
    result.push({ ...directive, written: { offset: comment.offset, length: comment.length }, covers: nextLineCoverage(file, line) });
  }
  return result;
}

function nextLineCoverage(file: BicepFile, line: number) {
  const { text, lineMap } = file;
  if (line >= lineMap.lineCount) return { offset: text.length, length: 0 };
  const lineStart = lineMap.lineStart(line);
  const lineEnd = line + 1 < lineMap.lineCount ? lineMap.lineStart(line + 1) : text.length;
  let first = lineStart;
  while (first < lineEnd && (text[first] === ' ' || text[first] === '\t')) first++;
  const node = outermostStartingAt(file.root, first);
  const end = node ? Math.max(lineEnd, node.offset + node.length) : lineEnd;
  return { offset: lineStart, length: end - lineStart };
}

function outermostStartingAt(root: Node, offset: number): Node | undefined {
  let node: Node | undefined = nodeAt(root, offset);
  if (node.offset !== offset) return undefined;
  while (node.parent && node.parent.offset === offset && node.parent.kind !== 'Program') node = node.parent;
  return node;
}
