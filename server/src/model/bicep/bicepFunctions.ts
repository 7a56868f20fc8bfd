import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import type { FunctionCall } from '../../syntax/bicep';
import { knownStringPrefix, templateFunction, unknownWithPrefix, type Argument } from '../functions';
import { limits } from '../limits';
import { objectValue, stringValue, unknownValue, valueOfJson, type ObjectProperty, type Origin, type Value } from '../value';
import { listResult, resourceOfId } from '../functions/runtime';
import { identityOf, scopeValue, type ExplicitScope } from './resourceIdentity';
import type { BicepScope } from './bicepScope';
import type { CallableFunction } from './bicepSymbols';
import { evaluateBicep } from './evaluateBicepExpression';

/** Namespaces every Bicep file has: `sys.concat()`, `az.resourceGroup()`. */
const builtinNamespaces = new Set(['sys', 'az']);

/** Bicep functions that exist only while deploying or that read the deploying machine. */
const deployTimeOnly: Readonly<Record<string, string>> = {
  readenvironmentvariable: 'depends on the environment of the machine that deploys',
  externalinput: 'comes from an external input, known only at deployment',
  getsecret: 'comes from a Key Vault secret, known only at deployment',
};

/** Evaluates a call: user-defined and imported functions, Bicep's own functions, then ARM's. */
export function callFunction(call: FunctionCall, origin: Origin, scope: BicepScope, args: () => Argument[]): Value {
  const name = call.name.name;
  const symbols = scope.context.symbols;
  if (call.object !== undefined) {
    const namespace = call.object.kind === 'VariableAccess' && !scope.locals.has(call.object.name.name) ? call.object.name.name : undefined;
    if (namespace !== undefined && symbols.isImportNamespace(namespace)) {
      const imported = symbols.namespaceFunction(namespace, name);
      if (imported) return userFunction(imported, call, origin, scope, args);
      scope.reportUnresolved(call.name, `'${namespace}' has no function '${name}'`);
      return unknownValue(`unknown function '${namespace}.${name}'`, origin);
    }
    if (namespace === undefined || !builtinNamespaces.has(namespace) || symbols.value(namespace, scope, origin) !== undefined) {
      const target = evaluateBicep(call.object, scope);
      const identity = identityOf(target);
      if (identity && /^list/i.test(name)) return listResult(name, resourceOfId(identity.id), origin);
      if (identity || target.kind === 'unknown') return unknownValue(`${name}() on a resource is known only at deployment`, origin);
      scope.report(call.name, `'${name}' cannot be called on a ${target.kind}`);
      return unknownValue(`'${name}' is not a method of a ${target.kind}`, origin);
    }
  } else {
    const declared = symbols.callable(name);
    if (declared) return userFunction(declared, call, origin, scope, args);
  }
  return builtinCall(call, origin, scope, args);
}

function builtinCall(call: FunctionCall, origin: Origin, scope: BicepScope, args: () => Argument[]): Value {
  const name = call.name.name;
  const lower = name.toLowerCase();
  if (lower in deployTimeOnly) return unknownValue(deployTimeOnly[lower], origin);
  switch (lower) {
    case 'any':
      return call.arguments.length === 1 ? evaluateBicep(call.arguments[0], scope) : wrongCount(call, '1', origin, scope);
    case 'nameof':
      return nameOf(call, origin, scope);
    case 'loadtextcontent':
    case 'loadjsoncontent':
    case 'loadyamlcontent':
      return loadedContent(call, lower, origin, scope);
    case 'loadfileasbase64':
    case 'loaddirectoryfileinfo':
      return unknownValue(`${name}() reads files at compile time; their content is not modeled`, origin);
    case 'resourcegroup':
    case 'subscription':
    case 'managementgroup':
      if (call.arguments.length > 0 && !(lower === 'managementgroup' && call.arguments.length === 0)) return explicitScope(lower, call, origin, scope);
  }
  const fn = templateFunction(lower);
  if (call.name.missing) return unknownValue('the function name is missing', origin);
  if (fn === undefined || ['parameters', 'variables', 'copyindex', 'if', 'lambda', 'lambdavariables'].includes(lower)) {
    scope.reportUnresolved(call.name, `'${name}' is not a Bicep function`);
    return unknownValue(`unknown function '${name}'`, origin);
  }
  if (call.arguments.length < fn.minArgs || call.arguments.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    return wrongCount(call, expected, origin, scope);
  }
  const values = args();
  if (fn.strict) {
    for (const value of values) if (value.kind === 'unknown') return unknownWithPrefix(value.reason, origin, value.shape, knownStringPrefix(name, values));
  }
  return fn.evaluate(values, { name, origin, targetScope: scope.context.targetScope });
}

function wrongCount(call: FunctionCall, expected: string, origin: Origin, scope: BicepScope): Value {
  scope.report(call.name, `${call.name.name} takes ${expected} argument(s), not ${call.arguments.length}`);
  return unknownValue(`${call.name.name} has the wrong number of arguments`, origin);
}

function userFunction(fn: CallableFunction, call: FunctionCall, origin: Origin, scope: BicepScope, args: () => Argument[]): Value {
  const lambda = fn.declaration.lambda;
  if (lambda.kind !== 'TypedLambda') return unknownValue(`the function '${call.name.name}' has a syntax error`, origin);
  if (call.arguments.length !== lambda.parameters.length) return wrongCount(call, String(lambda.parameters.length), origin, scope);
  if (scope.depth >= limits.maxDepth) return unknownValue('user functions nest too deeply to evaluate', origin);
  const values = args();
  const parameters = new Map<string, Value>();
  lambda.parameters.forEach((parameter, i) => {
    const value = values[i];
    if (parameter.kind === 'TypedParameter' && value !== undefined && value.kind !== 'lambda') parameters.set(parameter.name.name, value);
  });
  return evaluateBicep(lambda.body, scope.forFunction(parameters, fn.context));
}

/** `nameof(x)`: the symbol or property name, as text. */
function nameOf(call: FunctionCall, origin: Origin, scope: BicepScope): Value {
  const arg = call.arguments[0];
  if (call.arguments.length !== 1) return wrongCount(call, '1', origin, scope);
  if (arg.kind === 'VariableAccess') return stringValue(arg.name.name, origin);
  if (arg.kind === 'PropertyAccess') return stringValue(arg.property.name, origin);
  if (arg.kind === 'ResourceAccess') return stringValue(arg.name.name, origin);
  scope.report(arg, 'nameof() takes a symbol or a property access');
  return unknownValue('nameof() of an expression', origin);
}

/** `resourceGroup('rg')`, `subscription('id')`, `managementGroup('mg')`: a scope other than the deployment's. */
function explicitScope(kind: string, call: FunctionCall, origin: Origin, scope: BicepScope): Value {
  const args = call.arguments.map((arg) => evaluateBicep(arg, scope));
  const text = (value: Value | undefined) => (value?.kind === 'string' ? value.value : undefined);
  const properties: ObjectProperty[] = [];
  let scopeKind: ExplicitScope['kind'];
  if (kind === 'subscription') {
    scopeKind = 'subscription';
    const id = text(args[0]);
    if (id !== undefined) properties.push({ name: 'subscriptionId', value: stringValue(id, origin) }, { name: 'id', value: stringValue(`/subscriptions/${id}`, origin) });
  } else if (kind === 'resourceGroup') {
    scopeKind = 'resourceGroup';
    const group = text(args[args.length - 1]);
    if (group !== undefined) properties.push({ name: 'name', value: stringValue(group, origin) });
    const subscription = args.length === 2 ? text(args[0]) : undefined;
    if (subscription !== undefined && group !== undefined) properties.push({ name: 'id', value: stringValue(`/subscriptions/${subscription}/resourceGroups/${group}`, origin) });
  } else {
    scopeKind = 'managementGroup';
    const group = text(args[0]);
    if (group !== undefined) {
      properties.push({ name: 'name', value: stringValue(group, origin) }, { name: 'id', value: stringValue(`/providers/Microsoft.Management/managementGroups/${group}`, origin) });
    }
  }
  return scopeValue({ kind: scopeKind }, objectValue(properties, origin, true));
}

/** `loadTextContent('x.txt')`, `loadJsonContent('x.json', '$.a')`, `loadYamlContent('x.yaml')`: files of the workspace only. */
function loadedContent(call: FunctionCall, kind: string, origin: Origin, scope: BicepScope): Value {
  const target = call.arguments[0] === undefined ? undefined : evaluateBicep(call.arguments[0], scope);
  if (target?.kind !== 'string') return unknownValue('the file to load is not known', origin);
  const file = path.resolve(path.dirname(scope.file), target.value);
  const text = scope.context.load(file);
  if (text === undefined) return unknownValue(`'${target.value}' is not a file of the workspace`, origin);
  if (kind === 'loadtextcontent') return text.length > limits.maxStringLength ? unknownValue('the file is too large', origin, 'string') : stringValue(text, origin);
  let data: unknown;
  try {
    data = kind === 'loadjsoncontent' ? parseJsonc(text, undefined, { allowTrailingComma: true }) : parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return unknownValue(`'${target.value}' cannot be read as ${kind === 'loadjsoncontent' ? 'JSON' : 'YAML'}`, origin);
  }
  const pathArg = call.arguments[1] === undefined ? undefined : evaluateBicep(call.arguments[1], scope);
  if (pathArg !== undefined && pathArg.kind !== 'string') return unknownValue('the JSON path is not known', origin);
  const selected = pathArg === undefined ? data : selectJsonPath(data, pathArg.value);
  return selected === undefined ? unknownValue(`the path '${pathArg?.value}' selects nothing that can be read statically`, origin) : valueOfJson(selected, origin);
}

/** The simple JSON paths Bicep files use (`$.a.b`, `$.items[0]`, `.a`); anything fancier is not evaluated. */
function selectJsonPath(data: unknown, jsonPath: string): unknown {
  const steps = jsonPath.replace(/^\$/, '').match(/\.[^.[\]]+|\[\d+\]|\['[^']*'\]/g);
  if (steps === null || steps.join('') !== jsonPath.replace(/^\$/, '')) return jsonPath.replace(/^\$/, '') === '' ? data : undefined;
  let current: unknown = data;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('.') ? step.slice(1) : step.startsWith("['") ? step.slice(2, -2) : Number(step.slice(1, -1));
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
