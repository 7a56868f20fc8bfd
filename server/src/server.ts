import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyseFile } from './analysis';
import { defaultDocsBase } from './rules/catalog';
import { documentKindOf } from './syntax/documentKind';
import { LineMap } from './syntax/lineMap';
import { Debouncer } from './protocol/debouncer';
import { toDiagnostic } from './protocol/toLsp';

interface ServerOptions {
  /** Base URL of the rule pages (the client passes its packaged docs folder). */
  docsBaseUrl?: string;
  debounceMs?: number;
}

// ProposedFeatures.all picks the transport from argv: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let options: ServerOptions = {};
let debouncer = new Debouncer(120);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  options = (params.initializationOptions ?? {}) as ServerOptions;
  debouncer = new Debouncer(options.debounceMs ?? 120);
  return {
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'hipaa-notify', version: '0.1.0' },
  };
});

function fileNameOf(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

function publish(document: TextDocument): void {
  const text = document.getText();
  const kind = documentKindOf(fileNameOf(document.uri), text, document.languageId);
  const lines = new LineMap(text);
  const docsBase = options.docsBaseUrl ?? defaultDocsBase;
  const lineMapOf = (file: string) => {
    const other = documents.get(file);
    return other ? new LineMap(other.getText()) : undefined;
  };
  let diagnostics;
  try {
    diagnostics = analyseFile({ file: document.uri, text }, kind).map((f) => toDiagnostic(f, lines, docsBase, lineMapOf));
  } catch (error) {
    connection.console.error(`analysis of ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  // A newer edit may have arrived while analysing; its own run will publish.
  if (documents.get(document.uri)?.version !== document.version) return;
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.onDidChangeContent(({ document }) => debouncer.schedule(document.uri, () => {
  const current = documents.get(document.uri);
  if (current) publish(current);
}));

documents.onDidClose(({ document }) => {
  debouncer.cancel(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
