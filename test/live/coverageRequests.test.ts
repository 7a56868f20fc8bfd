import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ProgressType, ResponseError } from 'vscode-languageserver-protocol/node';
import {
  coverageFixMethod,
  coverageReadMethod,
  coverageResourceMethod,
  coverageSnapshotMethod,
  coverageSubscriptionsMethod,
  coverageTokenMethod,
  type CoverageChunk,
  type CoverageFixResult,
  type CoverageReport,
  type CoverageResourceResult,
  type CoverageSnapshotResult,
  type CoverageSubscription,
  type CoverageTokenParams,
} from '../../server/src/protocol/coverageProtocol';
import { LspTestClient } from '../protocol/lspClient';
import type { ArmTestServer } from './armTestServer';
import { managedIdentity, serve } from './liveHarness';

let server: ArmTestServer;
let client: LspTestClient;
let signedIn = true;
const tokenScopes: string[][] = [];
const chunkType = new ProgressType<CoverageChunk>();
const storage = '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/stphi001';

before(async () => {
  server = await serve('small-estate');
  ({ client } = await LspTestClient.start());
  // The client side of the sign-in: a real @azure/identity credential against the test server's identity endpoint.
  client.connection.onRequest(coverageTokenMethod, async (params: CoverageTokenParams) => {
    tokenScopes.push([...params.scopes]);
    if (!signedIn) throw new ResponseError(-32001, 'not signed in');
    const token = await managedIdentity().getToken([...params.scopes]);
    return { token: token!.token, expiresOnTimestamp: token!.expiresOnTimestamp };
  });
});
after(async () => {
  await client.stop();
  await server.close();
});

async function read(source: object, partialResultToken?: string): Promise<{ report: CoverageReport; chunks: CoverageChunk[]; progress: string[] }> {
  const chunks: CoverageChunk[] = [];
  const progress: string[] = [];
  const partial = partialResultToken ? client.connection.onProgress(chunkType, partialResultToken, (chunk) => { chunks.push(chunk); }) : undefined;
  const work = client.connection.onProgress(new ProgressType<{ kind: string; message?: string }>(), 'work', (value) => { if (value.message) progress.push(value.message); });
  try {
    const report = await client.connection.sendRequest<CoverageReport>(coverageReadMethod, { source, workDoneToken: 'work', ...(partialResultToken ? { partialResultToken } : {}) });
    return { report, chunks, progress };
  } finally {
    partial?.dispose();
    work.dispose();
  }
}

const live = () => ({ kind: 'live', cloud: 'AzureCloud', armEndpoint: server.armEndpoint });

test('a read runs in the server with the client\'s tokens, reports progress and partial results, and maps gaps to controls', async () => {
  const { report, chunks, progress } = await read(live(), 'partial-1');
  assert.equal(report.failure, undefined);
  assert.equal(report.complete, true);
  assert.deepEqual(report.subscriptions?.map((s) => s.name), ['Claims Production']);
  const hn302 = report.findings?.find((f) => f.rule === 'HN302' && f.resourceId.toLowerCase() === storage.toLowerCase());
  assert.ok(hn302, JSON.stringify(report.findings?.map((f) => `${f.rule} ${f.resourceId}`)));
  assert.equal(hn302.control, 'log');
  assert.match(hn302.citation ?? '', /164\.312\(b\)/);
  assert.equal(hn302.fixable, true);
  // The token was asked for this cloud's Resource Manager audience, not public Azure's.
  assert.ok(tokenScopes.some((scopes) => scopes.includes(`${server.armEndpoint}/.default`)), JSON.stringify(tokenScopes));
  assert.ok(chunks.some((c) => (c.findings ?? []).some((f) => f.key === hn302.key)), 'the subscription arrived as a partial result first');
  assert.ok(progress.length > 0, 'work-done progress was reported');
  const controls = report.coverage?.filter((c) => c.subscriptionId === '11111111-1111-4111-8111-111111111111').map((c) => c.control);
  assert.deepEqual(controls, ['detect', 'route', 'deliver', 'log', 'protect']);
  assert.equal(report.coverage?.find((c) => c.control === 'log')?.state, 'gap');
});

test('the resource JSON carries the finding at the property the rule reported, and no secret', async () => {
  const { report } = await read(live());
  const group = report.findings!.find((f) => f.rule === 'HN109');
  assert.ok(group, 'the webhook receiver without the common alert schema is found');
  const answer = await client.connection.sendRequest<CoverageResourceResult>(coverageResourceMethod, { resourceId: group.resourceId });
  assert.doesNotMatch(answer.text, /HOOKCODE-SECRET|HOOKSIG-SECRET/);
  const placed = answer.findings.find((f) => f.rule === 'HN109');
  assert.ok(placed);
  assert.equal(placed.key, group.key);
  const at = answer.text.slice(placed.start, placed.end);
  assert.ok(at === 'false' || /useCommonAlertSchema|ticketing/.test(at) || at.startsWith('{'), `HN109 sits at ${JSON.stringify(at)}`);
  assert.ok(placed.start > 0, 'the finding is placed inside the document, not at its start');
});

test('Generate Bicep for a missing audit log: an existing reference and a diagnostic setting scoped to it', async () => {
  const { report } = await read(live());
  const hn302 = report.findings!.find((f) => f.rule === 'HN302' && f.resourceId.toLowerCase() === storage.toLowerCase())!;
  const fix = await client.connection.sendRequest<CoverageFixResult>(coverageFixMethod, { key: hn302.key });
  assert.ok(fix.text, fix.reason);
  assert.match(fix.text, /resource stphi001 'Microsoft\.Storage\/storageAccounts@[^']+' existing = \{/);
  assert.match(fix.text, /'Microsoft\.Insights\/diagnosticSettings@[^']+' = \{[^]*scope: stphi001Blob/);
});

test('the snapshot of a read opens offline with the same findings', async () => {
  const first = await read(live());
  const saved = await client.connection.sendRequest<CoverageSnapshotResult>(coverageSnapshotMethod, {});
  assert.ok(saved.text);
  assert.doesNotMatch(saved.text, /HOOKCODE-SECRET|ACCOUNTKEY-SECRET/);
  const requestsBefore = server.requests.length;
  const offline = await read({ kind: 'snapshot', label: 'coverage.json', text: saved.text });
  assert.equal(server.requests.length, requestsBefore, 'no request reached Resource Manager');
  assert.deepEqual(offline.report.findings?.map((f) => f.key).sort(), first.report.findings?.map((f) => f.key).sort());
});

test('a file that is not a snapshot is a clear error', async () => {
  await assert.rejects(read({ kind: 'snapshot', label: 'notes.json', text: '{"hello": 1}' }), /notes\.json is not a coverage snapshot: "format"/);
  await assert.rejects(read({ kind: 'snapshot', label: 'broken.json', text: '{' }), /not JSON/);
});

test('Select Subscriptions lists what the account sees', async () => {
  const subscriptions = await client.connection.sendRequest<CoverageSubscription[]>(coverageSubscriptionsMethod, { source: live() });
  assert.deepEqual(subscriptions.map((s) => [s.id, s.name]), [['11111111-1111-4111-8111-111111111111', 'Claims Production']]);
});

test('without a session the read answers "signed out" and sends nothing to Resource Manager', async () => {
  signedIn = false;
  try {
    const before = server.requests.filter((r) => r.status !== 401).length;
    const { report } = await read(live());
    assert.equal(report.failure?.kind, 'signedOut', JSON.stringify(report.failure));
    assert.equal(server.requests.filter((r) => r.status !== 401).length, before);
  } finally {
    signedIn = true;
  }
});

test('a workspace folder is compared with what runs', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-view-ws-'));
  try {
    fs.writeFileSync(path.join(folder, 'main.bicep'), "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-oncall'\n  location: 'global'\n  properties: {\n    groupShortName: 'oncall'\n    enabled: false\n  }\n}\n");
    fs.writeFileSync(path.join(folder, 'claims.hipaa-notify.yaml'), 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nmetadata:\n  name: p\nspec:\n  escalation:\n    - tier: 1\n      within: PT15M\n      actionGroup: ag-oncall\n    - tier: 2\n      within: PT1H\n      actionGroup: ag-missing\n');
    const report = await client.connection.sendRequest<CoverageReport>(coverageReadMethod, { source: live(), workspaceFolders: [folder] });
    const policy = report.workspace?.find((w) => w.kind === 'policy');
    assert.ok(policy, JSON.stringify(report.workspace));
    assert.deepEqual(policy.items.map((i) => [i.state, i.message]), [['covered', "action group 'ag-oncall' exists live and is enabled"], ['gap', "action group 'ag-missing' does not exist live"]]);
    const template = report.workspace?.find((w) => w.kind === 'template');
    assert.deepEqual(template?.items.map((i) => [i.message, i.line]), [['ag-oncall: enabled is false in the template, true live', 5]]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
