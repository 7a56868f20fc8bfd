import { secretReadsOf, vaultGrantsSecrets, vaultNamedFor, vaultType } from '../../model/keyVaultAccess';
import { runsAs } from '../../model/managedIdentity';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, sameType } from '../../model/resourceReference';
import type { DeployedResource } from '../../model/deployedResource';
import { knownString } from '../../model/resourceReference';
import { valueAt, type Origin } from '../../model/value';
import { addItem, addResource, fix, FixExpression, setProperty, type Fix, type FixValue } from '../fixIntent';
import { defineRule, describe } from '../rule';

/** HN402: a notifier that cannot read its secrets fails at the moment it must notify. */
export const hn402KeyvaultDeniesNotificationIdentity = defineRule('HN402', "A notification component reads a Key Vault secret but the vault does not let the component's managed identity read secrets.", (context, report) => {
  const vaults = context.resources.filter((r) => sameType(r.type, vaultType) && r.condition !== false && r.name.kind === 'string');
  for (const component of notificationComponents(context.resources)) {
    const identity = runsAs(component);
    for (const read of secretReadsOf(component, context.resources)) {
      // A read as one named identity does not need the component's full identity list.
      if (read.reader === 'unknown' || (read.reader === 'component' && identity.unknown)) continue;
      const vault = vaultNamedFor(component, read.vault, vaults, context.deploymentOf);
      if (!vault || !isDeployed(vault) || context.partial?.has(vault)) continue;
      const readers = read.reader === 'component' ? identity.identities : identity.none ? [] : [read.reader];
      if (vaultGrantsSecrets(vault, readers, context.resources, context.deploymentOf) !== false) continue;
      const who = identity.none ? 'has no managed identity to be granted access' : read.reader === 'component' ? 'has no access policy with get on secrets or Key Vault Secrets User role on it' : `identity '${read.reader.name}' has no access policy with get on secrets or Key Vault Secrets User role on it`;
      report({
        at: read.at,
        resource: component,
        fixes: read.reader === 'component' && !identity.none ? grantFix(vault, component) : [],
        related: [{ file: vault.origin.file, span: vault.origin.span, message: `the vault ${describe(vault)}` }],
        message: `${read.how} of ${describe(component)} reads secrets from vault '${read.vault}', but the component ${who}: grant its managed identity 'Key Vault Secrets User' (RBAC) or an access policy with get on secrets`,
      });
    }
  }
}, {
  fix: "grants the component's system-assigned identity what the vault's mode asks for: a Key Vault Secrets User role assignment scoped to an RBAC vault, or an access policy with get on secrets; offered when the vault and the component are declared in the same file",
});

const secretsUser = '4633458b-17de-408a-b874-0445c86b69e6';

/** Bicep or ARM expressions naming a resource declared in `file`: its symbol, or its type and written name. */
function referenceTo(resource: DeployedResource, file: string): { readonly bicep?: string; readonly armId?: string } {
  if (resource.origin.file !== file) return {};
  const name = knownString(resource.name);
  // Written as a plain literal in the declaration (its text is the name in quotes), not computed.
  const written = name !== undefined && within(resource.name.origin, resource.origin) && resource.name.origin.span.length === name.length + 2;
  return {
    ...(resource.symbolicName ? { bicep: resource.symbolicName } : {}),
    ...(written && resource.type && resource.type.split('/').length === 2 ? { armId: `resourceId('${resource.type}', '${name!.replace(/'/g, "''")}')` } : {}),
  };
}

/** The grant that fits the vault: an RBAC role assignment, or an access policy entry. */
function grantFix(vault: DeployedResource, component: DeployedResource): Fix[] {
  const file = vault.origin.file;
  const bicep = /\.bicep$/i.test(file);
  const v = referenceTo(vault, file);
  const c = referenceTo(component, file);
  if (component.copy !== undefined || vault.copy !== undefined) return [];
  if (bicep ? !v.bicep || !c.bicep : !v.armId || !c.armId || !component.apiVersion) return [];
  const principal = new FixExpression(`${c.bicep}.identity.principalId`, `reference(${c.armId}, '${component.apiVersion}', 'full').identity.principalId`);
  const rbac = vault.properties ? valueAt(vault.properties, ['enableRbacAuthorization']) : undefined;
  if (rbac?.kind === 'boolean' && rbac.value) {
    if (vault.copy !== undefined || vault.condition !== true) return [];
    const roleAssignment = {
      symbol: 'secretsUserAssignment',
      type: 'Microsoft.Authorization/roleAssignments',
      apiVersion: '2022-04-01',
      scoped: true,
      body: {
        name: new FixExpression(`guid(${v.bicep}.id, ${c.bicep}.id, '${secretsUser}')`, `guid(${v.armId}, ${c.armId}, '${secretsUser}')`),
        properties: {
          roleDefinitionId: new FixExpression(`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${secretsUser}')`, `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${secretsUser}')`),
          principalId: principal,
          principalType: 'ServicePrincipal',
        },
      },
      ...(c.armId ? { armDependsOn: [c.armId] } : {}),
    };
    return [fix(`Grant ${describe(component)} Key Vault Secrets User on the vault`, addResource(vault.origin, roleAssignment))];
  }
  if (vault.properties?.kind !== 'object') return [];
  const entry: FixValue = { tenantId: new FixExpression('subscription().tenantId', 'subscription().tenantId'), objectId: principal, permissions: { secrets: ['get'] } };
  const policies = valueAt(vault.properties, ['accessPolicies']);
  const intent = policies?.kind === 'array' ? addItem(policies.origin, entry) : policies === undefined ? setProperty(vault.properties.origin, ['accessPolicies'], [entry]) : undefined;
  return intent ? [fix(`Add an access policy with get on secrets for ${describe(component)}`, intent)] : [];
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.span.offset >= outer.span.offset && inner.span.offset + inner.span.length <= outer.span.offset + outer.span.length;
}
