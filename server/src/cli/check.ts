import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseFile, maxFileBytes as defaultMaxFileBytes } from '../analysis';
import { applyRuleLevels } from '../config/config';
import { documentKindOf, type DocumentKind } from '../syntax/documentKind';
import type { Finding } from '../rules/finding';
import { findConfig, loadConfig } from '../config/configLookup';
import { candidateFiles } from './walk';
import { releaseTemplateModels } from '../workspace/templateModels';
import { diskReader, maxWorkspaceFiles } from '../workspace/workspaceReader';

export interface CheckReport {
  /** Folder that report paths are relative to: the current folder. */
  readonly root: string;
  /** Templates, parameter and policy files analysed (config files and skipped files not counted). */
  readonly filesChecked: number;
  readonly findings: readonly Finding[];
  /** Text of every file with findings, for line/column conversion. */
  readonly texts: ReadonlyMap<string, string>;
  /** Things the user should know about the run (printed on stderr), e.g. a workspace cut at the file bound. */
  readonly notices: readonly string[];
}

export class InputError extends Error {}

export interface CheckOptions {
  readonly configFile?: string;
  /** Files larger than this are not analysed (HN001 on a template, skipped otherwise). */
  readonly maxFileBytes?: number;
}

export function runCheck(paths: readonly string[], options: CheckOptions = {}): CheckReport {
  const { configFile, maxFileBytes = defaultMaxFileBytes } = options;
  const absolute = paths.map((p) => path.resolve(p));
  for (const [i, p] of absolute.entries()) {
    if (!fs.existsSync(p)) throw new InputError(`${paths[i]}: no such file or folder`);
  }
  const root = absolute.length === 1 && fs.statSync(absolute[0]).isDirectory() ? absolute[0] : process.cwd();
  let filesChecked = 0;
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
      const named = file === start;
      const { text, kind, tooLarge, binary } = readCandidate(file, maxFileBytes);
      if (kind === 'none') {
        if (named) notices.push(`${path.relative(process.cwd(), file) || file}: skipped: ${whyNotChecked(file, binary)}`);
        continue;
      }
      if (kind !== 'config') filesChecked++;
      const fileFindings = tooLarge
        ? [tooLargeFinding(file, maxFileBytes)]
        : applyRuleLevels(analyseFile({ file, text }, kind, { workspaceRoot: reader.root, reader, defaultTimeZone: located.config.timeZone, maxFileBytes }), located.config);
      if (fileFindings.length > 0) texts.set(file, text);
      findings.push(...fileFindings);
    }
    if (reader !== shared) releaseTemplateModels(reader.root);
  }
  return { root: process.cwd(), filesChecked, findings, texts, notices };
}

function loadExplicitConfig(file: string) {
  try {
    return loadConfig(file);
  } catch (error) {
    throw new InputError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/** Enough of the file to tell what it is; past the size bound only its start is read. */
function readCandidate(file: string, maxFileBytes: number): { text: string; kind: DocumentKind; tooLarge: boolean; binary: boolean } {
  try {
    const size = fs.statSync(file).size;
    const tooLarge = size > maxFileBytes;
    const text = (tooLarge ? readStart(file, kindProbeBytes) : fs.readFileSync(file, 'utf8')).replace(/^\uFEFF/, '');
    const binary = text.slice(0, kindProbeBytes).includes('\u0000');
    return { text: tooLarge ? '' : text, kind: binary ? 'none' : documentKindOf(file, text), tooLarge, binary };
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

const kindProbeBytes = 64 * 1024;

function readStart(file: string, bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    return buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function whyNotChecked(file: string, binary: boolean): string {
  if (binary) return 'a binary file, not a template, parameter or policy file';
  if (/\.jsonc?$/i.test(file)) return 'not an ARM template (no deploymentTemplate $schema)';
  return 'not a Bicep, ARM template, parameter or policy file';
}

function tooLargeFinding(file: string, maxFileBytes: number): Finding {
  const megabytes = Math.round((maxFileBytes / 1024 / 1024) * 100) / 100;
  return { ruleId: 'HN001', level: 'error', message: `the file is larger than ${megabytes} MB and is not analysed (raise the bound with --max-file-size)`, file, span: { offset: 0, length: 0 } };
}
