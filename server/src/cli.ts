import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkArguments, commandUsage, modelArguments, parseCommandLine, usage, UsageError, type CheckArguments, type ParsedCommand } from './cli/arguments';
import { InputError, runCheck, type CheckReport } from './cli/check';
import { formatGithub } from './cli/formats/github';
import { formatJson } from './cli/formats/json';
import { formatSarif } from './cli/formats/sarif';
import { formatText, plural } from './cli/formats/text';
import { formatModelJson, formatModelText, modelRows } from './cli/model';
import { formatFixDiff, formatFixSummary, runFix } from './cli/fix';
import { runCoverageCommand } from './cli/coverage/runCoverage';
import { boundHeapGrowth } from './heapGrowth';

declare const HIPAA_NOTIFY_VERSION: string | undefined;
const version = typeof HIPAA_NOTIFY_VERSION === 'string' ? HIPAA_NOTIFY_VERSION : '0.0.0-dev';

/** Each command's handler, by name: a new command is an entry in `commands` (arguments.ts) and one here. */
const handlers: Record<string, (parsed: ParsedCommand) => number> = {
  check: (parsed) => check(checkArguments(parsed)),
  model: (parsed) => {
    const args = modelArguments(parsed);
    const rows = modelRows(args.path);
    process.stdout.write(args.format === 'json' ? formatModelJson(rows) : formatModelText(rows));
    return 0;
  },
};

function check(args: CheckArguments): number {
  boundHeapGrowth();
  if (args.fix) {
    const fixed = runFix(args.paths, { ...(args.config ? { config: args.config } : {}), write: !args.dryRun });
    process.stderr.write(formatFixSummary(fixed, !args.dryRun));
    if (args.dryRun) {
      process.stdout.write(formatFixDiff(fixed));
      return fixed.changes.size > 0 ? 1 : 0;
    }
  }
  const full = runCheck(args.paths, { ...(args.config ? { configFile: args.config } : {}), maxFileBytes: args.maxFileBytes });
  for (const notice of full.notices) process.stderr.write(`hipaa-notify: note: ${notice}\n`);
  if (full.filesChecked === 0) {
    process.stderr.write(`hipaa-notify: nothing to check: no Bicep, ARM template, parameter or policy file in ${args.paths.join(', ')}\n`);
    return 2;
  }
  const report: CheckReport = args.quiet ? { ...full, findings: full.findings.filter((f) => f.level === 'error') } : full;
  const style = { absolutePaths: args.absolutePaths };
  const text =
    args.format === 'sarif' ? formatSarif(report, version, style)
    : args.format === 'json' ? formatJson(report, style)
    : args.format === 'github' ? formatGithub(report, style)
    : formatText(report, { ...style, color: !args.output && useColor(args.color) });
  if (args.output) writeReport(args.output, text);
  else process.stdout.write(text);
  if (full.findings.some((f) => f.level === 'error')) return 1;
  const warnings = full.findings.filter((f) => f.level === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    process.stderr.write(`hipaa-notify: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** --color/--no-color win; otherwise colour on a terminal unless NO_COLOR is set (no-color.org). */
function useColor(explicit: boolean | undefined): boolean {
  if (explicit !== undefined) return explicit;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

function writeReport(file: string, text: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) throw new InputError(`cannot write the report to ${file}: the folder ${path.dirname(file)} does not exist`);
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`cannot write the report to ${file} (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})`);
  }
}

function main(argv: readonly string[]): number {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.command === 'help') {
      process.stdout.write(('about' in parsed && parsed.about ? commandUsage(parsed.about) : usage()) + '\n');
      return 0;
    }
    if (parsed.command === 'version') {
      process.stdout.write(version + '\n');
      return 0;
    }
    return handlers[parsed.command](parsed as ParsedCommand);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hipaa-notify: ${error.message}\n${error.command ? `Run 'hipaa-notify ${error.command} --help' for its options.` : `\n${usage()}`}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`hipaa-notify: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`hipaa-notify: internal error: ${message}\n`);
    return 2;
  }
}

if (process.argv[2] === 'coverage') {
  runCoverageCommand(process.argv.slice(3), version).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`hipaa-notify: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else process.exitCode = main(process.argv.slice(2));
