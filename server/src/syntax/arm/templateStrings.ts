import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../span';
import { parseTemplateString, type ParsedTemplateString } from './expressionParser';
import { locatorOfJsonString } from './stringOffsets';

const parsed = new WeakMap<Node, ParsedTemplateString>();

/** The ARM reading of a string node, parsed once per node (the tree is immutable). */
export function templateStringOf(text: string, node: Node): ParsedTemplateString {
  let result = parsed.get(node);
  if (result === undefined) {
    const value = node.value as string;
    result = parseTemplateString(value, locatorOfJsonString(text, node.offset, node.length));
    parsed.set(node, result);
  }
  return result;
}

/** Every expression syntax problem under `node` (HN001), in document order. */
export function expressionProblemsIn(text: string, node: Node | undefined): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const stack: Node[] = node === undefined ? [] : [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'string') {
      const value = current.value as string;
      if (value.charCodeAt(0) === 91) problems.push(...templateStringOf(text, current).problems);
    } else if (current.children !== undefined) {
      for (let i = current.children.length - 1; i >= 0; i--) {
        const child = current.children[i];
        // Property names are never expressions.
        if (current.type === 'property' && i === 0) continue;
        stack.push(child);
      }
    }
  }
  return problems;
}
