import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseFile } from '../analysis';
import { applyRuleLevels } from '../config/config';
import { documentKindOf } from '../syntax/documentKind';
import type { Finding } from '../rules/finding';
import { findConfig, loadConfig } from '../config/configLookup';
import { candidateFiles } from './walk';
import { releaseTemplateModels } from '../workspace/templateModels';
import { diskReader, maxWorkspaceFiles } from '../workspace/workspaceReader';

export interface CheckReport {
  /** Folder that report paths are relative to. */
  readonly root: string;
  readonly filesChecked: number;
  readonly findings: readonly Finding[];
  /** Text of every file with findings, for line/column conversion. */
  readonly texts: ReadonlyMap<string, string>;
  /** Things the user should know about the run (printed on stderr), e.g. a workspace cut at the file bound. */
  readonly notices: readonly string[];
}

export class InputError extends Error {}

export function runCheck(paths: readonly string[], configFile?: string): CheckReport {
  const absolute = paths.map((p) => path.resolve(p));
  for (const p of absolute) {
    if (!fs.existsSync(p)) throw new InputError(`${p}: no such file or folder`);
  }
  const root = absolute.length === 1 && fs.statSync(absolute[0]).isDirectory() ? absolute[0] : process.cwd();
  const explicitConfig = configFile ? loadExplicitConfig(configFile) : undefined;
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  const notices: string[] = [];
  const shared = diskReader(root);
  for (const start of absolute) {
    // A folder named on the command line is a workspace of its own; single files share the current one.
    const reader = start !== root && fs.statSync(start).isDirectory() ? diskReader(start) : shared;
    if (reader.filesUnder(reader.root).length >= maxWorkspaceFiles) {
      notices.push(`${reader.root}: more than ${maxWorkspaceFiles} template and policy files; cross-file rules saw the first ${maxWorkspaceFiles} (check sub-folders separately for complete results)`);
    }
    const located = explicitConfig ?? findConfig(start);
    for (const file of candidateFiles(start, located.config, located.folder)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readText(file);
      const kind = documentKindOf(file, text);
      if (kind === 'none') continue;
      const fileFindings = applyRuleLevels(analyseFile({ file, text }, kind, { workspaceRoot: reader.root, reader, defaultTimeZone: located.config.timeZone }), located.config);
      if (fileFindings.length > 0) texts.set(file, text);
      findings.push(...fileFindings);
    }
    if (reader !== shared) releaseTemplateModels(reader.root);
  }
  return { root, filesChecked: seen.size, findings, texts, notices };
}

function loadExplicitConfig(file: string) {
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
