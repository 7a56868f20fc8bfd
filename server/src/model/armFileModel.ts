import { readArmParameterFile, type ArmParameterFile } from '../syntax/arm/armParameterFile';
import type { ArmTemplate } from '../syntax/arm/armTemplate';
import { readArmTemplate } from '../syntax/arm/readArmTemplate';
import { parameterValuesOf } from './armParameterValues';
import { evaluateArmTemplate, type ArmEvaluation } from './evaluateArmTemplate';
import type { EvaluationProblem } from './evaluationScope';
import { parameterFileNameFor, readPairedParameterFile } from './parameterFilePairing';

/** One ARM template file, read and evaluated with its paired parameter file when there is one. */
export interface ArmFileModel {
  readonly template: ArmTemplate;
  readonly parameterFile: ArmParameterFile | undefined;
  readonly evaluation: ArmEvaluation;
  /** Evaluation problems plus parameter-file entries the template does not declare. */
  readonly problems: readonly EvaluationProblem[];
}

/**
 * Reads `text` as a template and evaluates it. With `workspaceRoot`, `<name>.parameters.json`
 * beside the file supplies parameter values (read only when inside the workspace).
 */
export function buildArmFileModel(file: string, text: string, workspaceRoot?: string, readText?: (file: string) => string | undefined): ArmFileModel | undefined {
  const template = readArmTemplate(file, text);
  if (template === undefined) return undefined;
  const paired = workspaceRoot === undefined ? undefined : readText ? pairedThrough(file, readText) : readPairedParameterFile(file, workspaceRoot);
  const parameterFile = paired === undefined ? undefined : readArmParameterFile(paired.file, paired.text);
  const evaluation = evaluateArmTemplate(template, parameterFile === undefined ? undefined : parameterValuesOf(parameterFile));
  return { template, parameterFile, evaluation, problems: [...evaluation.problems, ...undeclaredParameters(template, parameterFile)] };
}

/** The paired parameter file as a workspace reader sees it (an open editor buffer wins over disk). */
function pairedThrough(file: string, readText: (file: string) => string | undefined): { file: string; text: string } | undefined {
  const candidate = parameterFileNameFor(file);
  const text = candidate === undefined ? undefined : readText(candidate);
  return candidate === undefined || text === undefined ? undefined : { file: candidate, text };
}

/** ARM rejects a deployment whose parameter file sets a parameter the template does not declare. */
function undeclaredParameters(template: ArmTemplate, parameterFile: ArmParameterFile | undefined): EvaluationProblem[] {
  if (parameterFile === undefined) return [];
  const declared = new Set(template.parameters.map((parameter) => parameter.name.toLowerCase()));
  return parameterFile.parameters
    .filter((entry) => !declared.has(entry.name.toLowerCase()))
    .map((entry) => ({
      file: parameterFile.file,
      span: { offset: entry.nameNode.offset, length: entry.nameNode.length },
      message: `the template ${template.file.replace(/^.*[\\/]/, '')} declares no parameter '${entry.name}'`,
      unresolved: true,
    }));
}
