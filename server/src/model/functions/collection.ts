import { limits } from '../limits';
import { booleanValue, nullValue, numberValue, objectValue, propertyOf, stringValue, unknownValue, valuesEqual, type ObjectProperty, type ObjectValue, type Value } from '../value';
import { cappedArray, cappedString, expected, invalid, isInteger, lenientFunction, strictFunction, textOf, type CallSite, type FunctionFamily, type KnownValue } from './library';

/** Functions that accept both strings and arrays (and some objects). */

function count(site: CallSite, value: KnownValue): number | Value {
  return isInteger(value) ? value.value : expected(site, 'an integer', value);
}

function takeOrSkip(take: boolean) {
  return strictFunction(2, 2, ([value, n], site) => {
    const c = count(site, n);
    if (typeof c !== 'number') return c;
    const clamp = Math.max(0, c);
    if (value.kind === 'string') return stringValue(take ? value.value.slice(0, clamp) : value.value.slice(clamp), site.origin);
    if (value.kind === 'array') return { kind: 'array', items: take ? value.items.slice(0, clamp) : value.items.slice(clamp), origin: site.origin };
    return expected(site, 'a string or an array', value);
  });
}

function firstOrLast(first: boolean) {
  return strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'string') return stringValue(value.value === '' ? '' : first ? value.value[0] : value.value[value.value.length - 1], site.origin);
    if (value.kind === 'array') return value.items.length === 0 ? nullValue(site.origin) : value.items[first ? 0 : value.items.length - 1];
    return expected(site, 'a string or an array', value);
  });
}

/** Array membership by deep equality; unknown when an unknown item could be the one. */
function arrayContains(items: readonly Value[], item: Value): boolean | undefined {
  let result: boolean | undefined = false;
  for (const candidate of items) {
    const same = valuesEqual(candidate, item);
    if (same === true) return true;
    if (same === undefined) result = undefined;
  }
  return result;
}

/** Deduplicating compares every pair of items: keep that quadratic work small. */
function tooManyComparisons(arrays: readonly KnownValue[]): boolean {
  const total = arrays.reduce((sum, array) => sum + (array.kind === 'array' ? array.items.length : 0), 0);
  return total * total > 4_000_000;
}

function mergeObjects(objects: readonly ObjectValue[], site: CallSite): ObjectValue {
  const merged = new Map<string, ObjectProperty>();
  for (const object of objects) {
    for (const property of object.properties) {
      const key = property.name.toLowerCase();
      const previous = merged.get(key)?.value;
      // Nested objects are merged too; anything else is replaced by the later value.
      const value = previous?.kind === 'object' && property.value.kind === 'object' ? mergeObjects([previous, property.value], site) : property.value;
      // A property keeps the place where it first appeared.
      merged.set(key, { name: merged.get(key)?.name ?? property.name, value });
    }
  }
  return objectValue([...merged.values()], site.origin, objects.some((object) => object.open));
}

export const collectionFunctions: FunctionFamily = {
  concat: strictFunction(0, Infinity, (args, site) => {
    if (args.length > 0 && args.every((arg) => arg.kind === 'array' || arg.kind === 'null')) {
      return cappedArray(args.flatMap((arg) => (arg.kind === 'array' ? arg.items : [])), site);
    }
    let text = '';
    for (const arg of args) {
      const part = textOf(arg);
      if (part === undefined) return invalid(site, `cannot join ${arg.kind} with text`);
      text += part;
      if (text.length > limits.maxStringLength) break;
    }
    return cappedString(text, site);
  }),
  take: takeOrSkip(true),
  skip: takeOrSkip(false),
  first: firstOrLast(true),
  last: firstOrLast(false),
  length: strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'string') return numberValue(value.value.length, site.origin);
    if (value.kind === 'array') return numberValue(value.items.length, site.origin);
    if (value.kind === 'object') return value.open ? unknownValue('the object is only partly known', site.origin, 'number') : numberValue(value.properties.length, site.origin);
    return expected(site, 'a string, an array or an object', value);
  }),
  empty: lenientFunction(1, 1, ([value], site) => {
    if (value.kind === 'lambda') return invalid(site, 'does not take a lambda');
    // A resource ID whose subscription is not known is still never empty.
    if (value.kind === 'unknown') return value.resource ? booleanValue(false, site.origin) : unknownValue(value.reason, site.origin, 'boolean');
    if (value.kind === 'null') return booleanValue(true, site.origin);
    if (value.kind === 'string') return booleanValue(value.value === '', site.origin);
    if (value.kind === 'array') return booleanValue(value.items.length === 0, site.origin);
    if (value.kind === 'object') return value.properties.length > 0 ? booleanValue(false, site.origin) : value.open ? unknownValue('the object is only partly known', site.origin, 'boolean') : booleanValue(true, site.origin);
    return expected(site, 'a string, an array or an object', value);
  }),
  contains: lenientFunction(2, 2, ([container, item], site) => {
    if (container.kind === 'lambda' || item.kind === 'lambda') return invalid(site, 'does not take a lambda');
    if (container.kind === 'unknown') return unknownValue(container.reason, site.origin, 'boolean');
    if (container.kind === 'array') {
      const found = arrayContains(container.items, item);
      return found === undefined ? unknownValue('an item of the array is not known', site.origin, 'boolean') : booleanValue(found, site.origin);
    }
    if (item.kind === 'unknown') return unknownValue(item.reason, site.origin, 'boolean');
    if (container.kind === 'string') {
      const text = item.kind === 'string' || item.kind === 'number' ? textOf(item) : undefined;
      return text === undefined ? expected(site, 'a string or an integer to find', item) : booleanValue(container.value.includes(text), site.origin);
    }
    if (container.kind === 'object') {
      if (item.kind !== 'string') return expected(site, 'a property name', item);
      if (propertyOf(container, item.value) !== undefined) return booleanValue(true, site.origin);
      return container.open ? unknownValue('the object is only partly known', site.origin, 'boolean') : booleanValue(false, site.origin);
    }
    return expected(site, 'a string, an array or an object', container);
  }),
  indexOf: strictFunction(2, 2, ([container, item], site) => {
    if (container.kind === 'string' && item.kind === 'string') return numberValue(container.value.toLowerCase().indexOf(item.value.toLowerCase()), site.origin);
    if (container.kind === 'array') {
      for (let i = 0; i < container.items.length; i++) {
        const same = valuesEqual(container.items[i], item);
        if (same === true) return numberValue(i, site.origin);
        if (same === undefined) return unknownValue('an item of the array is not known', site.origin, 'number');
      }
      return numberValue(-1, site.origin);
    }
    return invalid(site, 'expects two strings, or an array and an item');
  }),
  join: strictFunction(2, 2, ([array, delimiter], site) => {
    if (array.kind !== 'array' || delimiter.kind !== 'string') return invalid(site, 'expects an array and a string');
    const parts: string[] = [];
    for (const item of array.items) {
      if (item.kind === 'unknown') return unknownValue(item.reason, site.origin, 'string');
      const text = textOf(item);
      if (text === undefined) return invalid(site, `cannot join ${item.kind} items`);
      parts.push(text);
    }
    return cappedString(parts.join(delimiter.value), site);
  }),
  createArray: lenientFunction(0, Infinity, (args, site) => {
    if (args.some((arg) => arg.kind === 'lambda')) return invalid(site, 'does not take a lambda');
    return cappedArray(args as readonly Value[], site);
  }),
  array: strictFunction(1, 1, ([value], site) => (value.kind === 'array' ? value : { kind: 'array', items: [value], origin: site.origin })),
  range: strictFunction(2, 2, ([start, n], site) => {
    if (!isInteger(start) || !isInteger(n)) return invalid(site, 'expects two integers');
    if (n.value < 0) return invalid(site, 'the count must not be negative');
    if (n.value > limits.maxArrayLength) return unknownValue(`range: more than ${limits.maxArrayLength} items are not computed`, site.origin, 'array');
    return { kind: 'array', items: Array.from({ length: n.value }, (_, i) => numberValue(start.value + i, site.origin)), origin: site.origin };
  }),
  flatten: strictFunction(1, 1, ([value], site) => {
    if (value.kind !== 'array') return expected(site, 'an array', value);
    const items: Value[] = [];
    for (const item of value.items) {
      if (item.kind === 'array') items.push(...item.items);
      else if (item.kind === 'unknown') return unknownValue(item.reason, site.origin, 'array');
      else return invalid(site, 'every item must be an array');
    }
    return cappedArray(items, site);
  }),
  distinct: strictFunction(1, 1, ([value], site) => {
    if (value.kind !== 'array') return expected(site, 'an array', value);
    const kept: Value[] = [];
    for (const item of value.items) {
      const seen = kept.map((other) => valuesEqual(other, item));
      if (seen.includes(undefined)) return unknownValue('an item is only partly known', site.origin, 'array');
      if (!seen.includes(true)) kept.push(item);
    }
    return { kind: 'array', items: kept, origin: site.origin };
  }),
  union: strictFunction(1, Infinity, (args, site) => {
    if (args.every((arg) => arg.kind === 'object')) return mergeObjects(args as readonly ObjectValue[], site);
    if (args.every((arg) => arg.kind === 'array')) {
      if (tooManyComparisons(args)) return unknownValue(`${site.name}: the arrays are too large to compare item by item`, site.origin, 'array');
      const items: Value[] = [];
      for (const arg of args) for (const item of (arg as { items: readonly Value[] }).items) if (arrayContains(items, item) !== true) items.push(item);
      return cappedArray(items, site);
    }
    return invalid(site, 'expects only arrays or only objects');
  }),
  intersection: strictFunction(1, Infinity, (args, site) => {
    if (args.every((arg) => arg.kind === 'array')) {
      if (tooManyComparisons(args)) return unknownValue(`${site.name}: the arrays are too large to compare item by item`, site.origin, 'array');
      const [head, ...rest] = args as readonly { items: readonly Value[] }[];
      const items: Value[] = [];
      for (const item of head.items) {
        if (arrayContains(items, item) === true) continue;
        const everywhere = rest.map((other) => arrayContains(other.items, item));
        if (everywhere.some((found) => found === undefined)) return unknownValue('an item of the arrays is not known', site.origin, 'array');
        if (everywhere.every((found) => found === true)) items.push(item);
      }
      return cappedArray(items, site);
    }
    if (args.every((arg) => arg.kind === 'object')) {
      const [head, ...rest] = args as readonly ObjectValue[];
      if (args.some((arg) => (arg as ObjectValue).open)) return unknownValue('an object is only partly known', site.origin, 'object');
      const properties: ObjectProperty[] = [];
      for (const property of head.properties) {
        const matches = rest.map((other) => {
          const match = propertyOf(other, property.name);
          return match === undefined ? false : valuesEqual(match, property.value);
        });
        if (matches.some((same) => same === undefined)) return unknownValue('a property value is not known', site.origin, 'object');
        if (matches.every((same) => same === true)) properties.push(property);
      }
      return objectValue(properties, site.origin);
    }
    return invalid(site, 'expects only arrays or only objects');
  }),
};
