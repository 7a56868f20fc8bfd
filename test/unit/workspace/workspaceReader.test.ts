import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskReader } from '../../../server/src/workspace/workspaceReader';

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-reader-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

test('a created or deleted template joins or leaves the listings; the other files are not read again', () => {
  const root = workspace({ 'a.bicep': 'param a string', 'team/b.bicep': 'param b string' });
  try {
    const reader = diskReader(root, () => undefined, { tracksChanges: true });
    const a = path.join(root, 'a.bicep');
    const c = path.join(root, 'team/c.bicep');
    assert.deepEqual(reader.filesUnder(root), [a, path.join(root, 'team/b.bicep')]);
    assert.equal(reader.readText(a), 'param a string');
    // Changed on disk behind the reader's back: a reader that started over would see it.
    fs.writeFileSync(a, 'param changed string');
    fs.writeFileSync(c, 'param c string');
    const before = reader.generation!;
    reader.fileEvent(c, 'created');
    assert.ok(reader.filesUnder(root).includes(c));
    assert.ok(reader.filesUnder(path.join(root, 'team')).includes(c));
    assert.equal(reader.readText(c), 'param c string');
    assert.equal(reader.readText(a), 'param a string', 'a file the event does not name keeps its text');
    fs.rmSync(c);
    reader.fileEvent(c, 'deleted');
    assert.ok(!reader.filesUnder(root).includes(c));
    assert.equal(reader.readText(c), undefined);
    assert.notEqual(reader.changesSince!(before), undefined);
    reader.fileEvent(a, 'changed');
    assert.equal(reader.readText(a), 'param changed string');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a folder created or deleted (one event for everything in it) makes the reader start over', () => {
  const root = workspace({ 'a.bicep': 'param a string' });
  try {
    const reader = diskReader(root, () => undefined, { tracksChanges: true });
    assert.equal(reader.filesUnder(root).length, 1);
    const before = reader.generation!;
    fs.mkdirSync(path.join(root, 'team'));
    fs.writeFileSync(path.join(root, 'team/b.bicep'), 'param b string');
    reader.fileEvent(path.join(root, 'team'), 'created');
    assert.equal(reader.filesUnder(root).length, 2);
    assert.equal(reader.changesSince!(before), 'all');
    fs.rmSync(path.join(root, 'team'), { recursive: true });
    reader.fileEvent(path.join(root, 'team'), 'deleted');
    assert.equal(reader.filesUnder(root).length, 1);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
