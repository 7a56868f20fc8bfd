// Installs the packaged .vsix into code-server, opens a folder and a file in headless chromium,
// and checks that the expected diagnostic reaches the Problems panel. Writes screenshots.
// usage: node e2eVsix.mjs <file.vsix> <workspaceFolder> <relative file to open> <expected text> <screenshot folder>
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEnvironment, launchChromium, startCodeServer, toolPaths } from './codeServer.mjs';

const [vsix, folderArg, fileToOpen, expected, shotsArg] = process.argv.slice(2);
const folder = path.resolve(folderArg);
const shots = path.resolve(shotsArg ?? '.ci/out');
fs.mkdirSync(shots, { recursive: true });
const started = Date.now();
const log = (...parts) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);
const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-e2e-'));

const { env, args } = codeServerEnvironment(runFolder);
const install = spawnSync(toolPaths().codeServer, [...args, '--install-extension', path.resolve(vsix)], { env, encoding: 'utf8' });
if (install.status !== 0) {
  console.error('could not install the .vsix into code-server:', install.stderr || install.stdout);
  process.exit(1);
}
log('installed', path.basename(vsix));

let exitCode = 1;
const server = await startCodeServer(runFolder);
const browser = await launchChromium(runFolder);
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
try {
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  log('workbench loaded');
  await page.click('.monaco-workbench .part.editor');
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(fileToOpen);
  const base = path.basename(fileToOpen);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${base}")`, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.querySelector('.tab.active')?.textContent?.includes(name), base, { timeout: 30_000 });
  log('opened', fileToOpen);
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  log('error squiggle shown');
  await page.keyboard.press('Control+Shift+M');
  const rows = await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 }).then(() =>
    page.$$eval('.markers-panel .monaco-list-row', (elements) => elements.map((e) => e.textContent ?? '')));
  log('problems panel rows:', JSON.stringify(rows));
  await page.screenshot({ path: path.join(shots, 'problems-panel.png') });
  exitCode = rows.some((row) => row.includes(expected)) ? 0 : 1;
  log(exitCode === 0 ? `found "${expected}" in the Problems panel` : `"${expected}" is not in the Problems panel`);
} catch (error) {
  console.error('e2e failed:', error instanceof Error ? error.message : error);
  await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
} finally {
  await browser.close().catch(() => {});
  server.stop();
}
if (exitCode === 0) fs.rmSync(runFolder, { recursive: true, force: true });
else console.log(`logs kept in ${runFolder}`);
process.exit(exitCode);
