import { grantsByCopiedId, secretReadsOf, vaultNamedFor, vaultType } from '../../model/keyVaultAccess';
import { runsAs } from '../../model/managedIdentity';
import { notificationComponents } from '../../model/notificationComponents';
import { isDeployed, knownString, sameType } from '../../model/resourceReference';
import { defineRule, describe } from '../rule';

/** HN404: a grant to a copied object ID does not follow the identity; the read fails with 403 when the app is recreated. */
export const hn404KeyvaultGrantByCopiedId = defineRule('HN404', "A notification component reads Key Vault secrets as its managed identity, but every grant that could cover it names a written object ID instead of the component's principal.", (context, report) => {
  const vaults = context.resources.filter((r) => sameType(r.type, vaultType) && isDeployed(r) && r.name.kind === 'string');
  for (const component of notificationComponents(context.resources)) {
    const identity = runsAs(component);
    if (identity.none || identity.unknown) continue;
    const reported = new Set<unknown>();
    for (const read of secretReadsOf(component, context.resources)) {
      if (read.reader === 'unknown') continue;
      const vault = vaultNamedFor(component, read.vault, vaults, context.deploymentOf);
      if (!vault || context.partial?.has(vault)) continue;
      const readers = read.reader === 'component' ? identity.identities : [read.reader];
      const own = component.symbolicName
        ? `${component.symbolicName}.identity.principalId`
        : `reference(resourceId('${component.type}', '${knownString(component.name) ?? '?'}'), '${component.apiVersion ?? '?'}', 'full').identity.principalId`;
      const principal = read.reader === 'component' ? own : `the principalId of identity '${read.reader.name}'`;
      for (const grant of grantsByCopiedId(vault, readers, context.resources, context.deploymentOf) ?? []) {
        if (!grant.principal || reported.has(grant.principal)) continue;
        reported.add(grant.principal);
        report({
          at: grant.principal,
          resource: component,
          related: [{ file: read.at.origin.file, span: read.at.origin.span, message: `${read.how} of ${describe(component)} reads secrets from vault '${read.vault}'` }],
          message: `${describe(vault)} grants secret reads to the written object ID '${knownString(grant.principal) ?? '?'}' instead of the principal of ${describe(component)}, which reads secrets from it (${read.how}): when the app is recreated its principal changes and the read fails with 403; grant to ${principal}`,
        });
      }
    }
  }
});
