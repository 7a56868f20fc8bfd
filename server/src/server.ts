import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyseFile } from './analysis';
import { applyRuleLevels } from './config/config';
import { WorkspaceConfigs } from './config/workspaceConfigs';
import { defaultDocsBase } from './rules/catalog';
import { documentKindOf } from './syntax/documentKind';
import { LineMap } from './syntax/lineMap';
import { Debouncer } from './protocol/debouncer';
import { hoverForDiagnostics } from './protocol/hover';
import { mergeHovers, policyCompletions, policyDefinition, policyHover } from './protocol/policyEditing';
import { templateModelsUnder } from './workspace/templateModels';
import { diskReader, type CachingWorkspaceReader } from './workspace/workspaceReader';
import { fileUri, toDiagnostic } from './protocol/toLsp';
import { WorkspaceIndexing } from './protocol/workspaceIndexing';

interface ServerOptions {
  /** Base URL of the rule pages (the client passes its packaged docs folder). */
  docsBaseUrl?: string;
  /** hipaaNotify.configFile: a config path relative to the workspace folder. */
  configFile?: string;
  debounceMs?: number;
}

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

connection.onInitialize((params: InitializeParams): InitializeResult => {
  options = (params.initializationOptions ?? {}) as ServerOptions;
  debouncer = new Debouncer(options.debounceMs ?? 120);
  const folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (folders.length === 0 && params.rootUri) folders.push(URI.parse(params.rootUri).fsPath);
  configs = new WorkspaceConfigs(folders, options.configFile || undefined);
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFolders = folders;
  // Once a folder is indexed, open files get the workspace rules too.
  indexing = new WorkspaceIndexing(connection, params.capabilities.window?.workDoneProgress === true, () => {
    for (const document of documents.all()) schedule(document.uri);
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-', '"'] },
      definitionProvider: true,
    },
    serverInfo: { name: 'hipaa-notify', version: '0.1.0' },
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
    for (const reader of readers.values()) reader.forget(change.type === FileChangeType.Changed ? file : undefined);
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
  const text = document.getText();
  const kind = documentKindOf(filePath ?? URI.parse(document.uri).path, text, document.languageId);
  const lines = new LineMap(text);
  const docsBase = options.docsBaseUrl ?? defaultDocsBase;
  const lineMapOf = (file: string) => {
    const other = documents.get(file) ?? documents.get(fileUri(file));
    return other ? new LineMap(other.getText()) : undefined;
  };
  let diagnostics: Diagnostic[];
  try {
    const located = filePath ? configs.forFile(filePath) : undefined;
    const ignored = filePath !== undefined && configs.isIgnored(filePath);
    const file = filePath ?? document.uri;
    const folder = filePath ? configs.workspaceFolderOf(filePath) : undefined;
    const workspaceRules = folder !== undefined && (indexing?.isReady(folder) ?? true);
    const context = folder ? { workspaceRoot: folder, openText, reader: readerOf(folder), workspaceRules, ...(located?.config.timeZone ? { defaultTimeZone: located.config.timeZone } : {}) } : { workspaceRoot: null };
    const findings = ignored ? [] : analyseFile({ file, text }, kind, context);
    diagnostics = (located ? applyRuleLevels(findings, located.config) : findings).map((f) => toDiagnostic(f, lines, docsBase, lineMapOf));
  } catch (error) {
    connection.console.error(`analysis of ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  // A newer edit may have arrived while analysing; its own run will publish.
  if (documents.get(document.uri)?.version !== document.version) return;
  published.set(document.uri, diagnostics);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function schedule(uri: string): void {
  debouncer.schedule(uri, () => {
    const current = documents.get(uri);
    if (current) void publish(current);
  });
}

/** Readers re-check only the files they are told changed (open, edit and close of editor buffers). */
function bufferChanged(uri: string): void {
  const file = filePathOf(uri);
  if (file) for (const reader of readers.values()) reader.changed(file);
}

documents.onDidChangeContent(({ document }) => {
  bufferChanged(document.uri);
  schedule(document.uri);
  // Rules link resources across files (an alert here, its action group there) and policies are
  // checked against the templates: a template edit can change what other open files show.
  // Their models come from the cache unless they read the edited file, so this stays cheap.
  if (isPolicyDocument(document)) return;
  for (const other of documents.all()) if (other.uri !== document.uri) schedule(other.uri);
});

documents.onDidClose(({ document }) => {
  bufferChanged(document.uri);
  debouncer.cancel(document.uri);
  published.delete(document.uri);
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

documents.listen(connection);
connection.listen();
