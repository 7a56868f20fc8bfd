import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads the workspace's files: open editor buffers first, then disk, never outside the root. */
export interface WorkspaceReader {
  readonly root: string;
  /** The files never change while the reader lives (a CLI run): listings and evaluations can be reused without checking. */
  readonly unchanging?: boolean;
  /**
   * For a reader that is told of every change (the language server's, through `changed`): the
   * files changed since a generation, or 'all' when it cannot say. Lets a keystroke re-check
   * only what it touched instead of every file of the workspace.
   */
  changesSince?(generation: number): readonly string[] | 'all';
  readonly generation?: number;
  readText(file: string): string | undefined;
  /** Template, parameter and policy files below `folder` (inside the root), skipping node_modules and .git, up to a bound. */
  filesUnder(folder: string): string[];
}

/**
 * Files one workspace takes into its cross-file rules. The workspace index makes the work per
 * file independent of the workspace's size, so the bound only caps memory: the three public
 * corpora together (about 12,000 such files) fit well inside it.
 */
export const maxWorkspaceFiles = 50_000;
const skipped = new Set(['node_modules', '.git']);
/** What workspace analysis reads: Bicep, ARM JSON (templates and parameter files) and policy files. */
const analysedFile = /\.(bicep|bicepparam|json|jsonc|ya?ml)$/i;

export function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A reader that keeps what it read until told that files changed (the language server's). */
export interface CachingWorkspaceReader extends WorkspaceReader {
  /** Forget a file's text (it changed), or everything when no file is given (files were added or removed). */
  forget(file?: string): void;
  /** An open editor buffer of this file changed, opened or closed (the overlay's text for it may differ). */
  changed(file: string): void;
  /**
   * A file watcher's event. A template, parameter or policy file created or deleted joins or
   * leaves the listings and only its text is read again; an event about anything else (a folder
   * created or deleted with everything in it) makes the reader start over.
   */
  fileEvent(file: string | undefined, change: 'created' | 'changed' | 'deleted'): void;
}

export interface ReaderOptions {
  /** The owner calls `changed` and `forget` on every change, so readers of it may trust `changesSince`. */
  readonly tracksChanges?: boolean;
}

/**
 * Texts and listings are read once and kept: a CLI run makes one reader; the language server
 * keeps one per workspace folder and calls `forget` on file events.
 */
const noOverlay = (): undefined => undefined;

export function diskReader(root: string, overlay: (file: string) => string | undefined = noOverlay, options: ReaderOptions = {}): CachingWorkspaceReader {
  const realRoot = safeRealpath(root) ?? root;
  const texts = new Map<string, string | undefined>();
  const listings = new Map<string, string[]>();
  // log[i] is the file changed at generation i + 1; '' means everything.
  const log: string[] = [];
  return {
    root,
    unchanging: overlay === noOverlay,
    get generation() {
      return log.length;
    },
    ...(options.tracksChanges ? { changesSince: (generation: number) => (log.slice(generation).includes('') ? 'all' : log.slice(generation)) } : {}),
    changed(file) {
      // An editor buffer of a file the listings do not hold (created since, or not saved yet) joins
      // them while it is open or on disk; one that was closed unsaved leaves them.
      const listed = listingsHolding(listings, file);
      const exists = overlay(file) !== undefined || fs.existsSync(file);
      if (analysedFile.test(file) && isInsideFolder(file, root) && listed.some((l) => l.includes(file) !== exists)) {
        for (const listing of listed) {
          const at = listing.indexOf(file);
          if (exists && at < 0) listing.splice(sortedIndex(listing, file), 0, file);
          else if (!exists && at >= 0) listing.splice(at, 1);
        }
        log.push('');
        return;
      }
      log.push(file);
    },
    readText(file) {
      // Files read before were inside the root; the check (path arithmetic) is paid once per file.
      if (!texts.has(file) && !isInsideFolder(file, root)) return undefined;
      const open = overlay(file);
      if (open !== undefined) return open;
      if (!texts.has(file)) texts.set(file, readInside(file, realRoot));
      return texts.get(file);
    },
    filesUnder(folder) {
      let listing = listings.get(folder);
      if (!listing) {
        listing = listFiles(folder, root);
        listings.set(folder, listing);
      }
      return listing;
    },
    fileEvent(file, change) {
      if (file === undefined || !isInsideFolder(file, root)) return;
      if (change === 'changed') return this.forget(file);
      const listed = listingsHolding(listings, file);
      const oneFile = analysedFile.test(file) && (change === 'created' ? isFile(file) : listed.every((listing) => listing.includes(file)) || !listed.length);
      if (!oneFile) return this.forget();
      texts.delete(file);
      this.changed(file);
    },
    forget(file) {
      if (this.unchanging) throw new Error('a reader of unchanging files cannot forget');
      if (file === undefined) {
        texts.clear();
        listings.clear();
      } else {
        texts.delete(file);
      }
      log.push(file ?? '');
    },
  };
}

/** The cached listings of folders that contain `file`. */
function listingsHolding(listings: ReadonlyMap<string, string[]>, file: string): string[][] {
  return [...listings].filter(([folder]) => isInsideFolder(file, folder)).map(([, listing]) => listing);
}

function sortedIndex(sorted: readonly string[], item: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < item) low = middle + 1;
    else high = middle;
  }
  return low;
}

function readInside(file: string, realRoot: string): string | undefined {
  const real = safeRealpath(file);
  if (!real || !isInsideFolder(real, realRoot)) return undefined;
  try {
    return fs.readFileSync(real, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function listFiles(folder: string, root: string): string[] {
  if (!isInsideFolder(folder, root)) return [];
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0 && files.length < maxWorkspaceFiles) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && !skipped.has(entry.name)) pending.push(full);
      else if (entry.isFile() && analysedFile.test(entry.name)) files.push(full);
    }
  }
  return files.slice(0, maxWorkspaceFiles).sort();
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}
