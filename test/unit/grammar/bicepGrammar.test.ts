import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

// The TextMate grammars the extension ships, tokenized by VS Code's own TextMate engine.
const repo = path.resolve(__dirname, '../../../..');
const files: Record<string, string> = { 'source.bicep': 'syntaxes/bicep.tmLanguage.json', 'source.bicepparam': 'syntaxes/bicepparam.tmLanguage.json' };

const registry = (async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      return file ? parseRawGrammar(fs.readFileSync(path.join(repo, file), 'utf8'), path.join(repo, file)) : null;
    },
  });
})();

/** Each token's text with its innermost scope, line by line. */
async function tokens(scope: string, text: string): Promise<Array<[string, string]>> {
  const grammar = (await (await registry).loadGrammar(scope)) as IGrammar;
  let state = INITIAL;
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim()) out.push([piece.trim(), token.scopes.at(-1)!]);
    }
    state = result.ruleStack;
  }
  return out;
}

const scopeOf = (list: Array<[string, string]>, text: string) => list.find(([t]) => t === text)?.[1];

test('Bicep: declarations, decorators, strings with interpolation and escapes, comments, numbers', async () => {
  const list = await tokens('source.bicep', [
    "targetScope = 'subscription'",
    "@description('Where alerts go')",
    "param location string = resourceGroup().location",
    "var retention = 2190 // six years",
    "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = if (enabled) {",
    "  name: 'ag-${env}-tier1\\u{41}'",
    "  properties: {",
    "    enabled: true",
    "    receivers: [for (r, i) in list: r.?name ?? 'none']",
    "  }",
    "}",
    "/* block",
    "   comment */",
    "output id string = ag.id",
  ].join('\n'));
  assert.equal(scopeOf(list, 'targetScope'), 'keyword.other.declaration.bicep');
  assert.equal(scopeOf(list, 'description'), 'entity.name.function.decorator.bicep');
  assert.equal(scopeOf(list, 'param'), 'keyword.other.declaration.bicep');
  assert.equal(scopeOf(list, 'location'), 'variable.other.declaration.bicep');
  assert.equal(scopeOf(list, 'resourceGroup'), 'entity.name.function.bicep');
  assert.equal(scopeOf(list, '2190'), 'constant.numeric.integer.bicep');
  assert.equal(scopeOf(list, 'six years'), 'comment.line.double-slash.bicep');
  assert.equal(scopeOf(list, 'ag'), 'variable.other.declaration.bicep');
  assert.equal(scopeOf(list, 'Microsoft.Insights/actionGroups@2023-01-01'), 'string.quoted.single.bicep');
  assert.equal(scopeOf(list, 'if'), 'keyword.control.bicep');
  assert.equal(scopeOf(list, 'name'), 'variable.other.property.bicep');
  assert.equal(scopeOf(list, '${'), 'punctuation.definition.template-expression.begin.bicep');
  assert.equal(scopeOf(list, 'env'), 'variable.other.readwrite.bicep', 'an interpolation hole holds an expression');
  assert.equal(scopeOf(list, '\\u{41}'), 'constant.character.escape.bicep');
  assert.equal(scopeOf(list, 'true'), 'constant.language.bicep');
  assert.equal(scopeOf(list, 'for'), 'keyword.control.bicep');
  assert.equal(scopeOf(list, '??'), 'keyword.operator.logical.bicep');
  assert.equal(scopeOf(list, 'comment'), 'comment.block.bicep');
  assert.equal(scopeOf(list, 'output'), 'keyword.other.declaration.bicep');
});

test("Bicep: a single-quoted string ends at the line's end; ''' strings are verbatim across lines", async () => {
  const list = await tokens('source.bicep', ["var broken = 'no end", 'var next = 1', "var query = '''", "a ${not} hole // nor comment", "'''", 'var after = 2'].join('\n'));
  assert.equal(scopeOf(list, 'next'), 'variable.other.declaration.bicep', 'an unclosed string does not swallow the next line');
  assert.equal(scopeOf(list, 'a ${not} hole // nor comment'), 'string.quoted.multi.bicep');
  assert.equal(scopeOf(list, 'after'), 'variable.other.declaration.bicep');
});

test('Bicep: $\'\'\' strings interpolate; pragmas are directives', async () => {
  const list = await tokens('source.bicep', ["#disable-next-line no-unused-params", "var q = $'''", "x ${name} y", "'''"].join('\n'));
  assert.equal(scopeOf(list, '#disable-next-line'), 'keyword.control.directive.bicep');
  assert.equal(scopeOf(list, 'name'), 'variable.other.readwrite.bicep');
});

test('.bicepparam: using, param assignments', async () => {
  const list = await tokens('source.bicepparam', ["using 'main.bicep'", '', "param escalationTimeZone = 'Eastern Standard Time'", 'param retentionDays = 2190'].join('\n'));
  assert.equal(scopeOf(list, 'using'), 'keyword.other.declaration.bicep');
  assert.equal(scopeOf(list, 'main.bicep'), 'string.quoted.single.bicep');
  assert.equal(scopeOf(list, 'escalationTimeZone'), 'variable.other.declaration.bicep');
  assert.equal(scopeOf(list, '2190'), 'constant.numeric.integer.bicep');
});
