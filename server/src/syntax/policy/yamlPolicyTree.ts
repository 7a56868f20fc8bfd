import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Span, SyntaxProblem } from '../span';
import { policyLimits } from './limits';
import type { PolicyEntry, PolicyNode, ScalarValue } from './policyTree';

/**
 * Converts a parsed YAML document into the policy tree. Aliases are expanded in place
 * (spanned where the alias is written) within a node budget, so a small file cannot
 * expand into an exponential tree.
 */
export function yamlPolicyTree(document: Document, problems: SyntaxProblem[]): PolicyNode | undefined {
  let budget = policyLimits.maxNodes;
  let aliases = 0;
  let stopped = false;
  const stop = (span: Span, message: string): undefined => {
    if (!stopped) problems.push({ ...span, message });
    stopped = true;
    return undefined;
  };

  const convert = (node: unknown, depth: number, at: Span): PolicyNode | undefined => {
    if (stopped) return undefined;
    if (--budget < 0) return stop(at, `the file expands to more than ${policyLimits.maxNodes} values (through aliases or size) and is not analysed further`);
    if (depth > policyLimits.maxDepth) return stop(at, `the file is nested more than ${policyLimits.maxDepth} levels deep and is not analysed further`);
    if (node === null || node === undefined) return { kind: 'scalar', value: null, ...at };
    if (isAlias(node)) {
      if (++aliases > policyLimits.maxAliasCount) return stop(spanOf(node, at), `the file uses more than ${policyLimits.maxAliasCount} aliases and is not analysed further`);
      const target = node.resolve(document);
      if (!target) return { kind: 'scalar', value: null, ...spanOf(node, at) };
      const expanded = convert(target, depth + 1, spanOf(node, at));
      return expanded ? { ...expanded, ...spanOf(node, at) } : undefined;
    }
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node.value), ...spanOf(node, at) };
    if (isSeq(node)) {
      const items: PolicyNode[] = [];
      for (const item of node.items) {
        const converted = convert(item, depth + 1, spanOf(item as YamlNode, at));
        if (!converted) return undefined;
        items.push(converted);
      }
      return { kind: 'list', items, ...spanOf(node, at) };
    }
    if (isMap(node)) {
      const entries: PolicyEntry[] = [];
      const seen = new Set<string>();
      const span = spanOf(node, at);
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keySpan = keyNode ? spanOf(keyNode, span) : { offset: span.offset, length: 0 };
        if (keyNode && !isScalar(keyNode)) {
          problems.push({ ...keySpan, message: 'a key must be a plain name, not a list or mapping' });
          continue;
        }
        const key = String(keyNode?.value ?? '');
        if (seen.has(key)) problems.push({ ...keySpan, message: 'this key appears twice in the same mapping; keep one' });
        seen.add(key);
        const valueAt = { offset: keySpan.offset + keySpan.length, length: 0 };
        const value = convert(pair.value, depth + 1, pair.value ? spanOf(pair.value as YamlNode, valueAt) : valueAt);
        if (!value) return undefined;
        const end = Math.max(value.offset + value.length, keySpan.offset + keySpan.length);
        entries.push({ key, keySpan, value, span: { offset: keySpan.offset, length: end - keySpan.offset } });
      }
      return { kind: 'map', entries, ...span };
    }
    return { kind: 'scalar', value: null, ...at };
  };

  const contents = document.contents;
  if (contents === null) return undefined;
  return convert(contents, 0, spanOf(contents, { offset: 0, length: 0 }));
}

function spanOf(node: YamlNode | null | undefined, fallback: Span): Span {
  const range = node?.range;
  if (!range) return fallback;
  return { offset: range[0], length: Math.max(0, range[1] - range[0]) };
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return value === undefined ? null : String(value);
}
