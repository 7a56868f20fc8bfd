import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseBicep } from '../../server/src/syntax/bicep/index';

const listScript = '/work/shared/corpora/list.sh';

interface FileResult {
  readonly path: string;
  readonly bytes: number;
  readonly ms: number;
  readonly errors: number;
  readonly exception: string | undefined;
  readonly firstError: string | undefined;
}

/** Files to parse: the shared list script when present, else a plain walk of the directory. */
function listFiles(dir: string): string[] {
  try {
    const out = execFileSync('bash', [listScript, '--bicep-only', '--no-derived', '--with-bicepparam', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
    return out.split('\n').filter((line) => line.length > 0);
  } catch {
    const out = execFileSync('find', [dir, '-type', 'f', '(', '-name', '*.bicep', '-o', '-name', '*.bicepparam', ')'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return out.split('\n').filter((line) => line.length > 0).sort();
  }
}

function parseOne(path: string): FileResult {
  const text = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text);
  const kind = path.endsWith('.bicepparam') ? 'bicepparam' : 'bicep';
  const start = performance.now();
  try {
    const file = parseBicep(text, { kind });
    const ms = performance.now() - start;
    const first = file.problems[0];
    const firstError = first
      ? `${file.lineMap.positionAt(first.offset).line + 1}:${file.lineMap.positionAt(first.offset).character + 1} ${first.message}`
      : undefined;
    return { path, bytes, ms, errors: file.problems.length, exception: undefined, firstError };
  } catch (error) {
    return { path, bytes, ms: performance.now() - start, errors: 0, exception: String((error as Error)?.stack ?? error), firstError: undefined };
  }
}

/** Parse time of all files again, texts read beforehand: the steady-state figure a language server sees. */
function warmThroughput(paths: string[]): number {
  const texts = paths.map((path) => ({ text: readFileSync(path, 'utf8'), kind: path.endsWith('.bicepparam') ? ('bicepparam' as const) : ('bicep' as const) }));
  let best = Infinity;
  // the fastest of three passes: the JIT has settled and a busy machine's pauses are less likely to count
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    for (const { text, kind } of texts) {
      try {
        parseBicep(text, { kind });
      } catch {
        // counted in the first pass
      }
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Parses every .bicep/.bicepparam under each directory; prints files, errors, exceptions, MB/s, slowest files. */
export function runBicepConformance(dirs: string[]): number {
  const verbose = process.env.CONFORMANCE_VERBOSE === '1';
  let failed = false;
  for (const dir of dirs) {
    const results = listFiles(dir).map(parseOne);
    const withErrors = results.filter((r) => r.errors > 0);
    const exceptions = results.filter((r) => r.exception !== undefined);
    const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
    const ms = results.reduce((sum, r) => sum + r.ms, 0);
    console.log(`${dir}`);
    console.log(`  files: ${results.length}  with syntax errors: ${withErrors.length} (${withErrors.reduce((s, r) => s + r.errors, 0)} errors)  exceptions: ${exceptions.length}`);
    console.log(`  first pass (includes JIT warm-up): ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms: ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
    const warm = warmThroughput(results.map((r) => r.path));
    console.log(`  warm (best of 3 passes): ${(bytes / 1e6).toFixed(1)} MB in ${warm.toFixed(0)} ms: ${(bytes / 1e6 / (warm / 1000)).toFixed(1)} MB/s`);
    const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log('  slowest: ' + slowest.map((r) => `${r.path.slice(dir.length + 1)} ${r.ms.toFixed(1)} ms`).join(', '));
    for (const r of withErrors.slice(0, verbose ? Infinity : 30)) console.log(`  error: ${r.path}:${r.firstError} (${r.errors})`);
    for (const r of exceptions.slice(0, 10)) console.log(`  exception: ${r.path}\n${r.exception}`);
    if (exceptions.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}
