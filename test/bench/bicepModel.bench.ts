import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateBicepFile } from '../../server/src/model/bicep/evaluateBicepFile';
import { parseBicep } from '../../server/src/syntax/bicep/index';
import type { Bench } from './run';
import { generateLargeBicep } from './generateLargeBicep';

/** The corpus Bicep file with the most modules to follow, measured when the corpus is on this machine. */
const largestModule = process.env.HN_BICEP_MODEL ?? '/work/corpora/bicep-registry-modules/avm/ptn/aca-lza/hosting-environment/main.bicep';

/** Evaluating the model from a parsed file, next to parsing alone: the two costs of every keystroke. */
function modelBenches(name: string, file: string, text: string): Bench[] {
  const root = path.dirname(file);
  const load = (other: string) => (other.startsWith(root) && existsSync(other) ? readFileSync(other, 'utf8') : undefined);
  return [
    { name: `bicep model, ${name}: parse only`, bytes: Buffer.byteLength(text), run: () => void parseBicep(text) },
    { name: `bicep model, ${name}: parse+evaluate`, bytes: Buffer.byteLength(text), run: () => void evaluateBicepFile(file, parseBicep(text), new Map(), { load }) },
  ];
}

export function benches(): Bench[] {
  const list = modelBenches('generated 5,000 lines', '/bench/main.bicep', generateLargeBicep(5_000));
  if (existsSync(largestModule)) list.push(...modelBenches('aca-lza main.bicep with its local modules (corpus)', largestModule, readFileSync(largestModule, 'utf8')));
  return list;
}
