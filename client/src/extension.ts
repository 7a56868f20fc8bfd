import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { analysedDocuments } from './documentSelector';
import { registerLanguageStatus } from './languageStatus';
import { openRuleCommand, registerRuleDocs, ruleLinkTemplate } from './ruleDocs';
import { registerWalkthroughProgress } from './walkthrough';
import { registerWorkspaceCommands } from './workspaceCommands';
import { registerCoverageView } from './coverage/coverageView';

const selector = analysedDocuments;

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let coverage: ReturnType<typeof registerCoverageView> | undefined;

/** What the extension shows, for other extensions and for reading the status without the UI. */
export interface HipaaNotifyApi {
  languageStatus(): { findings: { text: string; detail?: string }; config: { text: string } };
  /** The Coverage view's tree (cloud > subscription > control > resource > finding) and its status bar item. */
  readonly coverage: Pick<ReturnType<typeof registerCoverageView>, 'tree' | 'view' | 'statusBar'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HipaaNotifyApi> {
  output = vscode.window.createOutputChannel('HIPAA Notify', { log: true });
  output.info(`HIPAA Notify ${String(context.extension.packageJSON.version)} in ${vscode.env.appName} ${vscode.version}`);
  registerRuleDocs(context);
  registerWorkspaceCommands(context, () => client, output);
  const status = registerLanguageStatus(context, () => client);
  registerWalkthroughProgress(context);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('hipaaNotify.restartServer', () => restart(context)),
    vscode.commands.registerCommand('hipaaNotify.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The coverage settings are read per read, without a server restart.
      if (event.affectsConfiguration('hipaaNotify') && !event.affectsConfiguration('hipaaNotify.coverage')) void restart(context);
    }),
  );
  const view = registerCoverageView(context, () => client, output);
  coverage = view;
  await start(context);
  return {
    languageStatus: () => ({ findings: { text: status.findings.text, ...(status.findings.detail ? { detail: status.findings.detail } : {}) }, config: { text: status.config.text } }),
    coverage: { tree: view.tree, view: view.view, statusBar: () => view.statusBar() },
  };
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration('hipaaNotify');
  if (!settings.get<boolean>('enable', true)) {
    output.appendLine('HIPAA Notify is disabled (hipaaNotify.enable).');
    return;
  }
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: {
      docsBaseUrl: ruleLinkTemplate,
      configFile: settings.get<string>('configFile', ''),
      run: settings.get<string>('run', 'onType'),
    },
    // Rule links in hovers are command links that render the rule page.
    markdown: { isTrusted: { enabledCommands: [openRuleCommand] } },
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.filter(shownAt(settings.get<string>('minimumLevel', 'info')))) },
  };
  client = new LanguageClient('hipaaNotify', 'HIPAA Notify', serverOptions, clientOptions);
  if (coverage) context.subscriptions.push(coverage.attach(client));
  try {
    await client.start();
    output.info(`language server started; workspace folders: ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath).join(', ') || 'none'}`);
  } catch (error) {
    output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.appendLine('Restarting the HIPAA Notify language server.');
  await stop();
  await start(context);
}

const severityRank: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** hipaaNotify.minimumLevel: findings below it are not shown in the editor (the CLI still reports them). */
function shownAt(minimumLevel: string): (diagnostic: vscode.Diagnostic) => boolean {
  const limit = severityRank[minimumLevel] ?? 2;
  return (diagnostic) => diagnostic.severity <= limit;
}
