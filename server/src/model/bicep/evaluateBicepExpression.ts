import type {
  ArrayExpression, BinaryExpression, Expression, ForExpression, FunctionCall, IndexAccess, Lambda as LambdaNode, ObjectExpression, StringLiteral,
} from '../../syntax/bicep';
import type { Span } from '../../syntax/span';
import { propertyKeyName } from '../../syntax/bicep';
import type { Argument, Lambda } from '../functions';
import { limits } from '../limits';
import {
  arrayValue, booleanValue, jsonTextOf, nullValue, numberValue, objectValue, propertyOf, runtimeMember, stringValue, unknownValue, valuesEqual, withHead,
  type ObjectProperty, type ObjectValue, type Origin, type Value,
} from '../value';
import { identityOf } from './resourceIdentity';
import { callFunction } from './bicepFunctions';
import type { BicepScope } from './bicepScope';

/** Evaluates one Bicep expression. Never throws and never guesses: what it cannot compute is unknown. */
export function evaluateBicep(expression: Expression, scope: BicepScope): Value {
  const origin = scope.originOf(expression);
  if (!scope.run.step()) return unknownValue('the template takes too much work to evaluate', origin);
  return scope.run.nested(() => evaluateWithin(expression, origin, scope)) ?? unknownValue('the expressions nest too deeply to evaluate', origin);
}

function evaluateWithin(expression: Expression, origin: Origin, scope: BicepScope): Value {
  switch (expression.kind) {
    case 'StringLiteral':
      return stringOf(expression, origin, scope);
    case 'IntegerLiteral':
      return numberValue(expression.value, origin);
    case 'BooleanLiteral':
      return booleanValue(expression.value, origin);
    case 'NullLiteral':
      return nullValue(origin);
    case 'ObjectExpression':
      return objectOf(expression, scope);
    case 'ArrayExpression':
      return arrayOf(expression, scope);
    case 'ForExpression':
      return loopValue(expression, scope);
    case 'ParenthesizedExpression':
    case 'NonNullAssertion':
      return evaluateBicep(expression.expression, scope);
    case 'TernaryExpression': {
      const condition = evaluateBicep(expression.condition, scope);
      if (condition.kind === 'boolean') return evaluateBicep(condition.value ? expression.whenTrue : expression.whenFalse, scope);
      if (condition.kind === 'unknown') return unknownValue(`the condition is not known (${condition.reason})`, origin);
      scope.report(expression.condition, 'the condition must be a boolean');
      return unknownValue('the condition is not a boolean', origin);
    }
    case 'BinaryExpression':
      return binaryValue(expression, origin, scope);
    case 'UnaryExpression': {
      const operand = evaluateBicep(expression.operand, scope);
      if (operand.kind === 'unknown') return unknownValue(operand.reason, origin, expression.operator === '!' ? 'boolean' : 'number');
      if (expression.operator === '!' && operand.kind === 'boolean') return booleanValue(!operand.value, origin);
      if (expression.operator === '-' && operand.kind === 'number') return numberValue(-operand.value, origin);
      scope.report(expression, `'${expression.operator}' cannot be applied to a ${operand.kind}`);
      return unknownValue(`'${expression.operator}' cannot be applied to a ${operand.kind}`, origin);
    }
    case 'PropertyAccess': {
      const target = evaluateBicep(expression.object, scope);
      return memberOf(target, expression.property.name, expression.safe || shortCircuits(expression.object), origin, scope, expression.property);
    }
    case 'IndexAccess':
      return indexOf(expression, origin, scope);
    case 'ResourceAccess':
      return scope.context.symbols.nestedResource(expression, scope) ?? unknownValue(`'${expression.name.name}' is not a nested resource`, origin);
    case 'FunctionCall':
      return callOf(expression, origin, scope);
    case 'VariableAccess':
      return variableValue(expression.name.name, origin, scope, expression);
    case 'Lambda':
      scope.report(expression, 'a lambda can only be an argument of a function such as map, filter or reduce');
      return unknownValue('a lambda outside a function argument', origin);
    case 'Skipped':
      return unknownValue('the expression has a syntax error', origin);
  }
}

function variableValue(name: string, origin: Origin, scope: BicepScope, node: Expression): Value {
  const local = scope.locals.get(name);
  if (local !== undefined) return local;
  if (scope.inFunction && scope.context.symbols.declaration(name)?.kind === 'ParameterDeclaration') {
    scope.report(node, `a function cannot read the parameter '${name}': pass it as an argument`);
    return unknownValue(`'${name}' is not in reach of the function`, origin);
  }
  const value = scope.context.symbols.value(name, scope, origin);
  if (value !== undefined) return value;
  if (!scope.context.symbols.isNamespace(name)) scope.reportUnresolved(node, `the name '${name}' does not exist in this file`);
  return unknownValue(`'${name}' is not declared`, origin);
}

function stringOf(literal: StringLiteral, origin: Origin, scope: BicepScope): Value {
  if (literal.value !== undefined) return stringValue(literal.value, origin);
  let text = literal.segments[0]?.value ?? '';
  for (let i = 0; i < literal.expressions.length; i++) {
    const part = evaluateBicep(literal.expressions[i], scope);
    if (part.kind === 'unknown') {
      const prefix = text + (part.prefix ?? '');
      return prefix.length > 0 ? { ...unknownValue(part.reason, origin, 'string'), prefix } : unknownValue(part.reason, origin, 'string');
    }
    const piece = part.kind === 'string' ? part.value : part.kind === 'null' ? '' : part.kind === 'boolean' ? (part.value ? 'True' : 'False') : jsonTextOf(part);
    if (piece === undefined) return unknownValue('a part of the string is not known', origin, 'string');
    text += piece + (literal.segments[i + 1]?.value ?? '');
    if (text.length > limits.maxStringLength) return unknownValue(`the string is longer than ${limits.maxStringLength} characters`, origin, 'string');
  }
  return stringValue(text, origin);
}

/** Object literals; `skip` leaves out keys the caller reads itself (a resource's `parent`, a module's `params`). */
export function objectOf(object: ObjectExpression, scope: BicepScope, skip?: ReadonlySet<string>): Value {
  const origin = scope.originOf(object);
  const properties: ObjectProperty[] = [];
  const set = (name: string, value: Value) => {
    const at = properties.findIndex((property) => property.name.toLowerCase() === name.toLowerCase());
    if (at >= 0) properties.splice(at, 1);
    properties.push({ name, value });
  };
  for (const member of object.properties) {
    if (member.kind === 'SpreadExpression') {
      const spread = evaluateBicep(member.expression, scope);
      if (spread.kind === 'unknown') return unknownValue(`a spread part is not known (${spread.reason})`, origin, 'object');
      if (spread.kind !== 'object') {
        scope.report(member, 'only an object can be spread into an object');
        continue;
      }
      for (const property of spread.properties) set(property.name, property.value);
      if (spread.open) return unknownValue('a spread part is only partly known', origin, 'object');
      continue;
    }
    if (member.kind !== 'ObjectProperty') continue;
    let name = propertyKeyName(member);
    if (name === undefined && member.key.kind === 'StringLiteral') {
      const key = evaluateBicep(member.key, scope);
      if (key.kind === 'string') name = key.value;
      else return unknownValue('a property name is not known', origin, 'object');
    }
    if (name === undefined || skip?.has(name.toLowerCase())) continue;
    const value = evaluateBicep(member.value, scope);
    // Only a literal written here is named by this key; a variable's object keeps its own origin.
    set(name, value.origin.file === origin.file && value.origin.span.offset === member.value.offset ? withHead(value, member.key) : value);
  }
  return objectValue(properties, { file: origin.file, span: origin.span, head: objectHead(object) });
}

/** An object's own head (an array item's): its `name` string, else its first key. */
function objectHead(object: ObjectExpression): Span | undefined {
  let first: Span | undefined;
  for (const member of object.properties) {
    if (member.kind !== 'ObjectProperty') continue;
    first ??= member.key;
    if (member.value.kind === 'StringLiteral' && propertyKeyName(member) === 'name') return { offset: member.value.offset, length: member.value.length };
  }
  return first ? { offset: first.offset, length: first.length } : undefined;
}

function arrayOf(array: ArrayExpression, scope: BicepScope): Value {
  const origin = scope.originOf(array);
  const items: Value[] = [];
  for (const item of array.items) {
    if (item.kind !== 'SpreadExpression') {
      items.push(evaluateBicep(item, scope));
      continue;
    }
    const spread = evaluateBicep(item.expression, scope);
    if (spread.kind === 'unknown') return unknownValue(`a spread part is not known (${spread.reason})`, origin, 'array');
    if (spread.kind !== 'array') {
      scope.report(item, 'only an array can be spread into an array');
      continue;
    }
    items.push(...spread.items);
    if (items.length > limits.maxArrayLength) return unknownValue(`the array has more than ${limits.maxArrayLength} items`, origin, 'array');
  }
  return arrayValue(items, origin);
}

/** The items and the scope of each pass of a `for` (item and index bound); unknown when the iterable is. */
export function loopPasses(loop: ForExpression, scope: BicepScope): { scope: BicepScope; index: number }[] | Value {
  const origin = scope.originOf(loop.iterable);
  const iterable = evaluateBicep(loop.iterable, scope);
  if (iterable.kind === 'unknown') return unknownValue(`the loop's array is not known (${iterable.reason})`, origin, 'array');
  if (iterable.kind !== 'array') {
    scope.report(loop.iterable, 'a for loop needs an array');
    return unknownValue('the loop does not go over an array', origin, 'array');
  }
  if (iterable.items.length > limits.maxCopyCount) return unknownValue(`the loop has more than ${limits.maxCopyCount} items`, origin, 'array');
  return iterable.items.map((item, index) => {
    const locals = new Map<string, Value>([[loop.item.name, item]]);
    if (loop.index) locals.set(loop.index.name, numberValue(index, origin));
    return { scope: scope.withLocals(locals), index };
  });
}

function loopValue(loop: ForExpression, scope: BicepScope): Value {
  const origin = scope.originOf(loop);
  const passes = loopPasses(loop, scope);
  if (!Array.isArray(passes)) return passes;
  const items: Value[] = [];
  for (const pass of passes) {
    if (loop.body.kind !== 'IfCondition') {
      items.push(evaluateBicep(loop.body, pass.scope));
      continue;
    }
    const keep = evaluateBicep(loop.body.condition, pass.scope);
    if (keep.kind !== 'boolean') return unknownValue('a loop filter is not known', origin, 'array');
    if (keep.value && loop.body.body.kind === 'ObjectExpression') items.push(objectOf(loop.body.body, pass.scope));
  }
  return arrayValue(items, origin);
}

/** `a.?b.c`: a safe access makes the rest of its chain null when it gives null. */
function shortCircuits(expression: Expression): boolean {
  let current: Expression = expression;
  for (;;) {
    if (current.kind === 'PropertyAccess' || current.kind === 'IndexAccess') {
      if (current.safe) return true;
      current = current.object;
    } else if (current.kind === 'NonNullAssertion') current = current.expression;
    else return false;
  }
}

/** `x.p` and `x.?p`; also used for the dotted names ARM functions return. */
export function memberOf(target: Value, name: string, safe: boolean, origin: Origin, scope: BicepScope, at: { offset: number; length: number }): Value {
  if (target.kind === 'unknown') return safe && (target.shape === 'string' || target.shape === 'number' || target.shape === 'boolean') ? nullValue(origin) : runtimeMember(target, name, origin);
  if (target.kind === 'null' && safe) return nullValue(origin);
  if (target.kind === 'object') {
    const value = propertyOf(target, name);
    if (value !== undefined) return value;
    if (target.open) return deployTimeMember(target, name, origin);
    if (safe) return nullValue(origin);
    scope.report(at, `the object has no property '${name}'`);
    return unknownValue(`the object has no property '${name}'`, origin);
  }
  // `x.?p` compiles to tryGet, which gives null for a value without properties (AVM's `action.?actionGroupId ?? action`).
  if (safe && target.kind !== 'array') return nullValue(origin);
  scope.report(at, `cannot read property '${name}' of ${target.kind === 'array' ? 'an array' : `a ${target.kind}`}`);
  return unknownValue(`cannot read property '${name}' of a ${target.kind}`, origin);
}

function indexOf(access: IndexAccess, origin: Origin, scope: BicepScope): Value {
  const target = evaluateBicep(access.object, scope);
  const index = evaluateBicep(access.index, scope);
  if (target.kind === 'unknown') return unknownValue(target.reason, origin);
  if (index.kind === 'unknown') return unknownValue(index.reason, origin);
  if (target.kind === 'null' && (access.safe || shortCircuits(access.object))) return nullValue(origin);
  if (target.kind === 'array' && index.kind === 'number') {
    const at = access.fromEnd ? target.items.length - index.value : index.value;
    const item = target.items[at];
    if (item !== undefined) return item;
    if (access.safe) return nullValue(origin);
    scope.report(access, `index ${index.value} is outside the array of ${target.items.length} item(s)`);
    return unknownValue(`index ${index.value} is outside the array`, origin);
  }
  if (target.kind === 'object' && index.kind === 'string') return memberOf(target, index.value, access.safe, origin, scope, access.index);
  scope.report(access, `cannot index ${target.kind === 'array' ? 'an array' : `a ${target.kind}`} with a ${index.kind}`);
  return unknownValue(`cannot index ${target.kind} with ${index.kind}`, origin);
}

function binaryValue(expression: BinaryExpression, origin: Origin, scope: BicepScope): Value {
  const { operator } = expression;
  const left = evaluateBicep(expression.left, scope);
  if (operator === '&&' && left.kind === 'boolean' && !left.value) return booleanValue(false, origin);
  if (operator === '||' && left.kind === 'boolean' && left.value) return booleanValue(true, origin);
  if (operator === '??' && left.kind !== 'unknown' && left.kind !== 'null') return left;
  // An unknown with a shape is not null: the result is that value, and a resource link through it survives.
  if (operator === '??' && left.kind === 'unknown' && left.shape !== undefined) return left;
  const right = evaluateBicep(expression.right, scope);
  if (operator === '??') return left.kind === 'null' ? right : unknownValue(left.kind === 'unknown' ? left.reason : 'not known', origin);
  if (left.kind === 'unknown' || right.kind === 'unknown') {
    if (operator === '&&' && right.kind === 'boolean' && !right.value) return booleanValue(false, origin);
    if (operator === '||' && right.kind === 'boolean' && right.value) return booleanValue(true, origin);
    const unknown = left.kind === 'unknown' ? left : (right as Extract<Value, { kind: 'unknown' }>);
    return unknownValue(unknown.reason, origin, /[=!<>&|]/.test(operator) ? 'boolean' : undefined);
  }
  switch (operator) {
    case '&&':
    case '||':
      if (left.kind === 'boolean' && right.kind === 'boolean') return booleanValue(operator === '&&' ? left.value && right.value : left.value || right.value, origin);
      break;
    case '==':
    case '!=': {
      const same = valuesEqual(left, right);
      return same === undefined ? unknownValue('the values are only partly known', origin, 'boolean') : booleanValue(operator === '==' ? same : !same, origin);
    }
    case '=~':
    case '!~':
      if (left.kind === 'string' && right.kind === 'string') {
        const same = left.value.toLowerCase() === right.value.toLowerCase();
        return booleanValue(operator === '=~' ? same : !same, origin);
      }
      break;
    case '<':
    case '<=':
    case '>':
    case '>=':
      if ((left.kind === 'number' && right.kind === 'number') || (left.kind === 'string' && right.kind === 'string')) {
        const order = left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
        const result = operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
        return booleanValue(result, origin);
      }
      break;
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      if (left.kind === 'number' && right.kind === 'number') return arithmetic(operator, left.value, right.value, origin, expression, scope);
      break;
  }
  scope.report(expression, `'${operator}' cannot be applied to a ${left.kind} and a ${right.kind}`);
  return unknownValue(`'${operator}' cannot be applied to these values`, origin);
}

function arithmetic(operator: '+' | '-' | '*' | '/' | '%', a: number, b: number, origin: Origin, at: Expression, scope: BicepScope): Value {
  if ((operator === '/' || operator === '%') && b === 0) {
    scope.report(at, 'division by zero');
    return unknownValue('division by zero', origin, 'number');
  }
  const result = operator === '+' ? a + b : operator === '-' ? a - b : operator === '*' ? a * b : operator === '/' ? Math.trunc(a / b) : a % b;
  return numberValue(result, origin);
}

function callOf(call: FunctionCall, origin: Origin, scope: BicepScope): Value {
  const args = (): Argument[] => call.arguments.map((arg) => (arg.kind === 'Lambda' ? lambdaOf(arg, scope) : evaluateBicep(arg, scope)));
  return callFunction(call, origin, scope, args);
}

function lambdaOf(node: LambdaNode, scope: BicepScope): Lambda {
  const origin = scope.originOf(node);
  return {
    kind: 'lambda',
    parameterCount: node.parameters.length,
    origin,
    apply(values) {
      if (scope.depth >= limits.maxDepth) return unknownValue('lambdas nest too deeply to evaluate', origin);
      const locals = new Map<string, Value>();
      node.parameters.forEach((parameter, i) => locals.set(parameter.name, values[i] ?? nullValue(origin)));
      return evaluateBicep(node.body, scope.withLocals(locals));
    },
  };
}

/** A property of a resource symbol other than its ID and name: read from the deployed resource. */
function deployTimeMember(target: ObjectValue, name: string, origin: Origin): Value {
  const unknown = unknownValue(`property '${name}' is only known at deployment`, origin);
  const identity = identityOf(target);
  if (!identity?.type || identity.fullName.kind !== 'string') return unknown;
  const names = identity.fullName.value.split('/').map((n) => stringValue(n, identity.fullName.origin));
  return { ...unknown, runtime: { resource: { type: identity.type, names }, path: [name] } };
}
