import * as path from 'node:path';
import { readArmTemplate } from '../../syntax/arm/readArmTemplate';
import { stringValue as literalText, type BicepFile, type UsingDeclaration } from '../../syntax/bicep';
import type { DeployedResource } from '../deployedResource';
import { evaluateArmTemplate } from '../evaluateArmTemplate';
import { EvaluationRun, type EvaluationProblem } from '../evaluationScope';
import type { Value } from '../value';
import { BicepScope, type FileLoader } from './bicepScope';
import { evaluateBicepText, fileContext, parsedBicep } from './evaluateBicepFile';
import { dropsSymbolFacts } from './resourceIdentity';

/** A .bicep file evaluated with its parameter defaults, or a .bicepparam file with the template it uses. */
export interface BicepFileModel {
  readonly parsed: BicepFile;
  readonly resources: readonly DeployedResource[];
  /** Evaluation problems in this file and the files it reads (each is reported in its own file). */
  readonly problems: readonly EvaluationProblem[];
  readonly complete: boolean;
  /** For a parameter file: the template its `using` names, when that template could be read. */
  readonly template?: string;
  /** Files it deploys as modules: their resources are in this model. */
  readonly modules: readonly string[];
}

export function buildBicepFileModel(file: string, text: string, load: FileLoader): BicepFileModel {
  return dropsSymbolFacts(() => {
    const evaluation = evaluateBicepText(file, text, new Map(), { load });
    return { parsed: evaluation.parsed, resources: evaluation.resources, problems: evaluation.problems, complete: evaluation.complete, modules: [...evaluation.modules] };
  });
}

/**
 * A parameter file: its values (which may use its own variables and imports) given to the
 * template its `using` names. Values set for parameters the template lacks are HN002.
 */
export function buildBicepParamModel(file: string, text: string, load: FileLoader): BicepFileModel {
  return dropsSymbolFacts(() => paramModel(file, text, load));
}

function paramModel(file: string, text: string, load: FileLoader): BicepFileModel {
  const parsed = parsedBicep(file, text, 'bicepparam');
  const run = new EvaluationRun();
  const context = fileContext(file, parsed, new Map(), run, load, [file]);
  const scope = BicepScope.of(context);
  const using = parsed.root.statements.find((statement): statement is UsingDeclaration => statement.kind === 'UsingDeclaration');
  const values = new Map<string, Value>();
  const assignments = parsed.root.statements.filter((statement) => statement.kind === 'ParameterAssignment');
  for (const assignment of assignments) values.set(assignment.name.name.toLowerCase(), context.symbols.value(assignment.name.name, scope, scope.originOf(assignment.name))!);
  const incomplete = (): BicepFileModel => ({ parsed, resources: [], problems: run.problems, complete: false, modules: [] });
  const target = using?.path === undefined ? undefined : literalText(using.path);
  if (using?.path === undefined || target === undefined || /^(br|ts)[:/]/i.test(target)) return incomplete();
  const templateFile = path.resolve(path.dirname(file), target);
  const templateText = load(templateFile);
  if (templateText === undefined) {
    scope.reportUnresolved(using.path, `the template '${target}' does not exist in the workspace`);
    return incomplete();
  }
  let resources: readonly DeployedResource[];
  let complete: boolean;
  let declared: ReadonlySet<string>;
  if (/\.json$/i.test(templateFile)) {
    const template = readArmTemplate(templateFile, templateText);
    if (template === undefined) return incomplete();
    const evaluation = evaluateArmTemplate(template, values);
    resources = evaluation.resources;
    complete = template.problems.length === 0 && evaluation.complete;
    declared = new Set(template.parameters.map((parameter) => parameter.name.toLowerCase()));
  } else {
    const evaluation = evaluateBicepText(templateFile, templateText, values, { load, run, chain: [file] });
    resources = evaluation.resources;
    complete = evaluation.complete;
    declared = new Set(evaluation.parsed.root.statements.flatMap((statement) => (statement.kind === 'ParameterDeclaration' ? [statement.name.name.toLowerCase()] : [])));
  }
  for (const assignment of assignments) {
    if (!assignment.name.missing && !declared.has(assignment.name.name.toLowerCase())) {
      scope.reportUnresolved(assignment.name, `the template ${path.basename(templateFile)} declares no parameter '${assignment.name.name}'`);
    }
  }
  return { parsed, resources, problems: run.problems, complete: complete && parsed.problems.length === 0, template: templateFile, modules: [...run.modules] };
}
