import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fuzzAnalysis, inputFiles } from '../fuzz/fuzz';
import { analyseFile } from '../../server/src/analysis';

const repo = path.resolve(__dirname, '../../..');

test('300 mutated samples and fixtures (fixed seed) go through parsing, evaluation and rules without a failure or a hang', () => {
  const files = inputFiles([path.join(repo, 'samples'), path.join(repo, 'test/fixtures')]);
  assert.ok(files.length > 20);
  // Here a hang detector on a shared machine; `npm run fuzz` holds every case to 1 s of CPU time per MB.
  const report = fuzzAnalysis(files, 300, undefined, { msPerMb: 10_000, minMs: 2_000, cpu: true });
  assert.deepEqual(report.failures.map((f) => `${path.relative(repo, f.file)} #${f.caseNumber} ${f.mutation}: ${f.problem.split('\n')[0]}`), []);
});

test('a file over the size bound gets one info diagnostic instead of analysis', () => {
  const findings = analyseFile({ file: '/tmp/big.bicep', text: `param x string = '${'a'.repeat(2048)}'` }, 'bicep', { workspaceRoot: null, maxFileBytes: 1024 });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].level, 'info');
  assert.match(findings[0].message, /larger than .* MB and is not analysed/);
});
