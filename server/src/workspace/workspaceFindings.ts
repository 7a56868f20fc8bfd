import * as path from 'node:path';
import type { Finding } from '../rules/finding';
import { templateRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import { mergeAlike, runRules } from '../rules/runRules';
import { documentKindOf } from '../syntax/documentKind';
import { notificationPolicyOf, type NotificationPolicy } from '../syntax/policy/notificationPolicy';
import { readPolicyTree } from '../syntax/policy/readPolicyTree';
import { templateModelsUnder, type TemplateModel } from './templateModels';
import { WorkspaceIndex } from './workspaceIndex';
import { isInsideFolder, type WorkspaceReader } from './workspaceReader';

const policyFile = /\.hipaa-notify\.(ya?ml|json)$/i;

/** The workspace rules' findings of one policy file, and what they were computed from. */
interface PolicyRun {
  readonly text: string | undefined;
  readonly findings: readonly Finding[];
}

interface State {
  readonly models: readonly TemplateModel[];
  readonly policies: readonly string[];
  readonly policyTexts: readonly (string | undefined)[];
  readonly index: WorkspaceIndex;
  readonly policyRuns: ReadonlyMap<string, PolicyRun>;
  /** For a reader whose files never change (a CLI run): the template findings of one run over everything, by file. */
  readonly once?: ReadonlyMap<string, readonly Finding[]>;
  all?: readonly Finding[];
}
const states = new WeakMap<WorkspaceReader, State>();
const indexes = new WeakMap<WorkspaceReader, WorkspaceIndex>();

/** The reader's index of template findings for these settings (a new one when they changed). */
export function workspaceIndexOf(reader: WorkspaceReader, defaultTimeZone: string | undefined, auditWorkspaces: readonly string[], rules: readonly Rule[] = templateRules): WorkspaceIndex {
  const settings = { rules: templateOnly(rules), defaultTimeZone, auditWorkspaces };
  let index = indexes.get(reader);
  if (!index || !index.sameSettings(settings)) {
    index = new WorkspaceIndex(settings);
    indexes.set(reader, index);
  }
  return index;
}

const templateOnlyRules = new WeakMap<readonly Rule[], readonly Rule[]>();
function templateOnly(rules: readonly Rule[]): readonly Rule[] {
  let filtered = templateOnlyRules.get(rules);
  if (!filtered) templateOnlyRules.set(rules, (filtered = rules.filter((r) => !r.workspace)));
  return filtered;
}

/** Log Analytics workspaces that the workspace's policy files name as their audit trail. */
export function policyAuditWorkspaces(reader: WorkspaceReader): string[] {
  return policyFilesOf(reader).flatMap((file) => {
    const policy = typedPolicy(file, reader.readText(file));
    return policy?.auditTrail.workspace ? [policy.auditTrail.workspace.value] : [];
  });
}

function policyFilesOf(reader: WorkspaceReader): string[] {
  return reader.filesUnder(reader.root).filter((f) => policyFile.test(f) && documentKindOf(f, '') === 'policy');
}

/**
 * Findings of the template rules over the whole workspace: the ordinary rules per template over
 * what links to it (the workspace index), and the *workspace* rules once per policy file, over
 * the templates of its folder and below. Kept per reader and updated per changed template.
 */
export function workspaceRuleFindings(reader: WorkspaceReader, defaultTimeZone?: string, rules: readonly Rule[] = templateRules): readonly Finding[] {
  const state = stateOf(reader, defaultTimeZone, rules);
  state.all ??= mergeAlike([...(state.once ? [...state.once.values()].flat() : state.index.findings()), ...[...state.policyRuns.values()].flatMap((run) => run.findings)]);
  return state.all;
}

/** The findings of `workspaceRuleFindings` located in one file, computing only the templates that can put findings there. */
export function workspaceRuleFindingsIn(reader: WorkspaceReader, file: string, defaultTimeZone?: string, rules: readonly Rule[] = templateRules): Finding[] {
  const state = stateOf(reader, defaultTimeZone, rules);
  return [...(state.once ? (state.once.get(file) ?? []) : state.index.findingsIn(file)), ...[...state.policyRuns.values()].flatMap((run) => run.findings.filter((f) => f.file === file))];
}

function stateOf(reader: WorkspaceReader, defaultTimeZone: string | undefined, rules: readonly Rule[]): State {
  const models = templateModelsUnder(reader.root, reader);
  const policies = policyFilesOf(reader);
  const policyTexts = policies.map((file) => reader.readText(file));
  const last = states.get(reader);
  if (last && (last.models === models || sameItems(last.models, models)) && sameItems(last.policies, policies) && sameItems(last.policyTexts, policyTexts) && last.index === indexes.get(reader) && last.index.settings.defaultTimeZone === defaultTimeZone) return last;
  const typed = policies.map((file, i) => typedPolicy(file, policyTexts[i]));
  const auditWorkspaces = typed.flatMap((p) => (p?.auditTrail.workspace ? [p.auditTrail.workspace.value] : []));
  const index = workspaceIndexOf(reader, defaultTimeZone, auditWorkspaces, rules);
  // Nothing will change in a CLI run: one run of the rules over everything costs less than building the index.
  const once = reader.unchanging ? wholeWorkspaceFindings(models, rules, defaultTimeZone, auditWorkspaces) : undefined;
  if (!once) index.sync(models);
  const changes = index.takeChanges();
  // The workspace (absence) rules look at everything in scope: they run again when a resource's
  // content changed, or when a finding of theirs sits in a file whose text moved.
  const policyRuns = new Map<string, PolicyRun>();
  let shared: { partial: Set<unknown>; deploymentOf: Map<unknown, string> } | undefined;
  policies.forEach((policy, i) => {
    const previous = last?.index === index ? last.policyRuns.get(policy) : undefined;
    if (previous && previous.text === policyTexts[i] && !changes.contentChanged && !previous.findings.some((f) => changes.files.has(f.file))) {
      policyRuns.set(policy, previous);
      return;
    }
    shared ??= {
      partial: new Set(models.filter((m) => !m.complete).flatMap((m) => m.resources)),
      deploymentOf: new Map(models.flatMap((m) => m.resources.map((r) => [r, m.file] as const))),
    };
    const inScope = models.filter((m) => isInsideFolder(m.file, path.dirname(policy)));
    const context = { resources: inScope.flatMap((m) => m.resources), policyFile: policy, policy: typed[i], defaultTimeZone, auditWorkspaces, partial: shared.partial as never, deploymentOf: shared.deploymentOf as never };
    policyRuns.set(policy, { text: policyTexts[i], findings: runRules(rules.filter((r) => r.workspace), context, policy, { merge: false }) });
  });
  const state: State = { models, policies, policyTexts, index, policyRuns, ...(once ? { once } : {}) };
  states.set(reader, state);
  return state;
}

const typedPolicies = new Map<string, { readonly text: string; readonly policy: NotificationPolicy | undefined }>();

function wholeWorkspaceFindings(models: readonly TemplateModel[], rules: readonly Rule[], defaultTimeZone: string | undefined, auditWorkspaces: readonly string[]): Map<string, Finding[]> {
  const partial = new Set(models.filter((m) => !m.complete).flatMap((m) => m.resources));
  const deploymentOf = new Map(models.flatMap((m) => m.resources.map((r) => [r, m.file] as const)));
  const context = { resources: models.flatMap((m) => m.resources), policyFile: undefined, defaultTimeZone, auditWorkspaces, partial, deploymentOf };
  const byFile = new Map<string, Finding[]>();
  for (const finding of runRules(templateOnly(rules), context, models[0]?.file ?? '', { merge: false })) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}

function typedPolicy(file: string, text: string | undefined): NotificationPolicy | undefined {
  if (text === undefined) return undefined;
  const known = typedPolicies.get(file);
  if (known?.text === text) return known.policy;
  const policy = readTypedPolicy(file, text);
  typedPolicies.set(file, { text, policy });
  return policy;
}

function readTypedPolicy(file: string, text: string): NotificationPolicy | undefined {
  const tree = readPolicyTree(file, text);
  return tree.root ? notificationPolicyOf(file, tree.syntax, tree.root) : undefined;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
