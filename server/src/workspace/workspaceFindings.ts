import * as path from 'node:path';
import type { Finding } from '../rules/finding';
import { templateRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import { runRules } from '../rules/runRules';
import { documentKindOf } from '../syntax/documentKind';
import { notificationPolicyOf, type NotificationPolicy } from '../syntax/policy/notificationPolicy';
import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import { templateModelsUnder, type TemplateModel } from './templateModels';
import { isInsideFolder, type WorkspaceReader } from './workspaceReader';

const policyFile = /\.hipaa-notify\.(ya?ml|json)$/i;

interface Memo {
  readonly models: readonly TemplateModel[];
  readonly policies: readonly string[];
  readonly policyTexts: readonly (string | undefined)[];
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
  const policyTexts = policies.map((file) => reader.readText(file));
  const last = memo.get(reader);
  if (last && sameItems(last.models, models) && sameItems(last.policies, policies) && sameItems(last.policyTexts, policyTexts)) return last.findings;
  const fallback = models[0]?.file ?? reader.root;
  const typed = policies.map((file, i) => typedPolicy(file, policyTexts[i]));
  const auditWorkspaces = typed.flatMap((p) => (p?.auditTrail.workspace ? [p.auditTrail.workspace.value] : []));
  const partial = new Set(models.filter((m) => !m.complete).flatMap((m) => m.resources));
  const deploymentOf = new Map(models.flatMap((m) => m.resources.map((r) => [r, m.file] as const)));
  const findings = [
    ...runRules(rules.filter((r) => !r.workspace), { resources: models.flatMap((m) => m.resources), policyFile: undefined, defaultTimeZone, auditWorkspaces, partial, deploymentOf }, fallback),
    ...policies.flatMap((policy, i) => {
      const inScope = models.filter((m) => isInsideFolder(m.file, path.dirname(policy)));
      return runRules(rules.filter((r) => r.workspace), { resources: inScope.flatMap((m) => m.resources), policyFile: policy, policy: typed[i], defaultTimeZone, auditWorkspaces, partial, deploymentOf }, policy);
    }),
  ];
  memo.set(reader, { models, policies, policyTexts, findings });
  return findings;
}

function typedPolicy(file: string, text: string | undefined): NotificationPolicy | undefined {
  if (text === undefined) return undefined;
  const tree = readPolicyTree(file, text);
  return tree.root ? notificationPolicyOf(file, tree.syntax, tree.root) : undefined;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
