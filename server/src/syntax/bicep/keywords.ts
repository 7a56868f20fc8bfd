/**
 * Words that start a declaration. Bicep reserves only true, false and null: these are keywords
 * only where a declaration can start, and may be used as names elsewhere.
 */
export const declarationKeywordList: readonly string[] = [
  'targetScope', 'metadata', 'param', 'var', 'type', 'func', 'resource', 'module', 'output', 'import',
  'extension', 'assert', 'test', 'using', 'extends', 'extensionConfig',
];

export const declarationKeywords: ReadonlySet<string> = new Set(declarationKeywordList);
