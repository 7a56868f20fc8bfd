import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const deploymentEntries = new Set(['azuredeploy.json', 'main.bicep', 'main.json']);

/** Folders below `dir` holding a deployment entry point (azuredeploy.json, main.bicep, main.json): each is checked as one workspace. */
export function deploymentFolders(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && deploymentEntries.has(e.name.toLowerCase()))) found.push(folder);
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path.join(folder, entry.name));
  };
  walk(path.resolve(dir));
  return found;
}
