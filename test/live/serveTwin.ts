/**
 * Serves the live twin of a sample (or a fixture folder) on 127.0.0.1 for trying the engine by
 * hand or from another test harness (the VS Code coverage tree):
 *   node out/test/live/serveTwin.js samples/claims-platform
 *   node out/test/live/serveTwin.js test/fixtures/live/small-estate
 * prints the environment a client needs (NODE_EXTRA_CA_CERTS, IDENTITY_ENDPOINT, IDENTITY_HEADER)
 * and the command to run, then serves until stopped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFixtureFolder, startArmTestServer } from './armTestServer';
import { liveTwinOf } from './liveTwin';
import { makeThrowawayCa } from './throwawayCa';

async function main(source: string | undefined): Promise<void> {
  if (!source) throw new Error('usage: node out/test/live/serveTwin.js SAMPLE_FOLDER|FIXTURE_FOLDER');
  const folder = path.resolve(source);
  const fixture = fs.existsSync(path.join(folder, 'subscriptions.json')) ? readFixtureFolder(folder) : liveTwinOf(folder, { subscriptionId: '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f', displayName: `${path.basename(folder)} (live twin)`, resourceGroup: `rg-${path.basename(folder)}` });
  const tls = makeThrowawayCa();
  const server = await startArmTestServer({ key: tls.key, cert: tls.cert, fixture });
  process.stdout.write(
    [
      `serving ${fixture.resources.length} records of ${source} at ${server.armEndpoint}`,
      `export NODE_EXTRA_CA_CERTS='${tls.caFile}' IDENTITY_ENDPOINT='${server.identityEndpoint}' IDENTITY_HEADER='${server.identityHeader}'`,
      `node dist/cli.js coverage --arm-endpoint ${server.armEndpoint}`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    fs.rmSync(tls.folder, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 60_000);
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
