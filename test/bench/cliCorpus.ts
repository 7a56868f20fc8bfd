import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * `hipaa-notify check` over each public corpus present and over all of them in one run, as CI
 * would call it: wall time and the process's peak RSS (VmHWM, read until it exits). Prints a table.
 * HIPAA_NOTIFY_CLI points at another build (e.g. main's, for a before/after table).
 */
const cliPath = process.env.HIPAA_NOTIFY_CLI ?? path.resolve(__dirname, '../../../dist/cli.js');
const corpora = ['/work/corpora/Azure+bicep-registry-modules', '/work/corpora/Azure+bicep', '/work/corpora/bmoore-msft+azure-quickstart-templates'];

interface CliRun {
  readonly seconds: number;
  readonly peakMb: number;
  readonly exitCode: number | null;
  readonly findings: number;
}

function peakRssMb(pid: number): number {
  try {
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024);
  } catch {
    return NaN;
  }
}

export function runCli(paths: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, 'check', ...paths, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let peak = 0;
    // VmHWM only grows; the last reading before exit is within 50 ms of the end.
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!) || 0)), 50);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(sampler);
      let findings = NaN;
      try {
        findings = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { findings: unknown[] }).findings.length;
      } catch {
        // Not JSON: the run failed; the exit code says so.
      }
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak, exitCode, findings });
    });
  });
}

export async function runCliCorpusBench(): Promise<void> {
  const present = corpora.filter((corpus) => fs.existsSync(corpus));
  if (present.length === 0) return;
  console.log(`\nCLI check over the public corpora (${path.relative(process.cwd(), cliPath)})`);
  console.log('| run | time | peak RSS | findings | exit |');
  console.log('|---|---|---|---|---|');
  const runs: [string, string[]][] = [...present.map((corpus): [string, string[]] => [path.basename(corpus), [corpus]]), ...(present.length > 1 ? [['all together', present] as [string, string[]]] : [])];
  for (const [label, paths] of runs) {
    const run = await runCli(paths);
    console.log(`| ${label} | ${run.seconds.toFixed(1)} s | ${run.peakMb} MB | ${run.findings} | ${run.exitCode} |`);
  }
}

if (require.main === module) {
  runCliCorpusBench().catch((error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
