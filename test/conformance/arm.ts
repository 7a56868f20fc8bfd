import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseTree } from 'jsonc-parser';
import { readArmTemplate } from '../../server/src/syntax/arm/readArmTemplate';
import { evaluateArmTemplate } from '../../server/src/model/evaluateArmTemplate';
import { buildArmFileModel } from '../../server/src/model/armFileModel';

const lister = '/work/shared/corpora/list.sh';

/** The largest corpus templates: model building is timed against jsonc-parser's parseTree. */
const largest = [
  'azure-quickstart-templates/application-workloads/sharepoint/sharepoint-adfs/azuredeploy.json',
  'bicep-registry-modules/avm/ptn/aca-lza/hosting-environment/main.json',
];

interface Failure {
  readonly file: string;
  readonly error: string;
}

/** The async entry the lead asked for; the dispatcher (run.ts) uses `runArmConformance`. */
export async function run(dirs: string[]): Promise<number> {
  return runArmConformance(dirs);
}

/**
 * Loads and evaluates every ARM template under `dirs`. Returns the number of templates that threw
 * (the goal is 0); a template that cannot be read as JSON counts as loaded with problems.
 */
export function runArmConformance(dirs: readonly string[]): number {
  const files = dirs.flatMap((dir) =>
    execFileSync('bash', [lister, '--arm-only', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean)
      .map((file) => ({ file, root: dir })),
  );
  const failures: Failure[] = [];
  let resources = 0;
  let unreadable = 0;
  let withProblems = 0;
  let paired = 0;
  let slowest = { file: '', ms: 0 };
  const started = performance.now();
  for (const { file, root } of files) {
    const text = readFileSync(file, 'utf8');
    const t0 = performance.now();
    try {
      const model = buildArmFileModel(file, text, root);
      if (model === undefined) {
        unreadable++;
        continue;
      }
      resources += model.evaluation.resources.length;
      if (model.parameterFile !== undefined) paired++;
      if (model.template.problems.length > 0 || model.problems.length > 0) withProblems++;
    } catch (error) {
      failures.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { file, ms };
  }
  const total = performance.now() - started;
  console.log(
    `arm: ${files.length} templates (${paired} with a paired parameter file), ${resources} resources, ${unreadable} not a JSON object, ${withProblems} with problems, ${failures.length} exceptions, ${total.toFixed(0)} ms total`,
  );
  console.log(`arm: slowest ${slowest.file} (${slowest.ms.toFixed(0)} ms)`);
  for (const failure of failures.slice(0, 20)) console.log(`arm: EXCEPTION ${failure.file}\n${failure.error}`);
  for (const relative of largest) {
    const dir = dirs.find((candidate) => relative.startsWith(candidate.replace(/\/$/, '').split('/').pop() + '/'));
    if (dir !== undefined) timeLargest(`${dir.replace(/[^/]+\/?$/, '')}${relative}`);
  }
  return failures.length;
}

/** Median of several runs: parseTree alone, then reading and evaluating the model after it. */
function timeLargest(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const parse: number[] = [];
  const model: number[] = [];
  for (let i = 0; i < 5; i++) {
    const p0 = performance.now();
    parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
    parse.push(performance.now() - p0);
    const m0 = performance.now();
    const template = readArmTemplate(file, text);
    if (template !== undefined) evaluateArmTemplate(template);
    model.push(performance.now() - m0);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const p = median(parse);
  const m = median(model);
  const modelOnly = m - p;
  console.log(
    `arm: ${file} (${(text.length / 1024 / 1024).toFixed(1)} MB): parseTree ${p.toFixed(0)} ms, parse+read+evaluate ${m.toFixed(0)} ms, ` +
      `model building beyond the parse ${modelOnly.toFixed(0)} ms = ${(modelOnly / p).toFixed(2)}x parseTree`,
  );
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  run(dirs.length > 0 ? dirs : ['/work/corpora/bicep-registry-modules', '/work/corpora/azure-quickstart-templates']).then(
    (exceptions) => process.exit(exceptions === 0 ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
}
