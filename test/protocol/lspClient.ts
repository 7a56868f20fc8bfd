import type { MessageConnection } from 'vscode-jsonrpc';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  WorkDoneProgressCreateRequest,
  type ProgressToken,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';

/** The bundled server; HIPAA_NOTIFY_SERVER points the benches at another build (e.g. main's, for a before/after table). */
export const serverPath = process.env.HIPAA_NOTIFY_SERVER ?? path.resolve(__dirname, '../../../dist/server.js');

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** A real LSP client talking to dist/server.js over stdio. Waits on events, never on timers. */
export class LspTestClient {
  private readonly waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every `$/progress` value the server sent, in order. */
  readonly progress: Array<{ token: ProgressToken; value: ProgressValue }> = [];
  private readonly progressWaiters: Array<{ accept: (value: ProgressValue) => boolean; resolve: () => void }> = [];

  private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
    // Progress on tokens that a test watches itself (onProgress) goes there; the rest is recorded here.
    // A protocol connection is a message connection, whose type names this event.
    (connection as unknown as MessageConnection).onUnhandledProgress((params: { token: ProgressToken; value: ProgressValue }) => {
      this.progress.push(params);
      for (let i = this.progressWaiters.length - 1; i >= 0; i--) {
        if (this.progressWaiters[i].accept(params.value)) this.progressWaiters.splice(i, 1)[0].resolve();
      }
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i];
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
  }

  /** Process ID of the server, for memory readings. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when the server reports a progress value that satisfies `accept` (or already has). */
  progressSeen(accept: (value: ProgressValue) => boolean, limitMs = 600_000): Promise<void> {
    if (this.progress.some((p) => accept(p.value))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching progress within ${limitMs} ms`)), limitMs);
      this.progressWaiters.push({ accept, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  static async start(initializationOptions: object = { debounceMs: 10 }, rootUri: string | null = null, capabilities: ClientCapabilities = {}): Promise<{ client: LspTestClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities: { ...capabilities, window: { workDoneProgress: true, ...capabilities.window }, textDocument: { ...capabilities.textDocument, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true } } },
      initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /** The next diagnostics published for `uri` that satisfy `accept`; fails (never hangs) after `limitMs`. */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, limitMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${limitMs} ms; last: ${JSON.stringify(this.published.filter((p) => p.uri === uri).at(-1)?.diagnostics.map((d) => d.code))}`)), limitMs);
      this.waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}
