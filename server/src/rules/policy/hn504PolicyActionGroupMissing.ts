import { actionGroupType } from '../../model/alerts';
import { isDeployed, sameType, shortNameOf } from '../../model/resourceReference';
import { policyWorkspaceRule } from './policyWorkspaceRule';

/** HN504: every action group an escalation tier names is deployed by a template of the workspace. */
export const hn504PolicyActionGroupMissing = policyWorkspaceRule(
  'HN504',
  'An action group that the policy names is defined in no template of the workspace.',
  (policy, templates, report) => {
    // A template that could not be evaluated might deploy any of them.
    if (templates.some((t) => !t.complete)) return;
    const actionGroups = templates.flatMap((t) => t.resources).filter((r) => sameType(r.type, actionGroupType));
    // A deployed action group whose name is not known might be the one named: stay silent.
    if (actionGroups.some((r) => isDeployed(r) && r.name.kind !== 'string')) return;
    for (const tier of policy.escalation) {
      const named = tier.actionGroup;
      if (!named) continue;
      const matches = actionGroups.filter((r) => shortNameOf(r)?.toLowerCase() === named.value.toLowerCase());
      if (matches.some(isDeployed)) continue;
      const tierName = tier.tier ? `tier ${tier.tier.value}` : `escalation tier ${tier.index + 1}`;
      const related = matches.map((r) => ({ file: r.origin.file, span: r.origin.span, message: r.existing ? `'${named.value}' is only referenced here as an existing resource` : `'${named.value}' is declared here but its condition is false` }));
      const where = templates.length === 0 ? 'no template was found in this folder or below' : `none of the ${templates.length} template(s) in this folder and below deploys it`;
      report(named.span, `${tierName} names the action group '${named.value}', but ${where}; add a Microsoft.Insights/actionGroups resource named '${named.value}' or correct the name`, related);
    }
  },
);
