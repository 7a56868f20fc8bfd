import { fixToReview, replaceValue } from '../fixIntent';
import { policyRule } from './policyRule';
import { validatePolicyTree } from './schemaValidation';

export const hn500PolicySchema = policyRule(
  'HN500',
  'The file breaks schemas/notification-policy.schema.json: one finding per error, on the offending key or value.',
  (policy, report) => {
    for (const problem of validatePolicyTree(policy.root)) {
      const fixes = problem.suggestion ? [fixToReview(`Did you mean ${problem.suggestion}?`, replaceValue({ file: policy.file, span: problem.span }, problem.suggestion))] : [];
      report(problem.span, problem.message, fixes);
    }
  },
  { fix: 'offers the did-you-mean for a misspelt key or enum value (the closest known name); as a guess it is never applied by fix-all or check --fix' },
);
