import { arrayValue, objectValue, propertyOf, stringValue, unknownValue, type ObjectProperty, type ObjectValue, type Value } from '../value';
import { expected, invalid, lenientFunction, strictFunction, type FunctionFamily } from './library';

export const objectFunctions: FunctionFamily = {
  createObject: lenientFunction(0, Infinity, (args, site) => {
    if (args.length % 2 !== 0) return invalid(site, 'expects pairs of property name and value');
    const properties: ObjectProperty[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const key = args[i];
      const value = args[i + 1];
      if (key.kind === 'unknown') return unknownValue(`a property name is not known (${key.reason})`, site.origin, 'object');
      if (key.kind !== 'string') return expected(site, 'a property name', key);
      if (value.kind === 'lambda') return invalid(site, 'does not take a lambda');
      properties.push({ name: key.value, value });
    }
    return objectValue(properties, site.origin);
  }),
  items: strictFunction(1, 1, ([value], site) => {
    if (value.kind !== 'object') return expected(site, 'an object', value);
    if (value.open) return unknownValue('the object is only partly known', site.origin, 'array');
    const sorted = [...value.properties].sort((a, b) => compareKeys(a.name, b.name));
    return arrayValue(
      sorted.map((property) => objectValue([{ name: 'key', value: stringValue(property.name, site.origin) }, { name: 'value', value: property.value }], site.origin)),
      site.origin,
    );
  }),
  objectKeys: strictFunction(1, 1, ([value], site) => {
    if (value.kind !== 'object') return expected(site, 'an object', value);
    if (value.open) return unknownValue('the object is only partly known', site.origin, 'array');
    return arrayValue(value.properties.map((property) => stringValue(property.name, site.origin)), site.origin);
  }),
  shallowMerge: strictFunction(1, 1, ([value], site) => {
    if (value.kind !== 'array') return expected(site, 'an array of objects', value);
    const merged = new Map<string, ObjectProperty>();
    let open = false;
    for (const item of value.items) {
      if (item.kind === 'unknown') return unknownValue(item.reason, site.origin, 'object');
      if (item.kind !== 'object') return invalid(site, 'every item must be an object');
      open ||= item.open === true;
      for (const property of item.properties) {
        const key = property.name.toLowerCase();
        merged.set(key, { name: merged.get(key)?.name ?? property.name, value: property.value });
      }
    }
    return objectValue([...merged.values()], site.origin, open);
  }),
  /** Bicep's `a.?b` and `a[?'b']` compile to `tryGet`: a missing property is null, not an error. */
  tryGet: lenientFunction(2, Infinity, ([target, ...path], site) => {
    let current: Value | ObjectValue = target as Value;
    for (const step of path) {
      if (current.kind === 'unknown') return current.shape === 'string' || current.shape === 'number' || current.shape === 'boolean' ? { kind: 'null', origin: site.origin } : current;
      if (current.kind === 'null') return current;
      if (step.kind === 'unknown') return unknownValue(step.reason, site.origin);
      if (current.kind === 'object' && step.kind === 'string') {
        const next = propertyOf(current, step.value);
        current = next ?? (current.open ? unknownValue(`property '${step.value}' is only known at deployment`, site.origin) : { kind: 'null', origin: site.origin });
      } else if (current.kind === 'array' && step.kind === 'number') {
        current = current.items[step.value] ?? { kind: 'null', origin: site.origin };
      } else if (current.kind !== 'array' && current.kind !== 'object' && step.kind === 'string') {
        // ARM gives null for a string or number without properties (AVM's `coalesce(tryGet(action, 'actionGroupId'), action)`).
        return { kind: 'null', origin: site.origin };
      } else {
        return invalid(site, 'expects an object and property names, or an array and indexes');
      }
    }
    return current;
  }),
};

/** Ordinal, ignoring case: the order `items()` returns. */
function compareKeys(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
