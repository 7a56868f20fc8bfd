import type { Span } from '../syntax/span';

/** Where a value is written: the file and the span of its text (a literal, or the expression computing it). */
export interface Origin {
  readonly file: string;
  readonly span: Span;
  /**
   * The short part of `span` that names it, where a finding about the whole sits: a resource's
   * symbolic name (Bicep) or `name` value (ARM), the key of a property whose value is an object
   * or array. Absent when `span` itself is short (a literal, an expression).
   */
  readonly head?: Span;
}

/**
 * A value of the deployment model, shared by ARM JSON and Bicep. Known values carry their origin;
 * what cannot be computed statically is `unknown`, with the reason, and is never guessed.
 */
export type Value = StringValue | NumberValue | BooleanValue | NullValue | ArrayValue | ObjectValue | UnknownValue;
export type ValueKind = Value['kind'];

export interface StringValue {
  readonly kind: 'string';
  readonly value: string;
  readonly origin: Origin;
}

export interface NumberValue {
  readonly kind: 'number';
  readonly value: number;
  readonly origin: Origin;
}

export interface BooleanValue {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly origin: Origin;
}

export interface NullValue {
  readonly kind: 'null';
  readonly origin: Origin;
}

export interface ArrayValue {
  readonly kind: 'array';
  readonly items: readonly Value[];
  readonly origin: Origin;
}

export interface ObjectProperty {
  readonly name: string;
  readonly value: Value;
}

export interface ObjectValue {
  readonly kind: 'object';
  readonly properties: readonly ObjectProperty[];
  readonly origin: Origin;
  /**
   * The object may have properties not listed (e.g. `resourceGroup()`): reading a missing one
   * gives unknown rather than an error.
   */
  readonly open?: boolean;
}

export interface UnknownValue {
  readonly kind: 'unknown';
  /** Plain English, e.g. "depends on reference()" or "parameter 'x' has no default". */
  readonly reason: string;
  readonly origin: Origin;
  /** The kind the value will have at deployment, when that is known. */
  readonly shape?: Exclude<ValueKind, 'unknown'>;
  /** For a resource ID computed from unknown scope parts: the resource it names. */
  readonly resource?: ResourceReference;
  /** A property of a deployed resource, read at deployment (`x.identity.principalId`, `reference(id, api, 'full')`). */
  readonly runtime?: RuntimeProperty;
  /** The text a string is known to start with (`'http://${host}/alerts'` starts with `http://`). */
  readonly prefix?: string;
  /** For a child's full name (`parent/child`) whose parent name is not known: that parent name. */
  readonly parentName?: Value;
}

/** Which resource a deploy-time value comes from, and the path read from its full representation. */
export interface RuntimeProperty {
  readonly resource: ResourceReference;
  readonly path: readonly string[];
}

/** `target.name` where target is a deploy-time value of a resource: the path grows, the resource stays known. */
export function runtimeMember(target: UnknownValue, name: string, origin: Origin): UnknownValue {
  const base = unknownValue(target.reason, origin);
  return target.runtime ? { ...base, runtime: { resource: target.runtime.resource, path: [...target.runtime.path, name] } } : base;
}

/** What `resourceId()` and friends name when the subscription or resource group is not known. */
export interface ResourceReference {
  readonly type: string;
  readonly names: readonly Value[];
}

export const stringValue = (value: string, origin: Origin): StringValue => ({ kind: 'string', value, origin });
export const numberValue = (value: number, origin: Origin): NumberValue => ({ kind: 'number', value, origin });
export const booleanValue = (value: boolean, origin: Origin): BooleanValue => ({ kind: 'boolean', value, origin });
export const nullValue = (origin: Origin): NullValue => ({ kind: 'null', origin });
export const arrayValue = (items: readonly Value[], origin: Origin): ArrayValue => ({ kind: 'array', items, origin });
export const objectValue = (properties: readonly ObjectProperty[], origin: Origin, open?: boolean): ObjectValue =>
  open ? { kind: 'object', properties, origin, open } : { kind: 'object', properties, origin };

export function unknownValue(reason: string, origin: Origin, shape?: UnknownValue['shape']): UnknownValue {
  return shape === undefined ? { kind: 'unknown', reason, origin } : { kind: 'unknown', reason, origin, shape };
}

export function isKnown(value: Value): value is Exclude<Value, UnknownValue> {
  return value.kind !== 'unknown';
}

/** The first unknown among values, to pass its reason on. */
export function firstUnknown(values: readonly Value[]): UnknownValue | undefined {
  for (const value of values) if (value.kind === 'unknown') return value;
  return undefined;
}

/** The same value, now said to be written at another place (e.g. the result of a call). */
/** The same object or array value, named by `head` (its property key): findings about it sit there. */
export function withHead<T extends Value>(value: T, head: Span): T {
  return value.kind === 'object' || value.kind === 'array' ? { ...value, origin: { file: value.origin.file, span: value.origin.span, head: { offset: head.offset, length: head.length } } } : value;
}

export function withOrigin<T extends Value>(value: T, origin: Origin): T {
  return { ...value, origin };
}

const indexes = new WeakMap<ObjectValue, Map<string, ObjectProperty>>();

/** A property by name; ARM and Bicep match property names case-insensitively. */
export function propertyOf(object: ObjectValue, name: string): Value | undefined {
  const properties = object.properties;
  if (properties.length < 12) {
    for (const property of properties) if (property.name === name) return property.value;
    const lower = name.toLowerCase();
    for (const property of properties) if (property.name.toLowerCase() === lower) return property.value;
    return undefined;
  }
  let index = indexes.get(object);
  if (index === undefined) {
    index = new Map();
    for (const property of properties) index.set(property.name.toLowerCase(), property);
    indexes.set(object, index);
  }
  return index.get(name.toLowerCase())?.value;
}

/** Reads a path of property names and array indexes; unknown as soon as a step is not known. */
export function valueAt(value: Value, path: readonly (string | number)[]): Value | undefined {
  let current: Value | undefined = value;
  for (const step of path) {
    if (current === undefined || current.kind === 'unknown') return current;
    if (typeof step === 'number') current = current.kind === 'array' ? current.items[step] : undefined;
    else if (current.kind === 'object') current = propertyOf(current, step) ?? (current.open ? unknownValue(`property '${step}' is only known at deployment`, current.origin) : undefined);
    else current = undefined;
  }
  return current;
}

/** Converts parsed JSON (from `json()` or a parameter) to a value written at `origin`. */
export function valueOfJson(json: unknown, origin: Origin): Value {
  if (json === null || json === undefined) return nullValue(origin);
  if (typeof json === 'string') return stringValue(json, origin);
  if (typeof json === 'number') return numberValue(json, origin);
  if (typeof json === 'boolean') return booleanValue(json, origin);
  if (Array.isArray(json)) return arrayValue(json.map((item) => valueOfJson(item, origin)), origin);
  return objectValue(
    Object.entries(json as Record<string, unknown>).map(([name, item]) => ({ name, value: valueOfJson(item, origin) })),
    origin,
  );
}

/** Plain data for tests and debugging: unknown becomes `{ $unknown: reason }`. */
export function plainOf(value: Value): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array':
      return value.items.map(plainOf);
    case 'object':
      return Object.fromEntries(value.properties.map((property) => [property.name, plainOf(property.value)]));
    case 'unknown':
      return { $unknown: value.reason };
  }
}

/** Deep equality as ARM's `equals` sees it; undefined when an unknown part decides. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'array': {
      const other = (b as typeof a).items;
      if (a.items.length !== other.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < other.length; i++) {
        const same = valuesEqual(a.items[i], other[i]);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const other = b as typeof a;
      if (a.open || other.open) return undefined;
      if (a.properties.length !== other.properties.length) return false;
      let result: boolean | undefined = true;
      for (const property of a.properties) {
        const match = propertyOf(other, property.name);
        if (match === undefined) return false;
        const same = valuesEqual(property.value, match);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Compact JSON, as ARM's `string()` writes objects and arrays; undefined when a part is unknown. */
export function jsonTextOf(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value.value);
    case 'null':
      return 'null';
    case 'array': {
      const items: string[] = [];
      for (const item of value.items) {
        const text = jsonTextOf(item);
        if (text === undefined) return undefined;
        items.push(text);
      }
      return `[${items.join(',')}]`;
    }
    case 'object': {
      if (value.open) return undefined;
      const properties: string[] = [];
      for (const property of value.properties) {
        const text = jsonTextOf(property.value);
        if (text === undefined) return undefined;
        properties.push(`${JSON.stringify(property.name)}:${text}`);
      }
      return `{${properties.join(',')}}`;
    }
    case 'unknown':
      return undefined;
  }
}
