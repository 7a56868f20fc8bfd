import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bicepEdits } from '../../../server/src/fixes/bicepEdits';
import { jsonEdits } from '../../../server/src/fixes/jsonEdits';
import { applyEdits } from '../../../server/src/fixes/textEdit';
import { layoutOf } from '../../../server/src/fixes/textLayout';
import { addItem, addParameter, addResource, FixExpression, replaceStart, replaceValue, setProperty, type FixIntent } from '../../../server/src/rules/fixIntent';
import { hn109CommonAlertSchemaOff } from '../../../server/src/rules/template/hn109CommonAlertSchemaOff';
import { fixProofGaps } from '../rules/ruleTester';

/** The span of the `nth` occurrence of `written` in `text`. */
function at(file: string, text: string, written: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(written, offset + 1);
  assert.ok(offset >= 0, `'${written}' is not in the text`);
  return { file, span: { offset, length: written.length } };
}

function applied(file: string, text: string, intent: FixIntent): string | undefined {
  const edits = (file.endsWith('.json') ? jsonEdits : bicepEdits)(file, text, intent);
  return edits && applyEdits(text, edits);
}

test('layout: tabs, four spaces, CRLF', () => {
  assert.deepEqual(layoutOf('{\r\n\t"a": 1\r\n}'), { eol: '\r\n', unit: '\t' });
  assert.deepEqual(layoutOf('{\n    "a": {\n        "b": 1\n    }\n}'), { eol: '\n', unit: '    ' });
  assert.deepEqual(layoutOf('x'), { eol: '\n', unit: '  ' });
});

test('Bicep: a property joins a multi-line object at its members\' indentation, with tabs and CRLF kept', () => {
  const text = "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\r\n\tname: 'ag'\r\n\tproperties: {\r\n\t\tenabled: true\r\n\t}\r\n}\r\n";
  const object = at('main.bicep', text, '{\r\n\t\tenabled: true\r\n\t}');
  assert.equal(applied('main.bicep', text, setProperty(object, ['retryPolicy', 'type'], 'exponential')), "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\r\n\tname: 'ag'\r\n\tproperties: {\r\n\t\tenabled: true\r\n\t\tretryPolicy: {\r\n\t\t\ttype: 'exponential'\r\n\t\t}\r\n\t}\r\n}\r\n");
});

test('Bicep: an existing property (any case) is replaced, a one-line object stays on one line, an empty one opens up', () => {
  const text = "var a = { Enabled: false, name: 'x' }\nvar b = {}\n";
  assert.equal(applied('main.bicep', text, setProperty(at('main.bicep', text, "{ Enabled: false, name: 'x' }"), ['enabled'], true)), "var a = { Enabled: true, name: 'x' }\nvar b = {}\n");
  assert.equal(applied('main.bicep', text, setProperty(at('main.bicep', text, "{ Enabled: false, name: 'x' }"), ['tags', 'owner'], "it's ops")), "var a = { Enabled: false, name: 'x', tags: { owner: 'it\\'s ops' } }\nvar b = {}\n");
  assert.equal(applied('main.bicep', text, setProperty(at('main.bicep', text, '{}'), ['on'], true)), "var a = { Enabled: false, name: 'x' }\nvar b = {\n  on: true\n}\n");
});

test('Bicep: only a literal is replaced; an expression or interpolation is not a written value', () => {
  const text = "param on bool = false\nvar url = 'http://${host}'\nvar flag = !on\n";
  assert.equal(applied('main.bicep', text, replaceValue(at('main.bicep', text, 'false'), true)), "param on bool = true\nvar url = 'http://${host}'\nvar flag = !on\n");
  assert.equal(applied('main.bicep', text, replaceValue(at('main.bicep', text, "'http://${host}'"), 'https://x')), undefined);
  assert.equal(applied('main.bicep', text, replaceValue(at('main.bicep', text, '!on'), true)), undefined);
});

test('replaceStart: the written start of a literal, an interpolation or a concat()/format() changes; a start computed elsewhere does not', () => {
  const bicep = "var a = 'HTTP://${host}/x'\nvar b = '${scheme}${host}'\nvar c = '''\nhttp://x'''\n";
  assert.equal(applied('main.bicep', bicep, replaceStart(at('main.bicep', bicep, "'HTTP://${host}/x'"), 'http://', 'https://')), "var a = 'https://${host}/x'\nvar b = '${scheme}${host}'\nvar c = '''\nhttp://x'''\n");
  assert.equal(applied('main.bicep', bicep, replaceStart(at('main.bicep', bicep, "'${scheme}${host}'"), 'http://', 'https://')), undefined);
  assert.equal(applied('main.bicep', bicep, replaceStart(at('main.bicep', bicep, "'''\nhttp://x'''"), 'http://', 'https://')), undefined);
  const json = `{ "a": "[concat('http://', parameters('h'))]", "b": "[format( 'http://{0}', parameters('h'))]", "c": "http://x", "d": "[variables('u')]", "e": "[[http://x" }`;
  const edit = (written: string) => applied('t.json', json, replaceStart(at('t.json', json, written), 'http://', 'https://'));
  assert.equal(edit("concat('http://', parameters('h'))"), json.replace("concat('http://'", "concat('https://'"));
  assert.equal(edit("format( 'http://{0}', parameters('h'))"), json.replace("format( 'http://", "format( 'https://"));
  assert.equal(edit('"http://x"'), json.replace('"http://x"', '"https://x"'));
  assert.equal(edit("variables('u')"), undefined);
  assert.equal(edit('"[[http://x"'), undefined);
});

test('Bicep: an item is appended to a multi-line array; a broken file is not edited', () => {
  const text = "var receivers = [\n    {\n        name: 'a'\n    }\n]\n";
  assert.equal(applied('main.bicep', text, addItem(at('main.bicep', text, text.slice(16, -1)), { name: 'b', roleId: new FixExpression('roleId', "parameters('roleId')") })), "var receivers = [\n    {\n        name: 'a'\n    }\n    {\n        name: 'b'\n        roleId: roleId\n    }\n]\n");
  assert.equal(applied('main.bicep', 'var x = {\n  a: \n', setProperty(at('main.bicep', 'var x = {\n  a: \n', '{\n  a: \n'), ['b'], 1)), undefined);
});

test('ARM JSON: a nested property is added with the file\'s tabs, CRLF and trailing comma kept', () => {
  const text = '{\r\n\t"a": {\r\n\t\t"x": 1,\r\n\t},\r\n}\r\n';
  assert.equal(applied('t.json', text, setProperty(at('t.json', text, '{\r\n\t\t"x": 1,\r\n\t}'), ['retryPolicy', 'count'], 4)), '{\r\n\t"a": {\r\n\t\t"x": 1,\r\n\t\t"retryPolicy": {\r\n\t\t\t"count": 4\r\n\t\t},\r\n\t},\r\n}\r\n');
});

test('ARM JSON: existing keys are matched case-insensitively; expressions are written as [..] strings (jsonc-parser opens a one-line object); an expression is not a literal', () => {
  const text = '{\n  "Properties": { "enabled": "[parameters(\'on\')]" }\n}\n';
  const object = at('t.json', text, '{\n  "Properties"');
  const whole = { file: 't.json', span: { offset: object.span.offset, length: text.length - 1 } };
  assert.equal(applied('t.json', text, setProperty(whole, ['properties', 'roleId'], new FixExpression('roleId', "parameters('roleId')"))), '{\n  "Properties": {\n    "enabled": "[parameters(\'on\')]",\n    "roleId": "[parameters(\'roleId\')]"\n  }\n}\n');
  assert.equal(applied('t.json', text, replaceValue(at('t.json', text, '"[parameters(\'on\')]"'), true)), undefined);
  assert.equal(applied('t.json', text, setProperty(whole, ['properties', 'enabled', 'x'], 1)), undefined);
});

test('the fix meta-check names what a table lacks', () => {
  assert.deepEqual(fixProofGaps(hn109CommonAlertSchemaOff, { valid: [], invalid: [{ name: 'no output', files: { 'main.bicep': '' }, findings: [] }] }), [
    'HN109 has no invalid case whose output is a fixed Bicep file',
    'HN109 has no invalid case whose output is a fixed ARM JSON file',
  ]);
  assert.deepEqual(fixProofGaps(hn109CommonAlertSchemaOff, { valid: [], invalid: [{ name: 'both', files: {}, findings: [], output: { 'main.bicep': 'x', 'azuredeploy.json': 'y' } }] }), []);
});

test('ARM JSON: a new parameter goes to the nested template (inner scope) that uses it, else to the root', () => {
  const text = `{
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "properties": {
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "parameters": {},
          "resources": [ { "type": "Microsoft.Insights/actionGroups", "name": "ag" } ]
        }
      }
    }
  ]
}
`;
  const near = at('t.json', text, '{ "type": "Microsoft.Insights/actionGroups", "name": "ag" }');
  const fixed = applied('t.json', text, addParameter(near, { name: 'roleId', type: 'string', description: 'd' }));
  assert.ok(fixed);
  const parsed = JSON.parse(fixed);
  assert.deepEqual(parsed.parameters, {});
  assert.deepEqual(Object.keys(parsed.resources[0].properties.template.parameters), ['roleId']);
  const outer = text.replace('"inner"', '"outer"');
  assert.deepEqual(Object.keys(JSON.parse(applied('t.json', outer, addParameter(at('t.json', outer, '{ "type": "Microsoft.Insights/actionGroups", "name": "ag" }'), { name: 'roleId', type: 'string', description: 'd' }))!).parameters), ['roleId']);
});

test('ARM JSON: a resource scoped to a child type names it segment by segment; none is added inside a parent resource', () => {
  const setting = { symbol: 's', type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', scoped: true, body: { name: 'audit' } };
  const text = '{\n  "resources": [\n    { "type": "Microsoft.Sql/servers/databases", "name": "[concat(parameters(\'server\'), \'/claims\')]" },\n    { "type": "Microsoft.Sql/servers/databases", "name": "sql-claims/claims" },\n    { "type": "Microsoft.Sql/servers", "name": "sql-x", "resources": [ { "type": "databases", "name": "db" } ] }\n  ]\n}\n';
  const first = at('t.json', text, text.slice(text.indexOf('{ "type": "Microsoft.Sql/servers/databases", "name": "[concat'), text.indexOf(' },\n    { "type": "Microsoft.Sql/servers/databases", "name": "sql') + 2));
  const added = JSON.parse(applied('t.json', text, addResource(first, setting))!).resources[3];
  assert.equal(added.scope, "[format('Microsoft.Sql/servers/{0}/databases/{1}', split(concat(parameters('server'), '/claims'), '/')[0], split(concat(parameters('server'), '/claims'), '/')[1])]");
  const literal = at('t.json', text, '{ "type": "Microsoft.Sql/servers/databases", "name": "sql-claims/claims" }');
  const second = JSON.parse(applied('t.json', text, addResource(literal, setting))!).resources[3];
  assert.equal(second.scope, 'Microsoft.Sql/servers/sql-claims/databases/claims');
  assert.deepEqual(second.dependsOn, ["[resourceId('Microsoft.Sql/servers/databases', 'sql-claims', 'claims')]"]);
  assert.equal(applied('t.json', text, addResource(at('t.json', text, '{ "type": "databases", "name": "db" }'), setting)), undefined);
});
