import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspClient';

const broken = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ { "a": 1 "b": 2 } ] }';

test('hipaa-notify.json rule levels apply, and a changed config is reloaded', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-lsp-'));
  const config = path.join(folder, 'hipaa-notify.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { HN001: 'warning' } }));
  fs.mkdirSync(path.join(folder, 'infra'));
  const uri = pathToFileURL(path.join(folder, 'infra', 'main.json')).href;
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(folder).href);
  try {
    const first = client.diagnostics(uri);
    await client.open(uri, 'json', broken);
    const [diagnostic] = (await first).diagnostics;
    assert.equal(diagnostic.severity, 2, 'lowered to warning by the config');

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /\*\*HN001 syntax-error\*\*/);
    assert.match(markdown, /The file does not parse/);
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);

    fs.writeFileSync(config, JSON.stringify({ rules: { HN001: 'off' } }));
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }] });
    await cleared;
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('files under the config ignore globs get no diagnostics', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-lsp-'));
  fs.writeFileSync(path.join(folder, 'hipaa-notify.json'), JSON.stringify({ ignore: ['fixtures/**'] }));
  const ignored = pathToFileURL(path.join(folder, 'fixtures', 'bad.json')).href;
  const checked = pathToFileURL(path.join(folder, 'bad.json')).href;
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(folder).href);
  try {
    const a = client.diagnostics(ignored);
    const b = client.diagnostics(checked);
    await client.open(ignored, 'json', broken);
    await client.open(checked, 'json', broken);
    assert.equal((await a).diagnostics.length, 0);
    assert.equal((await b).diagnostics.length, 1);
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
