import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  CodeActionKind,
  type Diagnostic,
  type InitializeParams,
  type ProgressToken,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyseFile } from './analysis';
import { applyRuleLevels } from './config/config';
import { WorkspaceConfigs } from './config/workspaceConfigs';
import { documentKindOf } from './syntax/documentKind';
import { LineMap } from './syntax/lineMap';
import { Debouncer } from './protocol/debouncer';
import { hoverForDiagnostics } from './protocol/hover';
import { mergeHovers, policyCompletions, policyDefinition, policyHover } from './protocol/policyEditing';
import { templateModelsUnder } from './workspace/templateModels';
import { diskReader, type CachingWorkspaceReader } from './workspace/workspaceReader';
import { fileUri, toDiagnostic } from './protocol/toLsp';
import { packagedDocs } from './protocol/ruleLinks';
import { checkWorkspace, checkWorkspaceRequest } from './protocol/workspaceCheck';
import { WorkspaceIndexing } from './protocol/workspaceIndexing';

const configInForceRequest = 'hipaaNotify/configInForce';
import { CodeActions, fixAllKind, showDocumentationCommand } from './protocol/codeActions';
import { registerCoverageRequests } from './protocol/coverageRequests';
import { boundHeapGrowth } from './heapGrowth';

interface ServerOptions {
  /** Base URL of the rule pages (the client passes its packaged docs folder). */
  docsBaseUrl?: string;
  /** hipaaNotify.configFile: a config path relative to the workspace folder. */
  configFile?: string;
  debounceMs?: number;
  /** hipaaNotify.run: analyse as you type (default) or when a file is saved. */
  run?: 'onType' | 'onSave';
}

declare const HIPAA_NOTIFY_VERSION: string | undefined;
const version = typeof HIPAA_NOTIFY_VERSION === 'string' ? HIPAA_NOTIFY_VERSION : '0.0.0-dev';

boundHeapGrowth();

// ProposedFeatures.all picks the transport from argv: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const published = new Map<string, Diagnostic[]>();
let options: ServerOptions = {};
let debouncer = new Debouncer(120);
let configs = new WorkspaceConfigs([]);
let canWatchFiles = false;
let indexing: WorkspaceIndexing | undefined;
let workspaceFolders: string[] = [];
let clientCapabilities: InitializeParams['capabilities'] = {};
const codeActions = new CodeActions({
  document: (uri) => documents.get(uri),
  workspaceFolderOf: (file) => configs.workspaceFolderOf(file),
  configFor: (file) => (configs.workspaceFolderOf(file) ? configs.forFile(file) : undefined),
  docsBase: () => options.docsBaseUrl ?? packagedDocs,
  capabilities: () => clientCapabilities,
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  options = (params.initializationOptions ?? {}) as ServerOptions;
  debouncer = new Debouncer(options.debounceMs ?? 120);
  const folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (folders.length === 0 && params.rootUri) folders.push(URI.parse(params.rootUri).fsPath);
  configs = new WorkspaceConfigs(folders, options.configFile || undefined);
  workspaceFolders = folders;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  connection.console.info(`hipaa-notify ${version} language server started (Node ${process.versions.node}); workspace folders: ${folders.join(', ') || 'none'}; analysing ${options.run === 'onSave' ? 'on save' : 'as you type'}`);
  // Once a folder is indexed, open files get the workspace rules too.
  indexing = new WorkspaceIndexing(
    connection,
    params.capabilities.window?.workDoneProgress === true,
    () => {
      for (const document of documents.all()) schedule(document.uri);
    },
    () => debouncer.pending > 0,
  );
  clientCapabilities = params.capabilities;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-', '"'] },
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: true },
      executeCommandProvider: { commands: [showDocumentationCommand] },
    },
    serverInfo: { name: 'hipaa-notify', version },
  };
});

connection.onInitialized(() => {
  for (const folder of workspaceFolders) void indexing?.start(folder, readerOf(folder), configs.forFile(path.join(folder, 'hipaa-notify.json'))?.config.timeZone);
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/hipaa-notify.json' }, { globPattern: '**/*.{bicep,bicepparam,json,jsonc,yaml,yml}' }],
    });
  }
});

const readers = new Map<string, CachingWorkspaceReader>();

/** One reader per workspace folder, kept across edits; open buffers win over disk. */
function readerOf(folder: string): CachingWorkspaceReader {
  let reader = readers.get(folder);
  if (!reader) {
    reader = diskReader(folder, openText, { tracksChanges: true });
    readers.set(folder, reader);
  }
  return reader;
}

connection.onDidChangeWatchedFiles(({ changes }) => {
  configs.invalidate();
  for (const change of changes) {
    const file = filePathOf(change.uri);
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    for (const reader of readers.values()) reader.fileEvent(file, kind);
  }
  for (const document of documents.all()) schedule(document.uri);
});

function filePathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

const fileUris = new Map<string, string>();

function openText(file: string): string | undefined {
  // Readers ask for every workspace file on each analysis: keep the URI of each path.
  let uri = fileUris.get(file);
  if (uri === undefined) fileUris.set(file, (uri = URI.file(file).toString()));
  return documents.get(uri)?.getText();
}

function isPolicyDocument(document: TextDocument): boolean {
  return documentKindOf(URI.parse(document.uri).path, '', document.languageId) === 'policy';
}

/** Lets a new workspace's index finish first when it is nearly done, so the first answer is complete when that is cheap. */
const firstAnswerWaitMs = 400;

async function publish(document: TextDocument): Promise<void> {
  const filePath = filePathOf(document.uri);
  const indexedFolder = filePath ? configs.workspaceFolderOf(filePath) : undefined;
  if (indexedFolder && indexing && !indexing.isReady(indexedFolder)) {
    await indexing.whenReady(indexedFolder, firstAnswerWaitMs);
    if (documents.get(document.uri)?.version !== document.version) return;
  }
  const diagnostics = diagnosticsOf(document);
  if (diagnostics === undefined) return;
  // A newer edit may have arrived while analysing; its own run will publish.
  if (documents.get(document.uri)?.version !== document.version) return;
  published.set(document.uri, diagnostics);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

/** What the editor shows for a document; undefined when the analysis failed (logged). */
function diagnosticsOf(document: TextDocument): Diagnostic[] | undefined {
  const filePath = filePathOf(document.uri);
  const text = document.getText();
  const kind = documentKindOf(filePath ?? URI.parse(document.uri).path, text, document.languageId);
  const lines = new LineMap(text);
  const docsBase = options.docsBaseUrl ?? packagedDocs;
  const lineMapOf = (file: string) => {
    const other = documents.get(file) ?? documents.get(fileUri(file));
    return other ? new LineMap(other.getText()) : undefined;
  };
  let diagnostics: Diagnostic[];
  const started = performance.now();
  try {
    const located = filePath ? configs.forFile(filePath) : undefined;
    logConfigInForce(located?.file);
    const ignored = filePath !== undefined && configs.isIgnored(filePath);
    const file = filePath ?? document.uri;
    const folder = filePath ? configs.workspaceFolderOf(filePath) : undefined;
    const workspaceRules = folder !== undefined && (indexing?.isReady(folder) ?? true);
    const context = folder ? { workspaceRoot: folder, openText, reader: readerOf(folder), workspaceRules, ...(located?.config.timeZone ? { defaultTimeZone: located.config.timeZone } : {}) } : { workspaceRoot: null };
    const findings = ignored ? [] : analyseFile({ file, text }, kind, context);
    const leveled = located ? applyRuleLevels(findings, located.config) : findings;
    codeActions.remember(document.uri, document.version, leveled);
    diagnostics = leveled.map((f) => toDiagnostic(f, lines, docsBase, lineMapOf));
  } catch (error) {
    connection.console.error(`analysis of ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  connection.console.debug(`analysed ${document.uri} (version ${document.version}) in ${Math.round(performance.now() - started)} ms: ${diagnostics.length} findings`);
  return diagnostics;
}

function schedule(uri: string): void {
  debouncer.schedule(uri, () => {
    const current = documents.get(uri);
    if (current) void publish(current);
  });
}

const configsLogged = new Set<string>();

function logConfigInForce(file: string | undefined): void {
  const key = file ?? '';
  if (configsLogged.has(key)) return;
  configsLogged.add(key);
  connection.console.info(file ? `config in force: ${file}` : 'no hipaa-notify.json found: rule defaults apply');
}

/** Readers re-check only the files they are told changed (open, edit and close of editor buffers). */
function bufferChanged(uri: string): void {
  const file = filePathOf(uri);
  if (file) for (const reader of readers.values()) reader.changed(file);
}

documents.onDidChangeContent(({ document }) => {
  bufferChanged(document.uri);
  // On save only: a document is analysed when opened, then when saved.
  if (options.run === 'onSave' && published.has(document.uri)) return;
  reanalyse(document);
});

documents.onDidSave(({ document }) => {
  if (options.run === 'onSave') reanalyse(document);
});

function reanalyse(document: TextDocument): void {
  schedule(document.uri);
  // Rules link resources across files (an alert here, its action group there) and policies are
  // checked against the templates: a template edit can change what other open files show.
  // Their models come from the cache unless they read the edited file, so this stays cheap.
  if (isPolicyDocument(document)) return;
  for (const other of documents.all()) if (other.uri !== document.uri) schedule(other.uri);
}

documents.onDidClose(({ document }) => {
  bufferChanged(document.uri);
  debouncer.cancel(document.uri);
  published.delete(document.uri);
  codeActions.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

/** The evaluated templates a policy document is checked against (its folder and below). */
function templatesForPolicy(document: TextDocument) {
  const filePath = filePathOf(document.uri);
  const root = filePath ? configs.workspaceFolderOf(filePath) : undefined;
  return filePath && root ? templateModelsUnder(path.dirname(filePath), readerOf(root)) : [];
}

connection.onHover(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  const diagnosticHover = hoverForDiagnostics(published.get(textDocument.uri) ?? [], position);
  if (!document || !isPolicyDocument(document)) return diagnosticHover;
  return mergeHovers(diagnosticHover, policyHover(URI.parse(document.uri).path, document.getText(), document.offsetAt(position)));
});

connection.onCompletion(({ textDocument, position }, token) => {
  const document = documents.get(textDocument.uri);
  // A request the client no longer wants (the user typed on) is not worth reading the workspace for.
  if (!document || !isPolicyDocument(document) || token.isCancellationRequested) return [];
  return policyCompletions(URI.parse(document.uri).path, document.getText(), document.offsetAt(position), templatesForPolicy(document));
});

connection.onDefinition(({ textDocument, position }, token) => {
  const document = documents.get(textDocument.uri);
  if (!document || !isPolicyDocument(document) || token.isCancellationRequested) return null;
  const root = configs.workspaceFolderOf(filePathOf(document.uri) ?? '');
  if (!root) return null;
  return policyDefinition(URI.parse(document.uri).path, document.getText(), document.offsetAt(position), templatesForPolicy(document), (file) => readerOf(root).readText(file));
});

connection.onRequest(checkWorkspaceRequest, (params: { workDoneToken?: ProgressToken } | undefined, token) =>
  checkWorkspace(
    {
      files: () => workspaceFolders.flatMap((folder) => readerOf(folder).filesUnder(folder)).filter((file) => !configs.isIgnored(file)),
      diagnosticsOf: (file) => {
        const uri = fileUri(file);
        const open = documents.get(uri);
        if (open) return { uri, diagnostics: published.get(uri) ?? [] };
        const text = readerOf(configs.workspaceFolderOf(file) ?? path.dirname(file)).readText(file);
        if (text === undefined) return undefined;
        const document = TextDocument.create(uri, file.endsWith('.json') ? 'json' : '', 0, text);
        return { uri, diagnostics: diagnosticsOf(document) ?? [] };
      },
      publish: (uri, diagnostics) => {
        if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics });
      },
      progress: (value) => {
        if (params?.workDoneToken !== undefined) void connection.sendProgress(WorkDoneProgress.type, params.workDoneToken, value);
      },
    },
    token,
  ),
);

connection.onRequest(configInForceRequest, ({ uri }: { uri: string }) => {
  const file = filePathOf(uri);
  return { configFile: file ? (configs.forFile(file).file ?? null) : null };
});

connection.onCodeAction((params) => codeActions.actions(params));
connection.onCodeActionResolve((action) => codeActions.resolve(action));
connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command === showDocumentationCommand && typeof args?.[0] === 'string') await connection.window.showDocument({ uri: args[0], external: !args[0].startsWith('file:') });
});

registerCoverageRequests(connection, { readerOf, docsBase: () => options.docsBaseUrl ?? packagedDocs });

documents.listen(connection);
connection.listen();
