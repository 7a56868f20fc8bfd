import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startArmTestServer, type ArmTestServer } from '../live/armTestServer';
import { makeThrowawayCa, type TestTls } from '../live/throwawayCa';
import { generateLiveEstate } from './generateLiveEstate';
import type { Bench } from './run';

const subscriptions = 20;
const resources = 10_000;
const latencyMs = 50;

/**
 * Full live coverage (read through the SDK + analysis) of 10,000 resources in 20 subscriptions
 * served over HTTPS with 50 ms added to every request. The reader runs in its own process, which
 * trusts the throwaway CA; its peak memory is printed after the timings. Budget: < 15 s, < 500 MB.
 */
export function benches(): Bench[] {
  let tls: TestTls | undefined;
  let server: ArmTestServer | undefined;
  const runs: Array<{ ms: number; readMs: number; analyseMs: number; resources: number; findings: number; errors: number; maxRssMb: number }> = [];
  return [
    {
      name: `live coverage, ${resources.toLocaleString('en-US')} resources in ${subscriptions} subscriptions, ${latencyMs} ms per request`,
      warmups: 0,
      iterations: Number(process.env.HN_BENCH_ITERATIONS ?? 3),
      before: async () => {
        tls = makeThrowawayCa();
        server = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture: generateLiveEstate(subscriptions, resources / subscriptions), latencyMs, pageSize: 1000 });
      },
      run: async () => {
        const reader = path.join(__dirname, 'liveCoverageReader.js');
        const env = { ...process.env, NODE_EXTRA_CA_CERTS: tls!.caFile, IDENTITY_ENDPOINT: server!.identityEndpoint, IDENTITY_HEADER: server!.identityHeader };
        const stdout = await new Promise<string>((resolve, reject) =>
          execFile(process.execPath, [reader, server!.armEndpoint], { env, encoding: 'utf8', maxBuffer: 1 << 20 }, (error, out, err) => (error ? reject(new Error(err || error.message)) : resolve(out))),
        );
        const result = JSON.parse(stdout);
        if (result.errors > 0) throw new Error(`the bench read had ${result.errors} errors`);
        runs.push(result);
      },
      after: async () => {
        await server?.close();
        if (tls) fs.rmSync(tls.folder, { recursive: true, force: true });
        const last = runs.at(-1);
        const peak = Math.max(...runs.map((r) => r.maxRssMb));
        console.log(`  live coverage: ${last?.resources ?? 0} records read, ${last?.findings ?? 0} findings; last run: read ${last?.readMs.toFixed(0)} ms, analysis ${last?.analyseMs.toFixed(0)} ms; reader peak RSS ${peak.toFixed(0)} MB (budget < 15,000 ms, < 500 MB); ${server?.requests.length ?? 0} requests served`);
      },
    },
  ];
}
