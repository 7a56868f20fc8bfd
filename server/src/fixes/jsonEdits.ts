import { findNodeAtOffset, getNodePath, modify, type JSONPath, type Node } from 'jsonc-parser';
import { FixExpression, type FixIntent, type FixValue } from '../rules/fixIntent';
import { parseJsonDocument } from '../syntax/arm/jsonDocument';
import { maskRawLineBreaks } from '../syntax/arm/rawLineBreaks';
import type { Span } from '../syntax/span';
import type { TextEdit } from './textEdit';
import { layoutOf } from './textLayout';

/** Edits of an ARM template or parameter file for one intent, through jsonc-parser's `modify`; undefined when the text there is not what the intent expects. */
export function jsonEdits(file: string, text: string, intent: FixIntent): TextEdit[] | undefined {
  const document = parseJsonDocument(text, { arm: true });
  // jsonc-parser's editor re-reads the text and would end a string at a raw line break.
  if (!document.root || document.problems.length > 0 || maskRawLineBreaks(text, 1000).breaks.length > 0) return undefined;
  const root = document.root;
  const write = (path: JSONPath, value: FixValue): TextEdit[] => {
    const layout = layoutOf(text);
    const formattingOptions = { insertSpaces: layout.unit !== '\t', tabSize: layout.unit === '\t' ? 4 : layout.unit.length, eol: layout.eol };
    return modify(text, path, jsonValue(value), { formattingOptions }).map((edit) => ({ file, offset: edit.offset, length: edit.length, newText: edit.content }));
  };
  switch (intent.kind) {
    case 'replaceValue': {
      const node = nodeExactlyAt(root, intent.at.span);
      if (!node || !isLiteral(node)) return undefined;
      return write(getNodePath(node), intent.value);
    }
    case 'setProperty': {
      const node = nodeExactlyAt(root, intent.object.span);
      if (node?.type !== 'object') return undefined;
      const path = existingPath(node, intent.path);
      return path ? write(path, intent.value) : undefined;
    }
    case 'addItem': {
      const node = nodeExactlyAt(root, intent.array.span);
      return node?.type === 'array' ? write([...getNodePath(node), -1], intent.item) : undefined;
    }
  }
}

/** A JSON literal; a string holding an ARM expression is computed, not written. */
function isLiteral(node: Node): boolean {
  if (node.type === 'string') return typeof node.value === 'string' && !(node.value.startsWith('[') && !node.value.startsWith('[[') && node.value.endsWith(']'));
  return node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

/**
 * The JSON path of `path` under `object`, spelled as the file spells existing keys (ARM matches
 * them case-insensitively); undefined when a step exists but is not an object.
 */
function existingPath(object: Node, path: readonly string[]): JSONPath | undefined {
  const result: JSONPath = getNodePath(object);
  let current: Node | undefined = object;
  for (const [index, key] of path.entries()) {
    if (!current) {
      result.push(key);
      continue;
    }
    const lower = key.toLowerCase();
    const property: Node | undefined = current.children?.find((child) => child.type === 'property' && String(child.children?.[0]?.value).toLowerCase() === lower);
    if (!property) {
      result.push(key);
      current = undefined;
      continue;
    }
    result.push(String(property.children![0].value));
    const value: Node | undefined = property.children?.[1];
    if (index < path.length - 1 && value?.type !== 'object') return undefined;
    current = index < path.length - 1 ? value : undefined;
  }
  return result;
}

function nodeExactlyAt(root: Node, span: Span): Node | undefined {
  for (let node: Node | undefined = findNodeAtOffset(root, span.offset, false); node; node = node.parent) {
    if (node.offset === span.offset && node.length === span.length) return node;
    if (node.offset < span.offset) return undefined;
  }
  return undefined;
}

/** The value as JSON data; an expression becomes its `[...]` string. */
function jsonValue(value: FixValue): unknown {
  if (value instanceof FixExpression) return `[${value.arm}]`;
  if (value === null || typeof value !== 'object') return typeof value === 'string' && value.startsWith('[') ? `[${value}` : value;
  if (Array.isArray(value)) return value.map(jsonValue);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item)]));
}
