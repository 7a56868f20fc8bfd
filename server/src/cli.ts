import * as fs from 'node:fs';
import { parseArguments, usage, UsageError, type CheckArguments } from './cli/arguments';
import { InputError, runCheck } from './cli/check';
import { runCoverageCommand } from './cli/coverage/runCoverage';
import { formatJson } from './cli/formats/json';
import { formatSarif } from './cli/formats/sarif';
import { formatText } from './cli/formats/text';
import { formatModelJson, formatModelText, modelRows } from './cli/model';

declare const HIPAA_NOTIFY_VERSION: string | undefined;
const version = typeof HIPAA_NOTIFY_VERSION === 'string' ? HIPAA_NOTIFY_VERSION : '0.0.0-dev';

function check(args: CheckArguments): number {
  const report = runCheck(args.paths, args.config);
  for (const notice of report.notices) process.stderr.write(`hipaa-notify: note: ${notice}\n`);
  const text = args.format === 'sarif' ? formatSarif(report, version) : args.format === 'json' ? formatJson(report) : formatText(report);
  if (args.output) fs.writeFileSync(args.output, text);
  else process.stdout.write(text);
  return report.findings.some((f) => f.level === 'error') ? 1 : 0;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArguments(argv);
    if (args.command === 'help') {
      process.stdout.write(usage + '\n');
      return 0;
    }
    if (args.command === 'version') {
      process.stdout.write(version + '\n');
      return 0;
    }
    if (args.command === 'model') {
      const rows = modelRows(args.path);
      process.stdout.write(args.format === 'json' ? formatModelJson(rows) : formatModelText(rows));
      return 0;
    }
    return check(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hipaa-notify: ${error.message}\n\n${usage}\n`);
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
