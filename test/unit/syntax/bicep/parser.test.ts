import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep, type VariableDeclaration } from '../../../../server/src/syntax/bicep/index';
import { printTree } from './printTree';

/** Parses `var v = <source>` and prints the value. */
function expression(source: string): string {
  const file = parseBicep(`var v = ${source}\n`);
  assert.deepEqual(file.problems, [], `problems in ${JSON.stringify(source)}`);
  return printTree((file.root.statements[0] as VariableDeclaration).value);
}

function program(source: string, kind: 'bicep' | 'bicepparam' = 'bicep'): string {
  const file = parseBicep(source, { kind });
  assert.deepEqual(file.problems, [], `problems in ${JSON.stringify(source)}`);
  return printTree(file.root);
}

const expressions: [string, string][] = [
  // literals
  ['1', '1'],
  ['true', 'true'],
  ['null', 'null'],
  ["'a'", "'a'"],
  ["'it\\'s \\n \\t \\\\ \\$ \\u{1F600}'", "'it's \n \t \\ $ \u{1F600}'"],
  ["'\\${x}'", "'${x}'"],
  ["'a${b}c'", "(str 'a' b 'c')"],
  ["'${a}${b}'", "(str '' a '' b '')"],
  ["'${{}}'".replace('{}', "'x'"), "(str '' 'x' '')"],
  ["'a${f('b${c}')}'", "(str 'a' (call f (str 'b' c '')) '')"],
  // precedence and associativity
  ['a ? b : c ? d : e', '(? a b (? c d e))'],
  ['a ?? b || c && d', '(?? a (|| b (&& c d)))'],
  ['a == b != c', '(!= (== a b) c)'],
  ['a =~ b', '(=~ a b)'],
  ['a !~ b', '(!~ a b)'],
  ['a < b == c >= d', '(== (< a b) (>= c d))'],
  ['a + b * c - d % e / f', '(- (+ a (* b c)) (/ (% d e) f))'],
  ['-a + !b', '(+ (- a) (! b))'],
  ['!a.b', '(! (. a b))'],
  ['(a + b) * c', '(* (paren (+ a b)) c)'],
  // member access
  ['a.b.c', '(. (. a b) c)'],
  ['a.?b', '(.? a b)'],
  ['a[0]', '([] a 0)'],
  ['a[?0]', '([?] a 0)'],
  ['a[^1]', '([^] a 1)'],
  ['a[?^1]', '([?^] a 1)'],
  ['a::b::c', '(:: (:: a b) c)'],
  ['a!.b', '(. (nonnull a) b)'],
  ['a.b!', '(nonnull (. a b))'],
  // calls
  ['f()', '(call f)'],
  ['f(a, b)', '(call f a b)'],
  ['f(\n  a,\n  b\n)', '(call f a b)'],
  ['sys.concat(a)', '(call sys.concat a)'],
  ['az.resourceGroup().location', '(. (call az.resourceGroup) location)'],
  ['stg.listKeys().keys[0].value', '(. ([] (. (call stg.listKeys) keys) 0) value)'],
  // lambdas
  ['x => x', '(=> (x) x)'],
  ['(a, b) => a + b', '(=> (a b) (+ a b))'],
  ['() => 1', '(=> () 1)'],
  ['map(xs, x =>\n  x.name)', '(call map xs (=> (x) (. x name)))'],
  ['reduce(xs, 0, (cur, next) => cur + next)', '(call reduce xs 0 (=> (cur next) (+ cur next)))'],
  // objects and arrays
  ['{}', '(obj)'],
  ['{\n}', '(obj)'],
  ["{ a: 1, 'b-c': 2 }", "(obj (a 1) ('b-c' 2))"],
  ['{\n  a: 1\n  b: {\n    c: [\n      1\n      2\n    ]\n  }\n}', '(obj (a 1) (b (obj (c (arr 1 2)))))'],
  ["{ '${k}': v }", "(obj ((str '' k '') v))"],
  ['{\n  a: 1, b: 2\n  c: 3\n}', '(obj (a 1) (b 2) (c 3))'],
  ['{ ...a, b: 1 }', '(obj (... a) (b 1))'],
  ['[]', '(arr)'],
  ["['a', 'b',]", "(arr 'a' 'b')"],
  ['[\n  1\n  2\n]', '(arr 1 2)'],
  ['[...a, 1]', '(arr (... a) 1)'],
  // loops
  ['[for x in xs: x]', '(for x xs x)'],
  ['[for (x, i) in xs: i]', '(for x i xs i)'],
  ['[for x in range(0, 3): { n: x }]', '(for x (call range 0 3) (obj (n x)))'],
  ['[\n  for x in xs: x\n]', '(for x xs x)'],
  ['[for x in filter(xs, y => y.on): x]', '(for x (call filter xs (=> (y) (. y on))) x)'],
  // ternary across lines
  ['a\n  ? b\n  : c', '(? a b c)'],
  // strings
  ["'''\nline1\nline2'''", "'line1\nline2'"],
  ["'''a'b''c'''", "'a'b''c'"],
  ["'''x''''", "'x''"],
  ["$'''a${b}c'''", "(str 'a' b 'c')"],
  ["$$'''a${b}$${c}'''", "(str 'a${b}' c '')"],
];

for (const [source, expected] of expressions) {
  test(`expression ${JSON.stringify(source)}`, () => {
    assert.equal(expression(source), expected);
  });
}

const declarations: [string, string][] = [
  ["targetScope = 'subscription'", "(targetScope 'subscription')"],
  ["metadata description = 'x'", "(metadata description 'x')"],
  ['param p string', '(param p string)'],
  ["param p string = 'd'", "(param p string 'd')"],
  ['@secure()\nparam p string', '(@(call secure) param p string)'],
  ["@minLength(1)\n@sys.description('d')\nparam p string", "(@(call minLength 1) @(call sys.description 'd') param p string)"],
  ['@allowed([\n  1\n  2\n])\nparam p int', '(@(call allowed (arr 1 2)) param p int)'],
  ['param p string?', '(param p (string?))'],
  ["param p 'a' | 'b'", "(param p (| 'a' 'b'))"],
  ["param p resource 'Microsoft.Storage/storageAccounts@2023-01-01'", "(param p (resource 'Microsoft.Storage/storageAccounts@2023-01-01'))"],
  ['param p { a: string, b: int? }', '(param p (objtype (a string) (b (int?))))'],
  ['var v = 1', '(var v 1)'],
  ['var v int = 1', '(var v int 1)'],
  ['type t = string[]', '(type t (string[]))'],
  ["type t =\n  | 'a'\n  | 'b'", "(type t (| 'a' 'b'))"],
  ["type t = 'a'\n  | 'b'", "(type t (| 'a' 'b'))"],
  ['type t = [string, int]', '(type t (tuple string int))'],
  ['type t = {\n  @description(\'x\')\n  name: string\n  *: int\n}', "(type t (objtype (@(call description 'x') name string) (* int)))"],
  ["type t = resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>", "(type t (resourceInput<> 'Microsoft.Storage/storageAccounts@2023-01-01'))"],
  ["type t = resourceOutput<'a@b'>.properties", "(type t (. (resourceOutput<> 'a@b') properties))"],
  ['type t = sys.string', '(type t (. sys string))'],
  ['type t = other.*', '(type t (.* other))'],
  ['type t = other[*]', '(type t ([*] other))'],
  ['type t = other[0]', '(type t ([] other 0))'],
  ['type t = -1 | 2', '(type t (| (- 1) 2))'],
  ['type t = (string | int)[]', '(type t ((paren (| string int))[]))'],
  ['type t = string!', '(type t (string!))'],
  ['func add(a int, b int) int => a + b', '(func add (=> ((a int) (b int)) int (+ a b)))'],
  ['func none() string =>\n  \'x\'', "(func none (=> () string 'x'))"],
  ["resource r 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag'\n}", "(resource r 'Microsoft.Insights/actionGroups@2023-01-01' (obj (name 'ag')))"],
  ["resource r 'a@b' existing = {\n  name: 'x'\n}", "(resource r 'a@b' existing (obj (name 'x')))"],
  ["resource r 'a@b' = if (c) {\n}", "(resource r 'a@b' (if (paren c) (obj)))"],
  ["resource r 'a@b' =\n  if (c) {\n}", "(resource r 'a@b' (if (paren c) (obj)))"],
  ["resource r 'a@b' = [for x in xs: {\n}]", "(resource r 'a@b' (for x xs (obj)))"],
  ["resource r 'a@b' = [for x in xs: if (x.on) {\n}]", "(resource r 'a@b' (for x xs (if (paren (. x on)) (obj))))"],
  ["resource r 'a@b' = {\n  resource c 'd' = {\n  }\n  @batchSize(1)\n  resource e 'f' = {\n  }\n}", "(resource r 'a@b' (obj (resource c 'd' (obj)) (@(call batchSize 1) resource e 'f' (obj))))"],
  ["resource r 'a@b' = {\n  parent: p\n  resource: 1\n}", "(resource r 'a@b' (obj (parent p) (resource 1)))"],
  ["module m './m.bicep' = {\n  params: {}\n}", "(module m './m.bicep' (obj (params (obj))))"],
  ["module m 'br:reg.azurecr.io/a/b:1.0' = {\n}", "(module m 'br:reg.azurecr.io/a/b:1.0' (obj))"],
  ["module m 'br/public:avm/res/x:0.1.0' = {\n}", "(module m 'br/public:avm/res/x:0.1.0' (obj))"],
  ["module m 'ts:sub/rg/spec:v1' = {\n}", "(module m 'ts:sub/rg/spec:v1' (obj))"],
  ["@batchSize(2)\nmodule m 'm.bicep' = [for i in range(0, 2): {\n}]", "(@(call batchSize 2) module m 'm.bicep' (for i (call range 0 2) (obj)))"],
  ['output o string = a.b', '(output o string (. a b))'],
  ['output o resource = r', '(output o (resource _) r)'],
  ["output o resource 'a@b' = r", "(output o (resource 'a@b') r)"],
  ["import {a, b as c} from 'x.bicep'", "(import {a (as b c)} 'x.bicep')"],
  ["import {\n  a\n  'b-c' as d\n} from 'x.bicep'", "(import {a (as 'b-c' d)} 'x.bicep')"],
  ["import * as ns from 'x.bicep'", "(import (* ns) 'x.bicep')"],
  ['extension microsoftGraph', '(extension microsoftGraph)'],
  ["extension 'br:x/y:1' with {\n  a: 1\n} as k8s", "(extension 'br:x/y:1' with (obj (a 1)) as k8s)"],
  ["import 'kubernetes@1.0.0' with {\n} as k8s", "(extension 'kubernetes@1.0.0' with (obj) as k8s)"],
  ['assert a = true', '(assert a true)'],
  ["test t 'main.bicep' = {\n  params: {}\n}", "(test t 'main.bicep' (obj (params (obj))))"],
];

for (const [source, expected] of declarations) {
  test(`declaration ${JSON.stringify(source)}`, () => {
    assert.equal(program(source), expected);
  });
}

const paramsFiles: [string, string][] = [
  ["using 'main.bicep'\nparam a = 1", "(using 'main.bicep') (param a 1)"],
  ['using none', '(using none)'],
  ["using 'main.bicep' with {\n  mode: 'stack'\n}", "(using 'main.bicep' with (obj (mode 'stack')))"],
  ["extends 'base.bicepparam'", "(extends 'base.bicepparam')"],
  ["param p = readEnvironmentVariable('X', 'd')", "(param p (call readEnvironmentVariable 'X' 'd'))"],
  ['var v = 1\nparam p = v', '(var v 1) (param p v)'],
  ["import {a} from 'x.bicep'", "(import {a} 'x.bicep')"],
  ["extensionConfig k8s with {\n  ns: 'x'\n}", "(extensionConfig k8s (obj (ns 'x')))"],
  ['type t = string', '(type t string)'],
];

for (const [source, expected] of paramsFiles) {
  test(`bicepparam ${JSON.stringify(source)}`, () => {
    assert.equal(program(source, 'bicepparam'), expected);
  });
}

test('a .bicep keyword that is not a .bicepparam declaration is an error there', () => {
  const file = parseBicep("resource r 'a@b' = {}", { kind: 'bicepparam' });
  assert.equal(file.problems.length, 1);
  assert.match(file.problems[0].message, /'resource' does not start a declaration/);
});

test('CRLF, a byte order mark, comments and blank lines between declarations', () => {
  const source = "\uFEFF// lead\r\n\r\nparam a string /* inline */\r\n\r\n\r\n  // note\r\nvar b = {\r\n  x: 1 // trailing\r\n  /* block\r\n  */\r\n  y: 2\r\n}\r\n";
  assert.equal(program(source), '(param a string) (var b (obj (x 1) (y 2)))');
});

test('newline-separated, comma-separated and mixed object layouts', () => {
  assert.equal(expression('{\n  a: 1\n\n\n  b: 2 // c\n}'), '(obj (a 1) (b 2))');
  assert.equal(expression('{ a: 1\n  b: 2 }'), '(obj (a 1) (b 2))');
});

test('an empty file and a file of comments parse to an empty program', () => {
  assert.equal(program(''), '');
  assert.equal(program('// only\n/* comments */\n'), '');
});
