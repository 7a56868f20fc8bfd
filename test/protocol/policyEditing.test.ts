import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type CompletionItem, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspClient';

const folder = path.resolve(__dirname, '../../../test/fixtures/analysis/policy-workspace');
const policyPath = path.join(folder, 'claims.hipaa-notify.yaml');
const uri = pathToFileURL(policyPath).href;
const text = fs.readFileSync(policyPath, 'utf8');

function positionOf(needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

test('a policy in the editor: cross-check diagnostics, completion of template names, hover and go to definition', async () => {
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(folder).href);
  try {
    const published = client.diagnostics(uri);
    await client.open(uri, 'yaml', text);
    const codes = (await published).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
    assert.ok(codes.includes('HN504@28'), codes.join(' '));
    assert.ok(codes.includes('HN505@10'), codes.join(' '));

    const edited = text.replace('actionGroup: ag-hipaa-privacy-office', 'actionGroup: ag-');
    const changed = client.diagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: edited }]);
    await changed;
    const at = edited.indexOf('actionGroup: ag-') + 'actionGroup: ag-'.length;
    const line = edited.slice(0, at).split('\n').length - 1;
    const character = at - edited.lastIndexOf('\n', at - 1) - 1;
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'ag-hipaa-tier1'), items.map((i) => i.label).join(', '));
    assert.ok(!items.some((i) => i.label === 'ag-hipaa-privacy-office'), 'not offered: its condition is false');
    await client.change(uri, 3, [{ text }]);

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf('retentionDays', 2) });
    assert.match((hover?.contents as MarkupContent).value, /164\.530\(j\)|six years/i);

    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf('actionGroup: ag-hipaa-tier1', 16) })) as Location;
    assert.equal(definition.uri, pathToFileURL(path.join(folder, 'infra', 'alerts.json')).href);
    assert.equal(definition.range.start.line, 7, 'the action group resource object');
  } finally {
    await client.stop();
  }
});

test('a template changed on disk updates the open policy once the file event arrives', async () => {
  const work = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'hn-watch-'));
  fs.cpSync(folder, work, { recursive: true });
  const policy = pathToFileURL(path.join(work, 'claims.hipaa-notify.yaml')).href;
  const template = path.join(work, 'infra', 'alerts.json');
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(work).href);
  try {
    const first = client.diagnostics(policy);
    await client.open(policy, 'yaml', text);
    assert.ok((await first).diagnostics.some((d) => d.code === 'HN504'));
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace('"condition": false,', ''));
    const updated = client.diagnostics(policy, (p) => !p.diagnostics.some((d) => d.code === 'HN504'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(template).href, type: FileChangeType.Changed }] });
    await updated;
  } finally {
    await client.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
