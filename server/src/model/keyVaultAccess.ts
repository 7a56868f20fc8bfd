import type { DeployedResource } from './deployedResource';
import { appliesTo, extensionTarget } from './extensionScope';
import { connectorOf, isLogicApp, workflowActions } from './logicAppWorkflow';
import { principalOwner } from './managedIdentity';
import { isDeployed, knownString, referencedResource, sameNamedResource, sameType, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

export const vaultType = 'Microsoft.KeyVault/vaults';

/** A place where a component reads a secret: the value as written and the vault's name. */
export interface SecretRead {
  readonly at: Value;
  readonly vault: string;
  readonly how: string;
}

const vaultHost = /^https:\/\/([a-z0-9-]+)\.vault\.(azure\.net|usgovcloudapi\.net|azure\.cn)(\/|$)/i;
const keyVaultReference = /@Microsoft\.KeyVault\(([^)]*)\)/i;

/** The vault a URL or an `@Microsoft.KeyVault(...)` app setting names. */
export function vaultNamed(text: string): string | undefined {
  const host = vaultHost.exec(text.trim())?.[1];
  if (host) return host.toLowerCase();
  const reference = keyVaultReference.exec(text)?.[1];
  if (!reference) return undefined;
  const uri = /SecretUri=([^;]+)/i.exec(reference)?.[1];
  if (uri) return vaultHost.exec(uri.trim())?.[1]?.toLowerCase();
  return /VaultName=([^;]+)/i.exec(reference)?.[1]?.trim().toLowerCase();
}

/** Where a Logic App, Function App or web app reads Key Vault secrets, as far as the model tells. */
export function secretReadsOf(component: DeployedResource, resources: readonly DeployedResource[]): SecretRead[] {
  const reads: SecretRead[] = [];
  if (isLogicApp(component)) {
    const actions = workflowActions(component);
    for (const action of actions === 'unknown' ? [] : actions) {
      const type = action.type?.toLowerCase();
      if (type === 'http' && action.inputs?.kind === 'object') {
        const uri = valueAt(action.inputs, ['uri']);
        const vault = knownString(uri) && vaultNamed(knownString(uri)!);
        if (uri && vault && /\/secrets\//i.test(knownString(uri)!)) reads.push({ at: uri, vault, how: `action '${action.name}'` });
      } else if ((type === 'apiconnection' || type === 'apiconnectionwebhook') && connectorOf(component, action) === 'keyvault') {
        const vault = connectionVault(component, action.inputs, resources);
        if (vault) reads.push({ at: action.body, vault, how: `action '${action.name}'` });
      }
    }
  } else if (sameType(component.type, 'Microsoft.Web/sites')) {
    for (const setting of appSettingsOf(component, resources)) {
      const text = knownString(setting.value);
      const vault = text && keyVaultReference.test(text) ? vaultNamed(text) : undefined;
      if (vault) reads.push({ at: setting.value, vault, how: `app setting '${setting.name}'` });
    }
  }
  return reads;
}

/** `siteConfig.appSettings` entries and `sites/config` `appsettings` resources of the app. */
function appSettingsOf(site: DeployedResource, resources: readonly DeployedResource[]): Array<{ name: string; value: Value }> {
  const settings: Array<{ name: string; value: Value }> = [];
  const list = site.properties ? valueAt(site.properties, ['siteConfig', 'appSettings']) : undefined;
  for (const item of list?.kind === 'array' ? list.items : []) {
    const value = valueAt(item, ['value']);
    if (value) settings.push({ name: knownString(valueAt(item, ['name'])) ?? '?', value });
  }
  const siteName = site.name.kind === 'string' ? site.name.value.toLowerCase() : undefined;
  for (const config of resources) {
    if (!sameType(config.type, 'Microsoft.Web/sites/config') || !isDeployed(config) || config.name.kind !== 'string') continue;
    if (config.name.value.toLowerCase() !== `${siteName}/appsettings` || config.properties?.kind !== 'object') continue;
    for (const { name, value } of config.properties.properties) settings.push({ name, value });
  }
  return settings;
}

/** The vault a Key Vault connection of the workflow names (`Microsoft.Web/connections` `parameterValues.vaultName`). */
function connectionVault(workflow: DeployedResource, inputs: Value | undefined, resources: readonly DeployedResource[]): string | undefined {
  const connection = knownString(inputs ? valueAt(inputs, ['host', 'connection', 'name']) : undefined);
  const key = connection ? (/\[\s*'([^']+)'\s*\]/.exec(connection)?.[1] ?? connection) : undefined;
  const id = key && workflow.properties ? valueAt(workflow.properties, ['parameters', '$connections', 'value', key, 'connectionId']) : undefined;
  const named = referencedResource(id);
  const resource = named && resources.find((r) => r.type && r.name.kind === 'string' && sameNamedResource({ type: r.type, name: r.name.value }, named));
  if (!resource?.properties) return undefined;
  const vault = knownString(valueAt(resource.properties, ['parameterValues', 'vaultName'])) ?? knownString(valueAt(resource.properties, ['parameterValueSet', 'values', 'vaultName', 'value']));
  return vault?.toLowerCase();
}

/** Roles that let a principal read secrets: Key Vault Secrets User, Secrets Officer, Administrator. */
const secretReaderRoles = ['4633458b-17de-408a-b874-0445c86b69e6', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', '00482a5a-887f-4fb3-b363-3b7fe8e74483'];

/**
 * Whether the vault lets one of the identities read secrets: by RBAC role assignment when the
 * vault uses RBAC, else by an access policy with `get` on secrets. 'unknown' when it cannot tell.
 */
export function vaultGrantsSecrets(vault: DeployedResource, identities: readonly NamedResource[], resources: readonly DeployedResource[]): boolean | 'unknown' {
  const rbac = vault.properties ? valueAt(vault.properties, ['enableRbacAuthorization']) : undefined;
  if (rbac?.kind === 'unknown' || vault.properties?.kind === 'unknown') return 'unknown';
  const holds = (principal: Value | undefined): boolean | 'unknown' => {
    const owner = principalOwner(principal);
    if (owner) return identities.some((identity) => sameNamedResource(identity, owner));
    return principal?.kind === 'unknown' ? 'unknown' : false;
  };
  let unknown = false;
  if (rbac?.kind === 'boolean' && rbac.value) {
    for (const assignment of resources) {
      if (!sameType(assignment.type, 'Microsoft.Authorization/roleAssignments') || !isDeployed(assignment) || !assignment.properties) continue;
      const target = extensionTarget(assignment, 'Microsoft.Authorization/roleAssignments');
      // A role on the resource group or subscription is inherited by the vault.
      const applies = target === 'deploymentScope' || (vault.name.kind === 'string' ? appliesTo(target, { type: vaultType, name: vault.name.value }) : 'maybe');
      if (applies === false) continue;
      const role = roleOf(valueAt(assignment.properties, ['roleDefinitionId']));
      if (role === 'unknown') unknown = true;
      else if (!secretReaderRoles.includes(role)) continue;
      const held = holds(valueAt(assignment.properties, ['principalId']));
      if (held === true && role !== 'unknown' && applies === true) return true;
      if (held !== false) unknown = true;
    }
    return unknown ? 'unknown' : false;
  }
  const policies: Value[] = [];
  const inline = vault.properties ? valueAt(vault.properties, ['accessPolicies']) : undefined;
  const vaultName = vault.name.kind === 'string' ? vault.name.value.toLowerCase() : undefined;
  const lists = [inline, ...resources.filter((r) => sameType(r.type, `${vaultType}/accessPolicies`) && isDeployed(r) && r.name.kind === 'string' && r.name.value.toLowerCase().startsWith(`${vaultName}/`)).map((r) => (r.properties ? valueAt(r.properties, ['accessPolicies']) : undefined))];
  for (const list of lists) {
    if (list?.kind === 'unknown') unknown = true;
    for (const item of list?.kind === 'array' ? list.items : []) policies.push(item);
  }
  for (const policy of policies) {
    const secrets = valueAt(policy, ['permissions', 'secrets']);
    if (policy.kind === 'unknown' || secrets?.kind === 'unknown') {
      unknown = true;
      continue;
    }
    const permissions = secrets?.kind === 'array' ? secrets.items.map((p) => knownString(p)?.toLowerCase()) : [];
    if (permissions.some((p) => p === undefined)) unknown = true;
    if (!permissions.some((p) => p === 'get' || p === 'all')) continue;
    const held = holds(valueAt(policy, ['objectId']));
    if (held === true) return true;
    if (held === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/** The role definition GUID of a `roleDefinitionId`, lower-cased. */
function roleOf(id: Value | undefined): string | 'unknown' {
  const named = referencedResource(id);
  if (named) return named.name.split('/').pop()!.toLowerCase();
  const text = knownString(id);
  return text ? text.split('/').pop()!.toLowerCase() : 'unknown';
}
