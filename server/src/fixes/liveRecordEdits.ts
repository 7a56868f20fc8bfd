import { findNodeAtOffset, getNodePath, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { recordText } from '../azure/liveRecordText';
import type { LiveResource } from '../azure/snapshot';
import type { Origin } from '../model/value';
import type { FixIntent, FixObject, FixValue } from '../rules/fixIntent';

/** The intents that change a written value, as opposed to adding a resource or a parameter. */
export type ValueEdit = Extract<FixIntent, { kind: 'replaceValue' | 'replaceStart' | 'setProperty' | 'addItem' }>;

export function isValueEdit(intent: FixIntent): intent is ValueEdit {
  return intent.kind === 'replaceValue' || intent.kind === 'replaceStart' || intent.kind === 'setProperty' || intent.kind === 'addItem';
}

export function originOfEdit(intent: ValueEdit): Origin {
  switch (intent.kind) {
    case 'replaceValue':
    case 'replaceStart':
      return intent.at;
    case 'setProperty':
      return intent.object;
    case 'addItem':
      return intent.array;
  }
}

type Mutable = { [key: string]: FixValue } | FixValue[];

/**
 * A live record with the intents applied. Their origins are spans in `recordText(record)` (the
 * text "Open resource JSON" shows), so each names a JSON path of the record; the result is the
 * record as it would be after the fix, its new values possibly expressions. Undefined when an
 * origin is no value of that text or the value there is not what the intent expects.
 */
export function editedRecord(record: LiveResource, intents: readonly ValueEdit[]): FixObject | undefined {
  const root = parseTree(recordText(record));
  if (!root) return undefined;
  const copy = structuredClone(record) as unknown as { [key: string]: FixValue };
  for (const intent of intents) {
    const path = pathAt(root, originOfEdit(intent));
    if (!path || !apply(copy, path, intent)) return undefined;
  }
  return copy;
}

/** The JSON path of the value whose span is exactly `origin`'s. */
function pathAt(root: Node, origin: Origin): JSONPath | undefined {
  let node = findNodeAtOffset(root, origin.span.offset);
  while (node && !(node.offset === origin.span.offset && node.length === origin.span.length)) node = node.parent;
  return node && node.type !== 'property' ? getNodePath(node) : undefined;
}

function apply(copy: { [key: string]: FixValue }, path: JSONPath, intent: ValueEdit): boolean {
  if (path.length === 0) {
    if (intent.kind !== 'setProperty') return false;
    return setPath(copy, intent.path, intent.value);
  }
  const parent = valueAt(copy, path.slice(0, -1));
  const key = path[path.length - 1];
  if (!isContainer(parent)) return false;
  const current = (parent as Record<string | number, FixValue>)[key];
  switch (intent.kind) {
    case 'replaceValue':
      (parent as Record<string | number, FixValue>)[key] = intent.value;
      return true;
    case 'replaceStart':
      if (typeof current !== 'string' || !current.toLowerCase().startsWith(intent.from.toLowerCase())) return false;
      (parent as Record<string | number, FixValue>)[key] = intent.to + current.slice(intent.from.length);
      return true;
    case 'setProperty':
      return isObject(current) && setPath(current, intent.path, intent.value);
    case 'addItem':
      if (!Array.isArray(current)) return false;
      (current as FixValue[]).push(intent.item);
      return true;
  }
}

/** Sets `path` in the object, creating objects on the way; an empty path sets each property of `value` (as the text edits do). */
function setPath(object: { [key: string]: FixValue }, path: readonly string[], value: FixValue): boolean {
  if (path.length === 0) {
    if (!isObject(value)) return false;
    Object.assign(object, value);
    return true;
  }
  let at = object;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === undefined) at[key] = {};
    else if (!isObject(next)) return false;
    at = at[key] as { [key: string]: FixValue };
  }
  at[path[path.length - 1]] = value;
  return true;
}

function valueAt(value: FixValue, path: JSONPath): FixValue | undefined {
  let at: FixValue | undefined = value;
  for (const key of path) at = isContainer(at) ? (at as Record<string | number, FixValue>)[key] : undefined;
  return at;
}

function isContainer(value: FixValue | undefined): value is Mutable {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
}

function isObject(value: FixValue | undefined): value is { [key: string]: FixValue } {
  return isContainer(value) && !Array.isArray(value);
}
