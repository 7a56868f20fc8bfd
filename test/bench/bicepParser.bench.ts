import { existsSync, readFileSync } from 'node:fs';
import { parseBicep } from '../../server/src/syntax/bicep/index';
import type { Bench } from './run';
import { generateLargeBicep } from './generateLargeBicep';

/** Azure/bicep's 3.9 MB stress template, measured when the corpus is on this machine (never copied here). */
const stressTemplate = process.env.HN_BICEP_STRESS ?? '/work/corpora/bicep/src/Bicep.Core.Samples/Files/baselines/LargeTemplate_Stress_LF/main.syntax.bicep';

function parserBench(name: string, text: string): Bench {
  return {
    name,
    bytes: Buffer.byteLength(text),
    run: () => {
      const file = parseBicep(text);
      if (file.problems.length > 0) throw new Error(`${name}: ${file.problems[0].message}`);
    },
  };
}

export function benches(): Bench[] {
  const list = [
    parserBench('bicep parse, generated 5,000 lines', generateLargeBicep(5_000)),
    parserBench('bicep parse, generated 50,000 lines', generateLargeBicep(50_000)),
  ];
  if (existsSync(stressTemplate)) list.push(parserBench('bicep parse, LargeTemplate_Stress_LF (corpus)', readFileSync(stressTemplate, 'utf8')));
  return list;
}
