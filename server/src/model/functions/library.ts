import type { TargetScope } from '../../syntax/arm/targetScope';
import { limits } from '../limits';
import { unknownValue, type Origin, type UnknownValue, type Value, type ValueKind } from '../value';

/** What a function knows about where it is called. */
export interface CallSite {
  readonly name: string;
  readonly origin: Origin;
  readonly targetScope: TargetScope;
}

/** A lambda argument of `map`, `filter`, `reduce`, `sort`, `toObject`. Exists only while evaluating. */
export interface Lambda {
  readonly kind: 'lambda';
  readonly parameterCount: number;
  readonly origin: Origin;
  apply(args: readonly Value[]): Value;
}

export type Argument = Value | Lambda;

export interface TemplateFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** False for functions that handle unknown arguments themselves (e.g. `coalesce`). */
  readonly strict: boolean;
  readonly evaluate: (args: readonly Argument[], site: CallSite) => Value;
}

export type FunctionFamily = Readonly<Record<string, TemplateFunction>>;

/** A function whose arguments are all known values when `evaluate` runs. */
export function strictFunction(minArgs: number, maxArgs: number, evaluate: (args: readonly KnownValue[], site: CallSite) => Value): TemplateFunction {
  return { minArgs, maxArgs, strict: true, evaluate: evaluate as TemplateFunction['evaluate'] };
}

export function lenientFunction(minArgs: number, maxArgs: number, evaluate: (args: readonly Argument[], site: CallSite) => Value): TemplateFunction {
  return { minArgs, maxArgs, strict: false, evaluate };
}

export type KnownValue = Exclude<Value, UnknownValue>;

/** The function cannot compute a result from these arguments; ARM would fail the deployment. */
export function invalid(site: CallSite, message: string): UnknownValue {
  return unknownValue(`${site.name}: ${message}`, site.origin);
}

export function describeKind(value: Argument): string {
  const kind: ValueKind | 'lambda' = value.kind;
  return kind === 'null' ? 'null' : `${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`;
}

export function expected(site: CallSite, what: string, got: Argument): UnknownValue {
  return invalid(site, `expected ${what}, got ${describeKind(got)}`);
}

/** Guards string growth: a result past the cap is unknown, not computed. */
export function cappedString(value: string, site: CallSite): Value {
  if (value.length > limits.maxStringLength) return unknownValue(`${site.name}: the result is longer than ${limits.maxStringLength} characters`, site.origin, 'string');
  return { kind: 'string', value, origin: site.origin };
}

export function cappedArray(items: readonly Value[], site: CallSite): Value {
  if (items.length > limits.maxArrayLength) return unknownValue(`${site.name}: the result has more than ${limits.maxArrayLength} items`, site.origin, 'array');
  return { kind: 'array', items, origin: site.origin };
}

export function isInteger(value: KnownValue | Argument): value is { kind: 'number'; value: number; origin: Origin } {
  return value.kind === 'number' && Number.isInteger(value.value);
}

/** How ARM turns a scalar into text inside `concat`/`format`: booleans as .NET writes them. */
export function textOf(value: KnownValue): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'True' : 'False';
    case 'null':
      return '';
    default:
      return undefined;
  }
}

/**
 * The text a `concat` or `format` result is known to start with when a later argument is not
 * known (`concat('http://', parameters('host'))` starts with `http://`); undefined otherwise.
 */
export function knownStringPrefix(name: string, args: readonly Argument[]): string | undefined {
  const lower = name.toLowerCase();
  let prefix = '';
  if (lower === 'concat') {
    for (const arg of args) {
      if (arg.kind === 'string') prefix += arg.value;
      else if (arg.kind === 'unknown') return prefix + (arg.prefix ?? '') || undefined;
      else return undefined;
    }
    return undefined;
  }
  if (lower === 'format' && args[0]?.kind === 'string') {
    const at = args[0].value.search(/\{\d/);
    prefix = at < 0 ? args[0].value : args[0].value.slice(0, at);
    return prefix.replace(/\{\{/g, '{').replace(/\}\}/g, '}') || undefined;
  }
  return undefined;
}

/** An unknown string result that keeps the text it is known to start with. */
export function unknownWithPrefix(reason: string, origin: Origin, shape: UnknownValue['shape'], prefix: string | undefined): UnknownValue {
  const unknown = unknownValue(reason, origin, shape);
  return prefix ? { ...unknown, shape: 'string', prefix } : unknown;
}
