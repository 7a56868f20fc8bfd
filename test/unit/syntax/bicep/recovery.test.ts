import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep, type Statement } from '../../../../server/src/syntax/bicep/index';

interface Case {
  readonly source: string;
  /** `line:column message` (1-based), one per expected problem, in order. */
  readonly problems: readonly string[];
  /** The declarations found, as `kind:name`, so the test shows what recovery kept. */
  readonly statements: string;
}

function describe(statement: Statement): string {
  const name = 'name' in statement && statement.name.kind === 'Identifier' ? statement.name.name : '';
  return name ? `${statement.kind}:${name}` : statement.kind;
}

const cases: Case[] = [
  { source: 'var a = \nvar b = 1', problems: ["1:9 expected a value after '='"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = {\n  b: \n  c: 1\n}\nvar d = 1', problems: ["2:6 expected a value after ':'"], statements: 'VariableDeclaration:a VariableDeclaration:d' },
  { source: 'var a = {\n  b 1\n}\nvar d = 1', problems: ["2:5 expected ':' after the property name"], statements: 'VariableDeclaration:a VariableDeclaration:d' },
  { source: 'param\nvar b = 1', problems: ['1:6 expected a parameter name'], statements: 'ParameterDeclaration VariableDeclaration:b' },
  { source: 'param p\nvar b = 1', problems: ["1:8 expected the parameter's type (string, int, bool, object, array or a type name)"], statements: 'ParameterDeclaration:p VariableDeclaration:b' },
  { source: "resource r 'a@b' = {\n  name: 'x'\n\nvar b = 1", problems: ["2:12 expected '}' to close the object before the next declaration"], statements: 'ResourceDeclaration:r VariableDeclaration:b' },
  { source: "resource r 'a@b' {\n}\nvar b = 1", problems: ["1:18 expected '=' and the body in { }"], statements: 'ResourceDeclaration:r VariableDeclaration:b' },
  { source: "var a = 'abc\nvar b = 1", problems: ["1:9 this string is not closed: add ' before the end of the line"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = [\n  1,\n  2\n]\nvar b = 1', problems: ["2:5 remove the ',' at the end of the line: items on separate lines need no comma"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = [1,, 2]\nvar b = 1', problems: ["1:12 expected an expression after ','"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = [1 2]\nvar b = 1', problems: ["1:12 expected a new line or ',' between items"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = f(1\n 2)\nvar b = 1', problems: ["1:12 expected ',' between the arguments"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = f(1,)\nvar b = 1', problems: ["1:13 remove the trailing ',': a list of arguments cannot end with a comma"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = 1 +\nvar b = 1', problems: ["1:12 expected an expression after '+'"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'var a = (1\nvar b = 1', problems: ["1:9 this '(' is not closed: add ')'"], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: 'foo bar\nvar b = 1', problems: ["1:1 'foo' does not start a declaration: expected param, var, resource, module, output, type, func, import, metadata or targetScope"], statements: 'Skipped VariableDeclaration:b' },
  { source: 'var a = "x"\nvar b = 1', problems: ['1:9 strings take single quotes in Bicep: write \'...\' instead of "..."'], statements: 'VariableDeclaration:a VariableDeclaration:b' },
  { source: "var a = 'x${b'\nvar c = 1", problems: ["1:14 this string is not closed: add ' before the end of the line"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: "var a = 'x${}'\nvar c = 1", problems: ['1:13 expected an expression inside ${}'], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: "var a = '\\q'\nvar c = 1", problems: ["1:10 '\\q' is not an escape Bicep knows; use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{...}"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = b.?c()\nvar c = 1', problems: ["1:11 '.?' cannot be used to call a function: write '.' instead"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = [for x xs: x]\nvar c = 1', problems: ["1:16 expected 'in' after the loop variable"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = [for x in xs x]\nvar c = 1', problems: ["1:22 expected ':' after the collection of the loop"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = b ? c\nvar c = 1', problems: ["1:14 expected ':' and the value for when the condition is false"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = x[]\nvar c = 1', problems: ['1:11 expected an index expression between [ and ]'], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = 1 var b = 2\nvar c = 1', problems: ['1:11 unexpected text after the end of the declaration: start a new line'], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: '/* open\nvar c = 1', problems: ['1:1 this comment is not closed: add */ to end it'], statements: '' },
  { source: "var a = '''abc\nvar c = 1", problems: ["2:10 this multi-line string (from line 1) is not closed: add ''' at its end"], statements: 'VariableDeclaration:a' },
  { source: 'type t = \nvar c = 1', problems: ["1:10 expected a type after '='"], statements: 'TypeDeclaration:t VariableDeclaration:c' },
  { source: "type t = 'a' |\nvar c = 1", problems: ["1:15 expected a type after '|'"], statements: 'TypeDeclaration:t VariableDeclaration:c' },
  { source: 'func f() => 1\nvar c = 1', problems: ["1:10 expected the function's return type before '=>'"], statements: 'FunctionDeclaration:f VariableDeclaration:c' },
  { source: "import {a} 'x'\nvar c = 1", problems: ["1:12 expected 'from' and the path of the file to import from"], statements: 'ImportDeclaration VariableDeclaration:c' },
  { source: 'output o = 1\nvar c = 1', problems: ["1:10 expected the output's type (string, int, bool, object, array or a type name)"], statements: 'OutputDeclaration:o VariableDeclaration:c' },
  { source: 'var a = 1 & 2\nvar c = 1', problems: ["1:11 a single '&' is not an operator; write && for a logical and"], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: '#disable-next-line\nvar c = 1', problems: ['1:1 add at least one diagnostic code after #disable-next-line, like #disable-next-line BCP081'], statements: 'VariableDeclaration:c' },
  { source: 'module m = {\n}\nvar c = 1', problems: ["1:10 expected the module path in quotes, like './module.bicep' or 'br/public:...'"], statements: 'ModuleDeclaration:m VariableDeclaration:c' },
  { source: 'var a = 99999999999999999999999\nvar c = 1', problems: ['1:9 this number is too large: Bicep integers go up to 18446744073709551615'], statements: 'VariableDeclaration:a VariableDeclaration:c' },
  { source: 'var a = {\n', problems: ["2:1 expected '}' to close the object"], statements: 'VariableDeclaration:a' },
  { source: '@description(\'x\')\n\n', problems: [], statements: 'MissingDeclaration' },
  { source: "var a = {\n  b: [\n    1\n\nparam p string", problems: ["3:6 expected ']' to close the array before the next declaration"], statements: 'VariableDeclaration:a ParameterDeclaration:p' },
  { source: "param p {\n  a: string\n\noutput o string = 'x'", problems: ["2:12 expected '}' to close the object type before the next declaration"], statements: 'ParameterDeclaration:p OutputDeclaration:o' },
];

for (const c of cases) {
  test(`recovers from ${JSON.stringify(c.source)}`, () => {
    const file = parseBicep(c.source);
    const problems = file.problems.map((p) => {
      const at = file.lineMap.positionAt(p.offset);
      return `${at.line + 1}:${at.character + 1} ${p.message}`;
    });
    assert.deepEqual(problems, c.problems);
    assert.equal(file.root.statements.map(describe).join(' '), c.statements);
  });
}

test('a half-typed resource keeps the properties typed so far', () => {
  const file = parseBicep("resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ops'\n  properties: {\n    enabled: true\n    emailReceivers: [\n      {\n        name: ");
  assert.equal(file.problems.length, 1);
  const resource = file.root.statements[0];
  assert.equal(resource.kind, 'ResourceDeclaration');
  if (resource.kind !== 'ResourceDeclaration' || resource.value.kind !== 'ObjectExpression') return;
  assert.deepEqual(resource.value.properties.map((p) => (p.kind === 'ObjectProperty' && p.key.kind === 'Identifier' ? p.key.name : p.kind)), ['name', 'properties']);
});
