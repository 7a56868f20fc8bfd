export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArguments {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly output?: string;
  readonly config?: string;
}

export interface ModelArguments {
  readonly command: 'model';
  readonly path: string;
  readonly format: 'text' | 'json';
}

export type CliArguments = CheckArguments | ModelArguments | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const usage = `usage: hipaa-notify check [PATH...] [--format text|json|sarif] [--output FILE] [--config FILE]
       hipaa-notify model TEMPLATE [--format text|json]
       hipaa-notify coverage [--subscription ID]... [--arm-endpoint URL] ... (hipaa-notify coverage --help)

Checks Bicep, ARM JSON and notification policy files for HIPAA notification compliance.
PATH is a file or a folder (default: the current folder); folders are walked, skipping
node_modules, .git and the config file's ignore globs.

  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --config FILE              use this hipaa-notify.json instead of the nearest one

'model' prints what the analysis sees a template deploy: each resource's type, name, API
version, whether it is deployed (its condition) and where it is declared, with the paired
parameter file's values.

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage error or unreadable input.`;

export function parseArguments(argv: readonly string[]): CliArguments {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'model') return parseModelArguments(rest);
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
  const paths: string[] = [];
  let format: OutputFormat = 'text';
  let output: string | undefined;
  let config: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
        format = f;
        break;
      }
      case '--output':
      case '-o':
        output = value();
        break;
      case '--config':
        config = value();
        break;
      case '--help':
      case '-h':
        return { command: 'help' };
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
        paths.push(argument);
    }
  }
  return { command: 'check', paths: paths.length > 0 ? paths : ['.'], format, ...(output ? { output } : {}), ...(config ? { config } : {}) };
}

function parseModelArguments(rest: readonly string[]): ModelArguments {
  let format: 'text' | 'json' = 'text';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    if (argument === '--format' || argument.startsWith('--format=')) {
      const value = argument.includes('=') ? argument.slice('--format='.length) : rest[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format for model must be text or json, not '${value ?? ''}'`);
      format = value;
    } else if (argument.startsWith('-')) {
      throw new UsageError(`unknown option '${argument}'`);
    } else {
      paths.push(argument);
    }
  }
  if (paths.length !== 1) throw new UsageError('model takes exactly one template file');
  return { command: 'model', path: paths[0], format };
}
