import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, ProgressType, ResponseError, LSPErrorCodes } from 'vscode-languageclient/node';
import {
  coverageReadMethod,
  coverageSubscriptionsMethod,
  coverageTokenMethod,
  type CoverageChunk,
  type CoverageReadParams,
  type CoverageReport,
  type CoverageSource,
  type CoverageSubscription,
  type CoverageTokenParams,
} from '../../../server/src/protocol/coverageProtocol';
import { accountCloud, SignedOutError, tokenFor, type AccountCloud } from './accounts';
import type { CoverageStore } from './coverageStore';

export const coverageViewId = 'hipaaNotify.coverage';
const chunkType = new ProgressType<CoverageChunk>();

/** Code the client answers a token request with when there is no session: the server reports "signed out". */
export const signedOutCode = -32001;

const cloudLabels: Readonly<Record<string, string>> = {
  AzureCloud: 'Azure',
  AzureUSGovernment: 'Azure US Government',
  AzureChinaCloud: 'Azure China',
};

/**
 * Runs reads in the language server and feeds the store: one at a time, with a cancellable
 * notification and the view's progress bar, partial results as they arrive.
 */
export class CoverageReads implements vscode.Disposable {
  private running: vscode.CancellationTokenSource | undefined;
  private cloud: AccountCloud | undefined;
  private interactive = false;

  constructor(private readonly store: CoverageStore, private readonly clientOf: () => LanguageClient | undefined, private readonly log: vscode.LogOutputChannel) {}

  /** Called after each language server start: the server asks this client for tokens. */
  attach(client: LanguageClient): vscode.Disposable {
    return client.onRequest(coverageTokenMethod, async (params: CoverageTokenParams) => {
      const cloud = this.cloud ?? accountCloud();
      try {
        return await tokenFor(cloud, params, this.interactive);
      } catch (error) {
        // The first refusal ends interactivity for this read: one sign-in prompt, not one per request.
        this.interactive = false;
        const message = error instanceof SignedOutError ? error.message : `sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
        this.log.warn(`Coverage: ${message}`);
        return new ResponseError(signedOutCode, message);
      }
    });
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Reads the cloud the settings name; `interactive` when the user asked (sign in if needed).
   * A `background` read (the refresh interval) keeps the tree as it is until the new report
   * replaces it, and shows its progress in the view only.
   */
  readLive(interactive: boolean, background = false): Promise<void> {
    this.cloud = accountCloud();
    this.interactive = interactive;
    const { source } = this.cloud;
    const label = source.armEndpoint ? source.armEndpoint : cloudLabels[source.cloud] ?? source.cloud;
    return this.read(source, label, background);
  }

  readSnapshot(label: string, text: string): Promise<void> {
    return this.read({ kind: 'snapshot', label, text }, label);
  }

  /** Every subscription the account can see, signing in if needed. */
  async listSubscriptions(): Promise<readonly CoverageSubscription[]> {
    const client = this.clientOf();
    if (!client) throw new Error('The HIPAA Notify language server is not running (hipaaNotify.enable).');
    this.cloud = accountCloud();
    this.interactive = true;
    const { subscriptions: _selected, ...source } = this.cloud.source;
    return client.sendRequest<readonly CoverageSubscription[]>(coverageSubscriptionsMethod, { source });
  }

  cancel(): void {
    this.running?.cancel();
  }

  private async read(source: CoverageSource, label: string, background = false): Promise<void> {
    const client = this.clientOf();
    if (!client) {
      this.store.fail('error', 'The HIPAA Notify language server is not running (hipaaNotify.enable).');
      return;
    }
    this.running?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.running = cancellation;
    if (background) this.store.refreshing();
    else this.store.begin(label);
    const workDoneToken = randomUUID();
    const partialResultToken = randomUUID();
    const params: CoverageReadParams = {
      source,
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
      workDoneToken,
      partialResultToken,
    };
    const title = source.kind === 'live' ? `Reading HIPAA coverage of ${label}` : `Opening coverage snapshot ${label}`;
    const notified = (work: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Promise<void>) =>
      background ? work({ report: () => undefined }, cancellation.token) : vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, work);
    try {
      await vscode.window.withProgress({ location: { viewId: coverageViewId } }, () =>
        notified(async (progress, token) => {
          token.onCancellationRequested(() => cancellation.cancel());
          const reports = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (value.kind !== 'end' && value.message) progress.report({ message: value.message });
          });
          // A background read's parts would add to the tree it keeps: its final answer replaces it whole.
          const chunks = client.onProgress(chunkType, partialResultToken, (chunk) => {
            if (this.running === cancellation && !background) this.store.add(chunk);
          });
          try {
            const report = await client.sendRequest<CoverageReport>(coverageReadMethod, params, cancellation.token);
            if (report.failure) this.log.warn(`Coverage of ${label}: ${report.failure.message}`);
            else this.log.info(`Coverage of ${label}: ${report.subscriptions?.length ?? 0} subscriptions, ${report.findings?.length ?? 0} gaps, ${report.unknowns?.length ?? 0} unreadable scopes${report.complete ? '' : ' (incomplete)'}.`);
            if (this.running === cancellation) this.store.finish(report);
          } finally {
            reports.dispose();
            chunks.dispose();
          }
        }),
      );
    } catch (error) {
      if (this.running !== cancellation) return;
      this.log.error(`Coverage of ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) this.store.fail('ready', 'The read was cancelled: the tree shows what had arrived.');
      else this.store.fail('error', error instanceof Error ? error.message : String(error));
    } finally {
      if (this.running === cancellation) this.running = undefined;
      cancellation.dispose();
    }
  }

  dispose(): void {
    this.running?.cancel();
  }
}
