import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIgnored, type Config } from '../config/config';

const skippedFolders = new Set(['node_modules', '.git']);
const candidate = /\.(bicep|bicepparam|json|jsonc|ya?ml)$/i;

/** Files under the given paths that may be templates, parameter files, policies or config. */
export function* candidateFiles(start: string, config: Config, configFolder: string): Generator<string> {
  const stat = fs.statSync(start);
  if (stat.isFile()) {
    yield start;
    return;
  }
  const pending = [start];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(configFolder, full).split(path.sep).join('/');
      if (isIgnored(relative, config)) continue;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) subfolders.push(full);
      } else if (entry.isFile() && candidate.test(entry.name)) {
        yield full;
      }
    }
    pending.push(...subfolders.reverse());
  }
}
