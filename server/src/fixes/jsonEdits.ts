import { findNodeAtLocation, findNodeAtOffset, getNodePath, modify, type JSONPath, type Node } from 'jsonc-parser';
import { FixExpression, type FixIntent, type FixValue, type NewResource } from '../rules/fixIntent';
import { parseJsonDocument } from '../syntax/arm/jsonDocument';
import { maskRawLineBreaks } from '../syntax/arm/rawLineBreaks';
import type { Span } from '../syntax/span';
import { applyEdits, type TextEdit } from './textEdit';
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
      // A property name (a misspelt key) is renamed in place; modify() would set its value.
      if (node.parent?.type === 'property' && node.parent.children?.[0] === node) return typeof intent.value === 'string' ? [{ file, offset: node.offset, length: node.length, newText: JSON.stringify(intent.value) }] : undefined;
      return write(getNodePath(node), intent.value);
    }
    case 'replaceStart': {
      // A plain string, or an expression (its origin is inside the string) whose first argument is the string literal that starts the result.
      const { offset, length } = intent.at.span;
      const node = findNodeAtOffset(root, offset, false);
      if (node?.type !== 'string' || offset < node.offset || offset + length > node.offset + node.length) return undefined;
      const written = text.slice(offset, offset + length);
      const whole = offset === node.offset && length === node.length;
      const lead = whole ? (written.startsWith('"[') ? undefined : '"') : /^(?:concat|format)\s*\(\s*'/i.exec(written)?.[0];
      if (lead === undefined || written.slice(lead.length, lead.length + intent.from.length).toLowerCase() !== intent.from.toLowerCase()) return undefined;
      return [{ file, offset: offset + lead.length, length: intent.from.length, newText: intent.to }];
    }
    case 'setProperty': {
      const node = nodeExactlyAt(root, intent.object.span);
      if (node?.type !== 'object') return undefined;
      if (intent.path.length === 0) return merge(file, text, node, intent.value);
      const path = existingPath(node, intent.path);
      return path ? write(path, intent.value) : undefined;
    }
    case 'addItem': {
      const node = nodeExactlyAt(root, intent.array.span);
      return node?.type === 'array' ? write([...getNodePath(node), -1], intent.item) : undefined;
    }
    case 'addParameter': {
      const template = parameterScopeOf(root, intent.near.span.offset);
      const parameters = template.children?.find((child) => child.children?.[0]?.value === 'parameters')?.children?.[1];
      if (parameters && parameters.type !== 'object') return undefined;
      const exists = parameters?.children?.some((child) => String(child.children?.[0]?.value).toLowerCase() === intent.name.toLowerCase());
      if (exists) return [];
      const armType = { string: 'string', int: 'int', bool: 'bool', object: 'object', array: 'array' }[intent.type];
      return write([...getNodePath(template), 'parameters', intent.name], { type: armType, ...(intent.defaultValue === undefined ? {} : { defaultValue: intent.defaultValue }), metadata: { description: intent.description } });
    }
    case 'addResource': {
      const node = nodeExactlyAt(root, intent.beside.span);
      const resources = node?.parent;
      if (node?.type !== 'object' || resources?.type !== 'array' || resources.parent?.type !== 'property' || resources.parent.children?.[0]?.value !== 'resources') return undefined;
      // Only a template's own resource list: in a parent resource's `resources` the new one would become its child.
      const template = resources.parent.parent;
      const holder = template?.parent;
      if (template !== root && !(holder?.type === 'property' && String(holder.children?.[0]?.value).toLowerCase() === 'template')) return undefined;
      const added = armResource(node, intent.resource);
      return added === undefined ? undefined : write([...getNodePath(resources), -1], added);
    }
  }
}

/**
 * The template whose `parameters()` an expression at `offset` reads: the innermost nested
 * deployment template evaluated in inner scope around it, else the file's root template.
 */
function parameterScopeOf(root: Node, offset: number): Node {
  const member = (object: Node | undefined, key: string) => object?.children?.find((child) => String(child.children?.[0]?.value).toLowerCase() === key)?.children?.[1];
  for (let node = findNodeAtOffset(root, offset, false); node; node = node.parent) {
    const holder = node.parent;
    if (node.type !== 'object' || holder?.type !== 'property' || String(holder.children?.[0]?.value).toLowerCase() !== 'template') continue;
    const deploymentProperties = holder.parent;
    const scope = member(member(deploymentProperties, 'expressionevaluationoptions'), 'scope');
    if (typeof scope?.value === 'string' && scope.value.toLowerCase() === 'inner') return node;
  }
  return root;
}

/**
 * Sets each property of `value` in the object: applied one after another to the text, then
 * given as one edit of the object's range (jsonc-parser's edits each assume the original text).
 */
function merge(file: string, text: string, object: Node, value: FixValue): TextEdit[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof FixExpression) return undefined;
  const path = getNodePath(object);
  let current = text;
  for (const [key, item] of Object.entries(value as { readonly [key: string]: FixValue })) {
    const currentRoot = parseJsonDocument(current, { arm: true }).root;
    const target = currentRoot && findNodeAtLocation(currentRoot, path);
    if (target?.type !== 'object') return undefined;
    const edits = jsonEdits(file, current, { kind: 'setProperty', object: { file, span: { offset: target.offset, length: target.length } }, path: [key], value: item });
    if (!edits) return undefined;
    current = applyEdits(current, edits);
  }
  const fixedRoot = parseJsonDocument(current, { arm: true }).root;
  const fixed = fixedRoot && findNodeAtLocation(fixedRoot, path);
  if (!fixed) return undefined;
  return [{ file, offset: object.offset, length: object.length, newText: current.slice(fixed.offset, fixed.offset + fixed.length) }];
}

/**
 * The new resource as an ARM resource object. Scoped to a top-level resource (`Type/name`,
 * as Bicep compiles `scope: symbol`), with a dependsOn on it; undefined when the resource
 * beside it repeats (copy) or is conditional, or its type or name is not written plainly.
 */
function armResource(beside: Node, resource: NewResource): FixValue | undefined {
  const member = (key: string) => beside.children?.find((child) => child.children?.[0]?.value === key)?.children?.[1];
  const { name, ...rest } = resource.body;
  const head = { type: resource.type, apiVersion: resource.apiVersion, ...(name !== undefined ? { name } : {}) };
  const also = (resource.armDependsOn ?? []).map((expression) => new FixExpression('', expression));
  if (!resource.scoped) return { ...head, ...(also.length > 0 ? { dependsOn: also } : {}), ...rest };
  if (member('copy') || (member('condition') && member('condition')!.value !== true)) return undefined;
  const type = member('type')?.value;
  const written = member('name')?.value;
  if (typeof type !== 'string' || typeof written !== 'string' || type.startsWith('[')) return undefined;
  const [namespace, ...types] = type.split('/');
  if (types.length === 0) return undefined;
  const expression = written.startsWith('[') && !written.startsWith('[[') ? written.slice(1, -1).trim() : undefined;
  // A child type (servers/databases) names its resource by one segment per type: 'server/database'.
  const segments = expression ? types.map((_, i) => (types.length === 1 ? expression : `split(${expression}, '/')[${i}]`)) : written.split('/').map((part) => `'${part.replace(/'/g, "''")}'`);
  if (segments.length !== types.length) return undefined;
  const scope = expression
    ? new FixExpression('', `format('${namespace}/${types.map((t, i) => `${t}/{${i}}`).join('/')}', ${segments.join(', ')})`)
    : `${namespace}/${types.map((t, i) => `${t}/${written.split('/')[i]}`).join('/')}`;
  const id = new FixExpression('', `resourceId('${type}', ${segments.join(', ')})`);
  return { ...head, scope, dependsOn: [id, ...also], ...rest };
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
