import type { CancellationToken, Diagnostic, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver';

export const checkWorkspaceRequest = 'hipaaNotify/checkWorkspace';

export interface WorkspaceCheckResult {
  readonly files: number;
  readonly findings: number;
  readonly errors: number;
  readonly cancelled: boolean;
}

export interface WorkspaceCheckHost {
  /** Template, parameter and policy files of the workspace folders (the reader's bounded list). */
  files(): string[];
  /** The diagnostics the editor would show for the file, or undefined when it is not analysed. */
  diagnosticsOf(file: string): { uri: string; diagnostics: Diagnostic[] } | undefined;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** `$/progress` on the request's work-done token, when the client sent one. */
  progress(value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void;
}

/**
 * "Check Workspace": every template and policy file's findings into Problems, not only open
 * files'. Yields between files so edits and hovers are answered meanwhile.
 */
export async function checkWorkspace(host: WorkspaceCheckHost, token: CancellationToken): Promise<WorkspaceCheckResult> {
  const files = host.files();
  host.progress({ kind: 'begin', title: 'HIPAA Notify: checking the workspace', percentage: 0, message: `${files.length} files`, cancellable: true });
  let findings = 0;
  let errors = 0;
  let done = 0;
  for (const file of files) {
    if (token.isCancellationRequested) break;
    const result = host.diagnosticsOf(file);
    if (result) {
      host.publish(result.uri, result.diagnostics);
      findings += result.diagnostics.length;
      errors += result.diagnostics.filter((d) => d.severity === 1).length;
    }
    done++;
    host.progress({ kind: 'report', percentage: Math.round((done / Math.max(files.length, 1)) * 100), message: `${done} of ${files.length}: ${file.replace(/^.*[\\/]/, '')}` });
    await new Promise((resolve) => setImmediate(resolve));
  }
  host.progress({ kind: 'end' });
  return { files: done, findings, errors, cancelled: done < files.length };
}
