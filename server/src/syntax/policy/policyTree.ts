import type { Span } from '../span';

/**
 * A notification policy file as a tree that does not know whether it was YAML or JSON.
 * Every node and every key carries its source span. Mappings keep their entries in an
 * array (never a plain object), so a key such as `__proto__` is data like any other.
 */
export type PolicyNode = PolicyMap | PolicyList | PolicyScalar;

export interface PolicyMap extends Span {
  readonly kind: 'map';
  readonly entries: readonly PolicyEntry[];
}

export interface PolicyEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: PolicyNode;
  /** From the start of the key to the end of the value. */
  readonly span: Span;
}

export interface PolicyList extends Span {
  readonly kind: 'list';
  readonly items: readonly PolicyNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface PolicyScalar extends Span {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
}

export type PathSegment = string | number;

/** The first entry with this key (a duplicate is reported by the reader, and the first one wins). */
export function entryOf(node: PolicyNode | undefined, key: string): PolicyEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((entry) => entry.key === key);
}

export function valueOf(node: PolicyNode | undefined, key: string): PolicyNode | undefined {
  return entryOf(node, key)?.value;
}

/** The node at a path of keys and list indexes, with the entry that holds it when the last step is a key. */
export function nodeAtPath(root: PolicyNode | undefined, path: readonly PathSegment[]): { node: PolicyNode; entry?: PolicyEntry } | undefined {
  let node = root;
  let entry: PolicyEntry | undefined;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') {
      if (node.kind !== 'list') return undefined;
      node = node.items[segment];
      entry = undefined;
    } else {
      entry = entryOf(node, segment);
      node = entry?.value;
    }
  }
  return node ? { node, ...(entry ? { entry } : {}) } : undefined;
}

/**
 * Plain data for the schema validator. Objects have no prototype, so `__proto__` becomes an
 * ordinary (and, for the schema, unknown) property instead of changing the object.
 */
export function toPlainData(node: PolicyNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'list':
      return node.items.map(toPlainData);
    case 'map': {
      const result = Object.create(null) as Record<string, unknown>;
      for (const entry of node.entries) {
        if (Object.prototype.hasOwnProperty.call(result, entry.key)) continue;
        Object.defineProperty(result, entry.key, { value: toPlainData(entry.value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
  }
}
