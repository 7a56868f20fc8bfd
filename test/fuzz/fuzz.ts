import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseFile, type AnalysisContext } from '../../server/src/analysis';
import { documentKindOf } from '../../server/src/syntax/documentKind';
import { workspaceRuleFindings } from '../../server/src/workspace/workspaceFindings';
import { diskReader, type WorkspaceReader } from '../../server/src/workspace/workspaceReader';
import { releaseTemplateModels } from '../../server/src/workspace/templateModels';
import { mutate, mutations, seededRandom, type Mutation } from './mutations';

export interface FuzzFailure {
  readonly file: string;
  readonly mutation: Mutation;
  readonly caseNumber: number;
  /** threw, reported its own failure as a finding, or took longer than the time bound */
  readonly kind: 'exception' | 'crash' | 'hang';
  readonly problem: string;
}

/** The case that took the most time per MB (of the larger of its size and 1 MB, as the bound counts). */
export interface SlowestCase {
  readonly file: string;
  readonly mutation: Mutation;
  readonly caseNumber: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface FuzzReport {
  readonly cases: number;
  readonly failures: readonly FuzzFailure[];
  readonly slowestMs: number;
  readonly slowestPerMb: number;
  /** By CPU time of this process, which other processes on the machine do not inflate. */
  readonly slowestCpuPerMb: number;
  readonly slowest: SlowestCase | undefined;
}

const analysed = /\.(bicep|bicepparam|json|jsonc|ya?ml)$/i;
/** A failure of the analysis itself, turned into a finding by analyseFile or runRules. */
const crashed = /could not analyse this file|could not run/;

/**
 * Template, parameter and policy files under the folders, skipping node_modules and .git: each
 * folder's sorted, in the order of the folders (so the cases do not depend on where the folders are).
 */
export function inputFiles(folders: readonly string[], limit = Infinity): string[] {
  let files: string[] = [];
  for (const folder of folders) {
    const found: string[] = [];
    const pending = [folder];
    while (pending.length > 0) {
      const current = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(current, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (entry.name === 'node_modules' || entry.name === '.git') continue;
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isFile() && analysed.test(entry.name)) found.push(full);
      }
    }
    files = files.concat(found.sort());
  }
  if (files.length <= limit) return files;
  const step = files.length / limit;
  return Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)]);
}

/** How long a case may take before it counts as a hang: `msPerMb` per MB of text, and never less than `minMs`. */
export interface TimeBound {
  readonly msPerMb: number;
  readonly minMs: number;
  /** Hold the CPU time of the case to the bound instead of the wall time (a shared machine's load inflates wall time). */
  readonly cpu?: boolean;
}

export interface FuzzCase {
  readonly caseNumber: number;
  readonly file: string;
  readonly mutation: Mutation;
  readonly text: string;
}

/**
 * The seeded cases, in order. Case n is the same whatever share of the cases a process runs: every
 * process draws all the random numbers and yields only its own cases (those of its folders).
 */
export function* fuzzCases(files: readonly string[], cases: number, seed: number, share: FuzzShare = { index: 0, count: 1 }): Generator<FuzzCase> {
  for (const planned of fuzzPlan(files, cases, seed, share)) yield caseOf(planned);
}

/** A case before its text is made: the generator's state where its mutation starts draws. */
export interface PlannedCase {
  readonly caseNumber: number;
  readonly file: string;
  readonly mutation: Mutation;
  readonly state: number;
}

/** This share's cases, in order, without their texts (the mutations are run to draw the same numbers, their texts dropped). */
export function fuzzPlan(files: readonly string[], cases: number, seed: number, share: FuzzShare = { index: 0, count: 1 }): PlannedCase[] {
  const random = seededRandom(seed);
  const plan: PlannedCase[] = [];
  for (let n = 0; n < cases && files.length > 0; n++) {
    const file = files[Math.floor(random() * files.length)];
    const mutation = mutations[Math.floor(random() * mutations.length)];
    const state = random.state;
    mutate(originalText(file), mutation, random);
    if (share.count === 1 || folderShare(file, share.count) === share.index) plan.push({ caseNumber: n, file, mutation, state });
  }
  return plan;
}

export function caseOf(planned: PlannedCase): FuzzCase {
  return { caseNumber: planned.caseNumber, file: planned.file, mutation: planned.mutation, text: mutate(originalText(planned.file), planned.mutation, seededRandom(planned.state)) };
}

const originals = new Map<string, string>();

function originalText(file: string): string {
  let text = originals.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    if (originals.size > 500) originals.clear();
    originals.set(file, text);
  }
  return text;
}

/**
 * This share's cases grouped by folder (in order of case number within a folder), texts made one at a
 * time: a folder's workspace index is built once for all its cases instead of once per case (building
 * it took 20 times as long as analysing the case).
 */
export function* fuzzCasesByFolder(files: readonly string[], cases: number, seed: number, share?: FuzzShare): Generator<FuzzCase> {
  const plan = fuzzPlan(files, cases, seed, share);
  const first = new Map<string, number>();
  for (const planned of plan) if (!first.has(path.dirname(planned.file))) first.set(path.dirname(planned.file), first.size);
  plan.sort((a, b) => first.get(path.dirname(a.file))! - first.get(path.dirname(b.file))! || a.caseNumber - b.caseNumber);
  for (const planned of plan) yield caseOf(planned);
}

/** Which process of `count` runs the cases of this file's folder (so each folder is indexed by one process only). */
function folderShare(file: string, count: number): number {
  const folder = path.dirname(file);
  let hash = 0x811c9dc5;
  for (let i = 0; i < folder.length; i++) hash = Math.imul(hash ^ folder.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/** Which cases one process runs: those of the folders that hash to `index` modulo `count`. */
export interface FuzzShare {
  readonly index: number;
  readonly count: number;
}

/**
 * Mutated variants of real files through parsing, evaluation and every rule (with the file's
 * folder as the workspace, so its modules and parameter files are read too). A case fails when
 * the analysis reports its own failure, throws, or takes more than the time bound.
 */
export function fuzzAnalysis(files: readonly string[], cases: number, seed = 0x5eed, bound: TimeBound = { msPerMb: 1000, minMs: 0 }, share?: FuzzShare, progress?: Progress): FuzzReport {
  return analyseCases(fuzzCasesByFolder(files, cases, seed, share), bound, progress);
}

/** Called after every 1,000 cases of a long run, with the failures so far. */
export type Progress = (cases: number, failures: readonly FuzzFailure[]) => void;

export function analyseCases(cases: Iterable<FuzzCase>, bound: TimeBound, progress?: Progress): FuzzReport {
  const failures: FuzzFailure[] = [];
  let slowestMs = 0;
  let slowestPerMb = 0;
  let slowestCpuPerMb = 0;
  let slowest: SlowestCase | undefined;
  let count = 0;
  const readers = new Map<string, WorkspaceReader>();
  const mutated = { file: '', text: '' };
  for (const { caseNumber, file, mutation, text } of cases) {
    if (progress && count > 0 && count % 1000 === 0) progress(count, failures);
    count++;
    // One reader per folder, kept like the language server keeps it: its index is updated per case.
    const root = path.dirname(file);
    let reader = readers.get(root);
    if (!reader) {
      reader = diskReader(root, (other) => (other === mutated.file ? mutated.text : undefined));
      readers.set(root, reader);
      // the cases come grouped by folder: a folder left behind is not visited again
      if (readers.size > 4) {
        const left = readers.keys().next().value!;
        readers.delete(left);
        // Its evaluated models too, as a CLI run does per workspace: a run over thousands of
        // folders otherwise grows to gigabytes and its late cases are timed in a bloated heap.
        releaseTemplateModels(left);
      }
      // Listing the folder and indexing it is not analysis of the mutated text: done before the clock starts.
      workspaceRuleFindings(reader);
    }
    mutated.file = file;
    mutated.text = text;
    const { failure, ms, cpuMs } = timedAnalysis(file, text, { workspaceRoot: root, reader }, bound);
    mutated.file = '';
    if (failure) failures.push({ file, mutation, caseNumber, ...failure });
    const mb = Math.max(1, text.length / 1024 / 1024);
    slowestMs = Math.max(slowestMs, ms);
    slowestPerMb = Math.max(slowestPerMb, ms / mb);
    if (cpuMs / mb > slowestCpuPerMb) {
      slowestCpuPerMb = cpuMs / mb;
      slowest = { file, mutation, caseNumber, bytes: text.length, wallMs: ms, cpuMs };
    }
  }
  return { cases: count, failures, slowestMs, slowestPerMb, slowestCpuPerMb, slowest };
}

export interface TimedAnalysis {
  readonly failure?: { readonly kind: FuzzFailure['kind']; readonly problem: string };
  readonly ms: number;
  readonly cpuMs: number;
}

/** Analyses one text, timing it in wall and CPU time; a failure when it throws, reports its own failure, or passes the bound. */
export function timedAnalysis(file: string, text: string, context: AnalysisContext, bound: TimeBound): TimedAnalysis {
  let failure: TimedAnalysis['failure'];
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  try {
    const findings = analyseFile({ file, text }, documentKindOf(file, text), context);
    const crash = findings.find((f) => crashed.test(f.message));
    if (crash) failure = { kind: 'crash', problem: crash.message };
  } catch (error) {
    failure = { kind: 'exception', problem: `threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const taken = bound.cpu ? cpuMs : ms;
  if (!failure && taken > Math.max(bound.minMs, bound.msPerMb * Math.max(1, text.length / 1024 / 1024))) {
    failure = { kind: 'hang', problem: `took ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU) for ${(text.length / 1024 / 1024).toFixed(2)} MB` };
  }
  return { failure, ms, cpuMs };
}
