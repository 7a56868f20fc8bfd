import assert from 'node:assert/strict';
import { forEachChild, internalErrorPrefix, type BicepFile, type Node } from '../../../../server/src/syntax/bicep/index';

/** Checks what every parse must give: spans inside the text and inside the parent, parents set, problems in range. */
export function assertTreeInvariants(file: BicepFile): void {
  const length = file.text.length;
  const stack: Node[] = [file.root];
  assert.equal(file.root.parent, undefined);
  while (stack.length > 0) {
    const node = stack.pop()!;
    assert.ok(node.offset >= 0 && node.length >= 0 && node.offset + node.length <= length, `${node.kind} span ${node.offset}+${node.length} outside 0..${length}`);
    forEachChild(node, (child) => {
      assert.equal(child.parent, node, `${child.kind} under ${node.kind} has the wrong parent`);
      assert.ok(
        child.offset >= node.offset && child.offset + child.length <= node.offset + node.length,
        `${child.kind} ${child.offset}+${child.length} is outside its parent ${node.kind} ${node.offset}+${node.length}`,
      );
      stack.push(child);
    });
  }
  for (const problem of file.problems) {
    assert.ok(!problem.message.startsWith(internalErrorPrefix), problem.message);
    assert.ok(problem.offset >= 0 && problem.offset + problem.length <= length, `problem outside the text: ${JSON.stringify(problem)}`);
    assert.ok(problem.message.length > 0 && problem.message[0] === problem.message[0].toLowerCase(), `message style: ${problem.message}`);
  }
}
