import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maxBicepFileLength, parseBicep } from '../../../../server/src/syntax/bicep/index';
import { maxNestingDepth } from '../../../../server/src/syntax/bicep/parserBase';
import { maxSyntaxProblems } from '../../../../server/src/syntax/span';
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
    assert.ok(file.problems.filter((p) => /nested more than/.test(p.message)).length <= Math.ceil(deep / maxNestingDepth));
    const last = file.root.statements[file.root.statements.length - 1];
    assert.equal(last.kind === 'VariableDeclaration' ? last.name.name : last.kind, 'after');
    assertTreeInvariants(file);
  });
}

test('deep nesting leaves room on the stack: it parses with 40% of the default stack', () => {
  // the guard in parseBicep would turn an overflow into an internal-error problem; there must be none
  const dir = mkdtempSync(join(tmpdir(), 'bicep-stack-'));
  try {
    const cases = join(dir, 'cases.json');
    writeFileSync(cases, JSON.stringify(nested.map(([, prefix]) => prefix)));
    const script = `const { parseBicep } = require(${JSON.stringify(require.resolve('../../../../server/src/syntax/bicep/index'))});
      for (const text of JSON.parse(require('fs').readFileSync(${JSON.stringify(cases)}, 'utf8'))) {
        const failed = parseBicep(text).problems.find((p) => p.message.startsWith('the Bicep parser failed'));
        if (failed) { console.log(failed.message); process.exit(1); }
      }`;
    execFileSync(process.execPath, ['--stack-size=400', '-e', script], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

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

test('a file with thousands of syntax errors keeps the first ones and says there are more', () => {
  const file = parseBicep('var x = f(' + ','.repeat(5000) + ')\n' + ')\n'.repeat(5000) + 'var after = 1\n');
  assert.equal(file.problems.length, maxSyntaxProblems + 1);
  assert.match(file.problems[maxSyntaxProblems].message, /more than 1000 syntax errors/);
  assert.deepEqual(file.problems.slice(0, 3).map((p) => p.message), ["expected an expression after '('", "expected an expression after ','", "expected an expression after ','"]);
  const last = file.root.statements[file.root.statements.length - 1];
  assert.equal(last.kind === 'VariableDeclaration' ? last.name.name : last.kind, 'after');
  assertTreeInvariants(file);
});
