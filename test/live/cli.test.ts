import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { runCheck } from '../../server/src/cli/check';
import { templateRules } from '../../server/src/rules/registry';
import type { ArmTestServer } from './armTestServer';
import { serve } from './liveHarness';
import { compareWithTemplate, liveTwinOf } from './liveTwin';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const subscriptionId = '7d0c3a9e-1f2b-4c5d-8e6f-a0b1c2d3e4f5';
const twin = (sample: string) => liveTwinOf(path.join(repo, 'samples', sample), { subscriptionId, displayName: `${sample} (live twin)`, resourceGroup: `rg-${sample}` });
const templateRuleIds = new Set(templateRules.map((r) => r.id));
const secrets = ['HOOKCODE-SECRET-1234', 'HOOKSIG-SECRET-5678', 'LOGICSIG-SECRET-9012', 'ACCOUNTKEY-SECRET-abc123', 'test-token-'];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI in its own process (asynchronously: the test server answers from this one), signed in through the server's managed identity endpoint. */
function run(args: readonly string[], server?: ArmTestServer, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_FEDERATED_TOKEN_FILE', 'MSI_ENDPOINT', 'MSI_SECRET']) delete environment[name];
  if (server) Object.assign(environment, { IDENTITY_ENDPOINT: server.identityEndpoint, IDENTITY_HEADER: server.identityHeader });
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'coverage', ...args], { env: environment, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function withServer<T>(fixture: Parameters<typeof serve>[0], body: (server: ArmTestServer) => Promise<T>, options: Parameters<typeof serve>[1] = {}): Promise<T> {
  const server = await serve(fixture, options);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hn-coverage-'));

test('coverage --arm-endpoint against the live twin of claims-platform: JSON findings with resource IDs, exit 1; the snapshot round-trips offline with the same findings', async () => {
  const folder = tmp();
  const snapshotFile = path.join(folder, 'estate.json');
  const online = await withServer(twin('claims-platform'), (server) => run(['--arm-endpoint', server.armEndpoint, '--format', 'json', '--snapshot-out', snapshotFile], server));
  assert.equal(online.code, 1, online.stderr);
  const report = JSON.parse(online.stdout);
  assert.deepEqual(Object.keys(report), ['subscriptions', 'findings', 'coverage', 'errors']);
  assert.deepEqual(report.subscriptions, [{ id: subscriptionId, name: 'claims-platform (live twin)', state: 'Enabled' }]);
  assert.deepEqual(report.errors, []);
  assert.ok(report.findings.length >= 40);
  for (const finding of report.findings) {
    assert.deepEqual(Object.keys(finding), ['rule', 'level', 'message', 'resourceId']);
    assert.match(finding.resourceId, new RegExp(`^/subscriptions/${subscriptionId}`));
  }
  assert.ok(report.findings.some((f: { rule: string; resourceId: string }) => f.rule === 'HN402' && f.resourceId.endsWith('/workflows/la-claims-breach-notifier')));
  // The expected findings: what `check` says about the sample's templates, rule for rule and message for message.
  const expected = runCheck([path.join(repo, 'samples/claims-platform')]).findings.filter((f) => templateRuleIds.has(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`);
  assert.deepEqual(compareWithTemplate([...new Set(expected)] as string[], [...new Set<string>(report.findings.map((f: { rule: string; message: string }) => `${f.rule} ${f.message}`))]), { missing: [], extra: [], unmatchedRepeats: [] });
  assert.equal(report.coverage[0].subscriptionId, subscriptionId);
  // Offline: the server is gone; the snapshot alone gives the same answer.
  const offline = await run(['--snapshot', snapshotFile, '--format', 'json']);
  assert.equal(offline.code, 1, offline.stderr);
  assert.deepEqual(JSON.parse(offline.stdout), report);
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/live-snapshot.schema.json'), 'utf8'));
  assert.equal(JSON.parse(fs.readFileSync(snapshotFile, 'utf8')).$schema, schema.$id);
});

test('coverage of the compliant twin exits 0 and says so in text', async () => {
  const result = await withServer(twin('compliant'), (server) => run(['--arm-endpoint', server.armEndpoint], server));
  assert.equal(result.code, 0, result.stderr + result.stdout);
  assert.match(result.stdout, /detect\s+covered/);
  assert.match(result.stdout, /1 subscription read, no findings\n$/);
});

test('SARIF: valid 2.1.0, each result at its resource ID as the logical location', async () => {
  const result = await withServer(twin('claims-platform'), (server) => run(['--arm-endpoint', server.armEndpoint, '--format', 'sarif', '--subscription', subscriptionId], server));
  assert.equal(result.code, 1, result.stderr);
  const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }> }> };
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const results = log.runs[0].results;
  assert.ok(results.length >= 40);
  for (const r of results) assert.match(r.locations[0].logicalLocations[0].fullyQualifiedName, new RegExp(`^/subscriptions/${subscriptionId}`));
});

test('secrets in what Azure returns (sig=, code= URLs, connection strings) and tokens appear in no output, snapshot or SDK log', async () => {
  const folder = tmp();
  const snapshotFile = path.join(folder, 'estate.json');
  const outputs = await withServer('small-estate', async (server) => [
    await run(['--arm-endpoint', server.armEndpoint, '--format', 'json', '--snapshot-out', snapshotFile], server, { AZURE_LOG_LEVEL: 'verbose' }),
    await run(['--arm-endpoint', server.armEndpoint, '--format', 'sarif'], server),
    await run(['--arm-endpoint', server.armEndpoint], server),
  ]);
  const fixtureText = fs.readdirSync(path.join(repo, 'test/fixtures/live/small-estate/resources')).map((f) => fs.readFileSync(path.join(repo, 'test/fixtures/live/small-estate/resources', f), 'utf8')).join('');
  for (const secret of secrets.slice(0, 4)) assert.ok(fixtureText.includes(secret), `the fixture holds ${secret}`);
  const snapshot = fs.readFileSync(snapshotFile, 'utf8');
  assert.ok(outputs[0].stderr.length > 0, 'the SDK logged (AZURE_LOG_LEVEL=verbose)');
  for (const [where, text] of [['snapshot', snapshot], ...outputs.flatMap((o, i) => [[`stdout ${i}`, o.stdout], [`stderr ${i}`, o.stderr]])]) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in ${where}`);
  }
  assert.match(snapshot, /sig=<redacted>/);
  assert.match(snapshot, /AccountKey=<redacted>/);
});

test('usage errors, a refused sign-in and a bad snapshot exit 2 with a message', async () => {
  const usage = await run(['--cloud', 'Mars']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--cloud must be AzureCloud, AzureUSGovernment or AzureChinaCloud/);
  assert.equal((await run(['--snapshot', 'x.json', '--subscription', subscriptionId])).code, 2);
  assert.equal((await run(['--subscription', 'not-a-guid'])).code, 2);
  const plainHttp = await run(['--arm-endpoint', 'http://127.0.0.1:9']);
  assert.equal(plainHttp.code, 2);
  assert.match(plainHttp.stderr, /https/);
  const refused = await withServer('small-estate', (server) => run(['--arm-endpoint', server.armEndpoint], server), { refuseTokens: true });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /401/);
  assert.match(refused.stderr, /[Ss]ign in again/);
  const folder = tmp();
  fs.writeFileSync(path.join(folder, 'bad.json'), JSON.stringify({ format: 'hipaa-notify-live-snapshot', version: 99 }));
  const bad = await run(['--snapshot', path.join(folder, 'bad.json')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /version 99/);
  const missing = await run(['--snapshot', path.join(folder, 'absent.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read the snapshot/);
});

const hasScript = fs.existsSync('/usr/bin/script');

test('progress counters go to stderr on a terminal and nowhere otherwise', { skip: hasScript ? false : 'script(1) is not installed' }, async () => {
  await withServer(twin('compliant'), async (server) => {
    const quiet = await run(['--arm-endpoint', server.armEndpoint, '--format', 'json'], server);
    assert.equal(quiet.stderr, '');
    // script(1) gives the CLI a pseudo-terminal, as an interactive shell would.
    const command = [process.execPath, cli, 'coverage', '--arm-endpoint', server.armEndpoint, '--output', path.join(tmp(), 'out.txt')].map((a) => `'${a}'`).join(' ');
    const tty = await new Promise<string>((resolve) =>
      execFile('/usr/bin/script', ['-qec', command, '/dev/null'], { env: { ...process.env, IDENTITY_ENDPOINT: server.identityEndpoint, IDENTITY_HEADER: server.identityHeader }, encoding: 'utf8' }, (_error, stdout) => resolve(stdout)),
    );
    assert.match(tty, /reading (subscriptions|resources|details|done): \d+\/\d+ subscriptions, \d+ resources, \d+ requests/);
  });
});
