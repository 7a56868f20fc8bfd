/**
 * Command-line parsing from one table: each command lists its options, and usage text, `--help`
 * and the errors come from that table. A new command or option is one entry here plus its handler.
 */

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  /** The value's placeholder in usage (`FILE`); absent for a flag. */
  readonly value?: string;
  /** Allowed values, when the value is one of a few words. */
  readonly choices?: readonly string[];
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  /** What follows the command in the usage line, e.g. `[PATH...]`. */
  readonly operands: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** Paragraphs after the option list. */
  readonly details?: string;
}

/** What the parser read: the command, its option values (a flag holds `true`) and its operands. */
export interface ParsedCommand {
  readonly command: string;
  readonly options: ReadonlyMap<string, string | true>;
  readonly operands: readonly string[];
}

export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

const help: OptionSpec = { name: '--help', alias: '-h', help: 'show this help' };

export const defaultMaxFileMegabytes = 8;

export const commands: CommandSpec[] = [
  {
    name: 'check',
    operands: '[PATH...]',
    summary: 'Checks Bicep, ARM JSON, parameter and notification policy files for HIPAA notification compliance.',
    options: [
      { name: '--format', value: 'FORMAT', choices: ['text', 'json', 'sarif', 'github'], help: 'text (default), json, sarif, or github (workflow annotations)' },
      { name: '--output', alias: '-o', value: 'FILE', help: 'write the report to FILE instead of standard output' },
      { name: '--config', value: 'FILE', help: 'use this hipaa-notify.json instead of the nearest one' },
      { name: '--quiet', alias: '-q', help: 'report errors only' },
      { name: '--max-warnings', value: 'N', help: 'exit 1 when there are more than N warnings' },
      { name: '--max-file-size', value: 'MB', help: `files larger than MB megabytes are not analysed (default ${defaultMaxFileMegabytes})` },
      { name: '--absolute-paths', help: 'print absolute paths (default: relative to the current folder)' },
      { name: '--color', help: 'colour the text report (default: on a terminal, unless NO_COLOR is set)' },
      { name: '--no-color', help: 'never colour the text report' },
      { name: '--fix', help: 'apply every safe fix to the files in place, then report what is left (fixes that need a choice, such as which action group, are applied only when the choice is unique)' },
      { name: '--dry-run', help: 'with --fix: print the fixes as a unified diff and change nothing (exit 1 when there is something to fix)' },
      help,
    ],
    details: `PATH is a file or a folder (default: the current folder). Folders are walked, skipping
node_modules, .git and the config file's ignore globs. A file named on the command line that is
not a template, parameter or policy file is skipped with a note; a run that checks nothing exits 2.
Paths in the report are relative to the current folder.

Exit codes: 0 no error-level findings, 1 error-level findings (or more warnings than
--max-warnings), 2 usage error, unreadable input or nothing to check.`,
  },
  {
    name: 'model',
    operands: 'TEMPLATE',
    summary: 'Prints what the analysis sees a template deploy.',
    options: [{ name: '--format', value: 'FORMAT', choices: ['text', 'json'], help: 'text (default) or json' }, help],
    details: `Each resource's type, name, API version, whether it is deployed (its condition) and where it
is declared, with the paired parameter file's values.`,
  },
];

/** The short usage of every command, then the general flags. */
export function usage(): string {
  const lines = commands.map((c, i) => `${i === 0 ? 'usage: ' : '       '}hipaa-notify ${c.name} ${c.operands} [options]`);
  return [
    ...lines,
    '       hipaa-notify coverage [--subscription ID]... [options]',
    '       hipaa-notify --version',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
    `  ${'coverage'.padEnd(8)} Reads Azure subscriptions as deployed and runs the same rules on them.`,
    '',
    "Run 'hipaa-notify COMMAND --help' for a command's options.",
  ].join('\n');
}

export function commandUsage(name: string): string {
  const spec = commandSpec(name);
  const optionLines = spec.options.map((o) => {
    const left = `${o.alias ? `${o.alias}, ` : '    '}${o.name}${o.value ? ` ${o.value}` : ''}`;
    return `  ${left.padEnd(26)} ${o.help}`;
  });
  return [`usage: hipaa-notify ${spec.name} ${spec.operands} [options]`, '', spec.summary, '', 'Options:', ...optionLines, ...(spec.details ? ['', spec.details] : [])].join('\n');
}

function commandSpec(name: string): CommandSpec {
  const spec = commands.find((c) => c.name === name);
  if (!spec) throw new UsageError(`unknown command '${name}'`);
  return spec;
}

/** `help`, `version`, or a command with its options; unknown options and missing values are usage errors. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | { readonly command: 'help' | 'version'; readonly about?: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help', ...(rest[0] ? { about: rest[0] } : {}) };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  const spec = commandSpec(command);
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    if (argument === '--') {
      operands.push(...rest.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      operands.push(argument);
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const option = spec.options.find((o) => o.name === flag || o.alias === flag);
    if (!option) throw new UsageError(`unknown option '${flag}' for ${spec.name}`, spec.name);
    if (option.name === '--help') return { command: 'help', about: spec.name };
    if (!option.value) {
      if (equals > 0) throw new UsageError(`${option.name} takes no value`, spec.name);
      options.set(option.name, true);
      continue;
    }
    const value = equals > 0 ? argument.slice(equals + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${option.name} needs a value (${option.value})`, spec.name);
    if (option.choices && !option.choices.includes(value)) throw new UsageError(`${option.name} must be ${listOf(option.choices)}, not '${value}'`, spec.name);
    options.set(option.name, value);
  }
  return { command: spec.name, options, operands };
}

function listOf(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export interface CheckArguments {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly output?: string;
  readonly config?: string;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly maxFileBytes: number;
  readonly absolutePaths: boolean;
  /** Explicit --color / --no-color; undefined decides from the terminal and NO_COLOR. */
  readonly color?: boolean;
  /** Apply every safe fix in place first (`--fix`); with `dryRun`, print them as a unified diff instead. */
  readonly fix?: boolean;
  readonly dryRun?: boolean;
}

export interface ModelArguments {
  readonly command: 'model';
  readonly path: string;
  readonly format: 'text' | 'json';
}

export function checkArguments(parsed: ParsedCommand): CheckArguments {
  const { options } = parsed;
  const text = (name: string) => (typeof options.get(name) === 'string' ? (options.get(name) as string) : undefined);
  const maxWarnings = text('--max-warnings');
  const maxFileSize = text('--max-file-size');
  if (options.has('--dry-run') && !options.has('--fix')) throw new UsageError('--dry-run goes with --fix', 'check');
  if (options.has('--color') && options.has('--no-color')) throw new UsageError('--color and --no-color cannot both be given', 'check');
  return {
    command: 'check',
    paths: parsed.operands.length > 0 ? parsed.operands : ['.'],
    format: (text('--format') ?? 'text') as OutputFormat,
    ...(text('--output') ? { output: text('--output') } : {}),
    ...(text('--config') ? { config: text('--config') } : {}),
    quiet: options.has('--quiet'),
    ...(maxWarnings !== undefined ? { maxWarnings: wholeNumber('--max-warnings', maxWarnings) } : {}),
    maxFileBytes: Math.round(positiveNumber('--max-file-size', maxFileSize ?? String(defaultMaxFileMegabytes)) * 1024 * 1024),
    absolutePaths: options.has('--absolute-paths'),
    ...(options.has('--color') ? { color: true } : options.has('--no-color') ? { color: false } : {}),
    ...(options.has('--fix') ? { fix: true } : {}),
    ...(options.has('--dry-run') ? { dryRun: true } : {}),
  };
}

export function modelArguments(parsed: ParsedCommand): ModelArguments {
  if (parsed.operands.length !== 1) throw new UsageError('model takes exactly one template file', 'model');
  return { command: 'model', path: parsed.operands[0], format: (parsed.options.get('--format') ?? 'text') as 'text' | 'json' };
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not '${value}'`, 'check');
  return Number(value);
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n <= 0) throw new UsageError(`${flag} must be a positive number of megabytes, not '${value}'`, 'check');
  return n;
}
