import { secretReadsOf, vaultGrantsSecrets, vaultNamedFor, vaultType } from '../../model/keyVaultAccess';
import { runsAs } from '../../model/managedIdentity';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, sameType } from '../../model/resourceReference';
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
        related: [{ file: vault.origin.file, span: vault.origin.span, message: `the vault ${describe(vault)}` }],
        message: `${read.how} of ${describe(component)} reads secrets from vault '${read.vault}', but the component ${who}: grant its managed identity 'Key Vault Secrets User' (RBAC) or an access policy with get on secrets`,
      });
    }
  }
});
