// Screenshots of the Coverage view for the README, taken in code-server: the live twin of
// samples/claims-platform (plus a resource group that answers 403) is read by the CLI into a
// snapshot, which the extension under development opens the way an auditor would ("Open
// Coverage Snapshot..."); then the tree, a finding's tooltip and two generated Bicep fixes are shot.
// usage: node scripts/vscode-host/coverageScreenshots.mjs [output folder, default docs/images]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCodeServer } from './codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.resolve(process.argv[2] ?? path.join(root, 'docs/images'));
const require = createRequire(import.meta.url);
const { startArmTestServer } = require(path.join(root, 'out/test/live/armTestServer.js'));
const { liveTwinOf } = require(path.join(root, 'out/test/live/liveTwin.js'));
const { makeThrowawayCa } = require(path.join(root, 'out/test/live/throwawayCa.js'));

const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-shots-'));
const workspace = path.join(runFolder, 'audit');
fs.mkdirSync(workspace);
const snapshot = path.join(workspace, 'claims-coverage.json');
const started = Date.now();
const log = (...parts) => console.log(`[shots ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);

const subscriptionId = '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f';
const fixture = liveTwinOf(path.join(root, 'samples/claims-platform'), { subscriptionId, displayName: 'Claims Production', resourceGroup: 'rg-claims' });
fixture.resources.push({ id: `/subscriptions/${subscriptionId}/resourceGroups/rg-claims-archive/providers/Microsoft.Storage/storageAccounts/stclaimsarchive`, name: 'stclaimsarchive', type: 'Microsoft.Storage/storageAccounts', location: 'eastus', kind: 'StorageV2', tags: { 'data-classification': 'phi' }, properties: {} });
const tls = makeThrowawayCa(fs.mkdtempSync(path.join(runFolder, 'ca-')));
const arm = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture, faults: [{ path: /^\/subscriptions\/[^/]+\/resourcegroups\/rg-claims-archive(\/|$)/, status: 403 }] });
// The test server answers in this process, so the CLI runs beside it, not blocking it.
const cli = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'coverage', '--arm-endpoint', arm.armEndpoint, '--snapshot-out', snapshot, '--format', 'json'], {
  env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caFile, IDENTITY_ENDPOINT: arm.identityEndpoint, IDENTITY_HEADER: arm.identityHeader },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let stderr = '';
cli.stderr.on('data', (chunk) => (stderr += chunk));
await new Promise((resolve) => cli.on('exit', resolve));
await arm.close();
if (!fs.existsSync(snapshot)) {
  console.error('the CLI wrote no snapshot:', stderr);
  process.exit(1);
}
log('snapshot written by hipaa-notify coverage');

let exitCode = 1;
// A quiet workbench: no chat side bar or welcome page in the pictures.
fs.mkdirSync(path.join(runFolder, 'user/User'), { recursive: true });
fs.writeFileSync(path.join(runFolder, 'user/User/settings.json'), JSON.stringify({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'workbench.colorTheme': 'Default Light Modern' }));
// Without the smoke-test driver option the release workbench ignores the development payload.
const server = await startCodeServer(runFolder, ['--vscode-option', 'enable-smoke-test-driver']);
const browser = await launchChromium(runFolder);
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
try {
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${root}`], ['skipWelcome', 'true']]);
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  log('workbench loaded');
  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${title}")`, { timeout: 30_000 });
    await page.keyboard.press('Enter');
  };
  await page.locator('.activitybar .action-item a[aria-label^="HIPAA Notify"]').click({ timeout: 60_000 });
  // The signed-out welcome view offers the snapshot to an auditor without Azure access.
  await page.locator('.welcome-view-content .monaco-button', { hasText: 'Open Coverage Snapshot' }).click({ timeout: 60_000 });
  // code-server's own file dialog: a quick input that takes a path.
  const pathInput = page.locator('.quick-input-widget input');
  await pathInput.waitFor({ state: 'visible' });
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
  await pathInput.fill(snapshot);
  await page.waitForFunction((want) => document.querySelector('.quick-input-widget input')?.value === want, snapshot);
  await page.keyboard.press('Enter');
  const tree = '.pane:has(.pane-header:has-text("Coverage")) .monaco-list';
  await page.waitForSelector(`${tree} .monaco-list-row:has-text("ag-claims-legacy-pager")`, { timeout: 60_000 });
  log('tree filled');
  // A wider side bar, so that labels and descriptions show whole.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(700, edge.y, { steps: 10 });
  await page.mouse.up();
  const row = (text) => page.locator(`${tree} .monaco-list-row`, { hasText: text }).first();
  await row('ag-claims-legacy-pager').click();
  await page.waitForSelector(`${tree} .monaco-list-row:has-text("HN103")`, { timeout: 30_000 });
  await page.mouse.move(1400, 880);
  await row('HN103').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, 'coverage-tree.png') });
  log('coverage-tree.png');
  // The finding's tooltip, shown from the keyboard (list.showHover) on the focused row.
  await command('Focus on Coverage View');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.workbench-hover-container, .monaco-hover:not(.hidden)', { state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'coverage-tooltip.png') });
  log('coverage-tooltip.png');
  await page.mouse.move(1400, 880);
  // The escalation Logic App under "Log and retain" (its first row is under Deliver).
  await page.locator(`${tree} .monaco-list-row`, { hasText: 'la-claims-escalation' }).nth(1).click();
  const fixable = row('HN301');
  await fixable.scrollIntoViewIfNeeded();
  await fixable.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Generate Bicep to Fix' }).first().click();
  await page.waitForSelector('.tab.active:has-text("Untitled")', { timeout: 30_000 });
  await page.waitForSelector('.monaco-editor .view-line:has-text("diagnosticSettings")', { timeout: 30_000 });
  await page.mouse.move(1100, 700);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(shots, 'coverage-bicep-fix.png') });
  log('coverage-bicep-fix.png');
  // A wrong value: the disabled pager declared again with the quick fix's enabled: true.
  const disabled = row('HN103');
  await disabled.scrollIntoViewIfNeeded();
  await disabled.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Generate Bicep to Fix' }).first().click();
  await page.waitForSelector('.monaco-editor .view-line:has-text("groupShortName")', { timeout: 30_000 });
  await page.mouse.move(1100, 700);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(shots, 'coverage-bicep-redeclared.png') });
  log('coverage-bicep-redeclared.png');
  exitCode = 0;
} catch (error) {
  console.error('screenshots failed:', error instanceof Error ? error.message : error);
  await page.screenshot({ path: path.join(runFolder, 'failure.png') }).catch(() => {});
} finally {
  await browser.close().catch(() => {});
  server.stop();
}
if (exitCode === 0) fs.rmSync(runFolder, { recursive: true, force: true });
else console.log(`logs kept in ${runFolder}`);
process.exit(exitCode);
