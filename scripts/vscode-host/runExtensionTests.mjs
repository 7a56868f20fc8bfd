// Runs the extension's mocha suite inside code-server's real Node extension host, driven by
// headless chromium; the suite's output and exit code come back through the smoke-test driver.
// usage: node runExtensionTests.mjs <extensionDevelopmentPath> <extensionTestsPath.js> <workspaceFolder>
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchChromium, startCodeServer } from './codeServer.mjs';

const [extensionPath, testsPath, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300_000);
// Workbench chatter that says nothing about the extension under test.
const noise = /ChatModelSelection|AgentHost|AccountPolicyGate|authentication provider|open-vsx|connection token|Creating a socket|reconnection-grace-time|Service Worker|builtin extensions cache/;

const started = Date.now();
const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-ext-tests-'));
let exitCode = 1;
let server;
let browser;
try {
  // Without the smoke-test driver the release workbench silently ignores the test payload.
  server = await startCodeServer(runFolder, ['--vscode-option', 'enable-smoke-test-driver']);
  console.log(`code-server listening on ${server.port} after ${Date.now() - started} ms`);
  browser = await launchChromium(runFolder);
  const page = await browser.newPage();
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (process.env.VERBOSE || !noise.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => console.log('[workbench error]', error.message));
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']]);
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  const outcome = await Promise.race([finished, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))]);
  if (outcome === 'timeout') {
    console.log(`the extension tests did not finish within ${timeoutMs} ms`);
    await page.screenshot({ path: path.join(runFolder, 'timeout.png') });
  } else {
    exitCode = Number(outcome);
  }
  console.log(`extension host tests exited with ${exitCode} after ${Date.now() - started} ms`);
} catch (error) {
  console.error('could not run the extension tests:', error instanceof Error ? error.message : error);
} finally {
  if (browser) await browser.close().catch(() => {});
  server?.stop();
}
if (exitCode === 0 && !process.env.KEEP_TMP) fs.rmSync(runFolder, { recursive: true, force: true });
else console.log(`logs kept in ${runFolder}`);
process.exit(exitCode);
