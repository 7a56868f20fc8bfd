import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
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
  readonly coverage: {
    readonly tree: vscode.TreeDataProvider<unknown>;
    readonly view: vscode.TreeView<unknown>;
    statusBar(): { readonly text: string; readonly command: string } | undefined;
  };
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
let sovereignAccounts: TestAccounts;
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
const stateOf = (n: Rendered) => (n.node as { readonly state: string }).state;
const coverageSettings = () => vscode.workspace.getConfiguration('hipaaNotify.coverage');
/** The tree of a finished read from `endpoint`: its root, no longer "reading...". */
const readFrom = (endpoint: string) => (roots: Rendered[]) => roots.length === 1 && label(roots[0].item) === endpoint && !String(roots[0].item.description).includes('reading');

/** Resolves once the view's visibility is `visible`. */
function viewVisible(visible: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (api.coverage.view.visible === visible) return resolve();
    const subscription = api.coverage.view.onDidChangeVisibility((event) => {
      if (event.visible !== visible) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** Resolves with the scopes of the first session request to `provider` that `accept` takes. */
function askedFor(provider: TestAccounts, accept: (scopes: readonly string[]) => boolean, what: string): Promise<readonly string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { subscription.dispose(); reject(new Error(`${provider.providerId} was never asked for ${what}: ${JSON.stringify(provider.requestedScopes)}`)); }, 45_000);
    const subscription = provider.onDidAsk((scopes) => {
      if (!accept(scopes)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(scopes);
    });
  });
}

/** `hipaa-notify coverage --format json` from the packaged CLI, signed in as the test server's managed identity. */
function coverageCli(arm: ArmTestServer): Promise<{ findings: unknown[] }> {
  const cli = vscode.Uri.joinPath(vscode.extensions.getExtension(extensionId)!.extensionUri, 'dist', 'cli.js').fsPath;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_EXTRA_CA_CERTS: tls.caFile, IDENTITY_ENDPOINT: arm.identityEndpoint, IDENTITY_HEADER: arm.identityHeader, AZURE_CLIENT_ID: '', AZURE_TENANT_ID: '', AZURE_CLIENT_SECRET: '' };
  // Asynchronous: the ARM test server answering it runs in this process.
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, 'coverage', '--arm-endpoint', arm.armEndpoint, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (_error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as { findings: unknown[] });
      } catch {
        reject(new Error(`hipaa-notify coverage printed no report: ${stderr}`));
      }
    });
  });
}

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
    sovereignAccounts = new TestAccounts(server.identityEndpoint, server.identityHeader, 'microsoft-sovereign-cloud');
    const extension = vscode.extensions.getExtension<Api>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
    await vscode.workspace.getConfiguration('hipaaNotify.coverage').update('armEndpoint', server.armEndpoint, vscode.ConfigurationTarget.Global);
    // The language server reads Resource Manager; it trusts the test CA from its start.
    process.env.NODE_EXTRA_CA_CERTS = tls.caFile;
    await vscode.commands.executeCommand('hipaaNotify.restartServer');
  });

  suiteTeardown(async () => {
    // The setting keeps naming a (closed) loopback server and the test accounts stay registered:
    // a read after the suite can only reach 127.0.0.1, never a real cloud or the built-in sign-in.
    await server?.close().catch(() => undefined);
    fs.rmSync(tls.folder, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('signed out, the tree is empty (the welcome view offers sign-in); signing in from the Accounts menu fills it', async () => {
    await vscode.commands.executeCommand('hipaaNotify.coverage.refresh');
    assert.deepEqual(await render(), []);
    assert.equal(server.requests.filter((r) => r.path !== '/metadata/endpoints').length, 0, 'nothing that needs a token was asked without a session');
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
    // A template names a finding over loop copies once; live, each copy is a resource of its own.
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

  test('the workspace\'s policy file is compared with what runs: an action group it names does not exist live (HN504 live)', async () => {
    const roots = await render();
    const workspace = roots[0].children.find((c) => label(c.item) === 'Workspace vs live');
    assert.ok(workspace, roots[0].children.map((c) => label(c.item)).join(', '));
    const policy = workspace.children.find((c) => label(c.item).endsWith('claims.hipaa-notify.yaml'));
    assert.ok(policy, workspace.children.map((c) => label(c.item)).join(', '));
    const items = policy.children.map((c) => [label(c.item), iconOf(c.item)]);
    assert.deepEqual(items.filter(([, icon]) => icon === 'error'), [["action group 'ag-claims-breach-counsel' does not exist live", 'error']]);
    assert.ok(items.some(([text, icon]) => text === "action group 'ag-claims-tier1' exists live and is enabled" && icon === 'pass'), JSON.stringify(items));
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

  /**
   * Closes an untitled document without saving and waits until the extension host has let it go:
   * an untitled document opened right after could otherwise be handed its name and old text.
   */
  async function discard(document: vscode.TextDocument): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidCloseTextDocument((gone) => {
        if (gone !== document) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (!document.isClosed) await closed;
  }

  /** `hipaa-notify check --format json` of generated Bicep in a folder of its own (the workspace it is checked as). */
  function checkGenerated(text: string): { ruleId: string; message: string }[] {
    const folder = fs.mkdtempSync(path.join(scratch, 'generated-'));
    fs.writeFileSync(path.join(folder, 'fix.bicep'), text);
    const cli = vscode.Uri.joinPath(vscode.extensions.getExtension(extensionId)!.extensionUri, 'dist', 'cli.js').fsPath;
    const run = spawnSync(process.execPath, [cli, 'check', folder, '--format', 'json'], { cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    return (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
  }

  test('"Generate Bicep to fix" opens Bicep that hipaa-notify check passes for that gap', async () => {
    const gap = findingsOf(await render()).find((f) => label(f.item).startsWith('HN301 ') && String(f.item.contextValue).includes('fixable'));
    assert.ok(gap, 'a fixable HN301 gap');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hipaaNotify.coverage.generateBicepFix', gap.node);
    assert.equal(editor.document.languageId, 'bicep');
    assert.equal(editor.document.isUntitled, true);
    const text = editor.document.getText();
    assert.match(text, /existing = \{/);
    assert.match(text, /'Microsoft\.Insights\/diagnosticSettings@/);
    const findings = checkGenerated(text);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'HN301' || f.ruleId === 'HN001' || f.ruleId === 'HN002'), [], JSON.stringify(findings));
    await discard(editor.document);
  });

  test('"Generate Bicep to fix" on a wrong value declares the live resource again with the quick fix\'s change, which hipaa-notify check passes', async () => {
    const gap = findingsOf(await render()).find((f) => label(f.item).startsWith('HN103 ') && String(f.item.contextValue).includes('fixable'));
    assert.ok(gap, 'a fixable HN103 gap');
    const message = label(gap.item).slice('HN103 '.length);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hipaaNotify.coverage.generateBicepFix', gap.node);
    const text = editor.document.getText();
    assert.match(text, /^\/\/ Built from the fix intents of HN103's quick fix "Set enabled to true"/);
    assert.match(text, /\nresource \w+ 'Microsoft\.Insights\/actionGroups@[^']+' = \{\n {2}name: 'ag-claims-legacy-pager'\n/);
    assert.match(text, /\n {4}enabled: true\n/);
    const findings = checkGenerated(text);
    assert.deepEqual(findings.filter((f) => (f.ruleId === 'HN103' && f.message === message) || f.ruleId === 'HN001' || f.ruleId === 'HN002'), [], JSON.stringify(findings));
    // Without the change, check finds the gap the view shows: the comparison above can fail.
    assert.deepEqual(checkGenerated(text.replace(/\n {4}enabled: true\n/, '\n    enabled: false\n')).filter((f) => f.ruleId === 'HN103').map((f) => f.message), [message]);
    await discard(editor.document);
  });

  test('"Show Gaps Only" hides every covered node (and what is under it); "Show Covered and Gaps" brings the whole tree back', async () => {
    const before = await render();
    const ids = (nodes: readonly Rendered[]) => all(nodes).map((n) => n.item.id);
    const uncovered = (nodes: readonly Rendered[]): Rendered[] => nodes.filter((n) => stateOf(n) !== 'covered').map((n) => ({ ...n, children: uncovered(n.children) }));
    const covered = all(before).filter((n) => stateOf(n) === 'covered');
    assert.ok(covered.some((n) => label(n.item) === 'Protect' || label(n.item) === 'Detect' || iconOf(n.item) === 'pass'), 'the tree has covered nodes to hide');
    assert.ok(covered.some((n) => /exists live and is enabled$/.test(label(n.item))), 'and covered workspace-vs-live entries');
    await vscode.commands.executeCommand('hipaaNotify.coverage.showGapsOnly');
    try {
      const filtered = await render();
      assert.deepEqual(all(filtered).filter((n) => stateOf(n) === 'covered' || iconOf(n.item) === 'pass').map((n) => label(n.item)), []);
      assert.deepEqual(ids(filtered), ids(uncovered(before)));
      assert.deepEqual(findingsOf(filtered).map((f) => f.item.id), findingsOf(before).map((f) => f.item.id), 'every gap is still shown');
      assert.ok(all(filtered).some((n) => stateOf(n) === 'unknown'), 'what could not be read is not known to be covered: it stays');
    } finally {
      await vscode.commands.executeCommand('hipaaNotify.coverage.showAll');
    }
    assert.deepEqual(ids(await render()), ids(before));
  });

  test('the status bar item says "HIPAA coverage: N gaps" with the N of hipaa-notify coverage, and opens the view', async () => {
    const report = await coverageCli(server);
    assert.ok(report.findings.length > 0);
    assert.equal(findingsOf(await render()).length, report.findings.length);
    const status = api.coverage.statusBar();
    assert.equal(status?.text, `$(shield) HIPAA coverage: ${report.findings.length} gaps`);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await viewVisible(false);
    const shown = viewVisible(true);
    await vscode.commands.executeCommand(status.command);
    await shown;
  });

  test('the refresh interval (off by default) refreshes the tree on its own while set, and stops when set back to 0', async function () {
    this.timeout(90_000);
    assert.equal(coverageSettings().inspect<number>('refreshInterval')?.defaultValue, 0);
    const tier1 = fixture.resources.find((r) => /actionGroups\/ag-claims-tier1$/i.test(r.id))!;
    const disabledTier1 = (roots: Rendered[]) => findingsOf(roots).some((f) => label(f.item).startsWith('HN103 ') && (f.item.tooltip as vscode.MarkdownString).value.includes('/ag-claims-tier1'));
    const read = readFrom(server.armEndpoint);
    assert.ok(read(await render()) && !disabledTier1(await render()));
    // Someone disables the tier-1 group; no refresh command is run from here on.
    (tier1.properties as Record<string, unknown>).enabled = false;
    // A timed refresh keeps the tree until its report replaces it: it never goes blank.
    let blank = 0;
    const watching = api.coverage.tree.onDidChangeTreeData!(() => void render().then((roots) => { if (roots.length === 0) blank++; }));
    try {
      const shown = treeWhere((roots) => read(roots) && disabledTier1(roots), 'the disabled tier-1 group without a refresh');
      await coverageSettings().update('refreshInterval', 0.02, vscode.ConfigurationTarget.Global);
      await shown;
    } finally {
      (tier1.properties as Record<string, unknown>).enabled = true;
      watching.dispose();
    }
    assert.equal(blank, 0, 'the tree went blank during a timed refresh');
    await treeWhere((roots) => read(roots) && !disabledTier1(roots), 'the tier-1 group enabled again on a later tick');
    // An absence needs a window of time.
    const quiet = async (milliseconds: number, what: string) => {
      await treeWhere(read, 'the last timed read finished');
      const requests = server.requests.length;
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
      assert.equal(server.requests.length, requests, what);
    };
    await coverageSettings().update('refreshInterval', undefined, vscode.ConfigurationTarget.Global);
    await quiet(5_000, 'no read in four intervals after the interval was turned off');
    // Past the timer's limit (about 24.8 days) Node fires at once, again and again: capped at a day.
    await coverageSettings().update('refreshInterval', 100_000, vscode.ConfigurationTarget.Global);
    try {
      await quiet(2_000, 'no read right after a 100,000-minute interval was set');
    } finally {
      await coverageSettings().update('refreshInterval', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Azure US Government: the sovereign-cloud account is asked for that Resource Manager, and the tree loads from the armEndpoint override', async function () {
    this.timeout(120_000);
    // What the Azure Resources extension asks microsoft-sovereign-cloud for (the cloud's management endpoint).
    const govScope = 'https://management.core.usgovcloudapi.net/.default';
    // A local Resource Manager that answers /metadata/endpoints as US Government's does.
    const gov = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture, cloudMetadata: { audience: 'https://management.core.usgovcloudapi.net/', portal: 'https://portal.azure.us', login: 'https://login.microsoftonline.us' } });
    const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
    const publicAsked = accounts.requestedScopes.length;
    try {
      // The cloud itself: the sovereign account has no session, so nothing is read (nothing leaves 127.0.0.1).
      await sovereign.update('environment', 'USGovernment', vscode.ConfigurationTarget.Global);
      const askedGov = askedFor(sovereignAccounts, (scopes) => scopes.includes(govScope), govScope);
      await coverageSettings().update('armEndpoint', undefined, vscode.ConfigurationTarget.Global);
      assert.deepEqual(await askedGov, [govScope]);
      assert.equal(accounts.requestedScopes.length, publicAsked, 'the public-cloud account is not asked for a sovereign cloud');
      // The override: a Resource Manager whose metadata names US Government's audience.
      const askedOverride = askedFor(sovereignAccounts, (scopes) => scopes.includes(govScope), 'the override\'s scope');
      await coverageSettings().update('armEndpoint', gov.armEndpoint, vscode.ConfigurationTarget.Global);
      await askedOverride;
      assert.equal(gov.requests.filter((r) => r.path !== '/metadata/endpoints').length, 0, 'nothing is read before sign-in');
      const commands = await vscode.commands.getCommands(true);
      const signIn = commands.find((c) => /^microsoft-sovereign-cloud:hipaa-notify\.hipaa-notify:signIn\d+$/.test(c));
      assert.ok(signIn, `the Accounts menu offers sovereign-cloud sign-in: ${commands.filter((c) => c.startsWith('microsoft')).join(', ')}`);
      const loaded = treeWhere((roots) => readFrom(gov.armEndpoint)(roots) && findingsOf(roots).length > 0, 'the tree from the override');
      await vscode.commands.executeCommand(signIn);
      const roots = await loaded;
      assert.equal(label(roots[0].children[0].item), 'Claims Production');
      // The session's token is for US Government's Resource Manager audience.
      assert.ok(gov.tokenAudiences.includes('https://management.core.usgovcloudapi.net'), JSON.stringify(gov.tokenAudiences));
      assert.ok(sovereignAccounts.requestedScopes.every((scopes) => scopes.includes(govScope) || scopes.includes(`${server.armEndpoint}/.default`)), JSON.stringify(sovereignAccounts.requestedScopes));
      assert.deepEqual(accounts.requestedScopes.slice(publicAsked), [], 'the public-cloud account is never asked');
      const finding = findingsOf(roots)[0].node as { resource?: { portalUrl?: string } };
      assert.match(finding.resource?.portalUrl ?? '', /^https:\/\/portal\.azure\.us\/#resource\/subscriptions\//);
    } finally {
      // Signed out first, so no setting below can lead to a read of a real cloud.
      await sovereignAccounts.removeSession();
      await coverageSettings().update('armEndpoint', server.armEndpoint, vscode.ConfigurationTarget.Global);
      const back = treeWhere((roots) => readFrom(server.armEndpoint)(roots) && findingsOf(roots).length > 0, 'the public test cloud again');
      await sovereign.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await back;
      await gov.close();
    }
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
