import { stringValue, unknownValue, type ResourceReference, type UnknownValue, type Value } from '../value';
import { invalid, lenientFunction, type CallSite, type FunctionFamily, type KnownValue, type TemplateFunction } from './library';

/** `Microsoft.Network/virtualNetworks/subnets` + [vnet, subnet] -> `Microsoft.Network/virtualNetworks/vnet/subnets/subnet`. */
function providerPath(site: CallSite, type: string, names: readonly KnownValue[]): string | Value {
  const typeSegments = type.split('/');
  const nameSegments: string[] = [];
  for (const name of names) {
    if (name.kind !== 'string') return invalid(site, 'resource names must be strings');
    nameSegments.push(...name.value.split('/'));
  }
  if (typeSegments.length < 2 || nameSegments.length !== typeSegments.length - 1) {
    return invalid(site, `the type '${type}' needs ${Math.max(1, typeSegments.length - 1)} name segment(s), got ${nameSegments.length}`);
  }
  let path = `${typeSegments[0]}/${typeSegments[1]}/${nameSegments[0]}`;
  for (let i = 2; i < typeSegments.length; i++) path += `/${typeSegments[i]}/${nameSegments[i - 1]}`;
  return path;
}

function unknownId(site: CallSite, reason: string, type: string, names: readonly Value[]): UnknownValue {
  const resource: ResourceReference = { type, names };
  return { kind: 'unknown', reason, origin: site.origin, shape: 'string', resource };
}

/** Splits the optional leading scope arguments from the type and names: the type is the first argument with a '/'. */
function typeIndexOf(args: readonly KnownValue[]): number {
  return args.findIndex((arg) => arg.kind === 'string' && arg.value.includes('/'));
}

function scopedId(site: CallSite, args: readonly KnownValue[], maxScopeArgs: number, prefix: (scope: readonly string[]) => string | undefined, unknownReason: string): Value {
  const at = typeIndexOf(args);
  if (at < 0 || at > maxScopeArgs) return invalid(site, 'expects a resource type such as Microsoft.Storage/storageAccounts');
  const type = (args[at] as { value: string }).value;
  const names = args.slice(at + 1);
  const path = providerPath(site, type, names);
  if (typeof path !== 'string') return path;
  const scope = args.slice(0, at).map((arg) => (arg.kind === 'string' ? arg.value : ''));
  const base = prefix(scope);
  return base === undefined ? unknownId(site, unknownReason, type, names) : stringValue(`${base}/providers/${path}`, site.origin);
}

/**
 * Like a strict function, except that an ID whose type is known but whose scope or names are not
 * still names its resource: `resourceId(type, parameters('name'))` then links to the resource
 * declared with that same unknown name.
 */
function idFunction(minArgs: number, maxArgs: number, evaluate: (args: readonly KnownValue[], site: CallSite) => Value): TemplateFunction {
  return lenientFunction(minArgs, maxArgs, (args, site) => {
    if (args.some((arg) => arg.kind === 'lambda')) return invalid(site, 'does not take a lambda');
    const values = args as readonly Value[];
    const unknown = values.find((arg): arg is UnknownValue => arg.kind === 'unknown');
    if (!unknown) return evaluate(values as readonly KnownValue[], site);
    const at = values.findIndex((arg) => arg.kind === 'string' && arg.value.includes('/'));
    if (at < 0 || site.name.toLowerCase() === 'extensionresourceid') return unknownValue(unknown.reason, site.origin, 'string');
    return unknownId(site, unknown.reason, (values[at] as { value: string }).value, values.slice(at + 1));
  });
}

export const resourceIdFunctions: FunctionFamily = {
  resourceId: idFunction(2, Infinity, (args, site) =>
    scopedId(
      site,
      args,
      2,
      (scope) => (scope.length === 2 ? `/subscriptions/${scope[0]}/resourceGroups/${scope[1]}` : undefined),
      site.targetScope === 'resourceGroup' ? 'depends on the subscription and resource group deployed to' : 'depends on the subscription deployed to',
    ),
  ),
  subscriptionResourceId: idFunction(2, Infinity, (args, site) =>
    scopedId(site, args, 1, (scope) => (scope.length === 1 ? `/subscriptions/${scope[0]}` : undefined), 'depends on the subscription deployed to'),
  ),
  managementGroupResourceId: idFunction(2, Infinity, (args, site) =>
    scopedId(site, args, 1, (scope) => (scope.length === 1 ? `/providers/Microsoft.Management/managementGroups/${scope[0]}` : undefined), 'depends on the management group deployed to'),
  ),
  tenantResourceId: idFunction(2, Infinity, (args, site) => scopedId(site, args, 0, () => '', 'depends on the tenant')),
  extensionResourceId: idFunction(3, Infinity, ([base, ...rest], site) => {
    if (base.kind !== 'string') return invalid(site, 'the first argument must be a resource ID');
    return scopedId(site, rest, 0, () => base.value.replace(/\/$/, ''), 'depends on the extended resource');
  }),
};
