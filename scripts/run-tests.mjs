// Runs node:test on every *.test.js under the given folders of out/. Node 20's --test takes
// no globs, and its folder mode would also run helpers that live under test/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const folders = process.argv.slice(2);
const files = [];
const walk = (folder) => {
  if (!fs.existsSync(folder)) return;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
};
folders.forEach(walk);
if (files.length === 0) {
  console.error(`no *.test.js files under ${folders.join(', ')}: run the build first`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
