// Runs the extension's integration suite (test/integration) inside a real VS Code extension host.
//   VSCODE_TEST_HOST=code-server (default): code-server from npm + Debian chromium, for machines
//     that reach only package registries (installs and caches its tools on first use).
//   VSCODE_TEST_HOST=electron: @vscode/test-electron, which downloads VS Code into .vscode-test/.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suite = path.join(root, 'out/test/integration/index.js');
const workspace = path.join(root, 'samples');
const host = process.env.VSCODE_TEST_HOST || 'code-server';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

let status;
if (host === 'electron') {
  status = run(process.execPath, [path.join(root, 'out/test/integration/runElectron.js'), root, suite, workspace]);
} else if (host === 'code-server') {
  const install = spawnSync('bash', [path.join(root, 'scripts/vscode-host/install-tools.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (install.status !== 0) {
    console.error('could not install the VS Code test host (code-server)');
    process.exit(1);
  }
  status = run(process.execPath, [path.join(root, 'scripts/vscode-host/runExtensionTests.mjs'), root, suite, workspace]);
} else {
  console.error(`VSCODE_TEST_HOST must be code-server or electron, not '${host}'`);
  status = 2;
}
process.exit(status);
