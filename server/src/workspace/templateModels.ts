import { buildArmFileModel } from '../model/armFileModel';
import { buildBicepFileModel, buildBicepParamModel } from '../model/bicep/bicepFileModel';
import type { EvaluationProblem } from '../model/evaluationScope';
import type { SyntaxProblem } from '../syntax/span';
import type { DeployedResource } from '../model/deployedResource';
import { documentKindOf } from '../syntax/documentKind';
import { maxWorkspaceFiles, type WorkspaceReader } from './workspaceReader';

/**
 * The resources one template file deploys, evaluated with its paired parameter values. Compact:
 * the syntax trees are not kept (a workspace holds thousands of these); the analysed file is
 * parsed again for its own diagnostics and suppressions, which costs far less than evaluating.
 */
export interface TemplateModel {
  readonly file: string;
  readonly resources: readonly DeployedResource[];
  /** False when the file is a template that could not be evaluated: what it deploys is unknown. */
  readonly complete: boolean;
  readonly front: 'arm' | 'bicep';
  /** Other files whose resources this model holds (Bicep modules, the template a .bicepparam uses): they are deployed through it. */
  readonly deploys: readonly string[];
  /** Evaluation problems, of this file and of files it read (each reported in its own file). */
  readonly problems: readonly EvaluationProblem[];
  /** Problems reading the file itself as an ARM template (Bicep syntax problems come from parsing it). */
  readonly syntaxProblems: readonly SyntaxProblem[];
}

const templateFile = /\.(bicep|bicepparam|json|jsonc)$/i;

/** Evaluates every template below `folder`; a file that fails to evaluate is skipped, never thrown. */
export function templateModelsUnder(folder: string, reader: WorkspaceReader): TemplateModel[] {
  if (reader.changesSince && reader.generation !== undefined) return trackedModelsUnder(folder, reader, reader.generation);
  if (!reader.unchanging) return evaluateUnder(folder, reader);
  let byFolder = unchangingModels.get(reader);
  if (!byFolder) unchangingModels.set(reader, (byFolder = new Map()));
  let models = byFolder.get(folder);
  if (!models) byFolder.set(folder, (models = evaluateUnder(folder, reader)));
  return models;
}

/** A CLI run asks for the workspace's models once per file it checks: one listing and evaluation serve them all. */
const unchangingModels = new WeakMap<WorkspaceReader, Map<string, TemplateModel[]>>();

interface TrackedModels {
  readonly generation: number;
  /** Every template's model in listing order (undefined: not a template), before leaving out those deployed by others. */
  readonly all: (TemplateModel | undefined)[];
  readonly position: ReadonlyMap<string, number>;
  /** How many templates deploy each file (as a module or the template of a .bicepparam). */
  readonly deployers: Map<string, number>;
  readonly models: TemplateModel[];
}
const trackedModels = new WeakMap<WorkspaceReader, Map<string, TrackedModels>>();

/** The last answer, with only the changed files and the templates that read them checked again. */
function trackedModelsUnder(folder: string, reader: WorkspaceReader, generation: number): TemplateModel[] {
  let byFolder = trackedModels.get(reader);
  if (!byFolder) trackedModels.set(reader, (byFolder = new Map()));
  const last = byFolder.get(folder);
  if (last?.generation === generation) return last.models;
  const changes = last ? reader.changesSince!(last.generation) : 'all';
  let tracked: TrackedModels;
  if (changes === 'all' || !last || changes.length > 50) {
    const files = reader.filesUnder(folder).filter((file) => templateFile.test(file));
    const all = files.map((file) => {
      const text = reader.readText(file);
      return text === undefined ? undefined : templateModelOf(file, text, reader);
    });
    const deployers = new Map<string, number>();
    for (const model of all) countDeploys(deployers, model, 1);
    tracked = { generation, all, position: new Map(files.map((file, i) => [file, i])), deployers, models: standingAlone(all, deployers) };
  } else {
    const all = [...last.all];
    const deployers = new Map(last.deployers);
    const stale = new Set(changes);
    for (const file of changes) for (const template of readersOf.get(file) ?? []) stale.add(template);
    for (const file of stale) {
      const at = last.position.get(file);
      if (at === undefined) continue;
      const text = reader.readText(file);
      countDeploys(deployers, all[at], -1);
      all[at] = text === undefined ? undefined : templateModelOf(file, text, reader);
      countDeploys(deployers, all[at], 1);
    }
    tracked = { generation, all, position: last.position, deployers, models: standingAlone(all, deployers) };
  }
  byFolder.set(folder, tracked);
  return tracked.models;
}

function countDeploys(deployers: Map<string, number>, model: TemplateModel | undefined, delta: number): void {
  for (const file of model?.deploys ?? []) if (file !== model!.file) deployers.set(file, (deployers.get(file) ?? 0) + delta);
}

/** A template that a .bicepparam file uses is deployed with that file's values; a module by its callers. */
function standingAlone(all: readonly (TemplateModel | undefined)[], deployers: ReadonlyMap<string, number>): TemplateModel[] {
  return all.filter((m): m is TemplateModel => m !== undefined && !deployers.get(m.file));
}

/** For each file, the templates whose cached evaluation read it. */
const readersOf = new Map<string, Set<string>>();

function evaluateUnder(folder: string, reader: WorkspaceReader): TemplateModel[] {
  const models: TemplateModel[] = [];
  for (const file of reader.filesUnder(folder)) {
    if (!templateFile.test(file)) continue;
    const text = reader.readText(file);
    if (text === undefined) continue;
    const model = templateModelOf(file, text, reader);
    if (model) models.push(model);
  }
  // A template that a .bicepparam file uses is deployed with that file's values, not its defaults;
  // a module is deployed by its callers, with their values.
  const deployedByOthers = new Set<string>();
  for (const model of models) for (const file of model.deploys) if (file !== model.file) deployedByOthers.add(file);
  return models.filter((m) => !deployedByOthers.has(m.file));
}

interface CacheEntry {
  readonly text: string;
  readonly root: string;
  /** Every other file the evaluation read, with the text it saw (undefined: absent). */
  readonly reads: ReadonlyMap<string, string | undefined>;
  readonly model: TemplateModel | undefined;
}

const cache = new Map<string, CacheEntry>();
// Room for a whole bounded workspace plus files analysed outside it: evicting a model that the
// workspace rules still use would re-evaluate the workspace for every file.
const maxCached = 2 * maxWorkspaceFiles;

/**
 * The model of one template. It is evaluated again only when its text or a file its evaluation
 * read (paired parameter file, modules, ...) changed, so an edit re-evaluates that file and the
 * templates that depend on it, nothing else.
 */
export function templateModelOf(file: string, text: string, reader: WorkspaceReader): TemplateModel | undefined {
  const cached = cache.get(file);
  if (cached && cached.text === text && cached.root === reader.root && [...cached.reads].every(([other, seen]) => reader.readText(other) === seen)) return cached.model;
  const reads = new Map<string, string | undefined>();
  const tracking: WorkspaceReader = {
    root: reader.root,
    filesUnder: (folder) => reader.filesUnder(folder),
    readText(other) {
      const seen = reader.readText(other);
      if (other !== file) reads.set(other, seen);
      return seen;
    },
  };
  const model = evaluateTemplate(file, text, tracking);
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
  for (const read of cached?.reads.keys() ?? []) readersOf.get(read)?.delete(file);
  for (const read of reads.keys()) {
    let templates = readersOf.get(read);
    if (!templates) readersOf.set(read, (templates = new Set()));
    templates.add(file);
  }
  cache.set(file, { text, root: reader.root, reads, model });
  return model;
}

/** The files a model's evaluation read besides its own (parameter file, modules, the template of a .bicepparam) that exist. */
export function filesReadBy(model: TemplateModel): string[] {
  const entry = cache.get(model.file);
  if (!entry || entry.model !== model) return [];
  return [...entry.reads].filter(([, text]) => text !== undefined).map(([file]) => file);
}

/** Drops the models evaluated for a workspace (a CLI run is done with it): memory for the next one. */
export function releaseTemplateModels(root: string): void {
  for (const [file, entry] of cache) {
    if (entry.root !== root) continue;
    for (const read of entry.reads.keys()) readersOf.get(read)?.delete(file);
    cache.delete(file);
  }
}

/** Templates whose last evaluation read `file`: what an edit of it makes stale. */
export function dependantsOf(file: string): string[] {
  return [...cache].filter(([, entry]) => entry.reads.has(file)).map(([template]) => template);
}

/** Past this size a template is not evaluated (its own analysis says so); what it deploys is unknown. */
const maxTemplateChars = 10 * 1024 * 1024;

function evaluateTemplate(file: string, text: string, reader: WorkspaceReader): TemplateModel | undefined {
  if (text.length > maxTemplateChars) return { file, resources: [], complete: false, front: 'arm', deploys: [], problems: [], syntaxProblems: [] };
  try {
    const kind = documentKindOf(file, text);
    switch (kind) {
      case 'armTemplate': {
        const model = buildArmFileModel(file, text, reader.root, (other) => reader.readText(other));
        // A template that does not parse may deploy more than what could be read.
        return model
          ? { file, resources: model.evaluation.resources, complete: model.template.problems.length === 0 && model.evaluation.complete, front: 'arm', deploys: [], problems: model.problems, syntaxProblems: model.template.problems }
          : undefined;
      }
      case 'bicep':
      case 'bicepparam': {
        const load = (other: string) => reader.readText(other);
        const model = kind === 'bicep' ? buildBicepFileModel(file, text, load) : buildBicepParamModel(file, text, load);
        return { file, resources: model.resources, complete: model.complete, front: 'bicep', deploys: [...(model.template ? [model.template] : []), ...model.modules], problems: model.problems, syntaxProblems: [] };
      }
      default:
        return undefined;
    }
  } catch {
    return { file, resources: [], complete: false, front: 'arm', deploys: [], problems: [], syntaxProblems: [] };
  }
}
