/** Caps that keep evaluating a hostile template bounded; past a cap the value becomes unknown. */
export const limits = {
  /** ARM's own limit on copy loops. */
  maxCopyCount: 800,
  maxArrayLength: 10_000,
  maxStringLength: 1_000_000,
  /** Nesting of variables, user functions, lambdas and nested deployments. */
  maxDepth: 64,
  maxNestedDeployments: 10,
  /** Nesting of JSON values and expressions being evaluated at once: keeps the JavaScript stack safe. */
  maxNesting: 400,
  /** Child resources nested inside resources. */
  maxChildDepth: 50,
  /** Function calls and values evaluated per template (the largest corpus template needs about 41,000). */
  maxSteps: 1_000_000,
  maxResources: 20_000,
} as const;
