/**
 * Runs the benches and prints, per bench: name, median ms, MB/s (when it has a size).
 *   npm run bench            all benches
 *   node out/test/bench/run.js parse    only benches whose name contains "parse"
 *   node out/test/bench/run.js cli      only the CLI over the public corpora
 */
import { performance } from 'node:perf_hooks';
import { benches as armModelBenches } from './armModel.bench';
import { benches as bicepModelBenches } from './bicepModel.bench';
import { benches as bicepParserBenches } from './bicepParser.bench';
import { benches as lspLatencyBenches } from './lspLatency.bench';
import { benches as liveCoverageBenches } from './liveCoverage.bench';
import { runWorkspaceLatency } from './workspaceLatency';
import { runCliCorpusBench } from './cliCorpus';

export interface Bench {
  readonly name: string;
  /** Input size, for a throughput figure. */
  readonly bytes?: number;
  readonly run: () => void | Promise<void>;
  readonly before?: () => Promise<void>;
  readonly after?: () => Promise<void>;
  /** Fewer rounds for slow end-to-end benches. */
  readonly warmups?: number;
  readonly iterations?: number;
}

/** Each entry lists the benches of one module; add a line to add a module. */
const modules: (() => Bench[])[] = [bicepParserBenches, bicepModelBenches, armModelBenches, lspLatencyBenches, liveCoverageBenches];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(filter: string | undefined): Promise<void> {
  console.log(['bench', 'median ms', 'MB/s'].join('\t'));
  for (const load of modules) {
    for (const bench of load()) {
      if (filter !== undefined && !bench.name.includes(filter)) continue;
      await bench.before?.();
      const times: number[] = [];
      const warmups = bench.warmups ?? 15;
      const iterations = bench.iterations ?? 21;
      for (let i = 0; i < warmups + iterations; i++) {
        const start = performance.now();
        await bench.run();
        if (i >= warmups) times.push(performance.now() - start);
      }
      await bench.after?.();
      const ms = median(times);
      const rate = bench.bytes === undefined ? '' : (bench.bytes / 1e6 / (ms / 1000)).toFixed(1);
      console.log([bench.name, ms.toFixed(1), rate].join('\t'));
    }
  }
  // Whole workspaces through the language server: its own table (first diagnostics, keystrokes, memory).
  if (filter === undefined || filter === 'workspace' || filter.startsWith('generated') || filter.includes('+')) await runWorkspaceLatency(filter);
  // The CLI over whole corpora: time and peak memory of one process.
  if (filter === undefined || filter === 'cli') await runCliCorpusBench();
}

main(process.argv[2]).catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
