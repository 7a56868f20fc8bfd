export { analysePolicyFile, type PolicyAnalysis } from './analysePolicyFile';
export { policyFileRules, checkPolicy } from './policyFileRules';
export type { PolicyRule } from './policyRule';
export type { NotificationPolicy, EscalationTier, DiscoverySource, Recipient, Deadline, Located } from '../../syntax/policy/notificationPolicy';
