/** Bounds on the work one policy file can cause; a real policy is a few kilobytes. */
export const policyLimits = {
  /** Characters read; a longer file gets one problem and no tree. */
  maxLength: 256 * 1024,
  /** Nesting of mappings and lists. */
  maxDepth: 32,
  /** Nodes built, counting every expansion of a YAML alias (the "billion laughs" defence). */
  maxNodes: 20_000,
  /** Aliases the YAML library may resolve. */
  maxAliasCount: 100,
} as const;
