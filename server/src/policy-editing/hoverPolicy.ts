import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import type { PathSegment, PolicyNode } from '../syntax/policy/policyTree';
import type { Span } from '../syntax/span';
import { documentationOf } from './completePolicy';
import { describeKind, schemaAtPath } from './schemaAtPath';

export interface PolicyHover {
  readonly markdown: string;
  /** The key or value under the cursor. */
  readonly span: Span;
}

/** The description, accepted values and 45 CFR section of the field whose key or value is at `offset`. */
export function hoverPolicy(text: string, offset: number, fileName = 'policy.hipaa-notify.yaml'): PolicyHover | undefined {
  const root = readPolicyTree(fileName, text).root;
  const at = root ? fieldAt(root, offset, []) : undefined;
  if (!at) return undefined;
  const field = schemaAtPath(at.path);
  if (!field) return undefined;
  const name = [...at.path].reverse().find((s) => typeof s === 'string') ?? '';
  const title = typeof at.path[at.path.length - 1] === 'number' ? `item of \`${name}\`` : `\`${name}\``;
  const markdown = [`**${title}**: ${describeKind(field)}`, documentationOf(field, at.path)].filter((p) => p.length > 0).join('\n\n');
  return { markdown, span: at.span };
}

/** The innermost key or scalar under the offset, with its path. */
function fieldAt(node: PolicyNode, offset: number, path: PathSegment[]): { path: PathSegment[]; span: Span } | undefined {
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      if (within(entry.keySpan, offset)) return { path: [...path, entry.key], span: entry.keySpan };
      if (within(entry.value, offset)) return fieldAt(entry.value, offset, [...path, entry.key]) ?? undefined;
    }
    return undefined;
  }
  if (node.kind === 'list') {
    for (let i = 0; i < node.items.length; i++) if (within(node.items[i], offset)) return fieldAt(node.items[i], offset, [...path, i]);
    return undefined;
  }
  return within(node, offset) ? { path, span: { offset: node.offset, length: node.length } } : undefined;
}

function within(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}
