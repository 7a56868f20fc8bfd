import type { Call, Expression } from '../syntax/arm/expression';
import { evaluateNode } from './evaluateNode';
import type { EvaluationScope, SymbolTable } from './evaluationScope';
import { knownStringPrefix, templateFunction, unknownWithPrefix, type Argument, type CallSite, type Lambda } from './functions';
import { limits } from './limits';
import { booleanValue, nullValue, numberValue, propertyOf, runtimeMember, stringValue, unknownValue, type Origin, type Value } from './value';

/** Evaluates one ARM expression. Never throws and never guesses: what it cannot compute is unknown. */
export function evaluateExpression(expression: Expression, scope: EvaluationScope): Value {
  const origin = scope.originOf(expression);
  if (!scope.run.step()) return unknownValue('the template takes too much work to evaluate', origin);
  return scope.run.nested(() => evaluateKnownWork(expression, origin, scope)) ?? unknownValue('the expressions nest too deeply to evaluate', origin);
}

function evaluateKnownWork(expression: Expression, origin: Origin, scope: EvaluationScope): Value {
  switch (expression.kind) {
    case 'string':
      return stringValue(expression.value, origin);
    case 'number':
      return numberValue(expression.value, origin);
    case 'identifier':
      return identifierValue(expression.name, origin, scope);
    case 'property':
      return propertyValue(evaluateExpression(expression.target, scope), expression.name, origin, scope, expression.nameSpan);
    case 'index': {
      const target = evaluateExpression(expression.target, scope);
      const index = evaluateExpression(expression.index, scope);
      return indexValue(target, index, origin, scope);
    }
    case 'call':
      return evaluateCall(expression, origin, scope);
  }
}

function identifierValue(name: string, origin: Origin, scope: EvaluationScope): Value {
  switch (name.toLowerCase()) {
    case 'true':
      return booleanValue(true, origin);
    case 'false':
      return booleanValue(false, origin);
    case 'null':
      return nullValue(origin);
  }
  scope.report(origin.span, `'${name}' is not a function call: write ${name}() or put text in single quotes`);
  return unknownValue(`'${name}' is not a value`, origin);
}

export function propertyValue(target: Value, name: string, origin: Origin, scope: EvaluationScope, nameSpan = origin.span): Value {
  if (target.kind === 'unknown') return runtimeMember(target, name, origin);
  if (target.kind === 'object') {
    const value = propertyOf(target, name);
    if (value !== undefined) return value;
    if (target.open) return unknownValue(`property '${name}' is only known at deployment`, origin);
    scope.report(nameSpan, `the object has no property '${name}'`);
    return unknownValue(`the object has no property '${name}'`, origin);
  }
  scope.report(nameSpan, `cannot read property '${name}' of ${target.kind === 'array' ? 'an array' : `a ${target.kind}`}`);
  return unknownValue(`cannot read property '${name}' of a ${target.kind}`, origin);
}

function indexValue(target: Value, index: Value, origin: Origin, scope: EvaluationScope): Value {
  if (target.kind === 'unknown') return unknownValue(target.reason, origin);
  if (index.kind === 'unknown') return unknownValue(index.reason, origin);
  if (target.kind === 'array' && index.kind === 'number') {
    const item = target.items[index.value];
    if (item !== undefined) return item;
    scope.report(origin.span, `index ${index.value} is outside the array of ${target.items.length} item(s)`);
    return unknownValue(`index ${index.value} is outside the array`, origin);
  }
  if (target.kind === 'object' && index.kind === 'string') return propertyValue(target, index.value, origin, scope);
  scope.report(origin.span, `cannot index ${target.kind} with ${index.kind}`);
  return unknownValue(`cannot index ${target.kind} with ${index.kind}`, origin);
}

function evaluateCall(call: Call, origin: Origin, scope: EvaluationScope): Value {
  const name = call.name.toLowerCase();
  switch (name) {
    case 'parameters':
      return symbolValue(call, origin, scope, 'parameter', (symbols, key) => symbols.parameter(key));
    case 'variables':
      if (scope.symbols.inFunction) {
        scope.report(call.nameSpan, 'a user-defined function cannot use variables()');
        return unknownValue('variables() inside a user-defined function', origin);
      }
      return symbolValue(call, origin, scope, 'variable', (symbols, key) => symbols.variable(key));
    case 'copyindex':
      return copyIndexValue(call, origin, scope);
    case 'lambdavariables': {
      const key = call.args.length === 1 ? evaluateExpression(call.args[0], scope) : undefined;
      const value = key?.kind === 'string' ? scope.lambdaVariables?.get(key.value.toLowerCase()) : undefined;
      if (value !== undefined) return value;
      scope.report(call.nameSpan, 'lambdaVariables() names no variable of an enclosing lambda');
      return unknownValue('not a lambda variable', origin);
    }
    case 'if':
      return ifValue(call, origin, scope);
    case 'lambda':
      scope.report(call.nameSpan, 'a lambda can only be an argument of map, filter, reduce, sort, toObject or mapValues');
      return unknownValue('a lambda outside a function argument', origin);
  }
  if (name.includes('.')) return userFunctionValue(call, origin, scope);
  const fn = templateFunction(name);
  if (fn === undefined) {
    scope.reportUnresolved(call.nameSpan, `'${call.name}' is not an ARM template function`);
    return unknownValue(`unknown function '${call.name}'`, origin);
  }
  if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    scope.report(call.nameSpan, `${call.name} takes ${expected} argument(s), not ${call.args.length}`);
    return unknownValue(`${call.name} has the wrong number of arguments`, origin);
  }
  const args: Argument[] = call.args.map((arg) => (arg.kind === 'call' && arg.name.toLowerCase() === 'lambda' ? lambdaOf(arg, scope) : evaluateExpression(arg, scope)));
  if (fn.strict) {
    for (const arg of args) if (arg.kind === 'unknown') return unknownWithPrefix(arg.reason, origin, arg.shape, knownStringPrefix(call.name, args));
  }
  const site: CallSite = { name: call.name, origin, targetScope: scope.targetScope };
  return fn.evaluate(args, site);
}

function symbolValue(call: Call, origin: Origin, scope: EvaluationScope, what: string, lookup: (symbols: SymbolTable, name: string) => Value | undefined): Value {
  if (call.args.length !== 1) {
    scope.report(call.nameSpan, `${call.name} takes the ${what} name as its one argument`);
    return unknownValue(`${call.name} needs one argument`, origin);
  }
  const key = evaluateExpression(call.args[0], scope);
  if (key.kind === 'unknown') return unknownValue(key.reason, origin);
  if (key.kind !== 'string') {
    scope.report(call.args[0], `the ${what} name must be a string`);
    return unknownValue(`the ${what} name is not a string`, origin);
  }
  const value = lookup(scope.symbols, key.value);
  if (value !== undefined) return value;
  scope.reportUnresolved(call.args[0], `the template has no ${what} '${key.value}'`);
  return unknownValue(`${what} '${key.value}' does not exist`, origin);
}

function copyIndexValue(call: Call, origin: Origin, scope: EvaluationScope): Value {
  const args = call.args.map((arg) => evaluateExpression(arg, scope));
  const named = args[0]?.kind === 'string' ? args[0].value : undefined;
  const offsetArg = named === undefined ? args[0] : args[1];
  if (args.some((arg) => arg.kind === 'unknown')) return unknownValue('an argument of copyIndex is not known', origin, 'number');
  const loop = named === undefined
    ? ([...scope.copyIndices].reverse().find((index) => index.loop === 'resource') ?? scope.copyIndices[scope.copyIndices.length - 1])
    : [...scope.copyIndices].reverse().find((index) => index.name?.toLowerCase() === named.toLowerCase());
  if (loop === undefined) {
    scope.reportUnresolved(call.nameSpan, named === undefined ? 'copyIndex() is used outside a copy loop' : `copyIndex('${named}') names no enclosing copy loop`);
    return unknownValue('copyIndex() outside a copy loop', origin, 'number');
  }
  if (loop.index === undefined) return unknownValue('the copy loop count is not known', origin, 'number');
  const offset = offsetArg?.kind === 'number' ? offsetArg.value : 0;
  return numberValue(loop.index + offset, origin);
}

/** `if` evaluates only the branch it takes, as ARM does. */
function ifValue(call: Call, origin: Origin, scope: EvaluationScope): Value {
  if (call.args.length !== 3) {
    scope.report(call.nameSpan, `if takes 3 arguments, not ${call.args.length}`);
    return unknownValue('if has the wrong number of arguments', origin);
  }
  const condition = evaluateExpression(call.args[0], scope);
  if (condition.kind === 'boolean') return evaluateExpression(call.args[condition.value ? 1 : 2], scope);
  if (condition.kind === 'unknown') return unknownValue(`the condition is not known (${condition.reason})`, origin);
  scope.report(call.args[0], 'the condition of if must be a boolean');
  return unknownValue('the condition of if is not a boolean', origin);
}

function lambdaOf(call: Call, scope: EvaluationScope): Lambda | Value {
  const origin = scope.originOf(call);
  const names: string[] = [];
  for (const arg of call.args.slice(0, -1)) {
    if (arg.kind !== 'string') {
      scope.report(arg, 'lambda parameter names must be strings');
      return unknownValue('a lambda parameter name is not a string', origin);
    }
    names.push(arg.value);
  }
  const body = call.args[call.args.length - 1];
  if (body === undefined) {
    scope.report(call.nameSpan, 'a lambda needs a body');
    return unknownValue('a lambda without a body', origin);
  }
  return {
    kind: 'lambda',
    parameterCount: names.length,
    origin,
    apply(args) {
      if (scope.depth >= limits.maxDepth) return unknownValue('lambdas nest too deeply to evaluate', origin);
      const variables = new Map<string, Value>();
      names.forEach((name, i) => variables.set(name, args[i] ?? nullValue(origin)));
      return evaluateExpression(body, scope.withLambdaVariables(variables));
    },
  };
}

function userFunctionValue(call: Call, origin: Origin, scope: EvaluationScope): Value {
  const fn = scope.functions.get(call.name.toLowerCase());
  if (fn === undefined) {
    scope.reportUnresolved(call.nameSpan, `the template defines no function '${call.name}'`);
    return unknownValue(`unknown function '${call.name}'`, origin);
  }
  if (call.args.length !== fn.parameters.length) {
    scope.report(call.nameSpan, `${call.name} takes ${fn.parameters.length} argument(s), not ${call.args.length}`);
    return unknownValue(`${call.name} has the wrong number of arguments`, origin);
  }
  if (fn.output === undefined) return unknownValue(`${call.name} has no output value`, origin);
  if (scope.depth >= limits.maxDepth) return unknownValue('user functions nest too deeply to evaluate', origin);
  const args = new Map<string, Value>();
  fn.parameters.forEach((parameter, i) => args.set(parameter.name.toLowerCase(), evaluateExpression(call.args[i], scope)));
  const symbols: SymbolTable = { parameter: (name) => args.get(name.toLowerCase()), variable: () => undefined, inFunction: true };
  return evaluateNode(fn.output, scope.forFunction(symbols));
}
