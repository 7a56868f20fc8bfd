import * as fs from 'node:fs';
import { DefaultAzureCredential } from '@azure/identity';
import { analyseSnapshot } from '../../azure/analyseSnapshot';
import { discoverCloud, resolveCloud } from '../../azure/clouds';
import { readLiveEstate, SignInError, type ReadProgress } from '../../azure/readLiveEstate';
import { redactText } from '../../azure/redact';
import type { LiveSnapshot } from '../../azure/snapshot';
import { readSnapshotFile, SnapshotError, writeSnapshotFile } from '../../azure/snapshotFile';
import { UsageError } from '../arguments';
import { coverageUsage, parseCoverageArguments, type CoverageArguments } from './coverageArguments';
import { coverageJson, coverageSarif, coverageText } from './coverageFormats';

/** `hipaa-notify coverage ...`: exit codes as `check` (0 clean, 1 error-level findings, 2 usage, sign-in or input problems). */
export async function runCoverageCommand(argv: readonly string[], version: string): Promise<number> {
  let args: CoverageArguments;
  try {
    args = parseCoverageArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`hipaa-notify: ${error.message}\n\n${coverageUsage}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(coverageUsage + '\n');
    return 0;
  }
  try {
    const snapshot = args.snapshot ? readSnapshotFile(args.snapshot) : await readEstate(args);
    if (args.snapshotOut) writeSnapshotFile(args.snapshotOut, snapshot);
    const report = analyseSnapshot(snapshot);
    for (const error of report.errors) if (error.status === 403) process.stderr.write(`hipaa-notify: note: no read permission on ${error.scope}: what it holds is reported as unknown\n`);
    const text = args.format === 'sarif' ? coverageSarif(report, version) : args.format === 'json' ? coverageJson(report) : coverageText(report);
    if (args.output) fs.writeFileSync(args.output, text);
    else process.stdout.write(text);
    return report.findings.some((f) => f.level === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof SignInError || error instanceof SnapshotError) {
      process.stderr.write(`hipaa-notify: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && /endpoint|URL/.test(error.message) && args.armEndpoint) {
      process.stderr.write(`hipaa-notify: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function readEstate(args: CoverageArguments): Promise<LiveSnapshot> {
  const cloud = await discoverCloud(resolveCloud(args));
  const credential = new DefaultAzureCredential({ ...(args.tenant ? { tenantId: args.tenant } : {}), ...(cloud.authorityHost ? { authorityHost: cloud.authorityHost } : {}) });
  const controller = new AbortController();
  // Ctrl+C stops the read; what was read is still reported. A second Ctrl+C exits at once.
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nhipaa-notify: cancelling; reporting what was read\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  const progress = process.stderr.isTTY ? progressLine() : undefined;
  try {
    return await readLiveEstate({
      credential,
      ...(args.armEndpoint ? { armEndpoint: args.armEndpoint } : { cloud: cloud.name === 'Custom' ? 'AzureCloud' : cloud.name }),
      ...(args.subscriptions.length > 0 ? { subscriptions: args.subscriptions } : {}),
      signal: controller.signal,
      ...(progress ? { onProgress: progress } : {}),
    });
  } finally {
    process.off('SIGINT', interrupt);
    if (progress) process.stderr.write('\r\x1b[K');
  }
}

/** One self-overwriting line of counters on a terminal, at most ten times a second. */
function progressLine(): (progress: ReadProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.phase !== 'done') return;
    last = now;
    process.stderr.write(redactText(`\r\x1b[Kreading ${p.phase}: ${p.subscriptionsDone}/${p.subscriptions} subscriptions, ${p.resources} resources, ${p.requests} requests${p.errors ? `, ${p.errors} not readable` : ''}`));
  };
}
