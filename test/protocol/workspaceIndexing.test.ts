import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseFile } from '../../server/src/analysis';
import { diskReader } from '../../server/src/workspace/workspaceReader';
import { generateWorkspace } from '../bench/generateWorkspace';
import { LspTestClient } from './lspClient';

test('a large workspace is indexed in the background with progress; the open file is answered first, then with the workspace rules', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-indexing-'));
  const generated = generateWorkspace(root, 400);
  const target = path.join(path.dirname(generated.editTarget), 'azuredeploy.json');
  const text = fs.readFileSync(target, 'utf8');
  const uri = pathToFileURL(target).href;
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(root).href);
  try {
    let endedBeforeFirst: boolean | undefined;
    const first = client.diagnostics(uri).then((p) => {
      endedBeforeFirst = client.progress.some((q) => q.value.kind === 'end');
      return p;
    });
    await client.open(uri, 'json', text);
    await first;
    assert.equal(endedBeforeFirst, false, 'the open file is answered before the index is built');
    await client.progressSeen((v) => v.kind === 'end');
    assert.equal(client.progress[0].value.kind, 'begin');
    assert.ok(client.progress.some((p) => p.value.kind === 'report'));
    // After the index, the file is published again, now with what the whole workspace shows.
    const expected = analyseFile({ file: target, text }, 'armTemplate', { workspaceRoot: root, reader: diskReader(root) }).map((f) => `${f.ruleId}@${f.span.offset}`).sort();
    const complete = await client.diagnostics(uri, (p) => p.diagnostics.length === expected.length);
    assert.ok(expected.length > 0);
    assert.deepEqual(complete.diagnostics.map((d) => String(d.code)).sort(), expected.map((e) => e.split('@')[0]).sort());
    // An edit after indexing is answered with the workspace rules straight away.
    const edited = client.diagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: `${text}\n` }]);
    assert.equal((await edited).diagnostics.length, expected.length);
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('past 500 templates the open file is answered without waiting for the index, which steps aside while the file is analysed', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-indexing-'));
  const generated = generateWorkspace(root, 1_200);
  const text = fs.readFileSync(generated.editTarget, 'utf8');
  const uri = pathToFileURL(generated.editTarget).href;
  const { client } = await LspTestClient.start({ debounceMs: 10 }, pathToFileURL(root).href);
  try {
    let readBeforeFirst = 0;
    const first = client.diagnostics(uri).then(() => {
      for (const { value } of client.progress) {
        const read = value.kind === 'report' ? /^(\d+)\/\d+ files read/.exec(value.message ?? '') : null;
        if (read) readBeforeFirst = Number(read[1]);
      }
    });
    await client.open(uri, 'bicep', text);
    await first;
    assert.ok(readBeforeFirst < 50, `the first answer came after the index had read ${readBeforeFirst} of ${generated.files - 1} templates`);
    await client.progressSeen((v) => v.kind === 'end');
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
