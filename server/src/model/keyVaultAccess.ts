import type { DeployedResource } from './deployedResource';
import { appliesToResource, extensionTarget, reachesDeployment } from './extensionScope';
import { connectorOf, isLogicApp, workflowActions } from './logicAppWorkflow';
import { principalOwner } from './managedIdentity';
import { isDeployed, knownString, referencedResource, sameNamedResource, sameType, type NamedResource } from './resourceReference';
import { valueAt, type Value } from './value';

export const vaultType = 'Microsoft.KeyVault/vaults';

/**
 * Who performs a read: the component's own managed identities, one user-assigned identity it
 * names, or a principal the model cannot tell (a signed-in user, a client secret, no token).
 */
export type Reader = 'component' | NamedResource | 'unknown';

/** A place where a component reads a secret: the value as written, the vault's name and who reads. */
export interface SecretRead {
  readonly at: Value;
  readonly vault: string;
  readonly how: string;
  readonly reader: Reader;
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
        const text = knownString(uri);
        const vault = text && /\/secrets\//i.test(text) ? vaultNamed(text) : undefined;
        if (uri && vault) reads.push({ at: uri, vault, how: `action '${action.name}'`, reader: httpReader(action.inputs) });
      } else if ((type === 'apiconnection' || type === 'apiconnectionwebhook') && connectorOf(component, action) === 'keyvault') {
        const connection = keyVaultConnection(component, action.inputs, resources);
        if (connection) reads.push({ at: action.body, vault: connection.vault, how: `action '${action.name}'`, reader: connection.reader });
      }
    }
  } else if (sameType(component.type, 'Microsoft.Web/sites')) {
    const reader = keyVaultReferenceReader(component);
    for (const setting of appSettingsOf(component, resources)) {
      const text = knownString(setting.value);
      const vault = text && keyVaultReference.test(text) ? vaultNamed(text) : undefined;
      if (vault) reads.push({ at: setting.value, vault, how: `app setting '${setting.name}'`, reader });
    }
  }
  return reads;
}

/** An HTTP action reads as a managed identity only with `ManagedServiceIdentity` authentication. */
function httpReader(inputs: Value): Reader {
  const authentication = valueAt(inputs, ['authentication']);
  if (knownString(authentication ? valueAt(authentication, ['type']) : undefined)?.toLowerCase() !== 'managedserviceidentity') return 'unknown';
  return chosenIdentity(valueAt(authentication!, ['identity']));
}

/** An explicit user-assigned identity (its resource ID), else the component's own. */
function chosenIdentity(identity: Value | undefined): Reader {
  if (!identity || identity.kind === 'null') return 'component';
  return referencedResource(identity) ?? 'unknown';
}

/** Key Vault references resolve as `keyVaultReferenceIdentity` (a user-assigned identity ID), else as the system-assigned identity. */
function keyVaultReferenceReader(site: DeployedResource): Reader {
  const chosen = site.properties ? valueAt(site.properties, ['keyVaultReferenceIdentity']) : undefined;
  if (knownString(chosen)?.toLowerCase() === 'systemassigned') return 'component';
  return chosenIdentity(chosen);
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

/**
 * The vault a Key Vault connection of the workflow names (`Microsoft.Web/connections`), and who
 * reads through it: the managed identity when the workflow's `$connections` entry authenticates
 * with `ManagedServiceIdentity` or the connection is a managed-identity one (`parameterValueType:
 * 'Alternative'`, parameter set `oauthMI`); else a signed-in user or an app secret, not known here.
 */
function keyVaultConnection(workflow: DeployedResource, inputs: Value | undefined, resources: readonly DeployedResource[]): { vault: string; reader: Reader } | undefined {
  const connection = knownString(inputs ? valueAt(inputs, ['host', 'connection', 'name']) : undefined);
  const key = connection ? (/\[\s*'([^']+)'\s*\]/.exec(connection)?.[1] ?? connection) : undefined;
  const entry = key && workflow.properties ? valueAt(workflow.properties, ['parameters', '$connections', 'value', key]) : undefined;
  const named = referencedResource(entry ? valueAt(entry, ['connectionId']) : undefined);
  const resource = named && resources.find((r) => r.type && r.name.kind === 'string' && sameNamedResource({ type: r.type, name: r.name.value }, named));
  if (!entry || !resource?.properties) return undefined;
  const properties = resource.properties;
  const vault = [['parameterValues', 'vaultName'], ['alternativeParameterValues', 'vaultName'], ['parameterValueSet', 'values', 'vaultName', 'value']].map((path) => knownString(valueAt(properties, path))).find((name) => name !== undefined);
  if (!vault) return undefined;
  const authentication = valueAt(entry, ['connectionProperties', 'authentication']);
  if (knownString(authentication ? valueAt(authentication, ['type']) : undefined)?.toLowerCase() === 'managedserviceidentity') return { vault: vault.toLowerCase(), reader: chosenIdentity(valueAt(authentication!, ['identity'])) };
  const managed = knownString(valueAt(properties, ['parameterValueType']))?.toLowerCase() === 'alternative' || knownString(valueAt(properties, ['parameterValueSet', 'name']))?.toLowerCase() === 'oauthmi';
  return { vault: vault.toLowerCase(), reader: managed ? 'component' : 'unknown' };
}

/** Roles that let a principal read secrets: Key Vault Secrets User, Secrets Officer, Administrator. */
const secretReaderRoles = ['4633458b-17de-408a-b874-0445c86b69e6', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', '00482a5a-887f-4fb3-b363-3b7fe8e74483'];

/** A grant of the vault that could let a principal read secrets: an RBAC role assignment or an access policy with get. */
export interface SecretGrant {
  readonly principal: Value | undefined;
  readonly principalType: Value | undefined;
  /** It certainly applies to the vault and certainly covers secret reads. */
  readonly certain: boolean;
}

/**
 * The grants that could cover a secret read from the vault: role assignments with a secret-reading
 * role on it (or inherited) when it uses RBAC, else access policies with get on secrets.
 * `unknown` when some grant cannot be read; 'unknown' when the authorization model is not known.
 */
export function secretGrantsOf(vault: DeployedResource, resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): { readonly grants: readonly SecretGrant[]; readonly unknown: boolean } | 'unknown' {
  const rbac = vault.properties ? valueAt(vault.properties, ['enableRbacAuthorization']) : undefined;
  if (rbac?.kind === 'unknown' || vault.properties?.kind === 'unknown') return 'unknown';
  const grants: SecretGrant[] = [];
  let unknown = false;
  if (rbac?.kind === 'boolean' && rbac.value) {
    for (const assignment of resources) {
      if (!sameType(assignment.type, 'Microsoft.Authorization/roleAssignments') || !isDeployed(assignment) || !assignment.properties) continue;
      const target = extensionTarget(assignment, 'Microsoft.Authorization/roleAssignments');
      // A role on the resource group or subscription is inherited by the vault.
      const applies = target === 'deploymentScope' || appliesToResource(target, vault);
      if (applies === false) continue;
      // An assignment that names a vault binds to the vault of that name in its own deployment first.
      if (applies === true && typeof target === 'object' && !('anyName' in target) && !reachesDeployment(assignment, target, deploymentOf?.get(vault), { resources, deploymentOf })) continue;
      const role = roleOf(valueAt(assignment.properties, ['roleDefinitionId']));
      if (role === 'unknown') unknown = true;
      else if (!secretReaderRoles.includes(role)) continue;
      grants.push({ principal: valueAt(assignment.properties, ['principalId']), principalType: valueAt(assignment.properties, ['principalType']), certain: role !== 'unknown' && applies === true });
    }
    return { grants, unknown };
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
    grants.push({ principal: valueAt(policy, ['objectId']), principalType: undefined, certain: true });
  }
  return { grants, unknown };
}

/** The vault a component's read names: the one of that name in the component's own deployment first. */
export function vaultNamedFor(component: DeployedResource, name: string, vaults: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): DeployedResource | undefined {
  const named = vaults.filter((v) => v.name.kind === 'string' && v.name.value.toLowerCase() === name);
  return named.find((v) => deploymentOf?.get(v) === deploymentOf?.get(component)) ?? named[0];
}

/** Who a grant names, seen from a reader with these identities. */
type Grantee = 'reader' | 'other' | 'writtenId' | 'unknown';

function granteeOf(grant: SecretGrant, identities: readonly NamedResource[]): Grantee {
  const { principal } = grant;
  const owner = principalOwner(principal);
  if (owner) return identities.some((identity) => sameNamedResource(identity, owner)) ? 'reader' : 'other';
  if (principal === undefined || principal.kind === 'null' || knownString(principal) === '') return 'other';
  if (principal.kind === 'unknown') return 'unknown';
  // A written object ID may be the identity's own, copied after its first deployment: only a user's is certainly not; a group may hold the identity.
  const type = knownString(grant.principalType)?.toLowerCase();
  return type === 'user' ? 'other' : type === 'group' ? 'unknown' : 'writtenId';
}

/**
 * Whether the vault lets one of the identities read secrets: by RBAC role assignment when the
 * vault uses RBAC, else by an access policy with `get` on secrets. 'unknown' when it cannot tell.
 */
export function vaultGrantsSecrets(vault: DeployedResource, identities: readonly NamedResource[], resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): boolean | 'unknown' {
  const found = secretGrantsOf(vault, resources, deploymentOf);
  if (found === 'unknown') return 'unknown';
  if (identities.length === 0) return found.unknown ? 'unknown' : false;
  let unknown = found.unknown;
  for (const grant of found.grants) {
    const grantee = granteeOf(grant, identities);
    if (grantee === 'reader' && grant.certain) return true;
    if (grantee !== 'other') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/**
 * HN404: the grants that could let these identities read secrets, when every one of them names a
 * written object ID (a literal or a parameter default) rather than a principal read from the
 * identity; undefined when a grant follows the identity, none is written, or something is unknown.
 */
export function grantsByCopiedId(vault: DeployedResource, identities: readonly NamedResource[], resources: readonly DeployedResource[], deploymentOf?: ReadonlyMap<DeployedResource, string>): SecretGrant[] | undefined {
  const found = secretGrantsOf(vault, resources, deploymentOf);
  if (found === 'unknown' || found.unknown || identities.length === 0) return undefined;
  const written: SecretGrant[] = [];
  for (const grant of found.grants) {
    const grantee = granteeOf(grant, identities);
    if (grantee === 'reader' || grantee === 'unknown') return undefined;
    if (grantee === 'writtenId') written.push(grant);
  }
  return written.length > 0 ? written : undefined;
}

/** The role definition GUID of a `roleDefinitionId`, lower-cased. */
function roleOf(id: Value | undefined): string | 'unknown' {
  const named = referencedResource(id);
  if (named) return named.name.split('/').pop()!.toLowerCase();
  const text = knownString(id);
  return text ? text.split('/').pop()!.toLowerCase() : 'unknown';
}
