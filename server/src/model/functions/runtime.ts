import { parseResourceId } from '../resourceReference';
import { stringValue, unknownValue, type ResourceReference, type Value } from '../value';
import { lenientFunction, type FunctionFamily, type TemplateFunction } from './library';

/** Functions whose result exists only while Azure deploys the template. */
function deployTime(reason: string, shape?: 'string' | 'object' | 'array'): TemplateFunction {
  return lenientFunction(0, Infinity, (_, site) => unknownValue(reason, site.origin, shape));
}

/**
 * `reference(id, api, 'full')` is the whole deployed resource, `reference(id)` its properties;
 * both stay unknown, but remember which resource they read so rules can follow them.
 */
const reference: TemplateFunction = lenientFunction(1, 3, ([id, , full], site) => {
  const unknown = unknownValue('depends on reference(), known only at deployment', site.origin, 'object');
  const resource = id && id.kind !== 'lambda' ? resourceOfId(id) : undefined;
  if (!resource) return unknown;
  const whole = full && full.kind === 'string' && full.value.toLowerCase() === 'full';
  return { ...unknown, runtime: { resource, path: whole ? [] : ['properties'] } };
});

export function resourceOfId(id: Value): ResourceReference | undefined {
  if (id.kind === 'unknown') return id.resource;
  const named = id.kind === 'string' ? parseResourceId(id.value) : undefined;
  return named ? { type: named.type, names: named.name.split('/').map((n) => stringValue(n, id.origin)) } : undefined;
}

export const runtimeFunctions: FunctionFamily = {
  reference,
  references: deployTime('depends on references(), known only at deployment', 'array'),
  utcNow: deployTime('depends on the deployment time (utcNow)', 'string'),
  newGuid: deployTime('newGuid() is different on every deployment', 'string'),
  pickZones: deployTime('depends on the availability zones of the region (pickZones)', 'array'),
  providers: deployTime('depends on the resource providers registered (providers)', 'object'),
  dateTimeAdd: deployTime('date arithmetic is not computed', 'string'),
  dateTimeFromEpoch: deployTime('date arithmetic is not computed', 'string'),
  dateTimeToEpoch: deployTime('date arithmetic is not computed'),
  roleDefinitions: deployTime('depends on the role definitions of the tenant (roleDefinitions)', 'object'),
  loadFileAsBase64: deployTime('loads a file at compile time', 'string'),
};

/** Bicep's `fail()`: the deployment stops with this message when the branch holding it is taken. */
export const failFunction: TemplateFunction = lenientFunction(1, 1, ([message], site) =>
  unknownValue(`the template fails here${message?.kind === 'string' ? `: ${message.value}` : ''}`, site.origin),
);

/** `listKeys`, `listSecrets`, `listAccountSas`...: every `list*` function calls the resource provider. */
export const listFunction: TemplateFunction = lenientFunction(0, Infinity, ([id], site) => listResult(site.name, id && id.kind !== 'lambda' ? resourceOfId(id) : undefined, site.origin));

/** A `list*()` result stays unknown but remembers the resource it lists (`listCallbackUrl(<trigger id>)` names a Logic App). */
export function listResult(name: string, resource: ResourceReference | undefined, origin: Value['origin']): Value {
  const unknown = unknownValue('depends on a list*() call, known only at deployment', origin);
  return resource ? { ...unknown, runtime: { resource, path: [name] } } : unknown;
}
