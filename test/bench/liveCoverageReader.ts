/**
 * One live coverage run for the bench, in a process of its own that trusts the bench's throwaway
 * CA: read the estate through the SDK and analyse it; print what it took on stdout as JSON.
 *   node liveCoverageReader.js https://127.0.0.1:PORT
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { analyseSnapshot, readLiveEstate } from '../../server/src/azure';

async function main(armEndpoint: string): Promise<void> {
  const started = performance.now();
  const snapshot = await readLiveEstate({ credential: new ManagedIdentityCredential(), armEndpoint, ...(process.env.HN_BENCH_CONCURRENCY ? { concurrency: Number(process.env.HN_BENCH_CONCURRENCY) } : {}) });
  const readMs = performance.now() - started;
  const report = analyseSnapshot(snapshot);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, readMs, analyseMs: ms - readMs, resources: snapshot.resources.length, findings: report.findings.length, errors: report.errors.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
