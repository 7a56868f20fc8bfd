import type { DeployedResource } from '../../model/deployedResource';
import type { RuleContext } from '../rule';

/**
 * A resource of the workspace's one subscription-scope template, to declare a subscription-wide
 * resource after; undefined when there is no such template, or several to choose from.
 */
export function subscriptionTemplateAnchor(context: RuleContext): DeployedResource | undefined {
  const anchors = context.resources.filter((r) => r.targetScope === 'subscription' && r.deployedBy === undefined && r.copy === undefined && !r.existing);
  return new Set(anchors.map((r) => r.origin.file)).size === 1 ? anchors[0] : undefined;
}
