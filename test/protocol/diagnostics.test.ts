import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from './lspClient';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const broken = `{\n  "$schema": "${schema}",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    { "type": "Microsoft.Insights/actionGroups" "name": "ag" }\n  ]\n}\n`;

test('the server over stdio reports HN001 for a broken ARM template and clears it when fixed', async () => {
  const { client, result } = await LspTestClient.start();
  try {
    assert.equal(result.serverInfo?.name, 'hipaa-notify');
    const uri = 'file:///workspace/azuredeploy.json';
    const first = client.diagnostics(uri);
    await client.open(uri, 'json', broken);
    const published = await first;
    assert.equal(published.version, 1);
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'HN001');
    assert.equal(diagnostic.source, 'hipaa-notify');
    assert.match(String(diagnostic.message), /expected ','/);
    assert.deepEqual(diagnostic.range.start, { line: 4, character: 48 });
    assert.match(String(diagnostic.codeDescription?.href), /HN001\.md$/);

    const cleared = client.diagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 47 }, end: { line: 4, character: 47 } }, text: ',' }]);
    assert.deepEqual((await cleared).diagnostics, []);
  } finally {
    await client.stop();
  }
});

test('JSON that is not an ARM template gets no diagnostics, and closing clears a document', async () => {
  const { client } = await LspTestClient.start();
  try {
    const uri = 'file:///workspace/package.json';
    const other = client.diagnostics('file:///workspace/t.json');
    await client.open(uri, 'json', '{ "name": ');
    await client.open('file:///workspace/t.json', 'json', `{ "$schema": "${schema}", "resources": [ }`);
    // Diagnostics for documents are published in order of arrival, so the ARM file's
    // report also proves the package.json one was analysed (and, being silent, sent nothing non-empty).
    assert.ok((await other).diagnostics.length > 0);
    assert.ok(client.published.filter((p) => p.uri === uri).every((p) => p.diagnostics.length === 0));
    const closed = client.diagnostics('file:///workspace/t.json', (p) => p.diagnostics.length === 0);
    await client.close('file:///workspace/t.json');
    await closed;
  } finally {
    await client.stop();
  }
});

test('a half-typed policy YAML file gets HN001 at the error', async () => {
  const { client } = await LspTestClient.start();
  try {
    const uri = 'file:///workspace/claims.hipaa-notify.yaml';
    const published = client.diagnostics(uri);
    await client.open(uri, 'yaml', 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nmetadata: {name: x\n');
    const diagnostics = (await published).diagnostics;
    const syntax = diagnostics.filter((d) => d.code === 'HN001');
    assert.equal(syntax.length, 1);
    assert.ok(syntax[0].range.start.line >= 2, 'at or after the unclosed mapping');
    assert.ok(diagnostics.some((d) => d.code === 'HN500' && /`spec`/.test(String(d.message))), 'schema problems of the part that parsed');
  } finally {
    await client.stop();
  }
});
