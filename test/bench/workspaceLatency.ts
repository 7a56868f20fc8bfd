import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../protocol/lspClient';
import { generateWorkspace } from './generateWorkspace';

/**
 * The language server on whole workspaces, as a user meets it: open one template of a generated
 * platform monorepo (or of a public corpus), wait for its first diagnostics and for the workspace
 * index, then append a newline per keystroke and wait for the diagnostics of that version. The
 * server's own debounce (120 ms) is included, as a user feels it. Prints one table row per
 * workspace. BENCH_EDITS sets the keystrokes per workspace; HIPAA_NOTIFY_SERVER another build.
 */
export interface WorkspaceLatency {
  readonly workspace: string;
  readonly files: number;
  readonly firstMs: number;
  /** Until the server reported the end of its indexing progress (absent when it reports none). */
  readonly indexedMs: number | undefined;
  readonly p50: number;
  readonly p95: number;
  readonly rssMb: number;
  readonly peakMb: number;
}

const generatedSizes = [50, 500, 2_000, 5_000];
const corpora = ['/work/corpora/bmoore-msft+azure-quickstart-templates', '/work/corpora/Azure+bicep-registry-modules', '/work/corpora/Azure+bicep'];
const templateFile = /\.(bicep|bicepparam|json|jsonc|ya?ml)$/i;

export async function measureWorkspace(label: string, root: string, target: string, files: number, edits: number): Promise<WorkspaceLatency> {
  const uri = pathToFileURL(target).href;
  const languageId = target.endsWith('.bicep') ? 'bicep' : target.endsWith('.bicepparam') ? 'bicepparam' : target.endsWith('.json') ? 'json' : 'yaml';
  let text = fs.readFileSync(target, 'utf8');
  const started = performance.now();
  const { client } = await LspTestClient.start({}, pathToFileURL(root).href);
  try {
    const opened = performance.now();
    const first = client.diagnostics(uri, () => true, 600_000);
    await client.open(uri, languageId, text, 1);
    await first;
    const firstMs = performance.now() - opened;
    const indexed = await Promise.race([client.progressSeen((v) => v.kind === 'end').then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(client.progress.length > 0), firstMs + 2_000))]);
    if (indexed) await client.progressSeen((v) => v.kind === 'end');
    const indexedMs = indexed ? performance.now() - started : undefined;
    const times: number[] = [];
    for (let version = 2; version < edits + 2; version++) {
      const line = text.split('\n').length - 1;
      const column = text.length - text.lastIndexOf('\n') - 1;
      text += '\n';
      const published = client.diagnostics(uri, (p) => p.version === version, 600_000);
      const sent = performance.now();
      await client.change(uri, version, [{ range: { start: { line, character: column }, end: { line, character: column } }, text: '\n' }]);
      await published;
      times.push(performance.now() - sent);
    }
    const memory = serverMemory(client.pid);
    times.sort((a, b) => a - b);
    return { workspace: label, files, firstMs, indexedMs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), rssMb: memory.rss, peakMb: memory.peak };
  } finally {
    await client.stop();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function serverMemory(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Template and policy files of a tree (what the server indexes), sorted; the one in the middle is edited. */
function workspaceFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && templateFile.test(entry.name)) files.push(full);
    }
  }
  return files.sort();
}

function row(r: WorkspaceLatency): string {
  const s = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
  return `| ${r.workspace} | ${r.files} | ${s(r.firstMs)} | ${s(r.indexedMs)} | ${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} ms | ${r.rssMb} MB (peak ${r.peakMb}) |`;
}

export async function runWorkspaceLatency(filter: string | undefined): Promise<void> {
  const edits = Number(process.env.BENCH_EDITS ?? 20);
  console.log(`\nLSP workspace latency (${edits} keystrokes each; times include the 120 ms debounce)`);
  console.log('| workspace | files | first diagnostics | index built | keystroke -> diagnostics p50 / p95 | server RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const size of generatedSizes) {
    const label = `generated ${size}`;
    if (filter && !label.includes(filter) && filter !== 'workspace') continue;
    const root = path.join(os.tmpdir(), `hn-bench-workspace-${size}`);
    fs.rmSync(root, { recursive: true, force: true });
    const generated = generateWorkspace(root, size);
    console.log(row(await measureWorkspace(label, root, generated.editTarget, generated.files, edits)));
    fs.rmSync(root, { recursive: true, force: true });
  }
  for (const corpus of corpora) {
    const label = path.basename(corpus);
    if (!fs.existsSync(corpus) || (filter && filter !== 'workspace' && !label.includes(filter))) continue;
    const files = workspaceFiles(corpus);
    const templates = files.filter((f) => f.endsWith('.bicep'));
    const target = templates[templates.length >> 1] ?? files[files.length >> 1];
    if (!target) continue;
    console.log(row(await measureWorkspace(`${label} (edit ${path.relative(corpus, target)})`, corpus, target, files.length, edits)));
  }
}

if (require.main === module) {
  runWorkspaceLatency(process.argv[2]).catch((error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
