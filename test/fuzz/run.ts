/**
 * The robustness run (not part of npm test):
 *   npm run fuzz -- [CASES] [--lsp SEQUENCES] [--soak EDITS] [--seed N] [--jobs J] [--case N] [--no-pathological]
 * CASES mutated files (default 1000) from the samples, the fixtures and the public corpora when
 * present go through parsing, evaluation and rules, split over J processes (default: one per
 * core; by folder, so each folder's workspace index is built once; the cases do not depend on J,
 * only which process runs them); SEQUENCES random edit
 * sequences (default 50) go through the real language server over stdio; EDITS (default 0, 10000
 * for the soak) are typed into one template of a generated workspace while the server's memory is
 * sampled. Hand-made worst cases (pathological.ts) run at three sizes unless `--no-pathological`.
 * `--case N` runs case N alone and writes its text to a file, to reproduce a failure.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace } from '../bench/generateWorkspace';
import { LspTestClient } from '../protocol/lspClient';
import { analyseCases, fuzzAnalysis, fuzzCases, inputFiles, timedAnalysis, type FuzzCase, type FuzzFailure, type FuzzReport } from './fuzz';
import { countForSize, pathologicalInputs } from './pathological';
import { mutate, mutations, seededRandom } from './mutations';

const repo = path.resolve(__dirname, '../../..');
const corpora = ['/work/corpora/Azure+bicep-registry-modules', '/work/corpora/Azure+bicep', '/work/corpora/bmoore-msft+azure-quickstart-templates'];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function languageOf(file: string): string {
  return file.endsWith('.bicep') ? 'bicep' : file.endsWith('.bicepparam') ? 'bicepparam' : /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

function serverRssMb(pid: number | undefined): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024);
  } catch {
    return NaN;
  }
}

/** Random edit sequences on files of the samples folder through the real server; a sequence fails when the server logs an error or does not answer within 10 s. */
async function fuzzServer(sequences: number, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const files = inputFiles([path.join(repo, 'samples')]);
  const failures: string[] = [];
  const { client } = await LspTestClient.start({ debounceMs: 0 }, pathToFileURL(path.join(repo, 'samples')).href);
  const errors: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (params.type === 1) errors.push(params.message);
  });
  try {
    for (let n = 0; n < sequences; n++) {
      const file = files[Math.floor(random() * files.length)];
      const uri = pathToFileURL(file).href;
      let text = fs.readFileSync(file, 'utf8');
      await client.open(uri, languageOf(file), text, 1);
      let version = 1;
      for (let edits = 1 + Math.floor(random() * 20); edits > 0; edits--) {
        text = mutate(text, mutations[Math.floor(random() * mutations.length)], random).slice(0, 3_000_000);
        await client.change(uri, ++version, [{ text }]);
      }
      const last = version;
      try {
        await client.diagnostics(uri, (p) => p.version === last, 10_000);
      } catch (error) {
        failures.push(`${path.relative(repo, file)} sequence ${n}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await client.close(uri);
      failures.push(...errors.splice(0).map((message) => `${path.relative(repo, file)} sequence ${n}: ${message}`));
    }
  } finally {
    await client.stop();
  }
  return failures;
}

/** Types into one template of a generated 200-file workspace; prints the server's RSS as it goes. */
async function soak(edits: number): Promise<{ afterWarmup: number; last: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-soak-'));
  const generated = generateWorkspace(root, 200);
  const uri = pathToFileURL(generated.editTarget).href;
  const original = fs.readFileSync(generated.editTarget, 'utf8');
  const { client } = await LspTestClient.start({ debounceMs: 0 }, pathToFileURL(root).href);
  let afterWarmup = NaN;
  let last = NaN;
  try {
    const first = client.diagnostics(uri, () => true, 120_000);
    await client.open(uri, 'bicep', original, 1);
    await first;
    for (let version = 2; version <= edits + 1; version++) {
      // Type a comment line, then take it back: the text returns to the original every other edit.
      const text = version % 2 === 0 ? `${original}// note ${version}\n` : original;
      const published = client.diagnostics(uri, (p) => p.version === version, 60_000);
      await client.change(uri, version, [{ text }]);
      await published;
      if (version % 1000 === 0 || version === edits + 1) {
        last = serverRssMb(client.pid);
        if (version === 1000 || Number.isNaN(afterWarmup)) afterWarmup = last;
        console.log(`soak: ${version - 1} edits, server RSS ${last} MB`);
      }
    }
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { afterWarmup, last };
}

/** The run's budget: 1 s per MB of CPU time (wall time on a machine shared with other work measures the others too). */
const bound = { msPerMb: 1000, minMs: 0, cpu: true };

function fuzzFiles(): string[] {
  return inputFiles([path.join(repo, 'samples'), path.join(repo, 'test/fixtures'), ...corpora.filter((c) => fs.existsSync(c))], 5000);
}

/** Runs the analysis cases in `jobs` child processes, each its share, and merges their reports. */
async function fuzzInProcesses(cases: number, seed: number, jobs: number): Promise<FuzzReport> {
  const reports = await Promise.all(
    Array.from({ length: jobs }, (_, index) =>
      new Promise<FuzzReport>((resolve, reject) => {
        const child = fork(__filename, [String(cases), '--seed', String(seed), '--share', `${index}/${jobs}`]);
        let report: FuzzReport | undefined;
        child.on('message', (message: FuzzReport) => (report = message));
        child.on('error', reject);
        child.on('exit', (code) => (report ? resolve(report) : reject(new Error(`fuzz process ${index} exited with ${code} and no report`))));
      }),
    ),
  );
  const slowest = reports.map((r) => r.slowest).filter((s) => s !== undefined).sort((a, b) => b.cpuMs / Math.max(1, b.bytes / 1048576) - a.cpuMs / Math.max(1, a.bytes / 1048576))[0];
  return {
    cases: reports.reduce((sum, r) => sum + r.cases, 0),
    failures: reports.flatMap((r) => r.failures).sort((a, b) => a.caseNumber - b.caseNumber),
    slowestMs: Math.max(...reports.map((r) => r.slowestMs)),
    slowestPerMb: Math.max(...reports.map((r) => r.slowestPerMb)),
    slowestCpuPerMb: Math.max(...reports.map((r) => r.slowestCpuPerMb)),
    slowest,
  };
}

/** The hand-made worst cases at 64 KB, 256 KB and 1 MB, each held to the budget; prints CPU ms per MB of each. */
function pathologicalRun(): string[] {
  const failures: string[] = [];
  const sizes = [64 * 1024, 256 * 1024, 1024 * 1024];
  console.log(`pathological inputs: CPU ms per MB of text at ${sizes.map((b) => `${b / 1024} KB`).join(', ')} (flat when linear; the budget is 1,000 per MB, counting at least 1 MB):`);
  for (const input of pathologicalInputs) {
    const cells: string[] = [];
    for (const bytes of sizes) {
      const text = input.generate(countForSize(input, bytes));
      // no workspace: nothing is read from disk, the file name only says how to read the text
      const { failure, cpuMs } = timedAnalysis(path.join(os.tmpdir(), 'hn-pathological', input.file), text, { workspaceRoot: null }, bound);
      cells.push(`${(cpuMs / (text.length / 1048576)).toFixed(0).padStart(5)}`);
      if (failure) failures.push(`${input.file} ${input.name} at ${(text.length / 1024).toFixed(0)} KB: ${failure.kind}: ${failure.problem.split('\n')[0]}`);
    }
    console.log(`  ${path.extname(input.file).slice(1).padEnd(6)} ${input.name.padEnd(40)} ${cells.join(' ')}`);
  }
  return failures;
}

/** Writes case `n` to a file and analyses it alone. */
function reproduce(n: number, seed: number): void {
  let found: FuzzCase | undefined;
  for (const c of fuzzCases(fuzzFiles(), n + 1, seed)) if (c.caseNumber === n) found = c;
  if (!found) throw new Error(`there is no case ${n}`);
  const out = path.join(os.tmpdir(), `fuzz-case-${n}${path.extname(found.file)}`);
  fs.writeFileSync(out, found.text);
  console.log(`case ${n}: ${found.mutation} of ${found.file} (${found.text.length} chars) written to ${out}`);
  const report = analyseCases([found], bound);
  console.log(report.failures.length === 0 ? `passes: ${report.slowest?.wallMs.toFixed(0)} ms, ${report.slowest?.cpuMs.toFixed(0)} ms CPU` : report.failures.map((f) => `${f.kind}: ${f.problem}`).join('\n'));
}

async function main(): Promise<void> {
  const cases = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
  const seed = option('--seed', 0x5eed);
  const share = process.argv.indexOf('--share');
  if (share >= 0) {
    const [index, count] = process.argv[share + 1].split('/').map(Number);
    const started = Date.now();
    let shown = 0;
    const progress = (done: number, failures: readonly FuzzFailure[]) => {
      console.log(`  process ${index + 1}/${count}: ${done} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      for (const failure of failures.slice(shown)) console.log(`    ${failure.file} #${failure.caseNumber} ${failure.mutation} ${failure.kind}: ${failure.problem.split('\n')[0]}`);
      shown = failures.length;
    };
    process.send!(fuzzAnalysis(fuzzFiles(), cases, seed, bound, { index, count }, cases >= 10_000 ? progress : undefined), () => process.exit(0));
    return;
  }
  if (process.argv.includes('--case')) return reproduce(option('--case', 0), seed);
  const sequences = option('--lsp', 50);
  const soakEdits = option('--soak', 0);
  const jobs = option('--jobs', os.availableParallelism());
  const files = fuzzFiles();
  const started = Date.now();
  const report = jobs > 1 ? await fuzzInProcesses(cases, seed, jobs) : fuzzAnalysis(files, cases, seed, bound);
  const hangs = report.failures.filter((f) => f.kind === 'hang').length;
  console.log(
    `analysis: ${report.cases} cases over ${files.length} files (seed ${seed}, ${jobs} processes) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${report.failures.length - hangs} exceptions or crashes, ${hangs} over 1 s CPU per MB; slowest ${report.slowestMs.toFixed(0)} ms wall (${report.slowestPerMb.toFixed(0)} ms wall per MB), ` +
      `${report.slowestCpuPerMb.toFixed(0)} ms CPU per MB`,
  );
  const s = report.slowest;
  if (s) console.log(`  slowest per MB: case ${s.caseNumber} ${s.mutation} of ${s.file}: ${(s.bytes / 1048576).toFixed(2)} MB in ${s.wallMs.toFixed(0)} ms (${s.cpuMs.toFixed(0)} ms CPU)`);
  for (const failure of report.failures.slice(0, 100)) console.log(`  ${failure.file} #${failure.caseNumber} ${failure.mutation} ${failure.kind}: ${failure.problem.split('\n')[0]}`);
  const pathologicalFailures = process.argv.includes('--no-pathological') ? [] : pathologicalRun();
  if (pathologicalFailures.length > 0) console.log(`pathological inputs: ${pathologicalFailures.length} failures`);
  for (const failure of pathologicalFailures) console.log(`  ${failure}`);
  const serverFailures = sequences > 0 ? await fuzzServer(sequences, seed) : [];
  if (sequences > 0) console.log(`language server: ${sequences} edit sequences: ${serverFailures.length} failures`);
  for (const failure of serverFailures.slice(0, 20)) console.log(`  ${failure}`);
  let grew = false;
  if (soakEdits > 0) {
    const { afterWarmup, last } = await soak(soakEdits);
    grew = last > afterWarmup * 1.2 + 20;
    console.log(`soak: ${soakEdits} edits: RSS ${afterWarmup} MB after 1,000 edits, ${last} MB at the end${grew ? ' (GREW)' : ''}`);
  }
  process.exit(report.failures.length > 0 || pathologicalFailures.length > 0 || serverFailures.length > 0 || grew ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error('fuzz failed:', error instanceof Error ? error.stack : error);
  process.exit(2);
});
