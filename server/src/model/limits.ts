/** Caps that keep evaluating a hostile template bounded; past a cap the value becomes unknown. */
export const limits = {
  /** ARM's own limit on copy loops. */
  maxCopyCount: 800,
  maxArrayLength: 10_000,
  maxStringLength: 1_000_000,
  /** Nesting of variables, user functions, lambdas and nested deployments. */
  maxDepth: 64,
  maxNestedDeployments: 10,
  /** Function calls and property reads per template evaluation. */
  maxSteps: 5_000_000,
  maxResources: 20_000,
} as const;
