import { commentText, nodeAt, type BicepFile, type Node } from '../syntax/bicep';
import { parseDirective } from './directive';
import { nextLineCoverage, type Suppression } from './suppression';

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
    result.push({ ...directive, written: { offset: comment.offset, length: comment.length }, covers: nextLineCoverage(file.text, file.lineMap, line, (offset) => endOf(outermostStartingAt(file.root, offset))) });
  }
  return result;
}

function outermostStartingAt(root: Node, offset: number): Node | undefined {
  let node: Node | undefined = nodeAt(root, offset);
  if (node.offset !== offset) return undefined;
  while (node.parent && node.parent.offset === offset && node.parent.kind !== 'Program') node = node.parent;
  return node;
}

function endOf(node: Node | undefined): number | undefined {
  return node ? node.offset + node.length : undefined;
}
