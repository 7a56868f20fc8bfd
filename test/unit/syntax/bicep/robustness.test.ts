import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxBicepFileLength, parseBicep } from '../../../../server/src/syntax/bicep/index';
import { assertTreeInvariants } from './treeInvariants';

const deep = 10_000;
const nested: [string, string][] = [
  ['arrays', 'var x = ' + '['.repeat(deep) + ']'.repeat(deep)],
  ['parentheses', 'var x = ' + '('.repeat(deep)],
  ['objects', 'var x = ' + '{a:'.repeat(deep)],
  ['objects over lines', 'var x = ' + '{\n a: '.repeat(deep)],
  ['object types', 'type t = ' + '{a:'.repeat(deep)],
  ['tuple types', 'type t = ' + '['.repeat(deep)],
  ['string holes', "var x = '" + "${'".repeat(deep)],
  ['ternaries', 'var x = ' + 'a ? b : '.repeat(deep) + 'c'],
  ['lambdas', 'var x = ' + 'a => '.repeat(deep) + '1'],
  ['loops', 'var x = ' + '[for x in y: '.repeat(deep)],
  ['index access', 'var x = a' + '[a'.repeat(deep)],
  ['nested resources', "resource a 'b@c' = {\n".repeat(deep)],
];

for (const [name, prefix] of nested) {
  test(`${deep}-deep ${name}: one nesting problem, no stack overflow, and the next declaration parses`, () => {
    const start = Date.now();
    const file = parseBicep(prefix + '\nvar after = 1\n');
    assert.ok(Date.now() - start < 2000, 'took too long');
    assert.ok(file.problems.some((p) => /nested more than/.test(p.message)), 'reports the nesting');
    assert.ok(file.problems.filter((p) => /nested more than/.test(p.message)).length <= Math.ceil(deep / 200));
    const last = file.root.statements[file.root.statements.length - 1];
    assert.equal(last.kind === 'VariableDeclaration' ? last.name.name : last.kind, 'after');
    assertTreeInvariants(file);
  });
}

test('a file over the size limit gives one problem at once', () => {
  const text = "var x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'\n".repeat(Math.ceil((maxBicepFileLength + 1) / 40));
  const start = Date.now();
  const file = parseBicep(text);
  assert.ok(Date.now() - start < 1000);
  assert.equal(file.problems.length, 1);
  assert.match(file.problems[0].message, /too large/);
});

test('long flat input stays linear', () => {
  const text = 'var x = ' + 'a + '.repeat(50_000) + 'b\n' + "var y = 'z'\n".repeat(50_000);
  const start = Date.now();
  const file = parseBicep(text);
  assert.ok(Date.now() - start < 3000, 'took too long');
  assert.deepEqual(file.problems, []);
});
