import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachChild, parseBicep, walk, type Node } from '../../../../server/src/syntax/bicep/index';

test('forEachChild visits children in source order and can stop early', () => {
  const file = parseBicep("@description('d')\nparam p string = 'x'");
  const declaration = file.root.statements[0];
  const kinds: string[] = [];
  forEachChild(declaration, (child) => { kinds.push(child.kind); });
  assert.deepEqual(kinds, ['Decorator', 'Identifier', 'TypeReference', 'StringLiteral']);
  let seen = 0;
  forEachChild(declaration, () => { seen++; return true; });
  assert.equal(seen, 1);
});

test('walk visits every node once, parents before children, and can skip subtrees', () => {
  const file = parseBicep('var a = { b: [1, 2] }\nvar c = 3');
  const order: string[] = [];
  walk(file.root, (node: Node) => {
    order.push(node.kind);
    return node.kind !== 'ArrayExpression';
  });
  assert.deepEqual(order, [
    'Program', 'VariableDeclaration', 'Identifier', 'ObjectExpression', 'ObjectProperty', 'Identifier', 'ArrayExpression',
    'VariableDeclaration', 'Identifier', 'IntegerLiteral',
  ]);
});

test('every node knows its parent', () => {
  const file = parseBicep("resource r 'a@b' = {\n  properties: {\n    x: f(1)\n  }\n}");
  walk(file.root, (node) => {
    forEachChild(node, (child) => { assert.equal(child.parent, node); });
  });
});
