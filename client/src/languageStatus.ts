import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { analysedDocuments } from './documentSelector';

const selector: vscode.DocumentSelector = analysedDocuments as vscode.DocumentSelector;

const source = 'hipaa-notify';

function counts(diagnostics: readonly vscode.Diagnostic[]): string {
  const ours = diagnostics.filter((d) => d.source === source);
  const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${ours.length - errors - warnings} info`;
}

/**
 * The `{}` item beside the language mode on Bicep, ARM and policy files: this file's and the
 * workspace's findings, the config in force, and links to the rule catalog and settings.
 */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): { findings: vscode.LanguageStatusItem; config: vscode.LanguageStatusItem } {
  const item = vscode.languages.createLanguageStatusItem('hipaaNotify.status', selector);
  item.name = 'HIPAA Notify findings';
  item.command = { title: 'Rule catalog', command: 'hipaaNotify.openRuleCatalog' };
  const configItem = vscode.languages.createLanguageStatusItem('hipaaNotify.config', selector);
  configItem.name = 'HIPAA Notify configuration';
  configItem.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['hipaaNotify'] };
  let configFor = new Map<string, string>();
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const here = editor ? vscode.languages.getDiagnostics(editor.document.uri) : [];
    const everywhere = vscode.languages.getDiagnostics().flatMap(([, list]) => list);
    item.text = `HIPAA: ${counts(here)}`;
    const uri = editor?.document.uri.toString();
    let config = uri ? configFor.get(uri) : undefined;
    const running = client();
    if (uri && config === undefined && running?.isRunning()) {
      try {
        const answer = await running.sendRequest<{ configFile: string | null }>('hipaaNotify/configInForce', { uri });
        config = answer.configFile ? vscode.workspace.asRelativePath(answer.configFile) : 'none (rule defaults)';
        configFor.set(uri, config);
      } catch {
        config = undefined;
      }
    }
    item.detail = `this file · workspace: ${counts(everywhere)}`;
    configItem.text = `HIPAA config: ${config ?? 'unknown'}`;
    item.severity = here.some((d) => d.source === source && d.severity === vscode.DiagnosticSeverity.Error) ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  context.subscriptions.push(
    item,
    configItem,
    vscode.languages.onDidChangeDiagnostics(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.fileName.endsWith('hipaa-notify.json')) configFor = new Map();
    }),
    vscode.workspace.onDidCreateFiles(() => (configFor = new Map())),
  );
  void update();
  return { findings: item, config: configItem };
}
