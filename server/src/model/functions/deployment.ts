import { objectValue, stringValue, unknownValue, type ObjectProperty, type Origin, type Value } from '../value';
import { invalid, strictFunction, type CallSite, type FunctionFamily } from './library';

/** Placeholders for the deployment's context: objects whose listed properties say what is known. */
function contextObject(site: CallSite, reason: string, known: Readonly<Record<string, string>>, unknown: readonly string[], nested: readonly ObjectProperty[] = []): Value {
  const properties: ObjectProperty[] = [
    ...Object.entries(known).map(([name, value]) => ({ name, value: stringValue(value, site.origin) })),
    ...unknown.map((name) => ({ name, value: unknownValue(reason, site.origin) })),
    ...nested,
  ];
  return objectValue(properties, site.origin, true);
}

function openUnknownObject(origin: Origin, reason: string): Value {
  return unknownValue(reason, origin, 'object');
}

export const deploymentFunctions: FunctionFamily = {
  resourceGroup: strictFunction(0, 0, (_, site) =>
    site.targetScope !== 'resourceGroup'
      ? invalid(site, `is not available in a template deployed to a ${site.targetScope}`)
      : contextObject(site, 'depends on the resource group deployed to', { type: 'Microsoft.Resources/resourceGroups' }, ['id', 'name', 'location', 'managedBy', 'tags'], [
          { name: 'properties', value: openUnknownObject(site.origin, 'depends on the resource group deployed to') },
        ]),
  ),
  subscription: strictFunction(0, 0, (_, site) =>
    site.targetScope === 'tenant' || site.targetScope === 'managementGroup'
      ? invalid(site, `is not available in a template deployed to a ${site.targetScope}`)
      : contextObject(site, 'depends on the subscription deployed to', {}, ['id', 'subscriptionId', 'tenantId', 'displayName']),
  ),
  tenant: strictFunction(0, 0, (_, site) => contextObject(site, 'depends on the tenant deployed to', {}, ['tenantId', 'countryCode', 'displayName'])),
  managementGroup: strictFunction(0, 1, (_, site) => contextObject(site, 'depends on the management group deployed to', { type: 'Microsoft.Management/managementGroups' }, ['id', 'name', 'properties'])),
  environment: strictFunction(0, 0, (_, site) =>
    contextObject(site, 'depends on the Azure cloud deployed to', {}, ['name', 'gallery', 'graph', 'portal', 'graphAudience', 'activeDirectoryDataLake', 'batch', 'media', 'sqlManagement', 'vmImageAliasDoc', 'resourceManager', 'authentication', 'suffixes']),
  ),
  deployer: strictFunction(0, 0, (_, site) => contextObject(site, 'depends on the identity that runs the deployment', {}, ['objectId', 'tenantId', 'userPrincipalName'])),
  deployment: strictFunction(0, 0, (_, site) =>
    contextObject(site, 'depends on the deployment', {}, ['name', 'location'], [
      { name: 'properties', value: objectValue([{ name: 'templateLink', value: unknownValue('depends on how the template is deployed', site.origin) }], site.origin, true) },
    ]),
  ),
};
