import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyseSnapshot, readLiveEstate } from '../../server/src/azure';
import type { ArmTestServer } from './armTestServer';
import { managedIdentity, serve } from './liveHarness';

let server: ArmTestServer;
before(async () => {
  server = await serve('small-estate');
});
after(() => server.close());

test('reads a small estate through Resource Graph and the REST lists, and the rules run on it', async () => {
  const snapshot = await readLiveEstate({ credential: managedIdentity(), armEndpoint: server.armEndpoint });
  const report = analyseSnapshot(snapshot);
  assert.ok(report.findings.some((f) => f.rule === 'HN302' && f.resourceId.endsWith('/storageAccounts/stphi001')));
});
