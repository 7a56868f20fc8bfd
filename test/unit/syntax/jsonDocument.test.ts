import { maxSyntaxProblems } from '../../../server/src/syntax/span';
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

test('past 1,000 syntax problems a JSON document keeps the first 1,000 and one saying the rest are left out', () => {
  const text = `{"a": [${'1 '.repeat(5_000)}]}`;
  const { problems } = parseJsonDocument(text, { arm: true });
  assert.equal(problems.length, maxSyntaxProblems + 1);
  assert.match(problems[maxSyntaxProblems].message, /more than 1000 syntax errors/);
  assert.ok(problems.every((p, i) => i === 0 || p.offset >= problems[i - 1].offset));
});
