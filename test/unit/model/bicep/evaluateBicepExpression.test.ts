import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valueOf } from './bicepHelper';

const unknown = { $unknown: /./ };

/** [expression, declarations, expected plain value]; an expected `unknown` matches any unknown value. */
const table: readonly (readonly [string, string, unknown])[] = [
  // literals and strings
  ["'text'", '', 'text'],
  ["'a${1}b${true}c${null}'", '', 'a1bTruec'],
  ["'${obj}'", "var obj = { a: 1 }", '{"a":1}'],
  ["'''\nraw ${x}\n'''", '', 'raw ${x}\n'],
  ['-3 + 10 * 2', '', 17],
  ['7 / 2', '', 3],
  ['7 % 4', '', 3],
  ['!true', '', false],
  ["'a' == 'a' && 1 != 2", '', true],
  ["'ABC' =~ 'abc'", '', true],
  ["'ABC' !~ 'abc'", '', false],
  ["'b' > 'a'", '', true],
  ['2 <= 1', '', false],
  ['(1 + 2) * 3', '', 9],
  // conditional and null handling
  ["flag ? 'yes' : 'no'", 'param flag bool = false', 'no'],
  ["unknownFlag ? 'yes' : 'no'", 'param unknownFlag bool', unknown],
  ["null ?? 'fallback'", '', 'fallback'],
  ["'given' ?? 'fallback'", '', 'given'],
  ['obj.?missing', 'var obj = { a: 1 }', null],
  ["obj[?'missing']", 'var obj = { a: 1 }', null],
  ['obj.a!', 'var obj = { a: 1 }', 1],
  ['obj.?missing.deeper[0]', 'var obj = { a: 1 }', null],
  ['list[^1]', 'var list = [1, 2, 3]', 3],
  ['false && undefinedParam', 'param undefinedParam bool', false],
  ['true || undefinedParam', 'param undefinedParam bool', true],
  // objects, arrays, spreads and loops
  ["{ ...base, b: 2, 'c-d': 3 }", 'var base = { a: 1, b: 1 }', { a: 1, b: 2, 'c-d': 3 }],
  ['[0, ...items, 3]', 'var items = [1, 2]', [0, 1, 2, 3]],
  ["[for (x, i) in ['a', 'b']: '${x}${i}']", '', ['a0', 'b1']],
  ['[for i in range(0, count): i * 2]', 'param count int = 3', [0, 2, 4]],
  ['[for i in range(0, count): i]', 'param count int', unknown],
  // parameters, variables, functions
  ['name', "param name string = 'ag-${env}'\nparam env string = 'prod'", 'ag-prod'],
  ['secret', '@secure()\nparam secret string', unknown],
  ['maybe', 'param maybe string?', unknown],
  ['maybe ?? []', 'param maybe string[]?', unknown],
  ["action.?actionGroupId ?? action", "var action = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/actionGroups/ag'", '/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/actionGroups/ag'],
  ['upper', "var upper = toUpper('x')", 'X'],
  ["concat('a', 'b', string(1))", '', 'ab1'],
  ["format('{0}-{1}', 'a', 2)", '', 'a-2'],
  ["replace(toLower('A-B'), '-', '_')", '', 'a_b'],
  ["split('a,b', ',')", '', ['a', 'b']],
  ['take([1, 2, 3], 2)', '', [1, 2]],
  ['union({ a: 1 }, { b: 2 })', '', { a: 1, b: 2 }],
  ["contains(['x'], 'x')", '', true],
  ['empty([])', '', true],
  ['empty(ag.id)', "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag'\n}", false],
  ['empty(unknownText)', 'param unknownText string', unknown],
  ['coalesce(null, 2)', '', 2],
  ["json('{\"a\": [1]}')", '', { a: [1] }],
  ['length(range(1, 4))', '', 4],
  ['sys.concat([1], [2])', '', [1, 2]],
  ['az.resourceGroup().location', '', unknown],
  ['resourceGroup().id', '', unknown],
  ["uniqueString('a')", '', /^[a-z0-9]{13}$/],
  ['map([1, 2], x => x * 10)', '', [10, 20]],
  ['filter([1, 2, 3], x => x > 1)', '', [2, 3]],
  ['reduce([1, 2, 3], 0, (acc, x) => acc + x)', '', 6],
  ['toObject([1, 2], x => string(x), x => x)', '', { 1: 1, 2: 2 }],
  ['distinct([1, 2, 1])', '', [1, 2]],
  ["groupBy(['ab', 'ac', 'b'], x => substring(x, 0, 1))", '', { a: ['ab', 'ac'], b: ['b'] }],
  ['shout()', "var word = 'hey'\nfunc shout() string => toUpper(word)", 'HEY'],
  ['double(21)', 'func double(x int) int => x * 2', 42],
  ['greet(name)', "param name string = 'x'\nfunc greet(n string) string => 'hi ${n}'", 'hi x'],
  ['nameof(ag)', "var ag = 1", 'ag'],
  ['any(3)', '', 3],
  ["readEnvironmentVariable('HOME')", '', unknown],
  ['stg.listKeys()', "resource stg 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st'\n}", unknown],
  // resource symbols
  ['ag.name', "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-1'\n}", 'ag-1'],
  ['ag.type', "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-1'\n}", 'Microsoft.Insights/actionGroups'],
  ['ag.properties.enabled', "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag-1'\n}", unknown],
  ['tenantThing.id', "targetScope = 'tenant'\nresource tenantThing 'Microsoft.Management/managementGroups@2023-04-01' = {\n  name: 'mg'\n}", '/providers/Microsoft.Management/managementGroups/mg'],
  ['ags[1].name', "resource ags 'Microsoft.Insights/actionGroups@2023-01-01' = [for n in ['a', 'b']: {\n  name: n\n}]", 'b'],
  // bounded work
  ['self', 'var self = self', unknown],
  ['range(0, 100000)', '', unknown],
];

for (const [expression, declarations, expected] of table) {
  test(`Bicep ${expression.replace(/\n/g, ' ')}${declarations ? ` with ${declarations.replace(/\n/g, '; ')}` : ''}`, () => {
    const actual = valueOf(expression, declarations);
    if (expected === unknown) assert.ok(typeof actual === 'object' && actual !== null && '$unknown' in actual, `expected unknown, got ${JSON.stringify(actual)}`);
    else if (expected instanceof RegExp) assert.match(String(actual), expected);
    else assert.deepEqual(actual, expected);
  });
}
