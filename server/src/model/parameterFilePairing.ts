import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface PairedFile {
  readonly file: string;
  readonly text: string;
}

/** Largest parameter file read; bigger ones are not paired. */
const maxParameterFileBytes = 4 * 1024 * 1024;

/** `<name>.parameters.json` beside `<name>.json`, the name ARM tooling pairs a template with. */
export function parameterFileNameFor(templateFile: string): string | undefined {
  const match = /^(.*)\.json$/i.exec(templateFile);
  if (match === null || /\.parameters$/i.test(match[1])) return undefined;
  return `${match[1]}.parameters.json`;
}

/** Reads the paired parameter file, only when it lies inside `workspaceRoot` (symbolic links resolved). */
export function readPairedParameterFile(templateFile: string, workspaceRoot: string): PairedFile | undefined {
  const candidate = parameterFileNameFor(path.resolve(templateFile));
  if (candidate === undefined) return undefined;
  try {
    const real = realpathSync(candidate);
    const root = realpathSync(path.resolve(workspaceRoot));
    const relative = path.relative(root, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const stat = statSync(real);
    if (!stat.isFile() || stat.size > maxParameterFileBytes) return undefined;
    return { file: candidate, text: readFileSync(real, 'utf8') };
  } catch {
    return undefined;
  }
}
