import * as vscode from 'vscode';

/** Resolves with the diagnostics of `uri` once `accept` holds, waiting on diagnostic events. */
export function diagnosticsOf(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hipaa-notify');
      if (!accept(current)) return false;
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): { value: string; target?: vscode.Uri } {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return { value: String(code.value), target: code.target };
  return { value: String(code) };
}
