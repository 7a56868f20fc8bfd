import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseBicep } from '../../../../server/src/syntax/bicep/index';

/** From out/test/unit/syntax/bicep (compiled) or test/unit/syntax/bicep (source) to test/baselines/bicep. */
export const baselineDir = join(__dirname, '..', '..', '..', '..', '..', 'test', 'baselines', 'bicep');

const diagnosticsSuffix = /\.diagnostics\.(bicep|bicepparam)$/;

/** Baseline sources: every .bicep/.bicepparam in the folder that is not itself a diagnostics file. */
export function baselineSources(): string[] {
  return readdirSync(baselineDir)
    .filter((name) => /\.(bicep|bicepparam)$/.test(name) && !diagnosticsSuffix.test(name))
    .sort();
}

export function diagnosticsName(source: string): string {
  return source.replace(/\.(bicep|bicepparam)$/, '.diagnostics.$1');
}

/**
 * The source with each syntax problem written under the line it starts on, as Azure/bicep's
 * main.diagnostics.bicep baselines do: `//@[start:end) [HN001 (Error)] message |text|`, with
 * columns counted from the start of that line.
 */
export function renderDiagnostics(text: string, kind: 'bicep' | 'bicepparam'): string {
  const file = parseBicep(text, { kind });
  const lines = text.split(/\r\n|\r|\n/);
  const width = String(Math.max(...lines.map((l) => l.length), 10)).length;
  const byLine = new Map<number, string[]>();
  for (const problem of file.problems) {
    const at = file.lineMap.positionAt(problem.offset);
    const start = at.character;
    const end = start + problem.length;
    const quoted = text.slice(problem.offset, problem.offset + problem.length).replace(/\r?\n/g, '\\n');
    const note = `//@[${String(start).padStart(width, '0')}:${String(end).padStart(width, '0')}) [HN001 (Error)] ${problem.message} |${quoted}|`;
    const list = byLine.get(at.line) ?? [];
    list.push(note);
    byLine.set(at.line, list);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const note of byLine.get(i) ?? []) out.push(note);
  });
  return out.join('\n');
}
