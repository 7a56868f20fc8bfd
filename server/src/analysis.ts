import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentKindOf, type DocumentKind } from './syntax/documentKind';
import { parseJsonDocument } from './syntax/arm/jsonDocument';
import { parsedBicep } from './model/bicep/evaluateBicepFile';
import { buildArmFileModel } from './model/armFileModel';
import type { EvaluationProblem } from './model/evaluationScope';
import { analysePolicyFile } from './rules/policy';
import { templateModelOf, templateModelsUnder } from './workspace/templateModels';
import { workspaceRuleFindingsIn } from './workspace/workspaceFindings';
import { templateRules } from './rules/registry';
import { mergeAlike, runRules } from './rules/runRules';
import { diskReader, type WorkspaceReader } from './workspace/workspaceReader';
import { armSuppressions, canHoldSuppressions } from './suppression/armSuppressions';
import { bicepSuppressions } from './suppression/bicepSuppressions';
import { applySuppressions } from './suppression/suppression';
import type { SyntaxProblem } from './syntax/span';
import type { Finding } from './rules/finding';

export interface SourceFile {
  /** Absolute path (or a URI for documents that have no file), as the front end names the file. */
  readonly file: string;
  readonly text: string;
}

export interface AnalysisContext {
  /**
   * Other files (parameter files, templates of parameter files) are only read inside this
   * folder; null reads none; absent means the analysed file's own folder.
   */
  readonly workspaceRoot?: string | null;
  /** Text of files open in an editor, which wins over what is on disk. */
  readonly openText?: (file: string) => string | undefined;
  /** One reader shared by every file of a run (the CLI), so each template is read and evaluated once. */
  readonly reader?: WorkspaceReader;
  /** Windows time zone ID from the config, for messages and fixes that add a time zone. */
  readonly defaultTimeZone?: string;
  /**
   * False: the template rules see only this file's own deployment, not the rest of the workspace
   * (the language server's first answer while it is still indexing the workspace).
   */
  readonly workspaceRules?: boolean;
  /** Files longer than this (in characters) get one info diagnostic instead of analysis; default `maxFileBytes`; the CLI's --max-file-size sets it. */
  readonly maxFileBytes?: number;
}

/** Largest file analysed by default; past it the file gets one info diagnostic and nothing else. */
export const maxFileBytes = 10 * 1024 * 1024;

/**
 * Findings located in one file. Never throws: a failing step becomes a finding. A problem that
 * analysing this file finds in another one (its parameter file) is reported when that file is
 * analysed.
 */
export function analyseFile(source: SourceFile, kind: DocumentKind = documentKindOf(source.file, source.text), context: AnalysisContext = {}): Finding[] {
  if (kind === 'none') return [];
  const bound = context.maxFileBytes ?? maxFileBytes;
  if (source.text.length > bound) {
    return [{ ruleId: 'HN001', level: 'info', message: `the file is larger than ${+(bound / 1024 / 1024).toFixed(2)} MB and is not analysed (hipaa-notify bounds the work per file)`, file: source.file, span: { offset: 0, length: 0 } }];
  }
  try {
    // Findings that only quote other names at one place (loop instances, deployments of one module) are merged once, here.
    return mergeAlike(analyseByKind(source, kind, context).filter((finding) => finding.file === source.file));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ ruleId: 'HN001', level: 'error', message: `hipaa-notify could not analyse this file (${message}); please report it`, file: source.file, span: { offset: 0, length: 0 } }];
  }
}

function analyseByKind(source: SourceFile, kind: DocumentKind, context: AnalysisContext): Finding[] {
  const { file, text } = source;
  switch (kind) {
    case 'bicep':
    case 'bicepparam':
      return analyseBicep(source, kind, context);
    case 'armTemplate':
      return analyseArmTemplate(source, context);
    case 'armParameters':
      return analyseArmParameters(source, context);
    case 'config':
      return parseJsonDocument(text, { comments: true }).problems.map((problem) => syntaxFinding(file, problem));
    case 'policy':
      return analysePolicy(source, context);
    default:
      return [];
  }
}

function analyseBicep({ file, text }: SourceFile, kind: 'bicep' | 'bicepparam', context: AnalysisContext): Finding[] {
  const reader = readerFor(file, text, context);
  const model = reader && reader.readText(file) === text ? templateModelOf(file, text, reader) : undefined;
  // Usually still cached from evaluating the file just before.
  const parsed = parsedBicep(file, text, kind);
  const unresolved = model ? unresolvedFindings(model.problems) : [];
  const findings = [...parsed.problems.map((problem) => syntaxFinding(file, problem)), ...unresolved, ...ruleFindingsIn(file, text, context)];
  return applySuppressions(findings, file, bicepSuppressions(parsed));
}

function analyseArmTemplate({ file, text }: SourceFile, context: AnalysisContext): Finding[] {
  // Through the reader the evaluation is shared with the workspace rules (evaluated once per text).
  const reader = readerFor(file, text, context);
  const shared = reader && reader.readText(file) === text ? templateModelOf(file, text, reader) : undefined;
  if (shared?.front === 'arm') {
    const findings = [...shared.syntaxProblems.map((problem) => syntaxFinding(file, problem)), ...unresolvedFindings(shared.problems), ...ruleFindingsIn(file, text, context)];
    return applySuppressions(findings, file, canHoldSuppressions(text) ? armSuppressions(text, parseJsonDocument(text, { arm: true }).root) : []);
  }
  const model = shared ? undefined : buildArmFileModel(file, text, workspaceRootFor(file, context));
  if (!model) return parseJsonDocument(text, { arm: true }).problems.map((problem) => syntaxFinding(file, problem));
  const findings = [...model.template.problems.map((problem) => syntaxFinding(file, problem)), ...unresolvedFindings(model.problems), ...ruleFindingsIn(file, text, context)];
  return applySuppressions(findings, file, armSuppressions(text, model.template.node));
}

/** Template-rule findings that sit in `file` (a template, or a parameter file holding a bad value). */
function ruleFindingsIn(file: string, text: string, context: AnalysisContext): Finding[] {
  const reader = readerFor(file, text, context);
  if (!reader) return [];
  if (context.workspaceRules === false) return ownRuleFindings(file, text, reader, context.defaultTimeZone);
  return workspaceRuleFindingsIn(reader, file, context.defaultTimeZone);
}

/** The template rules over the file's own deployment only (its modules and parameter values included). */
function ownRuleFindings(file: string, text: string, reader: WorkspaceReader, defaultTimeZone: string | undefined): Finding[] {
  const model = templateModelOf(file, text, reader);
  if (!model) return [];
  const context = { resources: model.resources, policyFile: undefined, defaultTimeZone, partial: new Set(model.complete ? [] : model.resources) };
  return runRules(templateRules.filter((rule) => !rule.workspace), context, file, { merge: false }).filter((finding) => finding.file === file);
}

function readerFor(file: string, text: string, context: AnalysisContext): WorkspaceReader | undefined {
  if (context.reader) return context.reader;
  const root = workspaceRootFor(file, context);
  if (!root) return undefined;
  // The file being analysed is read from its current text, saved or not.
  return diskReader(root, (other) => (other === file ? text : context.openText?.(other)));
}

/** A parameter file is checked through the template it pairs with (`x.parameters.json` -> `x.json`). */
function analyseArmParameters({ file, text }: SourceFile, context: AnalysisContext): Finding[] {
  const document = parseJsonDocument(text, { arm: true });
  const syntax = document.problems.map((problem) => syntaxFinding(file, problem));
  const root = workspaceRootFor(file, context);
  const template = root ? pairedTemplateOf(file, root) : undefined;
  if (!template || syntax.length > 0) return syntax;
  // Through the reader the template is evaluated once for itself, its parameter file and the workspace.
  const reader = readerFor(file, text, context);
  const templateText = reader?.readText(template.file);
  const problems = reader && templateText !== undefined && reader.readText(file) === text ? templateModelOf(template.file, templateText, reader)?.problems : buildArmFileModel(template.file, template.text, root)?.problems;
  const own = (problems ?? []).filter((problem) => problem.file === file);
  return applySuppressions([...unresolvedFindings(own), ...ruleFindingsIn(file, text, context)], file, armSuppressions(text, document.root));
}

/** A policy is checked on its own and against the templates of its folder and below. */
function analysePolicy({ file, text }: SourceFile, context: AnalysisContext): Finding[] {
  const root = workspaceRootFor(file, context);
  const templates = root && context.workspaceRules !== false ? templateModelsUnder(path.dirname(file), context.reader ?? diskReader(root, context.openText)) : undefined;
  return analysePolicyFile(file, text, templates, ruleFindingsIn(file, text, context)).findings;
}

function unresolvedFindings(problems: readonly EvaluationProblem[]): Finding[] {
  return problems
    .filter((problem) => problem.unresolved)
    .map((problem) => ({ ruleId: 'HN002', level: 'warning', message: problem.message, file: problem.file, span: problem.span }));
}

function workspaceRootFor(file: string, context: AnalysisContext): string | undefined {
  if (!path.isAbsolute(file) || context.workspaceRoot === null) return undefined;
  return context.workspaceRoot ?? path.dirname(file);
}

function pairedTemplateOf(parameterFile: string, root: string): { file: string; text: string } | undefined {
  const match = /^(.*)\.parameters\.json$/i.exec(path.basename(parameterFile));
  if (!match) return undefined;
  const candidate = path.join(path.dirname(parameterFile), `${match[1]}.json`);
  try {
    const relative = path.relative(fs.realpathSync(root), fs.realpathSync(candidate));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return { file: candidate, text: fs.readFileSync(candidate, 'utf8').replace(/^\uFEFF/, '') };
  } catch {
    return undefined;
  }
}

function syntaxFinding(file: string, problem: SyntaxProblem): Finding {
  return { ruleId: 'HN001', level: 'error', message: problem.message, file, span: { offset: problem.offset, length: problem.length } };
}
