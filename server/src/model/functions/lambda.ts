import { numberValue, objectValue, unknownValue, type ObjectProperty, type Value } from '../value';
import { cappedArray, expected, invalid, lenientFunction, type Argument, type CallSite, type FunctionFamily, type Lambda } from './library';

function arrayAndLambda(site: CallSite, array: Argument, lambda: Argument | undefined): { items: readonly Value[]; lambda: Lambda } | Value {
  if (array.kind === 'unknown') return unknownValue(array.reason, site.origin);
  if (array.kind !== 'array') return expected(site, 'an array', array);
  if (lambda?.kind !== 'lambda') return invalid(site, 'expects a lambda');
  return { items: array.items, lambda };
}

export const lambdaFunctions: FunctionFamily = {
  map: lenientFunction(2, 2, ([array, fn], site) => {
    const input = arrayAndLambda(site, array, fn);
    if ('kind' in input) return input;
    return cappedArray(
      input.items.map((item, i) => input.lambda.apply(input.lambda.parameterCount > 1 ? [item, numberValue(i, site.origin)] : [item])),
      site,
    );
  }),
  filter: lenientFunction(2, 2, ([array, fn], site) => {
    const input = arrayAndLambda(site, array, fn);
    if ('kind' in input) return input;
    const kept: Value[] = [];
    for (let i = 0; i < input.items.length; i++) {
      const item = input.items[i];
      const keep = input.lambda.apply(input.lambda.parameterCount > 1 ? [item, numberValue(i, site.origin)] : [item]);
      if (keep.kind === 'unknown') return unknownValue(`the filter is not known for an item (${keep.reason})`, site.origin, 'array');
      if (keep.kind !== 'boolean') return invalid(site, 'the lambda must return a boolean');
      if (keep.value) kept.push(item);
    }
    return cappedArray(kept, site);
  }),
  reduce: lenientFunction(3, 3, ([array, initial, fn], site) => {
    const input = arrayAndLambda(site, array, fn);
    if ('kind' in input) return input;
    if (initial.kind === 'lambda') return invalid(site, 'the initial value cannot be a lambda');
    let accumulator: Value = initial;
    for (let i = 0; i < input.items.length; i++) {
      accumulator = input.lambda.apply(input.lambda.parameterCount > 2 ? [accumulator, input.items[i], numberValue(i, site.origin)] : [accumulator, input.items[i]]);
    }
    return accumulator;
  }),
  sort: lenientFunction(2, 2, ([array, fn], site) => {
    const input = arrayAndLambda(site, array, fn);
    if ('kind' in input) return input;
    let unknownOrder: string | undefined;
    const sorted = [...input.items].sort((a, b) => {
      if (unknownOrder !== undefined) return 0;
      const before = input.lambda.apply([a, b]);
      if (before.kind !== 'boolean') {
        unknownOrder = before.kind === 'unknown' ? before.reason : 'the lambda must return a boolean';
        return 0;
      }
      if (before.value) return -1;
      const after = input.lambda.apply([b, a]);
      return after.kind === 'boolean' && after.value ? 1 : 0;
    });
    return unknownOrder === undefined ? cappedArray(sorted, site) : unknownValue(`the order is not known (${unknownOrder})`, site.origin, 'array');
  }),
  toObject: lenientFunction(2, 3, ([array, keyFn, valueFn], site) => {
    const input = arrayAndLambda(site, array, keyFn);
    if ('kind' in input) return input;
    if (valueFn !== undefined && valueFn.kind !== 'lambda') return invalid(site, 'the value selector must be a lambda');
    const properties = new Map<string, ObjectProperty>();
    for (const item of input.items) {
      const key = input.lambda.apply([item]);
      if (key.kind === 'unknown') return unknownValue(`a key is not known (${key.reason})`, site.origin, 'object');
      if (key.kind !== 'string') return invalid(site, 'the key selector must return a string');
      properties.delete(key.value.toLowerCase());
      properties.set(key.value.toLowerCase(), { name: key.value, value: valueFn === undefined ? item : valueFn.apply([item]) });
    }
    return objectValue([...properties.values()], site.origin);
  }),
  groupBy: lenientFunction(2, 2, ([array, fn], site) => {
    const input = arrayAndLambda(site, array, fn);
    if ('kind' in input) return input;
    const groups = new Map<string, { name: string; items: Value[] }>();
    for (const item of input.items) {
      const key = input.lambda.apply([item]);
      if (key.kind === 'unknown') return unknownValue(`a key is not known (${key.reason})`, site.origin, 'object');
      if (key.kind !== 'string') return invalid(site, 'the key selector must return a string');
      const group = groups.get(key.value.toLowerCase()) ?? { name: key.value, items: [] };
      group.items.push(item);
      groups.set(key.value.toLowerCase(), group);
    }
    return objectValue([...groups.values()].map((group) => ({ name: group.name, value: cappedArray(group.items, site) })), site.origin);
  }),
  mapValues: lenientFunction(2, 2, ([object, fn], site) => {
    if (object.kind === 'unknown') return unknownValue(object.reason, site.origin, 'object');
    if (object.kind !== 'object') return expected(site, 'an object', object);
    if (fn?.kind !== 'lambda') return invalid(site, 'expects a lambda');
    return objectValue(object.properties.map((property) => ({ name: property.name, value: fn.apply([property.value]) })), site.origin, object.open);
  }),
};

