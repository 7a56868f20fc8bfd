import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyConfig, readConfig, type Config } from '../config/config';

export interface LocatedConfig {
  readonly config: Config;
  /** The folder the config's ignore globs are relative to. */
  readonly folder: string;
  readonly file?: string;
}

export const configFileName = 'hipaa-notify.json';

/** The nearest hipaa-notify.json at or above `start`; the empty config when there is none. */
export function findConfig(start: string): LocatedConfig {
  let folder = path.resolve(start);
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) folder = path.dirname(folder);
  for (;;) {
    const candidate = path.join(folder, configFileName);
    if (fs.existsSync(candidate)) return loadConfig(candidate);
    const parent = path.dirname(folder);
    if (parent === folder) return { config: emptyConfig, folder: path.resolve(start) };
    folder = parent;
  }
}

export function loadConfig(file: string): LocatedConfig {
  const absolute = path.resolve(file);
  const { config } = readConfig(fs.readFileSync(absolute, 'utf8'));
  return { config, folder: path.dirname(absolute), file: absolute };
}
