import { buildArmFileModel, type ArmFileModel } from '../model/armFileModel';
import { parameterFileNameFor } from '../model/parameterFilePairing';
import type { DeployedResource } from '../model/deployedResource';
import { documentKindOf } from '../syntax/documentKind';
import type { WorkspaceReader } from './workspaceReader';

/** The resources one template file deploys, evaluated with its paired parameter values. */
export interface TemplateModel {
  readonly file: string;
  readonly resources: readonly DeployedResource[];
  /** False when the file is a template that could not be evaluated: what it deploys is unknown. */
  readonly complete: boolean;
  /** The ARM front end's own result (syntax and evaluation problems), for the file's diagnostics. */
  readonly arm?: ArmFileModel;
}

const templateFile = /\.(bicep|json|jsonc)$/i;

/** Evaluates every template below `folder`; a file that fails to evaluate is skipped, never thrown. */
export function templateModelsUnder(folder: string, reader: WorkspaceReader): TemplateModel[] {
  const models: TemplateModel[] = [];
  for (const file of reader.filesUnder(folder)) {
    if (!templateFile.test(file)) continue;
    const text = reader.readText(file);
    if (text === undefined) continue;
    const model = templateModelOf(file, text, reader);
    if (model) models.push(model);
  }
  return models;
}

const cache = new Map<string, { text: string; inputs: string; root: string; model: TemplateModel | undefined }>();
const maxCached = 5000;

/** The model of one template; re-evaluated only when its text (or the workspace root) changed. */
export function templateModelOf(file: string, text: string, reader: WorkspaceReader): TemplateModel | undefined {
  const inputs = inputsOf(file, reader);
  const cached = cache.get(file);
  if (cached && cached.text === text && cached.inputs === inputs && cached.root === reader.root) return cached.model;
  const model = evaluateTemplate(file, text, reader);
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
  cache.set(file, { text, inputs, root: reader.root, model });
  return model;
}

/** The other files a template's evaluation reads (its paired parameter file). */
function inputsOf(file: string, reader: WorkspaceReader): string {
  const parameters = parameterFileNameFor(file);
  return parameters === undefined ? '' : reader.readText(parameters) ?? '';
}

function evaluateTemplate(file: string, text: string, reader: WorkspaceReader): TemplateModel | undefined {
  try {
    switch (documentKindOf(file, text)) {
      case 'armTemplate': {
        const model = buildArmFileModel(file, text, reader.root, (other) => reader.readText(other));
        // A template that does not parse may deploy more than what could be read.
        return model ? { file, resources: model.evaluation.resources, complete: model.template.problems.length === 0, arm: model } : undefined;
      }
      case 'bicep':
        return { file, resources: [], complete: false };
      default:
        return undefined;
    }
  } catch {
    return { file, resources: [], complete: false };
  }
}
