import { performance } from 'node:perf_hooks';
import type { Connection } from 'vscode-languageserver/node';
import { templateModelOf, templateModelsUnder } from '../workspace/templateModels';
import { policyAuditWorkspaces, workspaceIndexOf } from '../workspace/workspaceFindings';
import type { WorkspaceReader } from '../workspace/workspaceReader';

const templateFile = /\.(bicep|bicepparam|json|jsonc)$/i;
/** Longest stretch of indexing between two turns of the message loop. */
const sliceMs = 20;

const smallWorkspace = 100;
/** A first answer waits for an index this size to finish (well under a second); past it, it comes at once without the workspace rules. */
const quickIndex = 500;
/** How often a paused indexing looks whether the editor's analyses are done. */
const busyPollMs = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const shortly = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Builds each workspace folder's index in the background, in slices that let the message loop
 * answer edits in between, and reports it as `window/workDoneProgress`. Until a folder is
 * indexed its files are analysed on their own (`workspaceRules: false`); when it is, `onReady`
 * re-publishes them with the workspace rules.
 */
export class WorkspaceIndexing {
  private readonly ready = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly templateCounts = new Map<string, number>();

  /** `busy`: analyses the editor waits for are due; indexing steps aside until they are done. */
  constructor(
    private readonly connection: Connection,
    private readonly canReportProgress: boolean,
    private readonly onReady: (folder: string) => void,
    private readonly busy: () => boolean = () => false,
  ) {}

  isReady(folder: string): boolean {
    return this.ready.has(folder);
  }

  /** Starts indexing a folder once; later calls return the same run. */
  start(folder: string, reader: WorkspaceReader, defaultTimeZone: string | undefined): Promise<void> {
    let run = this.running.get(folder);
    if (!run) {
      run = this.build(folder, reader, defaultTimeZone).catch((error: unknown) => {
        this.connection.console.error(`indexing ${folder} failed: ${error instanceof Error ? error.message : String(error)}`);
      }).finally(() => {
        this.ready.add(folder);
        this.onReady(folder);
      });
      this.running.set(folder, run);
    }
    return run;
  }

  /** Resolves when the folder is indexed, or after `limitMs`, whichever comes first. */
  async whenReady(folder: string, limitMs: number): Promise<void> {
    const run = this.running.get(folder);
    if (!run || this.ready.has(folder) || (this.templateCounts.get(folder) ?? 0) > quickIndex) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run, new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)))]);
    clearTimeout(timer);
  }

  private async build(folder: string, reader: WorkspaceReader, defaultTimeZone: string | undefined): Promise<void> {
    const files = reader.filesUnder(folder).filter((file) => templateFile.test(file));
    this.templateCounts.set(folder, files.length);
    // A small workspace is indexed at once (well under a second), so its first answer is complete.
    const small = files.length <= smallWorkspace;
    // Otherwise let the editor's first messages (the open file) arrive before the first slice: two
    // turns of the loop read its input at least once.
    if (!small) {
      await nextTurn();
      await nextTurn();
    }
    const progress = this.canReportProgress && !small ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('HIPAA Notify: indexing the workspace', 0, undefined, false);
    let sliceStart = performance.now();
    const pause = async (percentage: number, message: string) => {
      if (small || (performance.now() - sliceStart < sliceMs && !this.busy())) return;
      progress?.report(Math.min(99, Math.round(percentage)), message);
      await nextTurn();
      // The open files' analyses go first: one file of the index can take half a second.
      while (this.busy()) await shortly(busyPollMs);
      sliceStart = performance.now();
    };
    await pause(0, `0/${files.length} files read`);
    for (let i = 0; i < files.length; i++) {
      const text = reader.readText(files[i]);
      if (text !== undefined) templateModelOf(files[i], text, reader);
      await pause((i / files.length) * 50, `${i + 1}/${files.length} files read`);
    }
    const models = templateModelsUnder(reader.root, reader);
    const index = workspaceIndexOf(reader, defaultTimeZone, policyAuditWorkspaces(reader));
    for (let i = 0; i < models.length; i++) {
      index.add(models[i]);
      await pause(50 + (i / models.length) * 20, `${i + 1}/${models.length} deployments linked`);
    }
    index.sync(models);
    const total = index.pending;
    while (index.computeSome(16) > 0) await pause(70 + ((total - index.pending) / Math.max(1, total)) * 30, `${total - index.pending}/${total} deployments checked`);
    progress?.done();
  }
}
