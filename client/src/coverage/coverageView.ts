import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { coverageSnapshotMethod, type CoverageSnapshotResult } from '../../../server/src/protocol/coverageProtocol';
import { accountCloud } from './accounts';
import { CoverageReads, coverageViewId } from './coverageReads';
import { CoverageStore } from './coverageStore';
import { CoverageTreeProvider, type CoverageNode, type Grouping } from './coverageTree';
import { registerGapActions } from './gapActions';
import { LiveResourceDocuments } from './liveResourceDocuments';

const groupings: readonly { grouping: Grouping; label: string }[] = [
  { grouping: 'control', label: 'By HIPAA control' },
  { grouping: 'resourceGroup', label: 'By resource group' },
  { grouping: 'rule', label: 'By rule' },
];

/**
 * The Coverage view: a tree of what the language server reports, its badge and status bar item,
 * and the commands around it. Returns what the extension calls after each server start.
 */
export interface CoverageView {
  /** Called after each language server start: the server asks this client for tokens. */
  attach(client: LanguageClient): vscode.Disposable;
  /** The tree's data, for extensions that read the coverage (part of the extension's API). */
  readonly tree: vscode.TreeDataProvider<CoverageNode>;
  readonly view: vscode.TreeView<CoverageNode>;
  /** What the status bar item shows, undefined while it is hidden (part of the extension's API). */
  statusBar(): { readonly text: string; readonly command: string } | undefined;
}

/** Longer intervals would overflow the timer (about 24.8 days) and fire at once; a day is plenty. */
export const maxRefreshMinutes = 1440;

export function registerCoverageView(context: vscode.ExtensionContext, clientOf: () => LanguageClient | undefined, log: vscode.LogOutputChannel): CoverageView {
  const store = new CoverageStore();
  const reads = new CoverageReads(store, clientOf, log);
  const tree = new CoverageTreeProvider(store);
  const documents = new LiveResourceDocuments(clientOf);
  const view = vscode.window.createTreeView(coverageViewId, { treeDataProvider: tree, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('hipaaNotify.coverage', vscode.StatusBarAlignment.Left, 10);
  status.name = 'HIPAA coverage';
  status.command = `${coverageViewId}.focus`;
  let statusShown = false;
  const showStatus = (shown: boolean) => {
    statusShown = shown;
    if (shown) status.show();
    else status.hide();
  };

  const setContext = (key: string, value: unknown) => vscode.commands.executeCommand('setContext', `hipaaNotify.coverage.${key}`, value);
  const render = () => {
    const gaps = store.gapCount();
    view.badge = gaps > 0 ? { value: gaps, tooltip: `${gaps} HIPAA coverage gap${gaps === 1 ? '' : 's'}` } : undefined;
    view.message = store.message && store.subscriptions.size > 0 ? store.message : undefined;
    void setContext('state', store.state);
    void setContext('hasReport', store.subscriptions.size > 0);
    if (store.state === 'loading' && store.subscriptions.size === 0) {
      status.text = '$(sync~spin) HIPAA coverage';
      showStatus(true);
    } else if (store.subscriptions.size > 0) {
      status.text = `$(${gaps > 0 ? 'shield' : 'pass'}) HIPAA coverage: ${gaps} gap${gaps === 1 ? '' : 's'}`;
      status.tooltip = `${store.origin}: ${gaps} gaps, ${store.unknowns.length} unknown scopes. Click to open the Coverage view.`;
      showStatus(true);
    } else {
      showStatus(false);
    }
  };
  const rendering = store.onDidChange(render);
  void setContext('gapsOnly', false);
  render();

  let interval: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (interval) clearInterval(interval);
    interval = undefined;
    const setting = Number(vscode.workspace.getConfiguration('hipaaNotify.coverage').get<number>('refreshInterval', 0));
    const minutes = Number.isFinite(setting) ? Math.min(setting, maxRefreshMinutes) : 0;
    if (minutes > 0) interval = setInterval(() => { if (!reads.isRunning && store.state === 'ready' && store.header && !store.origin?.endsWith('.json')) void reads.readLive(false, true); }, minutes * 60_000);
  };
  schedule();

  // The first time the view shows, read silently: an existing session fills it, none shows "sign in".
  let readOnce = false;
  const firstRead = () => {
    if (readOnce || !view.visible) return;
    readOnce = true;
    void reads.readLive(false);
  };

  context.subscriptions.push(
    store, reads, tree, documents, view, status, rendering,
    { dispose: () => interval && clearInterval(interval) },
    view.onDidChangeVisibility(firstRead),
    // Signing in from the Accounts menu (or out) shows at once.
    vscode.authentication.onDidChangeSessions((event) => {
      if (readOnce && event.provider.id === accountCloud().providerId && !reads.isRunning && store.origin && !store.origin.endsWith('.json')) void reads.readLive(false);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('hipaaNotify.coverage.refreshInterval')) schedule();
      if (event.affectsConfiguration('hipaaNotify.coverage.subscriptions') || event.affectsConfiguration('hipaaNotify.coverage.armEndpoint') || event.affectsConfiguration('hipaaNotify.coverage.tenant')
        || event.affectsConfiguration('microsoft-sovereign-cloud')) {
        if (readOnce) void reads.readLive(false);
      }
    }),
    vscode.commands.registerCommand('hipaaNotify.coverage.refresh', () => { readOnce = true; return reads.readLive(true); }),
    vscode.commands.registerCommand('hipaaNotify.coverage.signIn', () => { readOnce = true; return reads.readLive(true); }),
    vscode.commands.registerCommand('hipaaNotify.coverage.groupBy', async (grouping?: Grouping) => {
      const picked = grouping ?? (await vscode.window.showQuickPick(groupings.map((g) => ({ ...g, picked: g.grouping === tree.currentGrouping, description: g.grouping === tree.currentGrouping ? 'current' : undefined })), { title: 'Group coverage' }))?.grouping;
      if (picked) tree.setGrouping(picked);
    }),
    vscode.commands.registerCommand('hipaaNotify.coverage.showGapsOnly', () => { tree.setGapsOnly(true); void setContext('gapsOnly', true); }),
    vscode.commands.registerCommand('hipaaNotify.coverage.showAll', () => { tree.setGapsOnly(false); void setContext('gapsOnly', false); }),
    vscode.commands.registerCommand('hipaaNotify.coverage.selectSubscriptions', () => selectSubscriptions(reads)),
    vscode.commands.registerCommand('hipaaNotify.coverage.saveSnapshot', (target?: vscode.Uri) => saveSnapshot(store, clientOf, target)),
    vscode.commands.registerCommand('hipaaNotify.coverage.openSnapshot', async (source?: vscode.Uri) => {
      const uri = source ?? (await vscode.window.showOpenDialog({ title: 'Open Coverage Snapshot', filters: { 'Coverage snapshot': ['json'] }, canSelectMany: false }))?.[0];
      if (!uri) return;
      readOnce = true;
      documents.clear();
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      await reads.readSnapshot(path.basename(uri.path), text);
    }),
    ...registerGapActions(store, documents, clientOf),
  );
  firstRead();
  return {
    attach: (client) => reads.attach(client),
    tree,
    view,
    statusBar: () => (statusShown ? { text: status.text, command: String(status.command) } : undefined),
  };
}

async function saveSnapshot(store: CoverageStore, clientOf: () => LanguageClient | undefined, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const client = clientOf();
  const answer = client ? await client.sendRequest<CoverageSnapshotResult>(coverageSnapshotMethod, {}) : undefined;
  if (!answer?.text) {
    void vscode.window.showInformationMessage('Read a subscription first: there is no coverage to save yet.');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stamp = (store.header?.readAt ?? new Date().toISOString()).replace(/[:.]/g, '-');
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: 'Save Coverage Snapshot',
    filters: { 'Coverage snapshot': ['json'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `coverage-${stamp}.json`) } : {}),
  }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(answer.text, 'utf8'));
  return uri;
}

async function selectSubscriptions(reads: CoverageReads): Promise<void> {
  const settings = vscode.workspace.getConfiguration('hipaaNotify.coverage');
  const selected = new Set(settings.get<string[]>('subscriptions', []).map((id) => id.toLowerCase()));
  const listed = vscode.window.withProgress({ location: { viewId: coverageViewId } }, () => reads.listSubscriptions());
  const items = listed.then((subscriptions) => subscriptions.map((s) => ({ label: s.name, description: s.id, detail: s.state === 'Enabled' ? undefined : s.state, picked: selected.has(s.id.toLowerCase()), id: s.id })));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Subscriptions to read (none: every subscription)', matchOnDescription: true });
  if (!picked) return;
  await settings.update('subscriptions', picked.map((p) => p.id), vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}
