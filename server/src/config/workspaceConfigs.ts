import * as path from 'node:path';
import { findConfig, isInside, loadConfig, type LocatedConfig } from './configLookup';
import { emptyConfig, isIgnored } from './config';

/** Config per file for the language server: cached, and only read inside the workspace folders. */
export class WorkspaceConfigs {
  private readonly cache = new Map<string, LocatedConfig>();

  constructor(private readonly folders: readonly string[], private readonly explicitFile?: string) {}

  /** The innermost workspace folder holding `file`. */
  workspaceFolderOf(file: string): string | undefined {
    return this.folders.filter((f) => isInside(file, f)).sort((a, b) => b.length - a.length)[0];
  }

  forFile(file: string): LocatedConfig {
    const folder = this.workspaceFolderOf(file);
    if (!folder) return { config: emptyConfig, folder: path.dirname(file) };
    const key = path.dirname(file);
    let located = this.cache.get(key);
    if (!located) {
      located = this.read(file, folder);
      this.cache.set(key, located);
    }
    return located;
  }

  isIgnored(file: string): boolean {
    const { config, folder } = this.forFile(file);
    return isIgnored(path.relative(folder, file).split(path.sep).join('/'), config);
  }

  invalidate(): void {
    this.cache.clear();
  }

  private read(file: string, folder: string): LocatedConfig {
    try {
      if (this.explicitFile) {
        const explicit = path.resolve(folder, this.explicitFile);
        if (isInside(explicit, folder)) return loadConfig(explicit);
      }
      return findConfig(file, folder);
    } catch {
      return { config: emptyConfig, folder };
    }
  }
}
