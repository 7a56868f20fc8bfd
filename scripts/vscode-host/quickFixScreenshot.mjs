// Takes the README's quick-fix screenshot in the real extension host: code-server with this
// extension loaded for development, a sample file open at a diagnostic, and Ctrl+. pressed.
// usage: node quickFixScreenshot.mjs <workspaceFolder> <relative file> <line> <column> <output.png>
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCodeServer } from './codeServer.mjs';

const [folderArg, file, line, column, output] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = path.resolve(folderArg);
const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-shot-'));
const log = (...parts) => console.log('[screenshot]', ...parts);

let exitCode = 1;
// Without the smoke-test driver the release workbench ignores the development payload.
const server = await startCodeServer(runFolder, ['--vscode-option', 'enable-smoke-test-driver']);
const browser = await launchChromium(runFolder);
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
try {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']]);
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.click('.monaco-workbench .part.editor');
  const command = async (keys, text) => {
    await page.keyboard.press(keys);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(text);
  };
  // The chat side bar would take a third of the picture.
  await command('Control+Shift+P', 'View: Close Secondary Side Bar');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 }).catch(() => {});
  await page.keyboard.press('Enter');
  await command('Control+P', file);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${path.basename(file)}")`, { timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.querySelector('.tab.active')?.textContent?.includes(name), path.basename(file), { timeout: 30_000 });
  await command('Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  log('diagnostics shown');
  // The server answers code actions once it has analysed the file; the lightbulb says so.
  await page.waitForSelector('.monaco-editor .lightBulbWidget, .monaco-editor .codicon-light-bulb, .monaco-editor .codicon-lightbulb-autofix', { timeout: 30_000 });
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { state: 'visible', timeout: 30_000 });
  await page.waitForSelector('.action-widget :text("Set enabled to true")', { timeout: 30_000 });
  await page.screenshot({ path: path.resolve(output) });
  log('wrote', output);
  exitCode = 0;
} catch (error) {
  console.error('screenshot failed:', error instanceof Error ? error.message : error);
  await page.screenshot({ path: path.join(runFolder, 'failure.png') }).catch(() => {});
  console.log(`logs kept in ${runFolder}`);
} finally {
  await browser.close().catch(() => {});
  server.stop();
}
if (exitCode === 0) fs.rmSync(runFolder, { recursive: true, force: true });
process.exit(exitCode);
