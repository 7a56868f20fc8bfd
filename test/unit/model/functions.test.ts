import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, valueOf } from './evaluateHelper';

/** `unknown` (optionally with a reason pattern) instead of a known value. */
const unknown = (reason?: RegExp) => ({ unknown: reason ?? /./ });
type Expected = unknown | { unknown: RegExp };

function table(family: string, cases: readonly (readonly [string, Expected])[]): void {
  for (const [expression, expected] of cases) {
    test(`${family}: ${expression}`, () => {
      const actual = valueOf(expression);
      if (typeof expected === 'object' && expected !== null && 'unknown' in expected && (expected as { unknown: unknown }).unknown instanceof RegExp) {
        assert.ok(isUnknown(actual, (expected as { unknown: RegExp }).unknown), `expected unknown matching ${(expected as { unknown: RegExp }).unknown}, got ${JSON.stringify(actual)}`);
      } else {
        assert.deepEqual(actual, expected);
      }
    });
  }
}

table('string', [
  ["format('{0}-{1}', 'a', 2)", 'a-2'],
  ["format('{0:D3}', 7)", '007'],
  ["format('{{literal}} {0}', true())", '{literal} True'],
  ["format('{1}', 'a')", unknown(/no matching argument/)],
  ["format('{0:N2}', 1)", unknown(/not one this tool computes|cannot format/)],
  ["concat('a', 'b', 1, true())", 'ab1True'],
  ["concat(createArray(1), createArray(2, 3))", [1, 2, 3]],
  ["replace('a-b-c', '-', '_')", 'a_b_c'],
  ["toLower('AbC')", 'abc'],
  ["toUpper('AbC')", 'ABC'],
  ["trim('  x  ')", 'x'],
  ["split('a,b;c', createArray(',', ';'))", ['a', 'b', 'c']],
  ["split('a,b', ',')", ['a', 'b']],
  ["substring('hello', 1, 3)", 'ell'],
  ["substring('hello', 2)", 'llo'],
  ["substring('hello', 4, 3)", unknown(/outside the string/)],
  ["indexOf('abcdef', 'CD')", 2],
  ["indexOf('abc', 'z')", -1],
  ["lastIndexOf('test', 't')", 3],
  ["startsWith('abcdef', 'AB')", true],
  ["endsWith('abcdef', 'ef')", true],
  ["endsWith('abcdef', 'e')", false],
  ["padLeft('7', 3, '0')", '007'],
  ['padLeft(7, 3)', '  7'],
  ["base64('one, two, three')", 'b25lLCB0d28sIHRocmVl'],
  ["base64ToString('b25lLCB0d28sIHRocmVl')", 'one, two, three'],
  ["uriComponent('a b/c')", 'a%20b%2Fc'],
  ["uriComponentToString('a%20b')", 'a b'],
  ["uri('http://contoso.org/firstpath', 'myscript.sh')", 'http://contoso.org/myscript.sh'],
  ["dataUri('Hello')", 'data:text/plain;charset=utf8;base64,SGVsbG8='],
  ["dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')", 'Hello, World!'],
  ["toLower(parameters('secret'))", unknown(/parameter 'secret' has no default/)],
  ['toLower(1)', unknown(/expected a string/)],
]);

table('collection', [
  ["take('abcdef', 2)", 'ab'],
  ["take(parameters('list'), 2)", ['a', 'b']],
  ["skip('abcdef', 4)", 'ef'],
  ["skip(parameters('list'), 5)", []],
  ["first(parameters('list'))", 'a'],
  ["last('xyz')", 'z'],
  ['first(createArray())', null],
  ["length(parameters('list'))", 3],
  ["length('four')", 4],
  ["length(parameters('tags'))", 2],
  ["length(resourceGroup())", unknown(/partly known/)],
  ["contains('OneTwo', 'Two')", true],
  ["contains('OneTwo', 'two')", false],
  ["contains(parameters('tags'), 'OWNER')", true],
  ["contains(parameters('list'), 'd')", false],
  ["contains(createArray('a', parameters('secret')), 'a')", true],
  ["contains(createArray('b', parameters('secret')), 'a')", unknown(/not known/)],
  ["contains(resourceGroup(), 'location')", true],
  ["contains(resourceGroup(), 'zzz')", unknown(/partly known/)],
  ['empty(createArray())', true],
  ["empty('')", true],
  ['empty(null())', true],
  ["empty(parameters('tags'))", false],
  ["indexOf(parameters('list'), 'c')", 2],
  ["join(parameters('list'), '+')", 'a+b+c'],
  ['range(2, 3)', [2, 3, 4]],
  ['range(0, 100000)', unknown(/more than/)],
  ["array('x')", ['x']],
  ['array(createArray(1))', [1]],
  ['flatten(createArray(createArray(1, 2), createArray(3)))', [1, 2, 3]],
  ["union(createArray('a', 'b'), createArray('b', 'c'))", ['a', 'b', 'c']],
  ["union(json('{\"a\":1,\"n\":{\"x\":1}}'), json('{\"b\":2,\"n\":{\"y\":2}}'))", { a: 1, n: { x: 1, y: 2 }, b: 2 }],
  ["intersection(createArray('a', 'b', 'c'), createArray('c', 'b'))", ['b', 'c']],
  ["intersection(json('{\"a\":1,\"b\":2}'), json('{\"a\":1,\"b\":3}'))", { a: 1 }],
  ["union(createArray(1), 'x')", unknown(/only arrays or only objects/)],
]);

table('object', [
  ["createObject('a', 1, 'b', createArray(true()))", { a: 1, b: [true] }],
  ["createObject('a')", unknown(/pairs/)],
  ["items(json('{\"b\":2,\"a\":1}'))", [{ key: 'a', value: 1 }, { key: 'b', value: 2 }]],
  ["objectKeys(parameters('tags'))", ['env', 'Owner']],
  ["shallowMerge(createArray(json('{\"a\":1,\"n\":{\"x\":1}}'), json('{\"n\":{\"y\":2}}')))", { a: 1, n: { y: 2 } }],
  ["tryGet(parameters('tags'), 'missing')", null],
  ["tryGet(parameters('tags'), 'env')", 'prod'],
  ["parameters('tags').owner", 'ops'],
  ["parameters('tags')['env']", 'prod'],
  ["parameters('tags').missing", unknown(/no property 'missing'/)],
  ["parameters('list')[5]", unknown(/outside the array/)],
  ["json('{\"a\":[1,null]}')", { a: [1, null] }],
  ["json('not json')", unknown(/not strict JSON/)],
  ['null()', null],
]);

table('logical', [
  ['and(true(), false())', false],
  ["and(true(), equals(parameters('secret'), 'x'))", unknown(/not known/)],
  ["and(false(), equals(parameters('secret'), 'x'))", false],
  ["or(equals(parameters('secret'), 'x'), true())", true],
  ['not(true())', false],
  ["if(true(), 'yes', 'no')", 'yes'],
  ["if(false(), parameters('list')[9], 'no')", 'no'],
  ["if(equals(parameters('secret'), 'x'), 'yes', 'no')", unknown(/condition is not known/)],
  ["if(true, 'literal true', 'no')", 'literal true'],
  ["coalesce(null(), null(), 'x')", 'x'],
  ["coalesce(parameters('secret'), 'x')", unknown(/'secret' has no default value/)],
  ['coalesce(null())', null],
  ["bool('TRUE')", true],
  ['bool(0)', false],
  ["bool('maybe')", unknown(/expects a boolean/)],
]);

table('comparison', [
  ["equals(parameters('tags'), json('{\"Owner\":\"ops\",\"env\":\"prod\"}'))", true],
  ["equals(createArray(1, 2), createArray(2, 1))", false],
  ["equals('a', 'A')", false],
  ['greater(2, 1)', true],
  ["greater('a', 'b')", false],
  ['greaterOrEquals(1, 1)', true],
  ['less(1, 2)', true],
  ['lessOrEquals(3, 2)', false],
  ["less(1, 'a')", unknown(/two integers or two strings/)],
]);

table('numeric', [
  ['add(1, -2)', -1],
  ['sub(5, 7)', -2],
  ['mul(6, 7)', 42],
  ['div(7, 2)', 3],
  ['div(-7, 2)', -3],
  ['div(1, 0)', unknown(/division by zero/)],
  ['mod(7, 3)', 1],
  ['min(3, 1, 2)', 1],
  ['max(createArray(3, 9, 2))', 9],
  ["int('42')", 42],
  ["int('4x')", unknown(/string of digits/)],
  ['mul(9007199254740991, 2)', unknown(/too large/)],
]);

table('conversion', [
  ["string(json('{\"a\":[1,true,null]}'))", '{"a":[1,true,null]}'],
  ['string(12)', '12'],
  ['string(true())', 'True'],
  ["string('x')", 'x'],
  ["float('1.5')", 1.5],
]);

table('hash', [
  ["uniqueString('test')", 'rbgf3xv4ufgzg'],
  ["uniqueString('hello', 'world')", 'a7wkljktk6wne'],
  ["uniqueString('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg')", 'bmg7c6xu4tw46'],
  ["uniqueString('foo', 'bar', 'baz')", 'xzi4ioaxtmth4'],
  ["uniqueString(resourceGroup().id)", unknown(/resource group/)],
  // UUID v5 in ARM's namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830 over the '-'-joined arguments (checked with Python's uuid.uuid5).
  ["guid('test')", 'd6a5baf1-8b9b-542a-8525-2982f1f98a0c'],
  ["guid(subscription().id, 'x')", unknown(/subscription/)],
]);

table('deployment context', [
  ["resourceGroup().type", 'Microsoft.Resources/resourceGroups'],
  ['resourceGroup().location', unknown(/resource group deployed to/)],
  ['subscription().subscriptionId', unknown(/subscription deployed to/)],
  ['tenant().tenantId', unknown(/tenant/)],
  ['environment().suffixes.storage', unknown(/Azure cloud/)],
  ['deployment().name', unknown(/deployment/)],
  ['deployer().objectId', unknown(/identity that runs/)],
  ["reference('x').outputs", unknown(/reference\(\)/)],
  ["listKeys('x', '2023-01-01').keys[0].value", unknown(/list\*\(\)/)],
  ['utcNow()', unknown(/deployment time/)],
  ['newGuid()', unknown(/every deployment/)],
]);

table('resourceId', [
  ["resourceId('Microsoft.Insights/actionGroups', 'ag')", unknown(/subscription and resource group/)],
  ["resourceId('00000000-0000-0000-0000-000000000000', 'rg', 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')", '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default'],
  ["subscriptionResourceId('sub', 'Microsoft.Authorization/roleDefinitions', 'r1')", '/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/r1'],
  ["subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')", unknown(/subscription/)],
  ["tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p')", '/providers/Microsoft.Authorization/policyDefinitions/p'],
  ["extensionResourceId('/subscriptions/s/resourceGroups/r', 'Microsoft.Authorization/locks', 'l')", '/subscriptions/s/resourceGroups/r/providers/Microsoft.Authorization/locks/l'],
  ["managementGroupResourceId('mg', 'Microsoft.Authorization/policyDefinitions', 'p')", '/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/p'],
  ["resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')", unknown(/needs 2 name segment/)],
]);

table('lambda', [
  ["map(range(1, 3), lambda('x', mul(lambdaVariables('x'), 10)))", [10, 20, 30]],
  ["map(parameters('list'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))", ['a0', 'b1', 'c2']],
  ["filter(range(1, 5), lambda('x', equals(mod(lambdaVariables('x'), 2), 0)))", [2, 4]],
  ["reduce(range(1, 4), 0, lambda('acc', 'x', add(lambdaVariables('acc'), lambdaVariables('x'))))", 10],
  ["sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))", [1, 2, 3]],
  ["toObject(parameters('list'), lambda('x', toUpper(lambdaVariables('x'))))", { A: 'a', B: 'b', C: 'c' }],
  ["toObject(parameters('list'), lambda('x', lambdaVariables('x')), lambda('x', length(lambdaVariables('x'))))", { a: 1, b: 1, c: 1 }],
  ["mapValues(parameters('tags'), lambda('v', toUpper(lambdaVariables('v'))))", { env: 'PROD', Owner: 'OPS' }],
  ["filter(createArray(1, parameters('secret')), lambda('x', equals(lambdaVariables('x'), 1)))", unknown(/filter is not known/)],
]);

table('network', [
  ["cidrSubnet('10.144.0.0/20', 24, 1)", '10.144.1.0/24'],
  ["cidrHost('10.144.3.0/24', 0)", '10.144.3.1'],
  ["parseCidr('10.144.0.0/20')", { network: '10.144.0.0', netmask: '255.255.240.0', broadcast: '10.144.15.255', firstUsable: '10.144.0.1', lastUsable: '10.144.15.254', cidr: 20 }],
  ["cidrSubnet('fdad:3236:5555::/48', 52, 0)", unknown(/IPv6/)],
]);

table('symbols', [
  ["variables('greeting')", 'Hello Contoso'],
  ["parameters('count')", 3],
  ["parameters('nope')", unknown(/does not exist/)],
  ['copyIndex()', unknown(/outside a copy loop/)],
  ['unknownFunction(1)', unknown(/unknown function/)],
  ["concat('a')", 'a'],
  ['not(1, 2)', unknown(/wrong number of arguments/)],
]);

test('union merges nested objects, replaces nested arrays and keeps the first order of properties', () => {
  const merged = valueOf(
    "union(json('{\"property\":{\"one\":\"a\",\"two\":\"b\",\"three\":\"c1\"},\"nestedArray\":[1,2]}'), json('{\"property\":{\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"},\"nestedArray\":[3,4]}'))",
  );
  assert.equal(JSON.stringify(merged), '{"property":{"one":"a","two":"b","three":"c2","four":"d","five":"e"},"nestedArray":[3,4]}');
});

test('an unknown lambda variable makes each mapped item unknown, not the array', () => {
  const value = valueOf("map(range(0, 1), lambda('x', lambdaVariables('y')))") as { $unknown: string }[];
  assert.match(value[0].$unknown, /not a lambda variable/);
});
