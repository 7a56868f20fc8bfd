import { createScanner, getLocation, SyntaxKind } from 'jsonc-parser';
import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import { nodeAtPath, type PathSegment, type PolicyEntry, type PolicyNode, type ScalarValue } from '../syntax/policy/policyTree';
import type { Span } from '../syntax/span';

/** What the cursor is on, for completion: a key to write in a mapping, or the value of a field. */
export interface CursorPlace {
  readonly on: 'key' | 'value';
  /** For a key: the path of the mapping. For a value: the path of the value. */
  readonly path: readonly PathSegment[];
  /** Keys the mapping already has (for `key`), with their values when those are scalars. */
  readonly siblings: ReadonlyMap<string, ScalarValue | undefined>;
  /** The text the completion replaces: the partly typed word. */
  readonly replace: Span;
  /** Indentation of the line, for multi-line YAML inserts. */
  readonly indent: string;
  /** JSON only: the cursor is inside quotes. */
  readonly inString: boolean;
  /** YAML: a key typed right after `- `, which may instead be a scalar list item. */
  readonly listItem: boolean;
}

const placeholder = 'hn0cursor0';

/**
 * YAML: the partly typed word is replaced by a placeholder (as a key, or as a value after
 * `key:`), the text is parsed, and the placeholder's place in the tree gives the path. This
 * works on the broken text people type, where indentation decides the nesting.
 */
export function yamlCursorPlace(text: string, offset: number): CursorPlace | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nextBreak = text.indexOf('\n', offset);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const before = text.slice(lineStart, offset);
  const indent = /^\s*/.exec(before)![0];
  const rest = restOfWord(text, offset);
  const keyMatch = /^(\s*(?:-\s+)*)([A-Za-z_$][\w$]*)?$/.exec(before);
  if (keyMatch) {
    const wordStart = offset - (keyMatch[2] ?? '').length;
    const patched = text.slice(0, wordStart) + `${placeholder}: x` + text.slice(lineEnd);
    const found = find(readPolicyTree('c.yaml', patched).root, (key) => key === placeholder);
    if (!found) return undefined;
    const siblings = keysAndValues(found.siblings.filter((e) => e.key !== placeholder));
    return { on: 'key', path: found.path.slice(0, -1), siblings, replace: { offset: wordStart, length: offset - wordStart + rest }, indent, inString: false, listItem: /-\s+$/.test(keyMatch[1]) && siblings.size === 0 };
  }
  const valueMatch = /^\s*(?:-\s+)*[A-Za-z_$][\w$]*\s*:\s(.*)$/.exec(before) ?? /^\s*(?:-\s+)*[A-Za-z_$][\w$]*\s*:()$/.exec(before);
  if (valueMatch) {
    const word = /(?<![^\s,[\]:#{}"'])[^\s,[\]:#{}"']*$/.exec(valueMatch[1])![0];
    const wordStart = offset - word.length;
    const spacer = valueMatch[1] === '' && !before.endsWith(' ') ? ' ' : '';
    const patched = text.slice(0, wordStart) + spacer + placeholder + text.slice(offset + rest);
    const found = find(readPolicyTree('c.yaml', patched).root, undefined, placeholder);
    if (!found) return undefined;
    return { on: 'value', path: found.path, siblings: new Map(), replace: { offset: wordStart, length: offset - wordStart + rest }, indent, inString: false, listItem: false };
  }
  return undefined;
}

function restOfWord(text: string, offset: number): number {
  return /^[^\s,[\]:#{}"']*/.exec(text.slice(offset))![0].length;
}

/** Depth-first search for a key (or a scalar value) in the tree, with its path and the keys beside it. */
function find(root: PolicyNode | undefined, isKey?: (key: string) => boolean, value?: string): { path: PathSegment[]; siblings: readonly PolicyEntry[] } | undefined {
  const visit = (node: PolicyNode, path: PathSegment[]): { path: PathSegment[]; siblings: readonly PolicyEntry[] } | undefined => {
    if (node.kind === 'scalar') return value !== undefined && node.value === value ? { path, siblings: [] } : undefined;
    if (node.kind === 'list') {
      for (let i = 0; i < node.items.length; i++) {
        const found = visit(node.items[i], [...path, i]);
        if (found) return found;
      }
      return undefined;
    }
    for (const entry of node.entries) {
      if (isKey?.(entry.key)) return { path: [...path, entry.key], siblings: node.entries };
      const found = visit(entry.value, [...path, entry.key]);
      if (found) return found;
    }
    return undefined;
  };
  return root ? visit(root, []) : undefined;
}

/** JSON: jsonc-parser's location gives the path and whether the cursor is on a property name. */
export function jsonCursorPlace(text: string, offset: number): CursorPlace | undefined {
  const location = getLocation(text, offset);
  const quoted = stringTokenAt(text, offset);
  const inString = quoted !== undefined;
  const replace = quoted ?? { offset, length: 0 };
  const path = location.path as PathSegment[];
  if (location.isAtPropertyKey) {
    const mapPath = path.slice(0, -1);
    const typing = path[path.length - 1];
    const mapping = nodeAtPath(readPolicyTree('c.json', text).root, mapPath)?.node;
    const siblings = keysAndValues(mapping?.kind === 'map' ? mapping.entries.filter((e) => e.key !== typing) : []);
    return { on: 'key', path: mapPath, siblings, replace, indent: '', inString, listItem: false };
  }
  return { on: 'value', path, siblings: new Map(), replace, indent: '', inString, listItem: false };
}

function keysAndValues(entries: readonly PolicyEntry[]): Map<string, ScalarValue | undefined> {
  return new Map(entries.map((e) => [e.key, e.value.kind === 'scalar' ? e.value.value : undefined]));
}

/** The inside of the string literal around the offset (between its quotes), if any. */
function stringTokenAt(text: string, offset: number): Span | undefined {
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start >= offset) return undefined;
    if (token === SyntaxKind.StringLiteral && offset < end + (text[end - 1] === '"' ? 0 : 1)) {
      const closed = end - start >= 2 && text[end - 1] === '"';
      return { offset: start + 1, length: end - start - 1 - (closed ? 1 : 0) };
    }
  }
  return undefined;
}
