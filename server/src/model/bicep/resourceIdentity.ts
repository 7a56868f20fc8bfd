import type { TargetScope } from '../../syntax/arm/targetScope';
import type { ModuleDeclaration, ResourceDeclaration } from '../../syntax/bicep';
import { objectValue, stringValue, unknownValue, type ObjectProperty, type ObjectValue, type Origin, type Value } from '../value';

/** What a Bicep resource (or module) symbol names: the facts `x.id`, `x.name` and `parent: x` need. */
export interface ResourceIdentity {
  readonly declaration: ResourceDeclaration | ModuleDeclaration;
  /** Full type (`Microsoft.Network/virtualNetworks/subnets`); undefined when not known. */
  readonly type: string | undefined;
  readonly apiVersion: string | undefined;
  /** Full ARM name (`vnet/subnet`). */
  readonly fullName: Value;
  /** The name as declared (`subnet`): what `x.name` gives. */
  readonly name: Value;
  readonly id: Value;
}

const identities = new WeakMap<ObjectValue, ResourceIdentity>();
/** Values given facts since the outermost `dropsSymbolFacts` began. */
let marked: ObjectValue[] | undefined;

/**
 * Runs one whole evaluation (a file with its modules) and then forgets the facts it attached to
 * values: they are only needed while evaluating, and a value kept in a template model would
 * otherwise keep the evaluation's syntax trees and scopes alive.
 */
export function dropsSymbolFacts<T>(evaluate: () => T): T {
  const outer = marked;
  const mine: ObjectValue[] = [];
  marked = mine;
  try {
    return evaluate();
  } finally {
    marked = outer;
    if (outer) for (const value of mine) outer.push(value);
    else
      for (const value of mine) {
        identities.delete(value);
        explicitScopes.delete(value);
      }
  }
}

/** The resource a value stands for, when it is a resource or module symbol (or an item of a loop of them). */
export function identityOf(value: Value | undefined): ResourceIdentity | undefined {
  return value?.kind === 'object' ? identities.get(value) : undefined;
}

/**
 * The value of a resource symbol: `id`, `name`, `type` and `apiVersion` are known at compile time;
 * anything else (`properties`, `location` of a deployed resource) is read at deployment.
 */
export function referenceValue(identity: ResourceIdentity, origin: Origin, extra: readonly ObjectProperty[] = []): ObjectValue {
  const properties: ObjectProperty[] = [
    { name: 'id', value: identity.id },
    { name: 'name', value: identity.name },
    ...(identity.type === undefined ? [] : [{ name: 'type', value: stringValue(identity.type, origin) }]),
    ...(identity.apiVersion === undefined ? [] : [{ name: 'apiVersion', value: stringValue(identity.apiVersion, origin) }]),
    ...extra,
  ];
  const value = objectValue(properties, origin, true);
  identities.set(value, identity);
  marked?.push(value);
  return value;
}

/** A scope given with `resourceGroup('rg')`, `subscription('id')`, `managementGroup('mg')` or `tenant()`. */
export interface ExplicitScope {
  readonly kind: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
}
const explicitScopes = new WeakMap<ObjectValue, ExplicitScope>();

export function scopeValue(scope: ExplicitScope, value: ObjectValue): ObjectValue {
  explicitScopes.set(value, scope);
  marked?.push(value);
  return value;
}

export function explicitScopeOf(value: Value | undefined): ExplicitScope | undefined {
  return value?.kind === 'object' ? explicitScopes.get(value) : undefined;
}

/**
 * The resource ID ARM computes for a resource: known text when its scope is known (tenant, or a
 * known parent ID), else unknown but still naming the type and names, as `resourceId()` does.
 */
export function resourceIdOf(type: string | undefined, fullName: Value, scope: Value | undefined, targetScope: TargetScope, origin: Origin): Value {
  if (type === undefined) return unknownValue('the resource type is not known', origin, 'string');
  const names = fullName.kind === 'string' ? fullName.value.split('/').map((name) => stringValue(name, fullName.origin)) : [fullName];
  const unknownId = (reason: string): Value => ({ kind: 'unknown', reason, origin, shape: 'string', resource: { type, names } });
  if (fullName.kind !== 'string') return unknownId(fullName.kind === 'unknown' ? fullName.reason : 'the resource name is not a string');
  const typeSegments = type.split('/');
  const nameSegments = fullName.value.split('/');
  if (typeSegments.length < 2 || nameSegments.length !== typeSegments.length - 1) return unknownId(`the name '${fullName.value}' does not fit the type '${type}'`);
  let path = `${typeSegments[0]}/${typeSegments[1]}/${nameSegments[0]}`;
  for (let i = 2; i < typeSegments.length; i++) path += `/${typeSegments[i]}/${nameSegments[i - 1]}`;
  const extended = identityOf(scope);
  if (extended) return extended.id.kind === 'string' ? stringValue(`${extended.id.value}/providers/${path}`, origin) : unknownId('depends on the ID of the resource it extends');
  const explicit = explicitScopeOf(scope)?.kind ?? targetScope;
  if (explicit === 'tenant') return stringValue(`/providers/${path}`, origin);
  return unknownId(explicit === 'resourceGroup' ? 'depends on the subscription and resource group deployed to' : `depends on the ${explicit === 'subscription' ? 'subscription' : 'management group'} deployed to`);
}
