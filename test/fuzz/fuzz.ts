import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseFile } from '../../server/src/analysis';
import { documentKindOf } from '../../server/src/syntax/documentKind';
import { workspaceRuleFindings } from '../../server/src/workspace/workspaceFindings';
import { diskReader, type WorkspaceReader } from '../../server/src/workspace/workspaceReader';
import { mutate, mutations, seededRandom, type Mutation } from './mutations';

export interface FuzzFailure {
  readonly file: string;
  readonly mutation: Mutation;
  readonly caseNumber: number;
  readonly problem: string;
}

export interface FuzzReport {
  readonly cases: number;
  readonly failures: readonly FuzzFailure[];
  readonly slowestMs: number;
  readonly slowestPerMb: number;
}

const analysed = /\.(bicep|bicepparam|json|jsonc|ya?ml)$/i;
/** A failure of the analysis itself, turned into a finding by analyseFile or runRules. */
const crashed = /could not analyse this file|could not run/;

/** Template, parameter and policy files under the folders, sorted (deterministic), skipping node_modules and .git. */
export function inputFiles(folders: readonly string[], limit = Infinity): string[] {
  const files: string[] = [];
  for (const folder of folders) {
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
        else if (entry.isFile() && analysed.test(entry.name)) files.push(full);
      }
    }
  }
  files.sort();
  if (files.length <= limit) return files;
  const step = files.length / limit;
  return Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)]);
}

/**
 * Mutated variants of real files through parsing, evaluation and every rule (with the file's
 * folder as the workspace, so its modules and parameter files are read too). A case fails when
 * the analysis reports its own failure, throws, or takes more than a second per MB.
 */
/** How long a case may take before it counts as a hang: `msPerMb` per MB of text, and never less than `minMs`. */
export interface TimeBound {
  readonly msPerMb: number;
  readonly minMs: number;
}

export function fuzzAnalysis(files: readonly string[], cases: number, seed = 0x5eed, bound: TimeBound = { msPerMb: 1000, minMs: 0 }): FuzzReport {
  const random = seededRandom(seed);
  const failures: FuzzFailure[] = [];
  let slowestMs = 0;
  let slowestPerMb = 0;
  const texts = new Map<string, string>();
  const readers = new Map<string, WorkspaceReader>();
  const mutated = { file: '', text: '' };
  for (let n = 0; n < cases && files.length > 0; n++) {
    const file = files[Math.floor(random() * files.length)];
    let original = texts.get(file);
    if (original === undefined) {
      original = fs.readFileSync(file, 'utf8');
      if (texts.size > 500) texts.clear();
      texts.set(file, original);
    }
    const mutation = mutations[Math.floor(random() * mutations.length)];
    const text = mutate(original, mutation, random);
    // One reader per folder, kept like the language server keeps it: its index is updated per case.
    const root = path.dirname(file);
    let reader = readers.get(root);
    if (!reader) {
      reader = diskReader(root, (other) => (other === mutated.file ? mutated.text : undefined));
      readers.set(root, reader);
      if (readers.size > 200) readers.delete(readers.keys().next().value!);
      // Listing the folder and indexing it is not analysis of the mutated text: done before the clock starts.
      workspaceRuleFindings(reader);
    }
    mutated.file = file;
    mutated.text = text;
    const started = performance.now();
    try {
      const findings = analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: root, reader });
      const crash = findings.find((f) => crashed.test(f.message));
      if (crash) failures.push({ file, mutation, caseNumber: n, problem: crash.message });
    } catch (error) {
      failures.push({ file, mutation, caseNumber: n, problem: `threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}` });
    }
    const ms = performance.now() - started;
    mutated.file = '';
    const mb = Math.max(1, text.length / 1024 / 1024);
    slowestMs = Math.max(slowestMs, ms);
    slowestPerMb = Math.max(slowestPerMb, ms / mb);
    if (ms > Math.max(bound.minMs, bound.msPerMb * mb)) failures.push({ file, mutation, caseNumber: n, problem: `took ${ms.toFixed(0)} ms for ${(text.length / 1024 / 1024).toFixed(2)} MB` });
  }
  return { cases, failures, slowestMs, slowestPerMb };
}
