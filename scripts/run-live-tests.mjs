// Runs node:test folders (default out/test/live, the live-engine tests; npm test passes all of them,
// so one run gives one summary) with a throwaway CA that this run makes and that
// only the test processes trust, through NODE_EXTRA_CA_CERTS (Node reads it at start-up, so it
// is set here, before the test processes start). The folder is removed afterwards.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { makeThrowawayCa } = require(path.join(root, 'out/test/live/throwawayCa.js'));
const tls = makeThrowawayCa();
try {
  const folders = process.argv.slice(2);
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: tls.caFile, HN_TEST_TLS_DIR: tls.folder };
  // Test files named one by one run as they are; folders go through the project's runner.
  const files = folders.length > 0 && folders.every((f) => f.endsWith('.js'));
  const args = files ? ['--test', '--test-reporter=spec', ...folders] : [path.join(root, 'scripts/run-tests.mjs'), ...(folders.length > 0 ? folders : ['out/test/live'])];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env, cwd: root });
  process.exitCode = result.status ?? 1;
} finally {
  fs.rmSync(tls.folder, { recursive: true, force: true });
}
