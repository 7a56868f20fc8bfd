import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { jsonErrorMessage } from '../arm/jsonDocument';
import type { SyntaxProblem } from '../span';
import { policyLimits } from './limits';
import type { PolicyEntry, PolicyNode } from './policyTree';

/**
 * Reads a `.hipaa-notify.json` policy. Comments are accepted so that suppression comments
 * work as in YAML; duplicate keys are reported (the first one wins, as in the YAML reader).
 */
export function jsonPolicyTree(text: string, problems: SyntaxProblem[]): PolicyNode | undefined {
  if (text.length > policyLimits.maxLength) {
    problems.push({ offset: 0, length: 0, message: `the file is longer than ${policyLimits.maxLength / 1024} KB; a notification policy is a few kilobytes` });
    return undefined;
  }
  if (flowDepth(text) > policyLimits.maxDepth) {
    problems.push({ offset: 0, length: 0, message: `the file is nested more than ${policyLimits.maxDepth} levels deep and is not analysed` });
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  for (const error of errors) problems.push({ offset: error.offset, length: Math.max(error.length, 1), message: jsonErrorMessage(error.error) });
  let budget = policyLimits.maxNodes;
  const convert = (node: Node): PolicyNode | undefined => {
    if (--budget < 0) return undefined;
    const span = { offset: node.offset, length: node.length };
    switch (node.type) {
      case 'object': {
        const entries: PolicyEntry[] = [];
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (keyNode?.type !== 'string') continue;
          const key = String(keyNode.value);
          const keySpan = { offset: keyNode.offset, length: keyNode.length };
          if (seen.has(key)) problems.push({ ...keySpan, message: 'this key appears twice in the same object; keep one' });
          seen.add(key);
          const value = valueNode ? convert(valueNode) : { kind: 'scalar' as const, value: null, offset: keySpan.offset + keySpan.length, length: 0 };
          if (!value) return undefined;
          entries.push({ key, keySpan, value, span: { offset: property.offset, length: property.length } });
        }
        return { kind: 'map', entries, ...span };
      }
      case 'array': {
        const items: PolicyNode[] = [];
        for (const child of node.children ?? []) {
          const item = convert(child);
          if (!item) return undefined;
          items.push(item);
        }
        return { kind: 'list', items, ...span };
      }
      case 'string':
      case 'number':
      case 'boolean':
        return { kind: 'scalar', value: node.value as string | number | boolean, ...span };
      default:
        return { kind: 'scalar', value: null, ...span };
    }
  };
  if (!root) return undefined;
  const tree = convert(root);
  if (!tree) problems.push({ offset: 0, length: 0, message: `the file holds more than ${policyLimits.maxNodes} values and is not analysed` });
  return tree;
}

/** Deepest nesting of brackets outside strings, found without building anything. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

