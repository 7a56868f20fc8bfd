import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyConfig, readConfig, type Config } from './config';

export interface LocatedConfig {
  readonly config: Config;
  /** The folder the config's ignore globs are relative to. */
  readonly folder: string;
  readonly file?: string;
}

export const configFileName = 'hipaa-notify.json';

/**
 * The nearest hipaa-notify.json at or above `start`, not looking above `boundary` when one is
 * given (the language server never reads outside the workspace); the empty config when none.
 */
export function findConfig(start: string, boundary?: string): LocatedConfig {
  const origin = path.resolve(start);
  let folder = origin;
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) folder = path.dirname(folder);
  const limit = boundary ? path.resolve(boundary) : undefined;
  const notFound = { config: emptyConfig, folder: limit ?? folder };
  if (limit && !isInside(folder, limit)) return notFound;
  for (;;) {
    const candidate = path.join(folder, configFileName);
    if (fs.existsSync(candidate)) return loadConfig(candidate);
    const parent = path.dirname(folder);
    if (parent === folder || folder === limit) return notFound;
    folder = parent;
  }
}

export function loadConfig(file: string): LocatedConfig {
  const absolute = path.resolve(file);
  const { config } = readConfig(fs.readFileSync(absolute, 'utf8'));
  return { config, folder: path.dirname(absolute), file: absolute };
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
