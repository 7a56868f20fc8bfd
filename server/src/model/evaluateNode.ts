import type { Node } from 'jsonc-parser';
import type { Span } from '../syntax/span';
import { itemsOf, member } from '../syntax/arm/jsonNodes';
import { readCopy } from '../syntax/arm/readArmTemplate';
import { templateStringOf } from '../syntax/arm/templateStrings';
import { evaluateExpression } from './evaluateExpression';
import type { EvaluationScope } from './evaluationScope';
import { limits } from './limits';
import { arrayValue, booleanValue, nullValue, numberValue, objectValue, stringValue, unknownValue, withHead, type ObjectProperty, type Origin, type Value } from './value';

export interface NodeOptions {
  /** In resource properties, an object's `copy` array is a property loop. */
  readonly propertyCopy?: boolean;
  /** Property names left out of an object (e.g. `resources` of a resource). */
  readonly skip?: ReadonlySet<string>;
}

/** Evaluates a JSON value of a template: literals as written, `[...]` strings as expressions. */
export function evaluateNode(node: Node, scope: EvaluationScope, options: NodeOptions = {}): Value {
  const origin = scope.originOf(node);
  if (!scope.run.step()) return unknownValue('the template takes too much work to evaluate', origin);
  switch (node.type) {
    case 'string': {
      const parsed = templateStringOf(scope.text, node);
      if (parsed.template.kind === 'literal') return stringValue(parsed.template.value, origin);
      if (parsed.template.expression === undefined) return unknownValue('the expression has a syntax error', origin);
      return evaluateExpression(parsed.template.expression, scope);
    }
    case 'number':
      return numberValue(node.value as number, origin);
    case 'boolean':
      return booleanValue(node.value as boolean, origin);
    case 'null':
      return nullValue(origin);
    case 'array': {
      const inner: NodeOptions = options.propertyCopy ? { propertyCopy: true } : {};
      return scope.run.nested(() => arrayValue(itemsOf(node).map((item) => evaluateNode(item, scope, inner)), origin)) ?? tooDeep(origin);
    }
    case 'object':
      return scope.run.nested(() => objectValue(objectProperties(node, scope, options), { file: origin.file, span: origin.span, head: objectHead(node) })) ?? tooDeep(origin);
    default:
      return unknownValue('not a JSON value', origin);
  }
}

/** An object's own head (an array item's): its `name` string, else its first key. */
function objectHead(node: Node): Span | undefined {
  let first: Node | undefined;
  for (const property of node.children ?? []) {
    const key = property.children?.[0];
    if (key === undefined) continue;
    first ??= key;
    const value = property.children?.[1];
    if (key.value === 'name' && value?.type === 'string') return { offset: value.offset, length: value.length };
  }
  return first ? { offset: first.offset, length: first.length } : undefined;
}

function tooDeep(origin: Origin): Value {
  return unknownValue('the value nests too deeply to evaluate', origin);
}

function objectProperties(node: Node, scope: EvaluationScope, options: NodeOptions): ObjectProperty[] {
  const properties: ObjectProperty[] = [];
  const inner: NodeOptions = options.propertyCopy ? { propertyCopy: true } : {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined || typeof key.value !== 'string') continue;
    const name = key.value;
    if (options.skip?.has(name.toLowerCase())) continue;
    if (options.propertyCopy && value.type === 'array' && name.toLowerCase() === 'copy' && isPropertyLoop(value)) {
      for (const loop of itemsOf(value)) {
        const expanded = propertyLoop(loop, scope);
        if (expanded !== undefined) properties.push(expanded);
      }
      continue;
    }
    const evaluated = evaluateNode(value, scope, inner);
    // Only a literal written here is named by this key; a variable's object keeps its own origin.
    properties.push({ name, value: evaluated.origin.span.offset === value.offset ? withHead(evaluated, key) : evaluated });
  }
  return properties;
}

function isPropertyLoop(node: Node): boolean {
  return itemsOf(node).every((item) => member(item, 'name') !== undefined && member(item, 'input') !== undefined);
}

/** `{ name, count, input }` in a `copy` array becomes the property `name` holding `count` inputs. */
function propertyLoop(node: Node, scope: EvaluationScope): ObjectProperty | undefined {
  const copy = readCopy(node);
  if (copy?.name === undefined || copy.input === undefined) return undefined;
  const origin = scope.originOf(node);
  const count = copy.count === undefined ? undefined : evaluateNode(copy.count, scope);
  if (count?.kind !== 'number') {
    if (count !== undefined && count.kind !== 'unknown') scope.report(copy.count ?? node, 'the copy count must be an integer');
    return { name: copy.name, value: unknownValue(count?.kind === 'unknown' ? `the copy count is not known (${count.reason})` : 'the copy count is missing', origin, 'array') };
  }
  if (count.value > limits.maxCopyCount || count.value < 0) {
    scope.report(copy.count ?? node, `the copy count must be between 0 and ${limits.maxCopyCount}`);
    return { name: copy.name, value: unknownValue(`the copy count ${count.value} is outside 0..${limits.maxCopyCount}`, origin, 'array') };
  }
  const items: Value[] = [];
  for (let i = 0; i < count.value; i++) items.push(evaluateNode(copy.input, scope.withCopyIndex(copy.name, i, 'property'), { propertyCopy: true }));
  return { name: copy.name, value: arrayValue(items, origin) };
}
