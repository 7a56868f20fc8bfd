import { unknownValue } from '../value';
import { lenientFunction, type FunctionFamily, type TemplateFunction } from './library';

/** Functions whose result exists only while Azure deploys the template. */
function deployTime(reason: string, shape?: 'string' | 'object' | 'array'): TemplateFunction {
  return lenientFunction(0, Infinity, (_, site) => unknownValue(reason, site.origin, shape));
}

export const runtimeFunctions: FunctionFamily = {
  reference: deployTime('depends on reference(), known only at deployment', 'object'),
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
export const listFunction: TemplateFunction = deployTime('depends on a list*() call, known only at deployment');
