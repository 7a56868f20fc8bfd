import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspClient';

const samples = path.resolve(__dirname, '../../../samples');
const languageOf: Record<string, string> = { '.bicep': 'bicep', '.bicepparam': 'bicepparam', '.json': 'json', '.yaml': 'yaml' };

function sampleFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sampleFiles(full);
    return languageOf[path.extname(entry.name)] && entry.name !== 'README.md' ? [full] : [];
  });
}

test('on samples/, every finding marks at most one line and under 10% of the lines carry a squiggle', async () => {
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(samples).toString());
  try {
    let lines = 0;
    let underlined = 0;
    let errors = 0;
    const tooLong: string[] = [];
    for (const file of sampleFiles(samples)) {
      const uri = pathToFileURL(file).toString();
      const text = fs.readFileSync(file, 'utf8');
      const published = client.diagnostics(uri);
      await client.open(uri, languageOf[path.extname(file)], text);
      const { diagnostics } = await published;
      const marked = new Set<number>();
      for (const d of diagnostics) {
        if (d.range.end.line > d.range.start.line) tooLong.push(`${path.relative(samples, file)}:${d.range.start.line + 1} ${d.code} spans ${d.range.end.line - d.range.start.line + 1} lines`);
        for (let line = d.range.start.line; line <= d.range.end.line; line++) marked.add(line);
        if (d.severity === 1) errors++;
      }
      lines += text.split('\n').length;
      underlined += marked.size;
    }
    assert.deepEqual(tooLong, []);
    assert.ok(errors > 0, 'the samples show error-level findings');
    assert.ok(underlined / lines < 0.1, `${underlined} of ${lines} lines carry a squiggle`);
  } finally {
    await client.stop();
  }
});

test('a finding about a whole resource sits on its symbolic name', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-ranges-'));
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(folder).toString());
  try {
    const uri = pathToFileURL(path.join(folder, 'main.bicep')).toString();
    const text = "resource agTier1 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-hipaa-tier1'\n  location: 'Global'\n  properties: {\n    groupShortName: 'hipaa-t1'\n    enabled: true\n  }\n}\n";
    fs.writeFileSync(path.join(folder, 'main.bicep'), text);
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.open(uri, 'bicep', text);
    const noReceivers = (await published).diagnostics.find((d) => d.code === 'HN103');
    assert.ok(noReceivers, 'HN103 fires on an action group without receivers');
    assert.deepEqual(noReceivers.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 16 } });
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('ARM: a finding about a whole resource sits on its name value', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-ranges-'));
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(folder).toString());
  try {
    const uri = pathToFileURL(path.join(folder, 'azuredeploy.json')).toString();
    const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "ag-hipaa-tier1",
      "location": "Global",
      "properties": { "groupShortName": "hipaa-t1", "enabled": true }
    }
  ]
}
`;
    fs.writeFileSync(path.join(folder, 'azuredeploy.json'), text);
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.open(uri, 'json', text);
    const noReceivers = (await published).diagnostics.find((d) => d.code === 'HN103');
    assert.ok(noReceivers, 'HN103 fires on an action group without receivers');
    assert.deepEqual(noReceivers.range, { start: { line: 7, character: 14 }, end: { line: 7, character: 30 } });
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('hipaaNotify.run onSave: an edit is analysed when the file is saved', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hipaa-notify-onsave-'));
  const { client } = await LspTestClient.start({ debounceMs: 10, run: 'onSave' }, pathToFileURL(folder).toString());
  try {
    const file = path.join(folder, 'azuredeploy.json');
    const text = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n`;
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const opened = client.diagnostics(uri);
    await client.open(uri, 'json', text);
    assert.deepEqual((await opened).diagnostics, [], 'analysed when opened');
    const saved = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 17 } }, text: '' }]);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await saved;
    assert.equal(after.version, 2);
    assert.equal(after.diagnostics[0].code, 'HN001');
    assert.ok(client.published.filter((p) => p.uri === uri).length === 2, 'one publication when opened, one when saved');
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('hipaaNotify/checkWorkspace publishes every template of the workspace, with work-done progress', async () => {
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(samples).toString());
  try {
    const progress: Array<{ kind: string; percentage?: number }> = [];
    client.connection.onProgress(WorkDoneProgress.type, 'check-1', (value) => {
      progress.push(value);
    });
    const arm = pathToFileURL(path.join(samples, 'claims-platform-arm/azuredeploy.json')).toString();
    const armPublished = client.diagnostics(arm, (p) => p.diagnostics.length > 0);
    const result = await client.connection.sendRequest<{ files: number; findings: number; errors: number; cancelled: boolean }>('hipaaNotify/checkWorkspace', { workDoneToken: 'check-1' });
    assert.equal(result.cancelled, false);
    assert.equal(result.files, sampleFiles(samples).length);
    assert.ok(result.errors > 0);
    assert.ok((await armPublished).diagnostics.some((d) => d.code === 'HN207'));
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress.at(-1)!.kind, 'end');
    assert.equal(progress.filter((p) => p.kind === 'report').at(-1)!.percentage, 100);
  } finally {
    await client.stop();
  }
});
