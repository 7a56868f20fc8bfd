import { booleanValue, nullValue, unknownValue, type Value } from '../value';
import { expected, invalid, lenientFunction, strictFunction, type Argument, type CallSite, type FunctionFamily } from './library';

/** And/or with three values: a known false (true) decides even when other operands are unknown. */
function junction(decisive: boolean) {
  return lenientFunction(2, Infinity, (args, site) => {
    let unknown: Value | undefined;
    for (const arg of args) {
      if (arg.kind === 'unknown') unknown ??= arg;
      else if (arg.kind !== 'boolean') return expected(site, 'booleans', arg);
      else if (arg.value === decisive) return booleanValue(decisive, site.origin);
    }
    return unknown === undefined ? booleanValue(!decisive, site.origin) : unknownValue(reasonOf(unknown), site.origin, 'boolean');
  });
}

function reasonOf(value: Value): string {
  return value.kind === 'unknown' ? value.reason : 'not known';
}

function valueArgument(arg: Argument, site: CallSite): Value {
  return arg.kind === 'lambda' ? invalid(site, 'does not take a lambda') : arg;
}

export const logicalFunctions: FunctionFamily = {
  and: junction(false),
  or: junction(true),
  not: strictFunction(1, 1, ([value], site) => (value.kind === 'boolean' ? booleanValue(!value.value, site.origin) : expected(site, 'a boolean', value))),
  true: strictFunction(0, 0, (_, site) => booleanValue(true, site.origin)),
  false: strictFunction(0, 0, (_, site) => booleanValue(false, site.origin)),
  null: strictFunction(0, 0, (_, site) => nullValue(site.origin)),
  if: lenientFunction(3, 3, ([condition, whenTrue, whenFalse], site) => {
    if (condition.kind === 'unknown') return unknownValue(`the condition is not known (${condition.reason})`, site.origin);
    if (condition.kind !== 'boolean') return expected(site, 'a boolean condition', condition);
    return valueArgument(condition.value ? whenTrue : whenFalse, site);
  }),
  coalesce: lenientFunction(1, Infinity, (args, site) => {
    for (const [i, arg] of args.entries()) {
      if (arg.kind === 'lambda') return invalid(site, 'does not take a lambda');
      // An unknown known not to be null (it has a shape), or the last one, is the result itself: links through it survive.
      if (arg.kind === 'unknown' && (arg.shape !== undefined || i === args.length - 1)) return arg;
      if (arg.kind === 'unknown') return unknownValue(`an argument before the first non-null one is not known (${arg.reason})`, site.origin);
      if (arg.kind !== 'null') return arg;
    }
    return nullValue(site.origin);
  }),
};
