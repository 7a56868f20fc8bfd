import { booleanValue, unknownValue, valuesEqual } from '../value';
import { invalid, lenientFunction, strictFunction, type FunctionFamily, type KnownValue } from './library';

/** Integers compare as numbers, strings ordinally; ARM rejects mixed kinds. */
function compare(test: (order: number) => boolean) {
  return strictFunction(2, 2, ([a, b], site) => {
    const order = orderOf(a, b);
    return order === undefined ? invalid(site, 'compares two integers or two strings') : booleanValue(test(order), site.origin);
  });
}

function orderOf(a: KnownValue, b: KnownValue): number | undefined {
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  if (a.kind === 'string' && b.kind === 'string') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return undefined;
}

export const comparisonFunctions: FunctionFamily = {
  equals: lenientFunction(2, 2, ([a, b], site) => {
    if (a.kind === 'lambda' || b.kind === 'lambda') return invalid(site, 'does not take a lambda');
    const same = valuesEqual(a, b);
    return same === undefined ? unknownValue('a compared value is not known', site.origin, 'boolean') : booleanValue(same, site.origin);
  }),
  greater: compare((order) => order > 0),
  greaterOrEquals: compare((order) => order >= 0),
  less: compare((order) => order < 0),
  lessOrEquals: compare((order) => order <= 0),
};
