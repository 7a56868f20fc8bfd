import type { SyntaxProblem } from '../span';
import { jsonPolicyTree } from './jsonPolicyTree';
import type { PolicyNode } from './policyTree';
import { parseYamlDocument } from './yamlDocument';
import { yamlPolicyTree } from './yamlPolicyTree';

export type PolicySyntax = 'yaml' | 'json';

export interface PolicyTree {
  readonly syntax: PolicySyntax;
  /** Undefined when nothing could be read (empty, too large, too deep). */
  readonly root: PolicyNode | undefined;
  readonly problems: readonly SyntaxProblem[];
}

export function policySyntaxOf(file: string): PolicySyntax {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Reads a policy file (YAML 1.2 or JSON, by its name) into the syntax-neutral tree. Never throws. */
export function readPolicyTree(file: string, text: string): PolicyTree {
  const syntax = policySyntaxOf(file);
  if (syntax === 'json') {
    const problems: SyntaxProblem[] = [];
    const root = jsonPolicyTree(text, problems);
    return { syntax, root, problems };
  }
  const { document, problems } = parseYamlDocument(text, { uniqueKeys: false });
  const all = [...problems];
  const root = document ? yamlPolicyTree(document, all) : undefined;
  return { syntax, root, problems: distinct(all) };
}

/** A mapping reached through several aliases reports its duplicate keys once. */
function distinct(problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.offset}:${p.length}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
