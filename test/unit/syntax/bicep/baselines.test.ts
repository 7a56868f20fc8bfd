import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineDir, baselineSources, diagnosticsName, renderDiagnostics } from './baselineFormat';

const sources = baselineSources();

test('there are baseline sources', () => {
  assert.ok(sources.length > 0, `no baselines in ${baselineDir}`);
});

for (const source of sources) {
  test(`baseline ${source}`, () => {
    const text = readFileSync(join(baselineDir, source), 'utf8');
    const actual = renderDiagnostics(text, source.endsWith('.bicepparam') ? 'bicepparam' : 'bicep');
    let expected = '';
    try {
      expected = readFileSync(join(baselineDir, diagnosticsName(source)), 'utf8');
    } catch {
      assert.fail(`${diagnosticsName(source)} is missing: run node out/test/unit/syntax/bicep/updateBaselines.js`);
    }
    assert.equal(actual, expected, `${source} changed: run node out/test/unit/syntax/bicep/updateBaselines.js and review the diff`);
  });
}
