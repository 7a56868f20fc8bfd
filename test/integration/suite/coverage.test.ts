import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCheck } from '../../../server/src/cli/check';
import { templateRules } from '../../../server/src/rules/registry';
import { startArmTestServer, type ArmTestServer, type Fixture } from '../../live/armTestServer';
import { compareWithTemplate, liveTwinOf } from '../../live/liveTwin';
import { generateLiveEstate } from '../../bench/generateLiveEstate';
import { makeThrowawayCa, type TestTls } from '../../live/throwawayCa';
import { TestAccounts } from './testAccounts';

const extensionId = 'hipaa-notify.hipaa-notify';
const subscriptionId = '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f';
const archive = `/subscriptions/${subscriptionId}/resourceGroups/rg-claims-archive`;

interface Api {
  readonly coverage: { readonly tree: vscode.TreeDataProvider<unknown>; readonly view: vscode.TreeView<unknown> };
}
interface Rendered {
  readonly node: unknown;
  readonly item: vscode.TreeItem;
  readonly children: Rendered[];
}

let api: Api;
let tls: TestTls;
let server: ArmTestServer;
let fixture: Fixture;
let accounts: TestAccounts;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-coverage-view-'));

function samplesFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the samples folder is open');
  return folder.uri.fsPath;
}

async function render(node?: unknown): Promise<Rendered[]> {
  const children = (await api.coverage.tree.getChildren(node)) ?? [];
  return Promise.all(children.map(async (child) => ({ node: child, item: await api.coverage.tree.getTreeItem(child), children: await render(child) })));
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

function all(nodes: readonly Rendered[]): Rendered[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

const findingsOf = (nodes: readonly Rendered[]) => all(nodes).filter((n) => String(n.item.contextValue).startsWith('finding'));
const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

/** Resolves once the tree satisfies `accept`, re-checking on each change of the tree. */
function treeWhere(accept: (roots: Rendered[]) => boolean, what: string): Promise<Rendered[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => finish(new Error(`the tree never showed ${what}`)), 45_000);
    const subscription = api.coverage.tree.onDidChangeTreeData!(() => void check());
    function finish(result: Rendered[] | Error) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
    async function check() {
      const roots = await render();
      if (accept(roots)) finish(roots);
    }
    void check();
  });
}

/** What hipaa-notify check says of the sample's templates: the rules the live twin must show. */
function expectedGaps(): string[] {
  const ids = new Set(templateRules.map((r) => r.id));
  return [...new Set(runCheck([path.join(samplesFolder(), 'claims-platform')]).findings.filter((f) => ids.has(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`))].sort();
}

suite('the Coverage view against the ARM test server', () => {
  suiteSetup(async function () {
    this.timeout(120_000);
    tls = makeThrowawayCa(fs.mkdtempSync(path.join(os.tmpdir(), 'hn-coverage-ca-')));
    fixture = liveTwinOf(path.join(samplesFolder(), 'claims-platform'), { subscriptionId, displayName: 'Claims Production', resourceGroup: 'rg-claims' });
    // A resource group the account may not read: its storage account's details answer 403.
    (fixture.resources as Array<Record<string, unknown> & { id: string }>).push({
      id: `${archive}/providers/Microsoft.Storage/storageAccounts/stclaimsarchive`,
      name: 'stclaimsarchive',
      type: 'Microsoft.Storage/storageAccounts',
      location: 'eastus',
      kind: 'StorageV2',
      tags: { 'data-classification': 'phi' },
      properties: { supportsHttpsTrafficOnly: true },
    });
    server = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture, faults: [{ path: /^\/subscriptions\/[^/]+\/resourcegroups\/rg-claims-archive(\/|$)/, status: 403 }] });
    accounts = new TestAccounts(server.identityEndpoint, server.identityHeader);
    const extension = vscode.extensions.getExtension<Api>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
    await vscode.workspace.getConfiguration('hipaaNotify.coverage').update('armEndpoint', server.armEndpoint, vscode.ConfigurationTarget.Global);
    // The language server reads Resource Manager; it trusts the test CA from its start.
    process.env.NODE_EXTRA_CA_CERTS = tls.caFile;
    await vscode.commands.executeCommand('hipaaNotify.restartServer');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('hipaaNotify.coverage').update('armEndpoint', undefined, vscode.ConfigurationTarget.Global);
    accounts?.dispose();
    await server?.close().catch(() => undefined);
    fs.rmSync(tls.folder, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('signed out, the tree is empty (the welcome view offers sign-in); signing in from the Accounts menu fills it', async () => {
    await vscode.commands.executeCommand('hipaaNotify.coverage.refresh');
    assert.deepEqual(await render(), []);
    assert.equal(server.requests.filter((r) => r.status !== 401).length, 0, 'nothing was read without a session');
    // The sign-in request VS Code put in the Accounts menu for the extension: what the user clicks.
    const commands = await vscode.commands.getCommands(true);
    const signIn = commands.find((c) => /^microsoft:hipaa-notify\.hipaa-notify:signIn\d+$/.test(c));
    assert.ok(signIn, `the Accounts menu offers sign-in: ${commands.filter((c) => c.startsWith("microsoft")).join(", ")}; scopes asked: ${JSON.stringify(accounts.requestedScopes)}`);
    const filled = treeWhere((roots) => findingsOf(roots).length > 0, 'gaps after sign-in');
    await vscode.commands.executeCommand(signIn);
    await filled;
    assert.ok(accounts.requestedScopes.some((scopes) => scopes.includes(`${server.armEndpoint}/.default`)), JSON.stringify(accounts.requestedScopes));
  });

  test('the tree shows the live twin\'s gaps grouped by control, with icons, counts, citations and a view badge', async () => {
    const roots = await treeWhere((r) => findingsOf(r).length > 0, 'gaps');
    assert.equal(roots.length, 1);
    assert.equal(label(roots[0].item), server.armEndpoint);
    const [subscription] = roots[0].children;
    assert.equal(label(subscription.item), 'Claims Production');
    assert.deepEqual(subscription.children.map((c) => label(c.item)), ['Detect', 'Route', 'Deliver', 'Log and retain', 'Protect']);
    const shown = findingsOf(roots).map((f) => label(f.item)).sort();
    // Absence rules (nothing in the subscription routes Policy events, ...) stay silent while a
    // resource group cannot be read: what it holds might close the gap. Every other rule shows.
    const absence = /^HN(106|107|108) /;
    assert.deepEqual(compareWithTemplate(expectedGaps().filter((l) => !absence.test(l)), shown.filter((l) => !absence.test(l))), { missing: [], extra: [], unmatchedRepeats: [] });
    assert.deepEqual(shown.filter((l) => absence.test(l)), []);
    assert.ok(expectedGaps().some((l) => absence.test(l)), 'the templates do have absence findings');
    const route = subscription.children.find((c) => label(c.item) === 'Route')!;
    assert.equal(iconOf(route.item), 'error');
    const pager = route.children.find((c) => label(c.item) === 'ag-claims-legacy-pager');
    assert.ok(pager, `Route lists ${route.children.map((c) => label(c.item)).join(', ')}`);
    const hn103 = pager.children.find((c) => label(c.item).startsWith('HN103 '));
    assert.ok(hn103);
    assert.equal(hn103.item.description, '45 CFR 164.308(a)(6)(ii)');
    const tooltip = hn103.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /\*\*HN103\*\* `action-group-disabled-or-empty`/);
    assert.match(tooltip.value, /45 CFR 164\.308\(a\)\(6\)\(ii\)/);
    assert.match(String(route.item.description), /^\d+ gaps?$/);
    // Each finding sits under one control: the badge counts them.
    assert.equal(api.coverage.view.badge?.value, findingsOf(roots).length);
  });

  test('a resource group that answers 403 shows as unknown, not as covered or as a gap', async () => {
    const roots = await render();
    const unknown = all(roots).filter((n) => n.item.contextValue === 'unknown');
    assert.ok(unknown.length > 0, 'an unknown node');
    assert.ok(unknown.every((n) => label(n.item) === 'resource group rg-claims-archive' && n.item.description === 'unknown: no read permission'), JSON.stringify(unknown.map((n) => [label(n.item), n.item.description])));
    assert.equal(iconOf(unknown[0].item), 'question');
    assert.ok(!findingsOf(roots).some((f) => String((f.item.tooltip as vscode.MarkdownString).value).includes('stclaimsarchive')), 'no gap is claimed for what could not be read');
    await vscode.commands.executeCommand('hipaaNotify.coverage.groupBy', 'resourceGroup');
    try {
      const byGroup = (await render())[0].children[0].children.map((c) => label(c.item));
      assert.ok(byGroup.includes('rg-claims') && byGroup.includes('resource group rg-claims-archive'), byGroup.join(', '));
    } finally {
      await vscode.commands.executeCommand('hipaaNotify.coverage.groupBy', 'control');
    }
  });

  test('"Open resource JSON" shows the live resource read-only with the finding as a diagnostic at the property', async () => {
    const hn103 = findingsOf(await render()).find((f) => label(f.item).startsWith('HN103 '))!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hipaaNotify.coverage.openResourceJson', hn103.node);
    assert.equal(editor.document.uri.scheme, 'hipaa-notify-live');
    assert.match(editor.document.getText(), /"name": "ag-claims-legacy-pager"/);
    const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((d) => typeof d.code === 'object' && d.code.value === 'HN103');
    assert.ok(diagnostic, 'HN103 is a diagnostic of the document');
    assert.equal(editor.document.getText(diagnostic.range), 'false');
    assert.match(editor.document.lineAt(diagnostic.range.start.line).text, /"enabled": false/);
    assert.deepEqual(editor.selection.start, diagnostic.range.start);
  });

  test('"Generate Bicep to fix" opens Bicep that hipaa-notify check passes for that gap', async () => {
    const gap = findingsOf(await render()).find((f) => label(f.item).startsWith('HN301 ') && String(f.item.contextValue).includes('fixable'));
    assert.ok(gap, 'a fixable HN301 gap');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hipaaNotify.coverage.generateBicepFix', gap.node);
    assert.equal(editor.document.languageId, 'bicep');
    assert.equal(editor.document.isUntitled, true);
    const text = editor.document.getText();
    assert.match(text, /existing = \{/);
    assert.match(text, /'Microsoft\.Insights\/diagnosticSettings@/);
    const file = path.join(scratch, 'fix.bicep');
    fs.writeFileSync(file, text);
    const cli = vscode.Uri.joinPath(vscode.extensions.getExtension(extensionId)!.extensionUri, 'dist', 'cli.js').fsPath;
    const run = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'HN301' || f.ruleId === 'HN001' || f.ruleId === 'HN002'), [], run.stdout);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('refresh after a change in the subscription updates the tree; a saved snapshot reopens offline', async () => {
    const snapshot = vscode.Uri.file(path.join(scratch, 'coverage.json'));
    await vscode.commands.executeCommand('hipaaNotify.coverage.saveSnapshot', snapshot);
    const saved = fs.readFileSync(snapshot.fsPath, 'utf8');
    assert.match(saved, /"format": "hipaa-notify-live-snapshot"/);
    const before = findingsOf(await render()).map((f) => label(f.item));
    assert.ok(before.some((l) => l.startsWith('HN103 ')));
    // Someone enables the legacy pager in the portal.
    const pager = fixture.resources.find((r) => /actionGroups\/ag-claims-legacy-pager$/i.test(r.id))!;
    (pager.properties as Record<string, unknown>).enabled = true;
    await vscode.commands.executeCommand('hipaaNotify.coverage.refresh');
    const after = findingsOf(await render()).map((f) => label(f.item));
    assert.ok(!after.some((l) => l.startsWith('HN103 ')), after.join('\n'));
    assert.ok(after.length < before.length);
    // Offline: no Resource Manager at all, the snapshot shows the tree as it was saved.
    await server.close();
    const requests = server.requests.length;
    await vscode.commands.executeCommand('hipaaNotify.coverage.openSnapshot', snapshot);
    const roots = await render();
    assert.equal(label(roots[0].item), 'coverage.json');
    assert.deepEqual(findingsOf(roots).map((f) => label(f.item)).sort(), [...before].sort());
    assert.equal(server.requests.length, requests);
  });

  test('a 1,000-resource subscription appears in the tree (time printed, not asserted)', async function () {
    this.timeout(240_000);
    const estate = generateLiveEstate(1, 1000);
    const large = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture: estate, latencyMs: 50 });
    try {
      accounts.useIdentityEndpoint(large.identityEndpoint, large.identityHeader);
      const started = Date.now();
      let firstGaps: number | undefined;
      const shown = treeWhere((roots) => {
        const root = roots[0];
        if (!root || label(root.item) !== large.armEndpoint) return false;
        if (firstGaps === undefined && findingsOf(roots).length > 0) firstGaps = Date.now() - started;
        return findingsOf(roots).length > 0 && !String(root.item.description).includes('reading');
      }, 'the 1,000-resource subscription');
      await vscode.workspace.getConfiguration('hipaaNotify.coverage').update('armEndpoint', large.armEndpoint, vscode.ConfigurationTarget.Global);
      const roots = await shown;
      const elapsed = Date.now() - started;
      const gaps = findingsOf(roots).length;
      assert.equal(label(roots[0].children[0].item), 'bench-0');
      assert.equal(api.coverage.view.badge?.value, gaps);
      console.log(`coverage view: ${estate.resources.length} resources (1 subscription, 50 ms per ARM request) in the tree after ${elapsed} ms (first gaps shown at ${firstGaps} ms); ${gaps} gaps, ${large.requests.length} ARM requests`);
    } finally {
      await large.close();
    }
  });
});
