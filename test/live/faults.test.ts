import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { analyseSnapshot, clouds, readLiveEstate, resolveCloud, SignInError, type LiveSnapshot } from '../../server/src/azure';
import type { ArmTestServer, Fault } from './armTestServer';
import { managedIdentity, serve } from './liveHarness';
import { liveTwinOf } from './liveTwin';

const subscriptionId = '2b5c6f1e-8d7a-4c3b-9e2f-0a1b2c3d4e5f';
const group = `/subscriptions/${subscriptionId}/resourceGroups/rg-claims`;
const twin = liveTwinOf(path.resolve(__dirname, '../../../samples/claims-platform'), { subscriptionId, displayName: 'Claims (live twin)', resourceGroup: 'rg-claims' });
/** The same estate split over two groups, so that one can be denied while the other is read. */
const splitTwin = {
  ...twin,
  resources: twin.resources.map((r) => (/\/(storageAccounts|vaults)\//i.test(r.id) ? { ...r, id: r.id.replace('/resourceGroups/rg-claims/', '/resourceGroups/rg-phi/') } : r)),
};

// Retries wait as the server says (Retry-After) or back off from 50 ms: the SDK's own policies, configured.
const retry = { retryDelayInMs: 50, maxRetryDelayInMs: 2_000 };

async function withServer<T>(options: Parameters<typeof serve>[1], body: (server: ArmTestServer) => Promise<T>, fixture = twin): Promise<T> {
  const server = await serve(fixture, options);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

function read(server: ArmTestServer, extra: Partial<Parameters<typeof readLiveEstate>[0]> = {}): Promise<LiveSnapshot> {
  return readLiveEstate({ credential: managedIdentity(), armEndpoint: server.armEndpoint, retry, ...extra });
}

const findingKeys = (snapshot: LiveSnapshot) => analyseSnapshot(snapshot).findings.map((f) => `${f.rule} ${f.resourceId} ${f.message}`).sort();

test('pages are followed to the end: nextLink lists of 2 items and Resource Graph pages of 2 rows give the same findings as one page', async () => {
  const whole = await withServer({}, async (server) => findingKeys(await read(server)));
  await withServer({ pageSize: 2 }, async (server) => {
    const snapshot = await read(server);
    assert.deepEqual(findingKeys(snapshot), whole);
    const graphCalls = server.requests.filter((r) => r.method === 'POST');
    assert.ok(graphCalls.length >= 10, `Resource Graph was paged by $skipToken (${graphCalls.length} pages)`);
    assert.ok(server.requests.some((r) => r.method === 'GET' && /(%24|\$)skiptoken=/.test(r.query)), 'a nextLink was followed');
    assert.deepEqual(snapshot.errors, []);
  });
});

test('429 with Retry-After: the SDK waits as told and the read completes', async () => {
  const fault: Fault = { path: /\/providers\/microsoft\.authorization\/locks$/, status: 429, times: 1, retryAfter: 1 };
  await withServer({ faults: [fault] }, async (server) => {
    const snapshot = await read(server);
    assert.deepEqual(snapshot.errors, []);
    const locks = server.requests.filter((r) => r.path.toLowerCase().endsWith('/microsoft.authorization/locks'));
    assert.deepEqual(locks.map((r) => r.status), [429, 200]);
    assert.ok(locks[1].at - locks[0].at >= 900, `waited ${locks[1].at - locks[0].at} ms after Retry-After: 1`);
  });
});

test('500 then success: Resource Graph and a list are retried by the SDK pipeline', async () => {
  const faults: Fault[] = [
    { path: /^\/providers\/microsoft\.resourcegraph\/resources$/, status: 500, times: 2, method: 'POST' },
    { path: /\/eventsubscriptions$/, status: 503, times: 1 },
  ];
  await withServer({ faults }, async (server) => {
    const snapshot = await read(server);
    assert.deepEqual(snapshot.errors, []);
    assert.deepEqual(server.requests.filter((r) => r.method === 'POST').map((r) => r.status), [500, 500, 200]);
    assert.ok(analyseSnapshot(snapshot).findings.some((f) => f.rule === 'HN203'), 'the event subscriptions were read after the retry');
  });
});

test('401: a clear sign-in message, nothing analysed', async () => {
  await withServer({ refuseTokens: true }, async (server) => {
    await assert.rejects(read(server), (error: unknown) => error instanceof SignInError && /401/.test(error.message) && /[Ss]ign in again/.test(error.message) && !/test-token-/.test(error.message));
  });
});

test('403 on one resource group: its resources are unknown, the other group is still analysed (REST lists, no Resource Graph)', async () => {
  const denied = `/subscriptions/${subscriptionId}/resourceGroups/rg-phi`;
  const faults: Fault[] = [{ path: new RegExp(`^${denied.toLowerCase()}/`), status: 403 }];
  await withServer(
    { faults, noResourceGraph: true },
    async (server) => {
      const snapshot = await read(server);
      assert.deepEqual(snapshot.errors.map((e) => [e.scope.toLowerCase(), e.status]), [[denied.toLowerCase(), 403]]);
      const report = analyseSnapshot(snapshot);
      assert.ok(!report.findings.some((f) => f.resourceId.toLowerCase().startsWith(denied.toLowerCase())), 'nothing is said about the unreadable group');
      for (const rule of ['HN101', 'HN104', 'HN201', 'HN207', 'HN401']) assert.ok(report.findings.some((f) => f.rule === rule && f.resourceId.startsWith(group)), `${rule} still fires in rg-claims`);
      for (const rule of ['HN106', 'HN107', 'HN108', 'HN302', 'HN402']) assert.ok(!report.findings.some((f) => f.rule === rule), `${rule} is silent: what it looks for may be in the unreadable group`);
      assert.ok(Object.values(report.coverage[0].controls).every((c) => c.state !== 'covered'));
      // A subscription setting that is known to export nowhere is a finding whatever the group holds.
      assert.ok(report.findings.some((f) => f.rule === 'HN305' && /activity-log-archive/.test(f.resourceId)));
      assert.equal(report.coverage[0].controls.retain.state, 'gap', 'retain has a known gap (HN303) whatever the unreadable group holds');
    },
    splitTwin,
  );
});

test('403 on one resource: its diagnostic settings are unknown, its logging rule is silent, others still fire', async () => {
  const notifier = `${group}/providers/Microsoft.Logic/workflows/la-claims-escalation`.toLowerCase();
  await withServer({ faults: [{ path: new RegExp(`^${notifier}/providers/microsoft\\.insights/diagnosticsettings$`), status: 403 }] }, async (server) => {
    const report = analyseSnapshot(await read(server));
    assert.deepEqual(report.errors.map((e) => [e.scope.toLowerCase(), e.status]), [[notifier, 403]]);
    assert.ok(!report.findings.some((f) => f.rule === 'HN301' && f.resourceId.toLowerCase() === notifier));
    assert.ok(report.findings.some((f) => f.rule === 'HN301' && f.resourceId.toLowerCase() !== notifier));
    assert.ok(report.findings.some((f) => f.rule === 'HN206' && f.resourceId.toLowerCase() === notifier), 'what was read of it is still checked');
    const coverage = report.coverage[0].resources.find((r) => r.resourceId.toLowerCase() === notifier);
    assert.equal(coverage?.logged, 'unknown');
  });
});

test('a slow server and cancellation: the read stops within a second with what it had', async () => {
  await withServer({ latencyMs: 4_000 }, async (server) => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 300);
    const snapshot = await read(server, { signal: controller.signal });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 1_300, `stopped ${elapsed - 300} ms after the abort`);
    assert.equal(snapshot.complete, false);
    assert.ok(snapshot.errors.some((e) => e.status === 499));
    const report = analyseSnapshot(snapshot);
    assert.equal(report.complete, false);
  });
});

test('sovereign clouds: endpoints, token scopes and portals follow the cloud, and the SDK asks for that scope', async () => {
  assert.equal(resolveCloud({ cloud: 'AzureUSGovernment' }).resourceManager, 'https://management.usgovcloudapi.net');
  assert.equal(resolveCloud({ cloud: 'AzureChinaCloud' }).scope, 'https://management.core.chinacloudapi.cn/.default');
  assert.equal(resolveCloud({}).resourceManager, clouds.AzureCloud.resourceManager);
  assert.equal(resolveCloud({ armEndpoint: 'https://management.local.azurestack.external/' }).scope, 'https://management.local.azurestack.external/.default');
  assert.throws(() => resolveCloud({ armEndpoint: 'http://127.0.0.1:1' }), /https/);
  for (const name of ['AzureUSGovernment', 'AzureChinaCloud', 'AzureCloud'] as const) {
    // A credential that records what the SDK asks for and then refuses: no request leaves the machine.
    const asked: string[][] = [];
    const credential: TokenCredential = {
      getToken: async (scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken | null> => {
        asked.push(Array.isArray(scopes) ? scopes : [scopes]);
        throw Object.assign(new Error('recording credential: no token'), { name: 'CredentialUnavailableError' });
      },
    };
    await assert.rejects(readLiveEstate({ credential, cloud: name, subscriptions: [subscriptionId], retry: { maxRetries: 0 } }), SignInError);
    assert.deepEqual(asked[0], [clouds[name].scope], name);
  }
  // A custom endpoint is its own audience: the managed identity token was asked for it.
  await withServer({}, async (server) => {
    await read(server);
    assert.ok(server.tokenAudiences.includes(server.armEndpoint) || server.tokenAudiences.includes(`${server.armEndpoint}/`), JSON.stringify(server.tokenAudiences));
    const report = analyseSnapshot(await read(server));
    assert.equal(report.findings[0].portalUrl, undefined, 'a custom cloud has no portal link');
  });
  // An Azure Stack Hub style endpoint names its token audience and portal in /metadata/endpoints.
  const stack = { audience: 'https://management.adfs.azurestack.testing/3ac1b0c2-76b6-4f5b-9b2a-b0f6d5e4c3a1', portal: 'https://portal.local.azurestack.testing/', login: 'https://adfs.local.azurestack.testing/adfs' };
  await withServer({ cloudMetadata: stack }, async (server) => {
    const report = analyseSnapshot(await read(server));
    assert.deepEqual([...new Set(server.tokenAudiences)], [stack.audience]);
    assert.equal(report.findings[0].portalUrl, `https://portal.local.azurestack.testing/#resource${report.findings[0].resourceId}`);
  });
  const snapshot = await withServer({}, (server) => read(server));
  const inGov = analyseSnapshot({ ...snapshot, cloud: { name: 'AzureUSGovernment', resourceManager: clouds.AzureUSGovernment.resourceManager, portal: clouds.AzureUSGovernment.portal! } });
  assert.ok(inGov.findings.every((f) => f.portalUrl === `https://portal.azure.us/#resource${f.resourceId}`));
});

test('several subscriptions in Resource Graph batches: each is its own deployment, and --subscription reads only the ones asked for', async () => {
  const compliantId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const compliant = liveTwinOf(path.resolve(__dirname, '../../../samples/compliant'), { subscriptionId: compliantId, displayName: 'Compliant (live twin)', resourceGroup: 'rg-compliant' });
  const both = { subscriptions: [...twin.subscriptions, ...compliant.subscriptions], resources: [...twin.resources, ...compliant.resources] };
  const alone = await withServer({}, async (server) => findingKeys(await read(server)));
  await withServer(
    {},
    async (server) => {
      const snapshot = await read(server, { graphBatch: 1 });
      assert.deepEqual(snapshot.subscriptions.map((s) => s.id).sort(), [subscriptionId, compliantId].sort());
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 2, 'one Resource Graph query per batch of one subscription');
      // The claims subscription's absences are not filled by the compliant one's resources, nor the reverse.
      assert.deepEqual(findingKeys(snapshot), alone);
      const report = analyseSnapshot(snapshot);
      assert.equal(report.coverage.find((c) => c.subscriptionId === compliantId)?.controls.detect.state, 'covered');
      const only = await read(server, { subscriptions: [compliantId] });
      assert.deepEqual(only.subscriptions.map((s) => s.id), [compliantId]);
      assert.deepEqual(analyseSnapshot(only).findings, []);
    },
    both,
  );
});
