import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { analyseFile } from '../analysis';
import { applyRuleLevels } from '../config/config';
import { findConfig, loadConfig, type LocatedConfig } from '../config/configLookup';
import { fixUntilStable } from '../fixes/fixFiles';
import type { Finding } from '../rules/finding';
import { documentKindOf } from '../syntax/documentKind';
import { diskReader } from '../workspace/workspaceReader';
import { InputError } from './check';
import { candidateFiles } from './walk';

export interface FixReport {
  /** Folder that diff paths are relative to. */
  readonly root: string;
  /** Files the fixes change: their text before and after. */
  readonly changes: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** Findings whose fix was applied, per rule. */
  readonly appliedByRule: ReadonlyMap<string, number>;
}

/**
 * Applies every safe fix (the only one a finding offers, not one that needs review) to the files under the
 * paths, re-analysing each workspace between passes; a fix that would edit a file outside the
 * checked files is left out. With `write`, changed files are saved in place.
 */
export function runFix(paths: readonly string[], options: { readonly config?: string; readonly write: boolean }): FixReport {
  const absolute = paths.map((p) => path.resolve(p));
  for (const p of absolute) if (!fs.existsSync(p)) throw new InputError(`${p}: no such file or folder`);
  const root = absolute.length === 1 && fs.statSync(absolute[0]).isDirectory() ? absolute[0] : process.cwd();
  const explicit = options.config ? loadConfigOrFail(options.config) : undefined;
  const changes = new Map<string, { before: string; after: string }>();
  const appliedByRule = new Map<string, number>();
  for (const start of absolute) {
    const workspace = start !== root && fs.statSync(start).isDirectory() ? start : root;
    const located = explicit ?? findConfig(start);
    const files = [...candidateFiles(start, located.config, located.folder)].filter((file) => documentKindOf(file, readText(file)) !== 'none');
    const editable = new Set(files);
    const run = fixUntilStable(
      (file) => changes.get(file)?.after ?? readText(file),
      (current) => analyseAll(files, workspace, located, current),
      { canEdit: (file) => editable.has(file) },
    );
    for (const [file, after] of run.changed) {
      const before = changes.get(file)?.before ?? readText(file);
      if (after !== before) changes.set(file, { before, after });
    }
    for (const [rule, count] of run.appliedByRule) appliedByRule.set(rule, (appliedByRule.get(rule) ?? 0) + count);
  }
  if (options.write) for (const [file, { after }] of changes) fs.writeFileSync(file, hasBom(file) ? `\uFEFF${after}` : after);
  return { root, changes, appliedByRule };
}

function analyseAll(files: readonly string[], workspace: string, located: LocatedConfig, current: (file: string) => string | undefined): Finding[] {
  const reader = diskReader(workspace, current);
  return files.flatMap((file) => {
    const text = current(file) ?? '';
    const findings = analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: workspace, reader, ...(located.config.timeZone ? { defaultTimeZone: located.config.timeZone } : {}) });
    return applyRuleLevels(findings, located.config);
  });
}

/** The changes as a unified diff, paths relative to the report's root. */
export function formatFixDiff(report: FixReport): string {
  return [...report.changes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { before, after }]) => {
      const name = path.relative(report.root, file).split(path.sep).join('/');
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 })
        .split('\n')
        .filter((line) => !/^={10,}$/.test(line))
        .join('\n');
    })
    .join('');
}

/** One line per rule: how many findings were fixed. */
export function formatFixSummary(report: FixReport, written: boolean): string {
  const total = [...report.appliedByRule.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 'hipaa-notify: no finding has a safe fix\n';
  const rules = [...report.appliedByRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ${count}`).join(', ');
  return `hipaa-notify: ${written ? 'fixed' : 'would fix'} ${total} finding${total === 1 ? '' : 's'} in ${report.changes.size} file${report.changes.size === 1 ? '' : 's'} (${rules})\n`;
}

function hasBom(file: string): boolean {
  const head = Buffer.alloc(3);
  const descriptor = fs.openSync(file, 'r');
  try {
    return fs.readSync(descriptor, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    fs.closeSync(descriptor);
  }
}

function loadConfigOrFail(file: string): LocatedConfig {
  try {
    return loadConfig(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
