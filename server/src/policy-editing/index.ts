export { completePolicy, type PolicyCompletion, type PolicyCompletionContext } from './completePolicy';
export { hoverPolicy, type PolicyHover } from './hoverPolicy';
export { completionContextOf, policyTargetAt } from './templateTargets';
