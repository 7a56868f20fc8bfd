import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplateString } from '../../../../server/src/syntax/arm/expressionParser';
import type { Expression } from '../../../../server/src/syntax/arm/expression';
import { locatorOfJsonString } from '../../../../server/src/syntax/arm/stringOffsets';
import { parseJsonDocument } from '../../../../server/src/syntax/arm/jsonDocument';

/** A compact, readable form of a tree: calls as name(args), literals as JSON, members as .p and [i]. */
function show(expression: Expression | undefined): string {
  if (expression === undefined) return '<error>';
  switch (expression.kind) {
    case 'string':
      return JSON.stringify(expression.value);
    case 'number':
      return String(expression.value);
    case 'identifier':
      return `#${expression.name}`;
    case 'call':
      return `${expression.name}(${expression.args.map(show).join(', ')})`;
    case 'property':
      return `${show(expression.target)}.${expression.name}`;
    case 'index':
      return `${show(expression.target)}[${show(expression.index)}]`;
  }
}

function parse(value: string) {
  return parseTemplateString(value);
}

const constructs: readonly (readonly [string, string])[] = [
  ["[concat('a', 'b')]", 'concat("a", "b")'],
  ['[resourceGroup()]', 'resourceGroup()'],
  ['[resourceGroup().location]', 'resourceGroup().location'],
  ["[parameters('x')[0].name]", 'parameters("x")[0].name'],
  ["[variables('m')[parameters('k')]]", 'variables("m")[parameters("k")]'],
  ["[contoso.uniqueName('a')]", 'contoso.uniqueName("a")'],
  ["[contoso.uniqueName ('a')]", 'contoso.uniqueName("a")'],
  ["['it''s']", '"it\'s"'],
  ["['']", '""'],
  ['[add(1, -2)]', 'add(1, -2)'],
  ['[ add( 1 ,2 ) ]', 'add(1, 2)'],
  ['[if(true, null, false)]', 'if(#true, #null, #false)'],
  ['[if(true(), null(), false())]', 'if(true(), null(), false())'],
  ["[reference('x').outputs.id.value]", 'reference("x").outputs.id.value'],
  ["[lambda('x', mul(lambdaVariables('x'), 2))]", 'lambda("x", mul(lambdaVariables("x"), 2))'],
  ["[concat('[', ']')]", 'concat("[", "]")'],
  ["[split('a b', ' ')[1]]", 'split("a b", " ")[1]'],
  ['[a.b]', '#a.b'],
];

for (const [source, expected] of constructs) {
  test(`parses ${source}`, () => {
    const { template, problems } = parse(source);
    assert.deepEqual(problems, []);
    assert.equal(template.kind, 'expression');
    assert.equal(template.kind === 'expression' ? show(template.expression) : '', expected);
  });
}

const literals: readonly (readonly [string, string])[] = [
  ['plain text', 'plain text'],
  ["[[parameters('x')]", "[parameters('x')]"],
  ['[[', '[['],
  ['[not closed', '[not closed'],
  ['ends]', 'ends]'],
  [' [x()]', ' [x()]'],
  ['', ''],
];

for (const [source, expected] of literals) {
  test(`'${source}' is the literal '${expected}'`, () => {
    const { template, problems } = parse(source);
    assert.deepEqual(problems, []);
    assert.deepEqual(template, { kind: 'literal', value: expected });
  });
}

const malformed: readonly (readonly [string, string, number])[] = [
  // [source, message, offset of the problem within the value]
  ["[concat('a', 'b']", "expected ')' to close the call to concat", 7],
  ["[concat('a' 'b')]", "expected ',' or ')' in the call to concat, found '''", 12],
  ["[concat('a',)]", "expected an argument after ',' in the call to concat", 11],
  ["[concat(,'a')]", "expected an argument before ',' in the call to concat", 8],
  ["[concat('abc)]", "this string is not closed: add ' (write '' for a quote inside it)", 8],
  ['[]', 'this expression is empty: write a function call between [ and ], or start the string with [[ to mean a literal [', 0],
  ["[parameters('a').]", "expected a property name after '.'", 17],
  ["[parameters('a')[0]", "expected ']' to close this index", 16],
  ["[variables('a')[0]]", '', -1],
  ["[variables('a')[0 ]x]", "unexpected 'x' after the end of the expression", 19],
  ['[12abc()]', 'a number is followed by letters here', 1],
  ['[concat(@)]', "unexpected '@': expected a function call, a string in single quotes or a number", 8],
];

for (const [source, message, at] of malformed) {
  test(`reports ${source}${message === '' ? ' as fine' : ''}`, () => {
    const { problems } = parse(source);
    if (message === '') return assert.deepEqual(problems, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, message);
    assert.equal(problems[0].offset, at);
    assert.ok(problems[0].length >= 1);
  });
}

test('node offsets are document offsets, mapped through JSON escapes', () => {
  const text = '{ "v": "[concat(\'\\u0041\\"\', toLower(\'X\'))]" }';
  const start = text.indexOf('"[');
  const end = text.indexOf(']"') + 2;
  const value = JSON.parse(text.slice(start, end)) as string;
  const { template } = parseTemplateString(value, locatorOfJsonString(text, start, end - start));
  assert.equal(template.kind, 'expression');
  const call = template.kind === 'expression' ? template.expression : undefined;
  assert.equal(call?.kind, 'call');
  if (call?.kind !== 'call') return;
  assert.equal(text.slice(call.offset, call.offset + call.length), "concat('\\u0041\\\"', toLower('X'))");
  const lower = call.args[1];
  assert.equal(text.slice(lower.offset, lower.offset + lower.length), "toLower('X')");
  assert.equal(call.args[0].kind === 'string' && call.args[0].value, 'A"');
  assert.equal(text.slice(call.nameSpan.offset, call.nameSpan.offset + call.nameSpan.length), 'concat');
});

test('a deployment template read with {arm: true} reports malformed expressions at their place (HN001)', () => {
  const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  // comments and trailing commas are fine in ARM
  "variables": { "a": "[concat('x', 'y']", "b": "[[literal]", },
  "resources": []
}`;
  const { problems } = parseJsonDocument(text, { arm: true });
  assert.equal(problems.length, 1);
  assert.equal(problems[0].message, "expected ')' to close the call to concat");
  assert.equal(text.slice(problems[0].offset, problems[0].offset + problems[0].length), '(');
  assert.equal(text.slice(problems[0].offset - 7, problems[0].offset), '[concat');
});

test('a parameters file or plain JSON gets no expression problems', () => {
  const text = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": { "a": { "value": "[concat(" } } }';
  assert.deepEqual(parseJsonDocument(text, { arm: true }).problems, []);
});

test('raw line breaks inside strings are accepted and kept in the value', () => {
  const text = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "variables": { "script": "line one\nline two\r\n[x]", "e": "[concat(\'a\',\n \'b\')]" }\n}';
  const { root, problems } = parseJsonDocument(text, { arm: true });
  assert.deepEqual(problems, []);
  const variables = root?.children?.[1].children?.[1];
  assert.equal(variables?.children?.[0].children?.[1].value, 'line one\nline two\r\n[x]');
  assert.equal(variables?.children?.[1].children?.[1].value, "[concat('a',\n 'b')]");
});

test('deep nesting is reported, not overflowed', () => {
  const source = `[${'concat('.repeat(5000)}'a'${')'.repeat(5000)}]`;
  const { problems } = parse(source);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /nested too deeply/);
});
