import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';

interface WorkspaceCheckResult {
  readonly files: number;
  readonly findings: number;
  readonly errors: number;
  readonly cancelled: boolean;
}

/** Check Workspace, Create hipaa-notify.json, Create Notification Policy, Open Sample. */
export function registerWorkspaceCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('hipaaNotify.checkWorkspace', () => checkWorkspace(client(), output)),
    vscode.commands.registerCommand('hipaaNotify.createConfig', () => createConfig()),
    vscode.commands.registerCommand('hipaaNotify.createPolicy', () => createPolicy(context)),
    vscode.commands.registerCommand('hipaaNotify.openSample', () => openSample(context)),
  );
}

async function checkWorkspace(client: LanguageClient | undefined, output: vscode.LogOutputChannel): Promise<WorkspaceCheckResult | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The HIPAA Notify language server is not running (is hipaaNotify.enable off?).');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'HIPAA Notify: checking the workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `hipaaNotify.checkWorkspace.${Date.now()}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: percentage - reported });
        reported = percentage;
      });
      try {
        return await client.sendRequest<WorkspaceCheckResult>('hipaaNotify/checkWorkspace', { workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    },
  );
  output.info(`Check Workspace: ${result.files} files, ${result.findings} findings (${result.errors} errors)${result.cancelled ? ', cancelled' : ''}`);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}

async function targetFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (folders.length === 0) {
      const choice = await vscode.window.showWarningMessage('Open a folder first: HIPAA Notify checks the templates of a workspace folder.', 'Open Folder');
      if (choice) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    }
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the file in' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function createConfig(): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder();
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder.uri, 'hipaa-notify.json');
  if (!(await exists(file))) {
    const config = { rules: { HN304: 'info' }, ignore: ['**/bin/**', '**/obj/**'], timeZone: 'Eastern Standard Time' };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(config, null, 2) + '\n'));
  }
  await vscode.window.showTextDocument(file);
  return file;
}

async function createPolicy(context: vscode.ExtensionContext): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder();
  if (!folder) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'Create Notification Policy',
    prompt: 'Policy name (lower-case letters, digits and hyphens)',
    value: 'breach-notification',
    validateInput: (value) => (/^[a-z0-9][a-z0-9-]{0,62}$/.test(value) ? undefined : 'use lower-case letters, digits and hyphens, at most 63 characters'),
  });
  if (!name) return undefined;
  const file = vscode.Uri.joinPath(folder.uri, `${name}.hipaa-notify.yaml`);
  if (await exists(file)) {
    await vscode.window.showTextDocument(file);
    return file;
  }
  await vscode.workspace.fs.writeFile(file, new Uint8Array());
  const editor = await vscode.window.showTextDocument(file);
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'policy.json')))) as Record<string, { prefix: string; body: string[] }>;
  const policy = Object.values(snippets).find((s) => s.prefix === 'hn-policy');
  if (policy) await editor.insertSnippet(new vscode.SnippetString(policy.body.join('\n').replace('${1:contoso-breach-notification}', `\${1:${name}}`)));
  return file;
}

async function openSample(context: vscode.ExtensionContext): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder();
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder.uri, 'hipaa-notify-sample', 'main.bicep');
  if (!(await exists(file))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'walkthrough', 'sample', 'main.bicep'), file);
  await vscode.window.showTextDocument(file);
  return file;
}
