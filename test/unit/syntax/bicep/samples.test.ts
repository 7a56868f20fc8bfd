import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentsOnLine, commentText, leadingComments, nodeAt, parseBicep, walk, type Node } from '../../../../server/src/syntax/bicep/index';
import { samples } from './samples';
import { assertTreeInvariants } from './treeInvariants';

for (const sample of samples) {
  test(`${sample.name} parses without problems, with a consistent tree`, () => {
    const file = parseBicep(sample.text, { kind: sample.kind });
    assert.deepEqual(file.problems, []);
    assertTreeInvariants(file);
  });
  test(`${sample.name} parses the same with CRLF line ends`, () => {
    const file = parseBicep(sample.text.replace(/\n/g, '\r\n'), { kind: sample.kind });
    assert.deepEqual(file.problems, []);
    assertTreeInvariants(file);
  });
}

test('suppression comments are kept and can be found above a declaration', () => {
  const file = parseBicep(samples[0].text);
  const output = file.root.statements.find((s) => s.kind === 'OutputDeclaration');
  assert.ok(output);
  const comments = leadingComments(file, output);
  assert.deepEqual(comments.map((c) => commentText(file, c)), [' hipaa-notify-disable-next-line HN101 -- the SOC webhook covers this']);
  const line = file.lineMap.positionAt(comments[0].offset).line;
  assert.equal(commentsOnLine(file, line).length, 1);
});

test('pragmas are recorded with their codes', () => {
  const file = parseBicep(samples[0].text);
  assert.deepEqual(file.pragmas.map((p) => [p.kind, p.codes]), [['disable-next-line', ['no-unused-vars']]]);
});

test('string segments carry decoded values and the offsets of their text', () => {
  const text = "var v = 'a\\'b${x}c'";
  const file = parseBicep(text);
  const strings: Node[] = [];
  walk(file.root, (n) => { if (n.kind === 'StringSegment') strings.push(n); });
  assert.deepEqual(strings.map((s) => (s.kind === 'StringSegment' ? [s.value, text.slice(s.offset, s.offset + s.length)] : [])), [["a'b", "a\\'b"], ['c', 'c']]);
});

test('nodeAt finds the innermost node at an offset', () => {
  const text = 'var v = a.b.c';
  const file = parseBicep(text);
  const node = nodeAt(file.root, text.indexOf('b'));
  assert.equal(node.kind, 'Identifier');
  assert.equal(node.parent?.kind, 'PropertyAccess');
});
