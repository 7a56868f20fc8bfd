import * as vscode from 'vscode';

/** Marks the walkthrough's "fix it" step done once the sample shows no HIPAA Notify finding. */
export function registerWalkthroughProgress(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      for (const uri of uris) {
        if (!uri.path.endsWith('/hipaa-notify-sample/main.bicep')) continue;
        const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.getText().includes('enabled: true'));
        const clean = !vscode.languages.getDiagnostics(uri).some((d) => d.source === 'hipaa-notify');
        if (open && clean) void vscode.commands.executeCommand('setContext', 'hipaaNotify.sampleFixed', true);
      }
    }),
  );
}
