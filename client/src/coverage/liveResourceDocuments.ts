import * as vscode from 'vscode';
import { coverageResourceMethod, type CoverageResourceResult } from '../../../server/src/protocol/coverageProtocol';
import type { LanguageClient } from 'vscode-languageclient/node';

export const liveResourceScheme = 'hipaa-notify-live';

const severities = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function liveResourceUri(resourceId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: liveResourceScheme, path: `${resourceId}.json` });
}

/**
 * Live resources as read-only JSON documents (as read, secrets redacted), with the findings the
 * server placed on them as diagnostics.
 */
export class LiveResourceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('hipaa-notify-live');
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;
  private readonly answers = new Map<string, CoverageResourceResult>();

  constructor(private readonly clientOf: () => LanguageClient | undefined) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(liveResourceScheme, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const resourceId = uri.path.replace(/\.json$/, '');
    const client = this.clientOf();
    if (!client) return '// The HIPAA Notify language server is not running.';
    const answer = await client.sendRequest<CoverageResourceResult>(coverageResourceMethod, { resourceId });
    this.answers.set(uri.toString(), answer);
    return answer.text;
  }

  /** Opens the resource and shows its findings; the selection lands on `findingKey` when given. */
  async open(resourceId: string, findingKey?: string): Promise<vscode.TextEditor> {
    const uri = liveResourceUri(resourceId);
    // A refresh may have changed the resource since it was last opened.
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const answer = this.answers.get(uri.toString());
    const diagnostics = (answer?.findings ?? []).map((finding) => {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)), finding.message, severities[finding.level]);
      diagnostic.source = 'hipaa-notify';
      diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(finding.docUrl) };
      return { diagnostic, key: finding.key };
    });
    this.diagnostics.set(uri, diagnostics.map((d) => d.diagnostic));
    const selected = diagnostics.find((d) => d.key === findingKey)?.diagnostic.range;
    return vscode.window.showTextDocument(document, { preview: true, ...(selected ? { selection: selected } : {}) });
  }

  clear(): void {
    this.diagnostics.clear();
  }

  dispose(): void {
    this.registration.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
