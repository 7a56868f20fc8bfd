// Retakes the README screenshots in code-server: the packaged .vsix installed alone (no Bicep
// extension), samples/ open, a finding's hover with the Problems panel, Bicep highlighting, and
// the getting-started walkthrough.
// usage: node scripts/vscode-host/screenshots.mjs hipaa-notify.vsix samples docs/images
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEnvironment, launchChromium, startCodeServer, toolPaths } from './codeServer.mjs';

const [vsix, folderArg, shotsArg] = process.argv.slice(2);
const folder = path.resolve(folderArg ?? 'samples');
const shots = path.resolve(shotsArg ?? 'docs/images');
fs.mkdirSync(shots, { recursive: true });
const log = (...parts) => console.log('[screenshots]', ...parts);
const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-shots-'));

const { env, args } = codeServerEnvironment(runFolder);
const install = spawnSync(toolPaths().codeServer, [...args, '--install-extension', path.resolve(vsix)], { env, encoding: 'utf8' });
if (install.status !== 0) {
  console.error('could not install the .vsix into code-server:', install.stderr || install.stdout);
  process.exit(1);
}
fs.mkdirSync(path.join(runFolder, 'user', 'User'), { recursive: true });
fs.writeFileSync(path.join(runFolder, 'user', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'editor.minimap.enabled': true, 'window.commandCenter': false, 'chat.commandCenter.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'git.openRepositoryInParentFolders': 'never', 'telemetry.telemetryLevel': 'off' }));

let exitCode = 1;
const server = await startCodeServer(runFolder);
const browser = await launchChromium(runFolder);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

async function command(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${title}")`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function openFile(relative) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(relative);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${path.basename(relative)}")`, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.querySelector('.tab.active')?.textContent?.includes(name), path.basename(relative), { timeout: 30_000 });
}

async function goTo(lineColumn) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
}

try {
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.click('.monaco-workbench .part.editor');
  await openFile('claims-platform/main.bicep');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  log('squiggles shown');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.click('.monaco-workbench .part.editor .monaco-editor .view-lines');
  await goTo('545:16');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover:not(.hidden) .marker', { timeout: 15_000 });
  await page.screenshot({ path: path.join(shots, 'problems-panel.png') });
  log('problems-panel.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+J');
  await goTo('1');
  await page.screenshot({ path: path.join(shots, 'bicep-highlighting.png'), clip: { x: 0, y: 0, width: 1280, height: 560 } });
  log('bicep-highlighting.png');
  try {
    await command('Welcome: Open Walkthrough...');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('HIPAA Notify');
    await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("HIPAA Notify")', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.gettingStartedContainer', { timeout: 15_000 });
    await page.waitForTimeout(1500); // the walkthrough's media fades in; nothing to wait on
    await page.screenshot({ path: path.join(shots, 'walkthrough.png') });
    log('walkthrough.png');
  } catch (error) {
    log('no walkthrough screenshot:', error instanceof Error ? error.message : error);
  }
  exitCode = 0;
} catch (error) {
  console.error('screenshots failed:', error instanceof Error ? error.message : error);
  await page.screenshot({ path: path.join(runFolder, 'failure.png') }).catch(() => {});
  console.error(`see ${path.join(runFolder, 'failure.png')}`);
} finally {
  await browser.close().catch(() => {});
  server.stop();
}
if (exitCode === 0) fs.rmSync(runFolder, { recursive: true, force: true });
process.exit(exitCode);
