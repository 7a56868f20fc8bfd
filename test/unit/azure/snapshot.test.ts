import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseSnapshot, parseSnapshot, readSnapshotFile, redactJson, redactText, snapshotSchema, SnapshotError, writeSnapshotFile, type LiveSnapshot } from '../../../server/src/azure';

const repo = path.resolve(__dirname, '../../../..');

test('schemas/live-snapshot.schema.json is written from its TypeScript source', () => {
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(repo, 'schemas/live-snapshot.schema.json'), 'utf8')), JSON.parse(JSON.stringify(snapshotSchema)), 'run npm run schemas');
});

const cases: ReadonlyArray<readonly [string, string]> = [
  ['https://prod-01.eastus.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers&sv=1.0&sig=AbC123', 'https://prod-01.eastus.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers&sv=1.0&sig=<redacted>'],
  ['https://func.azurewebsites.net/api/alert?code=Zz9==', 'https://func.azurewebsites.net/api/alert?code=<redacted>'],
  ['DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc/def==;EndpointSuffix=core.windows.net', 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=<redacted>;EndpointSuffix=core.windows.net'],
  ['Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=k3y=', 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<redacted>'],
  ['Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl', 'Authorization: Bearer <redacted>'],
  ['https://tickets.example.com/api/azure-alerts', 'https://tickets.example.com/api/azure-alerts'],
  ['dana.whitfield@contoso-claims.com', 'dana.whitfield@contoso-claims.com'],
];

test('redaction takes out signed-URL parameters, connection-string keys and tokens, and nothing else', () => {
  for (const [input, expected] of cases) assert.equal(redactText(input), expected, input);
  assert.deepEqual(redactJson({ properties: { password: 'hunter2', clientSecret: '', name: 'ok', uri: 'https://x/?sig=s' } }), { properties: { password: '<redacted>', clientSecret: '', name: 'ok', uri: 'https://x/?sig=<redacted>' } });
});

const snapshot: LiveSnapshot = {
  format: 'hipaa-notify-live-snapshot',
  version: 1,
  readAt: '2026-12-04T14:00:00.000Z',
  cloud: { name: 'AzureCloud', resourceManager: 'https://management.azure.com', portal: 'https://portal.azure.com' },
  complete: true,
  subscriptions: [{ id: '11111111-1111-4111-8111-111111111111', name: 'prod', state: 'Enabled' }],
  resources: [
    {
      id: '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag',
      type: 'Microsoft.Insights/actionGroups',
      name: 'ag',
      apiVersion: '2023-01-01',
      location: 'Global',
      properties: { groupShortName: 'ag', enabled: false, webhookReceivers: [{ name: 'hook', serviceUri: 'https://h.example.com/?code=SECRET-CODE', useCommonAlertSchema: true, useAadAuth: true }] },
    },
  ],
  errors: [],
};

test('a snapshot written to a file reads back the same, redacted, and gives the same findings offline', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hn-snap-')), 's.json');
  writeSnapshotFile(file, snapshot);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(!text.includes('SECRET-CODE'));
  const back = readSnapshotFile(file);
  assert.deepEqual(analyseSnapshot(back).findings, analyseSnapshot(redactJson(snapshot)).findings);
  const findings = analyseSnapshot(back).findings;
  assert.ok(findings.some((f) => f.rule === 'HN103' && f.portalUrl === `https://portal.azure.com/#resource${snapshot.resources[0].id}`));
});

test('a snapshot of another format or version, or breaking the schema, is refused with a clear message', () => {
  assert.throws(() => parseSnapshot('{'), SnapshotError);
  assert.throws(() => parseSnapshot('{"format":"other"}'), /not a hipaa-notify live snapshot/);
  assert.throws(() => parseSnapshot(JSON.stringify({ ...snapshot, version: 2 })), /version 2/);
  assert.throws(() => parseSnapshot(JSON.stringify({ ...snapshot, resources: [{ id: 'x', type: 't', name: 'n' }] })), /\/resources\/0\/id/);
});
