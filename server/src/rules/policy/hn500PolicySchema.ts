import { policyRule } from './policyRule';
import { validatePolicyTree } from './schemaValidation';

export const hn500PolicySchema = policyRule(
  'HN500',
  'The file breaks schemas/notification-policy.schema.json: one finding per error, on the offending key or value.',
  (policy, report) => {
    for (const problem of validatePolicyTree(policy.root)) report(problem.span, problem.message);
  },
);
