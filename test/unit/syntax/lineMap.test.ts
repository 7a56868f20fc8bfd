import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineMap } from '../../../server/src/syntax/lineMap';

test('positions across \\n, \\r\\n and lone \\r line ends round-trip', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineMap(text);
  assert.equal(lines.lineCount, 4);
  const cases: Array<[number, number, number]> = [[0, 0, 0], [2, 0, 2], [3, 1, 0], [7, 2, 0], [10, 3, 0], [12, 3, 2]];
  for (const [offset, line, character] of cases) {
    assert.deepEqual(lines.positionAt(offset), { line, character }, `offset ${offset}`);
    assert.equal(lines.offsetAt({ line, character }), offset);
  }
  assert.deepEqual(lines.positionAt(999), { line: 3, character: 2 });
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), 7, 'a column past the end stops at the next line');
});
