import { numberValue, unknownValue, type Value } from '../value';
import { invalid, isInteger, strictFunction, type CallSite, type FunctionFamily, type KnownValue } from './library';

/** ARM integers are 64-bit; past JavaScript's safe range the result would be a guess. */
function integerResult(value: number, site: CallSite): Value {
  return Number.isSafeInteger(value) ? numberValue(value, site.origin) : unknownValue(`${site.name}: the result is too large to compute exactly`, site.origin, 'number');
}

function arithmetic(operate: (a: number, b: number, site: CallSite) => number | Value) {
  return strictFunction(2, 2, ([a, b], site) => {
    if (!isInteger(a) || !isInteger(b)) return invalid(site, 'expects two integers');
    const result = operate(a.value, b.value, site);
    return typeof result === 'number' ? integerResult(result, site) : result;
  });
}

function extreme(pick: (values: number[]) => number) {
  return strictFunction(1, Infinity, (args, site) => {
    const operands: readonly (KnownValue | Value)[] = args.length === 1 && args[0].kind === 'array' ? args[0].items : args;
    const numbers: number[] = [];
    for (const operand of operands) {
      if (operand.kind === 'unknown') return unknownValue(operand.reason, site.origin, 'number');
      if (!isInteger(operand)) return invalid(site, 'expects integers or an array of integers');
      numbers.push(operand.value);
    }
    return numbers.length === 0 ? invalid(site, 'needs at least one integer') : numberValue(pick(numbers), site.origin);
  });
}

export const numericFunctions: FunctionFamily = {
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b, site) => (b === 0 ? invalid(site, 'division by zero') : Math.trunc(a / b))),
  mod: arithmetic((a, b, site) => (b === 0 ? invalid(site, 'division by zero') : a % b)),
  min: extreme((values) => Math.min(...values)),
  max: extreme((values) => Math.max(...values)),
};
