import { isCloudName, type CloudName } from '../../azure/clouds';
import { UsageError, type OutputFormat } from '../arguments';

export interface CoverageArguments {
  readonly subscriptions: readonly string[];
  readonly tenant?: string;
  readonly cloud?: CloudName;
  readonly armEndpoint?: string;
  readonly snapshot?: string;
  readonly snapshotOut?: string;
  readonly format: OutputFormat;
  readonly output?: string;
  readonly help?: boolean;
}

export const coverageUsage = `usage: hipaa-notify coverage [--subscription ID]... [--tenant ID] [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud]
                             [--arm-endpoint URL] [--snapshot FILE] [--snapshot-out FILE]
                             [--format text|json|sarif] [--output FILE]

Reads what the Azure subscriptions hold today (read-only: GET, list and Resource Graph queries),
runs the same rules as 'check' on it and reports findings per resource and the coverage of each
HIPAA control (detect, route, deliver, log, retain). Without --subscription it reads every
subscription the credential can see. Sign-in: DefaultAzureCredential (environment variables,
workload identity, managed identity, Azure CLI); --tenant picks the tenant.

  --subscription ID     a subscription to read (repeat for more)
  --tenant ID           the Microsoft Entra tenant to sign in to
  --cloud NAME          AzureCloud (default), AzureUSGovernment or AzureChinaCloud
  --arm-endpoint URL    a custom cloud's Resource Manager endpoint (Azure Stack Hub)
  --snapshot FILE       analyse a snapshot written by --snapshot-out, offline
  --snapshot-out FILE   write what was read (secrets redacted) to FILE
  --format text|json|sarif, --output FILE   as for 'check'

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage error, sign-in failure or unreadable snapshot.`;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCoverageArguments(argv: readonly string[]): CoverageArguments {
  const subscriptions: string[] = [];
  let tenant: string | undefined;
  let cloud: CloudName | undefined;
  let armEndpoint: string | undefined;
  let snapshot: string | undefined;
  let snapshotOut: string | undefined;
  let format: OutputFormat = 'text';
  let output: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--subscription': {
        const id = value();
        if (!guid.test(id)) throw new UsageError(`--subscription takes a subscription ID (a GUID), not '${id}'`);
        subscriptions.push(id);
        break;
      }
      case '--tenant':
        tenant = value();
        break;
      case '--cloud': {
        const name = value();
        if (!isCloudName(name)) throw new UsageError(`--cloud must be AzureCloud, AzureUSGovernment or AzureChinaCloud, not '${name}' (a custom cloud is given by --arm-endpoint)`);
        cloud = name;
        break;
      }
      case '--arm-endpoint':
        armEndpoint = value();
        break;
      case '--snapshot':
        snapshot = value();
        break;
      case '--snapshot-out':
        snapshotOut = value();
        break;
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
      case '--help':
      case '-h':
        return { subscriptions, format, help: true };
      default:
        throw new UsageError(flag.startsWith('-') ? `unknown option '${flag}' for coverage` : `coverage takes no paths ('${argument}')`);
    }
  }
  if (cloud && armEndpoint) throw new UsageError('give --cloud or --arm-endpoint, not both');
  if (snapshot && (subscriptions.length > 0 || tenant || cloud || armEndpoint || snapshotOut)) throw new UsageError('--snapshot analyses a file offline: it takes no --subscription, --tenant, --cloud, --arm-endpoint or --snapshot-out');
  return { subscriptions, format, ...(tenant ? { tenant } : {}), ...(cloud ? { cloud } : {}), ...(armEndpoint ? { armEndpoint } : {}), ...(snapshot ? { snapshot } : {}), ...(snapshotOut ? { snapshotOut } : {}), ...(output ? { output } : {}) };
}
