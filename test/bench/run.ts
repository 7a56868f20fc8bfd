/**
 * Runs the benches and prints, per bench: name, median ms, MB/s (when it has a size).
 *   npm run bench            all benches
 *   node out/test/bench/run.js parse    only benches whose name contains "parse"
 */
import { performance } from 'node:perf_hooks';
import { benches as bicepParserBenches } from './bicepParser.bench';

export interface Bench {
  readonly name: string;
  /** Input size, for a throughput figure. */
  readonly bytes?: number;
  readonly run: () => void;
}

/** Each entry lists the benches of one module; add a line to add a module. */
const modules: (() => Bench[])[] = [bicepParserBenches];

const warmups = 15;
const iterations = 21;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main(filter: string | undefined): void {
  const rows: string[][] = [['bench', 'median ms', 'MB/s']];
  for (const load of modules) {
    for (const bench of load()) {
      if (filter !== undefined && !bench.name.includes(filter)) continue;
      const times: number[] = [];
      for (let i = 0; i < warmups + iterations; i++) {
        const start = performance.now();
        bench.run();
        if (i >= warmups) times.push(performance.now() - start);
      }
      const ms = median(times);
      const rate = bench.bytes === undefined ? '' : (bench.bytes / 1e6 / (ms / 1000)).toFixed(1);
      rows.push([bench.name, ms.toFixed(1), rate]);
      console.log(rows[rows.length - 1].join('\t'));
    }
  }
}

main(process.argv[2]);
