import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBicep } from '../../server/src/syntax/bicep/index';

/**
 * Bicep diagnostic codes raised only by Bicep's lexer and parser (src/Bicep.Core/Parsing), read
 * from its DiagnosticBuilder: the codes whose builder methods are called from Parsing/*.cs and
 * nowhere else. Semantic codes also raised there (BCP010, BCP015, BCP032, BCP201, BCP404) are left out.
 */
export const bicepParseCodes: ReadonlySet<string> = new Set([
  'BCP001', 'BCP002', 'BCP003', 'BCP004', 'BCP005', 'BCP006', 'BCP007', 'BCP008', 'BCP009', 'BCP011',
  'BCP012', 'BCP013', 'BCP016', 'BCP017', 'BCP018', 'BCP019', 'BCP020', 'BCP021', 'BCP022', 'BCP023',
  'BCP024', 'BCP064', 'BCP068', 'BCP087', 'BCP096', 'BCP097', 'BCP103', 'BCP117', 'BCP118', 'BCP123',
  'BCP133', 'BCP136', 'BCP140', 'BCP162', 'BCP167', 'BCP202', 'BCP226', 'BCP236', 'BCP237', 'BCP238',
  'BCP243', 'BCP257', 'BCP266', 'BCP279', 'BCP300', 'BCP305', 'BCP317', 'BCP325', 'BCP344', 'BCP346',
  'BCP347', 'BCP354', 'BCP355', 'BCP356', 'BCP436',
]);

const annotation = /^\/\/@\[(\d+):(\d+)\) \[(BCP\d+) \((Error|Warning|Info)\)\] (.*)$/;

/** Lines (0-based, of main.bicep) where Bicep reports a parse code, from main.diagnostics.bicep. */
function expectedParseLines(diagnosticsText: string): Map<number, string> {
  const lines = new Map<number, string>();
  let sourceLine = -1;
  for (const line of diagnosticsText.split(/\r?\n/)) {
    const match = annotation.exec(line);
    if (line.startsWith('//@[')) {
      if (match && bicepParseCodes.has(match[3]) && !lines.has(sourceLine)) lines.set(sourceLine, `${match[3]} ${match[5].replace(/ \(bicep https.*$/, '')}`);
      continue;
    }
    sourceLine++;
  }
  return lines;
}

/**
 * Over Azure/bicep's sample baselines: valid samples must parse without errors; in Invalid*
 * samples every line where Bicep reports a parse error should get an error from us.
 */
export function runBicepBaselines(dirs: string[]): number {
  const verbose = process.env.CONFORMANCE_VERBOSE === '1';
  let exceptions = 0;
  let validFiles = 0;
  let validWithErrors = 0;
  let expectedLines = 0;
  let coveredLines = 0;
  let extraLines = 0;
  const misses: string[] = [];
  for (const root of dirs) {
    for (const name of readdirSync(root).sort()) {
      for (const [base, ext] of [['main', 'bicep'], ['main', 'bicepparam'], ['parameters', 'bicepparam']]) {
        const source = join(root, name, `${base}.${ext}`);
        if (!existsSync(source)) continue;
        const text = readFileSync(source, 'utf8');
        let file;
        try {
          file = parseBicep(text, { kind: ext === 'bicep' ? 'bicep' : 'bicepparam' });
        } catch (error) {
          exceptions++;
          console.log(`exception: ${source}\n${(error as Error).stack}`);
          continue;
        }
        const ourLines = new Set(file.problems.map((p) => file.lineMap.positionAt(p.offset).line));
        const diagnostics = join(root, name, `${base}.diagnostics.${ext}`);
        if (!name.startsWith('Invalid')) {
          validFiles++;
          if (file.problems.length > 0) {
            validWithErrors++;
            const p = file.problems[0];
            const at = file.lineMap.positionAt(p.offset);
            console.log(`valid sample with errors: ${source}:${at.line + 1}:${at.character + 1} ${p.message} (${file.problems.length})`);
          }
          continue;
        }
        if (!existsSync(diagnostics)) continue;
        const expected = expectedParseLines(readFileSync(diagnostics, 'utf8'));
        let covered = 0;
        for (const [line, what] of expected) {
          if (ourLines.has(line)) covered++;
          else misses.push(`${source}:${line + 1}: ${what}`);
        }
        const extra = [...ourLines].filter((line) => !expected.has(line)).length;
        expectedLines += expected.size;
        coveredLines += covered;
        extraLines += extra;
        console.log(`${name}/${base}.${ext}: ${covered}/${expected.size} parse-error lines covered, ${extra} other lines with our errors`);
      }
    }
  }
  console.log(`valid samples: ${validFiles}, with syntax errors: ${validWithErrors}`);
  console.log(`Invalid* parse-error lines covered: ${coveredLines}/${expectedLines} (${((100 * coveredLines) / Math.max(1, expectedLines)).toFixed(1)}%); lines with only our errors: ${extraLines}; exceptions: ${exceptions}`);
  for (const miss of misses.slice(0, verbose ? Infinity : 40)) console.log(`  missed ${miss}`);
  return exceptions > 0 ? 1 : 0;
}
