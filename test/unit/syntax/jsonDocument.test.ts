import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonDocument } from '../../../server/src/syntax/arm/jsonDocument';

test('ARM mode accepts comments and trailing commas; plain JSON does not', () => {
  const text = '{\n  // note\n  "a": [1, 2,],\n  "b": "x",\n}';
  assert.deepEqual(parseJsonDocument(text, { arm: true }).problems, []);
  const strict = parseJsonDocument(text).problems.map((p) => p.message);
  assert.ok(strict.some((m) => /comment/i.test(m) || /unexpected character/.test(m)));
});

test('errors have a readable message and the offset of the mistake', () => {
  const { problems, root } = parseJsonDocument('{ "a": 1 "b": 2 }', { arm: true });
  assert.ok(root, 'a tree is recovered');
  assert.deepEqual(problems, [{ offset: 9, length: 3, message: "expected ',' between items" }]);
});
