import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCoverageView } from './coverage/coverageView';

const selector: DocumentSelector = [
  { language: 'bicep' },
  { language: 'bicepparam' },
  // ARM templates and parameter files are any JSON; the server recognises them by $schema.
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml', pattern: '**/*.hipaa-notify.{yaml,yml}' },
];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let coverage: ReturnType<typeof registerCoverageView> | undefined;

/** What the extension offers other extensions: the Coverage view's tree (cloud > subscription > control > resource > finding). */
export interface HipaaNotifyApi {
  readonly coverage: Pick<ReturnType<typeof registerCoverageView>, 'tree' | 'view'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HipaaNotifyApi> {
  output = vscode.window.createOutputChannel('HIPAA Notify', { log: true });
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
  return { coverage: { tree: view.tree, view: view.view } };
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
      docsBaseUrl: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
      configFile: settings.get<string>('configFile', ''),
    },
  };
  client = new LanguageClient('hipaaNotify', 'HIPAA Notify', serverOptions, clientOptions);
  if (coverage) context.subscriptions.push(coverage.attach(client));
  await client.start();
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
