import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bicepLiteral, bicepString, expression, symbolFor } from '../../../server/src/fixes/bicepLiteral';

test('strings are single-quoted with quotes, backslashes and interpolations escaped', () => {
  assert.equal(bicepString("it's"), "'it\\'s'");
  assert.equal(bicepString('C:\\logs'), "'C:\\\\logs'");
  assert.equal(bicepString('${secret}'), "'\\${secret}'");
  assert.equal(bicepString('a\nb'), "'a\\nb'");
});

test('objects and arrays are written one entry a line, keys quoted only when they must be', () => {
  const text = bicepLiteral({ enabled: true, 'odata.type': 'x', logs: [{ categoryGroup: 'audit' }], workspaceId: expression('law.id'), empty: [], none: null });
  assert.equal(text, "{\n  enabled: true\n  'odata.type': 'x'\n  logs: [\n    {\n      categoryGroup: 'audit'\n    }\n  ]\n  workspaceId: law.id\n  empty: []\n  none: null\n}");
});

test('symbols come from resource names and never collide', () => {
  const taken = new Set<string>();
  assert.equal(symbolFor('ag-claims-oncall', taken), 'agClaimsOncall');
  assert.equal(symbolFor('ag claims oncall', taken), 'agClaimsOncall2');
  assert.equal(symbolFor('1st-vault', taken), 'r1stVault');
});
