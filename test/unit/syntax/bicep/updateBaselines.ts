/**
 * Rewrites test/baselines/bicep/*.diagnostics.bicep[param] from their sources:
 *   npx tsc -b && node out/test/unit/syntax/bicep/updateBaselines.js
 * Review the diff before committing: it is the parser's error behaviour.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineDir, baselineSources, diagnosticsName, renderDiagnostics } from './baselineFormat';

let changed = 0;
for (const source of baselineSources()) {
  const text = readFileSync(join(baselineDir, source), 'utf8');
  const rendered = renderDiagnostics(text, source.endsWith('.bicepparam') ? 'bicepparam' : 'bicep');
  const target = join(baselineDir, diagnosticsName(source));
  let previous: string | undefined;
  try {
    previous = readFileSync(target, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous !== rendered) {
    writeFileSync(target, rendered);
    changed++;
    console.log(`updated ${diagnosticsName(source)}`);
  }
}
console.log(`${changed} baseline(s) changed`);
