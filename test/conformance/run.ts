/**
 * Corpus conformance runs: `node out/test/conformance/run.js <mode> DIR...`.
 * Each mode parses every file of its kind under the directories and prints counts and timings.
 */
import { runBicepConformance } from './bicep';
import { runBicepBaselines } from './bicepBaselines';

const modes: Record<string, (dirs: string[]) => number> = {
  bicep: runBicepConformance,
  /** Azure/bicep's sample baselines dirs (src/Bicep.Core.Samples/Files/baselines*). */
  'bicep-baselines': runBicepBaselines,
  /** main.bicep beside the ARM JSON compiled from it: both models must list the same resources. */
  pairs: (dirs) => (require('./pairs') as typeof import('./pairs')).runPairsConformance(dirs),
  arm: (dirs) => (require('./arm') as typeof import('./arm')).runArmConformance(dirs),
  /** The template rules, one workspace per deployment folder: counts per rule for precision review. */
  rules: (dirs) => (require('./rules') as typeof import('./rules')).runRulesConformance(dirs),
  /** The workspace index against one run over the whole workspace: the findings must be equal. */
  incremental: (dirs) => (require('./incremental') as typeof import('./incremental')).runIncrementalConformance(dirs),
  /** Every offered fix applied to an in-memory copy and re-analysed: the finding goes, no HN001 appears. */
  fixes: (dirs) => (require('./fixes') as typeof import('./fixes')).runFixesConformance(dirs),
};

function main(argv: string[]): number {
  const [mode, ...dirs] = argv;
  const run = mode === undefined ? undefined : modes[mode];
  if (run === undefined || dirs.length === 0) {
    console.error(`usage: run.js <${Object.keys(modes).join('|')}> DIR...`);
    return 2;
  }
  return run(dirs);
}

process.exitCode = main(process.argv.slice(2));
