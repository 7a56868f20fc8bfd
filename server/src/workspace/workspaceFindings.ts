import * as path from 'node:path';
import type { Finding } from '../rules/finding';
import { templateRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import { runRules } from '../rules/runRules';
import { documentKindOf } from '../syntax/documentKind';
import { templateModelsUnder, type TemplateModel } from './templateModels';
import { isInsideFolder, type WorkspaceReader } from './workspaceReader';

const policyFile = /\.hipaa-notify\.(ya?ml|json)$/i;

interface Memo {
  readonly models: readonly TemplateModel[];
  readonly policies: readonly string[];
  readonly findings: readonly Finding[];
}
const memo = new WeakMap<WorkspaceReader, Memo>();

/**
 * Findings of the template rules over the whole workspace: the ordinary rules once over every
 * template's resources, and the *workspace* rules once per policy file, over the templates of
 * its folder and below. Kept per reader until a template model changes.
 */
export function workspaceRuleFindings(reader: WorkspaceReader, defaultTimeZone?: string, rules: readonly Rule[] = templateRules): readonly Finding[] {
  const models = templateModelsUnder(reader.root, reader);
  const policies = reader.filesUnder(reader.root).filter((f) => policyFile.test(f) && documentKindOf(f, '') === 'policy');
  const last = memo.get(reader);
  if (last && sameItems(last.models, models) && sameItems(last.policies, policies)) return last.findings;
  const fallback = models[0]?.file ?? reader.root;
  const findings = [
    ...runRules(rules.filter((r) => !r.workspace), { resources: models.flatMap((m) => m.resources), policyFile: undefined, defaultTimeZone }, fallback),
    ...policies.flatMap((policy) => {
      const inScope = models.filter((m) => isInsideFolder(m.file, path.dirname(policy)));
      return runRules(rules.filter((r) => r.workspace), { resources: inScope.flatMap((m) => m.resources), policyFile: policy, defaultTimeZone }, policy);
    }),
  ];
  memo.set(reader, { models, policies, findings });
  return findings;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
