export { analysePolicyFile, type PolicyAnalysis } from './analysePolicyFile';
export { policyFileRules, checkPolicy } from './policyFileRules';
export { policyWorkspaceRules, checkPolicyAgainstTemplates } from './policyWorkspaceRules';
export type { PolicyRule } from './policyRule';
export { firstTier, tiersInOrder, type NotificationPolicy, type EscalationTier, type DiscoverySource, type Recipient, type Deadline, type Located } from '../../syntax/policy/notificationPolicy';
