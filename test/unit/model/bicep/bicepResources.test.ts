import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainOf } from '../../../../server/src/model/value';
import { modelOf } from './bicepHelper';

const ag = (name: string, extra = '') => `resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = ${extra}{\n  name: ${name}\n  location: 'Global'\n}\n`;

test('a resource takes its name from a parameter default and its location from a literal', () => {
  const model = modelOf({ 'main.bicep': `param prefix string = 'claims'\n${ag("'ag-${prefix}'")}` });
  assert.deepEqual(model.rows, ['Microsoft.Insights/actionGroups ag-claims']);
  assert.equal(model.resources[0].apiVersion, '2023-01-01');
  assert.equal(model.resources[0].symbolicName, 'ag');
  assert.equal(plainOf(model.resources[0].location!), 'Global');
  assert.equal(model.complete, true);
});

test('conditions: known false is not deployed, unknown stays unknown', () => {
  assert.deepEqual(modelOf({ 'main.bicep': `param on bool = false\n${ag("'a'", 'if (on) ')}` }).rows, ['Microsoft.Insights/actionGroups a (not deployed)']);
  assert.deepEqual(modelOf({ 'main.bicep': `param on bool\n${ag("'a'", 'if (on) ')}` }).rows, ['Microsoft.Insights/actionGroups a (condition unknown)']);
});

test('loops: one record per item with the index bound, a filter per item, and one record for an unknown array', () => {
  const loop = (iterable: string, filter = '') =>
    `param names array = ['a', 'b', 'c']\nparam unknownNames array\nresource ags 'Microsoft.Insights/actionGroups@2023-01-01' = [for (n, i) in ${iterable}: ${filter}{\n  name: '\${n}-\${i}'\n  location: 'Global'\n}]\n`;
  assert.deepEqual(modelOf({ 'main.bicep': loop('names') }).rows, ['Microsoft.Insights/actionGroups a-0', 'Microsoft.Insights/actionGroups b-1', 'Microsoft.Insights/actionGroups c-2']);
  assert.deepEqual(modelOf({ 'main.bicep': loop('names', "if (n != 'b') ") }).rows, [
    'Microsoft.Insights/actionGroups a-0',
    'Microsoft.Insights/actionGroups b-1 (not deployed)',
    'Microsoft.Insights/actionGroups c-2',
  ]);
  const unknown = modelOf({ 'main.bicep': loop('unknownNames') });
  assert.deepEqual(unknown.rows, ['Microsoft.Insights/actionGroups ?']);
  assert.deepEqual(unknown.resources[0].copy, { name: 'ags', index: undefined, count: undefined });
});

test('child resources: nested declarations and parent get the full type and name; a nested type without a version takes the parent one', () => {
  const model = modelOf({
    'main.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-claims'
  resource app 'subnets' = {
    name: 'app'
  }
}
resource data 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'data'
}
output appId string = vnet::app.id
`,
  });
  assert.deepEqual(model.rows, ['Microsoft.Network/virtualNetworks vnet-claims', 'Microsoft.Network/virtualNetworks/subnets vnet-claims/app', 'Microsoft.Network/virtualNetworks/subnets vnet-claims/data']);
  assert.equal(model.resources[1].apiVersion, '2023-09-01');
});

test('existing resources are modeled as existing, and an extension resource is scoped to the resource it extends', () => {
  const model = modelOf({
    'main.bicep': `resource la 'Microsoft.Logic/workflows@2019-05-01' existing = {
  name: 'la-notifier'
}
resource ds 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-law'
  scope: la
  properties: {}
}
`,
  });
  assert.deepEqual(model.rows, ['Microsoft.Logic/workflows la-notifier (existing)', 'Microsoft.Insights/diagnosticSettings to-law']);
  const scope = model.resources[1].scope!;
  assert.equal(scope.kind, 'unknown');
  assert.deepEqual(scope.kind === 'unknown' && scope.resource ? { type: scope.resource.type, names: scope.resource.names.map(plainOf) } : undefined, { type: 'Microsoft.Logic/workflows', names: ['la-notifier'] });
});

test('a reference to another resource is its resource ID, naming type and name', () => {
  const model = modelOf({
    'main.bicep': `${ag("'ag-tier1'")}resource alert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert'
  location: 'global'
  properties: {
    actions: [{ actionGroupId: ag.id }]
  }
}
`,
  });
  const id = model.resources[1].properties!.kind === 'object' ? (plainOf(model.resources[1].properties!) as { actions: unknown[] }).actions[0] : undefined;
  assert.deepEqual(id, { actionGroupId: { $unknown: 'depends on the subscription and resource group deployed to' } });
});

test('modules deploy as Microsoft.Resources/deployments followed by their resources, with the values passed and outputs read back', () => {
  const model = modelOf({
    'main.bicep': `param env string = 'prod'
module groups 'modules/actionGroup.bicep' = [for tier in [1, 2]: {
  name: 'ag-\${tier}'
  params: { name: 'ag-\${env}-\${tier}' }
}]
output firstName string = groups[0].outputs.name
`,
    'modules/actionGroup.bicep': `param name string\n${ag('name')}output name string = ag.name\n`,
  });
  assert.deepEqual(model.rows, [
    'Microsoft.Resources/deployments ag-1',
    'Microsoft.Insights/actionGroups ag-prod-1 (by 0)',
    'Microsoft.Resources/deployments ag-2',
    'Microsoft.Insights/actionGroups ag-prod-2 (by 2)',
  ]);
  assert.equal(model.resources[1].name.origin.file.endsWith('main.bicep'), true, 'the name is written in main.bicep');
  assert.equal(model.complete, true);
});

test('a module name left out is generated at deployment; a registry module makes the model incomplete without an error', () => {
  const model = modelOf({
    'main.bicep': `module local 'm.bicep' = {\n  params: {}\n}\nmodule shared 'br/public:avm/res/insights/action-group:0.5.0' = {\n  name: 'ag'\n  params: { name: 'ag' }\n}\n`,
    'm.bicep': '',
  });
  assert.deepEqual(model.rows, ['Microsoft.Resources/deployments ?', 'Microsoft.Resources/deployments ag']);
  assert.equal(model.complete, false);
  assert.deepEqual(model.problems, []);
});

test('HN002: unknown names, unknown functions, missing module files and undeclared .bicepparam parameters', () => {
  const model = modelOf({ 'main.bicep': `module missing './nothing.bicep' = {\n  name: 'm'\n}\nvar a = notDeclared\nvar b = notAFunction(1)\n` });
  assert.deepEqual(
    model.problems.map((problem) => [problem.message, problem.unresolved]),
    [
      ["the module file './nothing.bicep' does not exist in the workspace", true],
      ["the name 'notDeclared' does not exist in this file", true],
      ["'notAFunction' is not a Bicep function", true],
    ],
  );
  const params = modelOf({ 'main.bicep': `param name string\n${ag('name')}`, 'main.bicepparam': "using 'main.bicep'\nparam name = 'ag-from-params'\nparam extra = 1\n" }, 'main.bicepparam');
  assert.deepEqual(params.rows, ['Microsoft.Insights/actionGroups ag-from-params']);
  assert.ok(params.resources[0].name.origin.file.endsWith('main.bicepparam'));
  assert.deepEqual(params.problems.map((problem) => problem.message), ["the template main.bicep declares no parameter 'extra'"]);
});

test('a .bicepparam file may use its own variables; names that resolve stay quiet', () => {
  const model = modelOf(
    { 'main.bicep': `param name string\n${ag('name')}`, 'main.bicepparam': "using 'main.bicep'\nvar env = 'prod'\nparam name = 'ag-${env}'\n" },
    'main.bicepparam',
  );
  assert.deepEqual(model.rows, ['Microsoft.Insights/actionGroups ag-prod']);
  assert.deepEqual(model.problems, []);
});

test('imports: variables and functions of another file', () => {
  const model = modelOf({
    'main.bicep': `import { prefix, named } from 'shared.bicep'\nimport * as lib from 'shared.bicep'\n${ag("'${prefix}-${named(lib.suffix())}'")}`,
    'shared.bicep': "@export()\nvar prefix = 'ag'\n@export()\nfunc named(x string) string => 'n${x}'\n@export()\nfunc suffix() string => 'x'\n",
  });
  assert.deepEqual(model.rows, ['Microsoft.Insights/actionGroups ag-nx']);
  assert.deepEqual(model.problems, []);
});

test('target scope subscription: resource IDs depend on the subscription; a module scoped to a resource group', () => {
  const model = modelOf({
    'main.bicep': `targetScope = 'subscription'\nresource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {\n  name: 'rg-claims'\n  location: 'eastus'\n}\nmodule inner 'inner.bicep' = {\n  name: 'inner'\n  scope: rg\n}\n`,
    'inner.bicep': ag("'ag'"),
  });
  assert.deepEqual(model.rows, ['Microsoft.Resources/resourceGroups rg-claims', 'Microsoft.Resources/deployments inner', 'Microsoft.Insights/actionGroups ag (by 1)']);
});

test('bounded: a module that includes itself is cut, a loop over more than 800 items is one unknown record', () => {
  const cycle = modelOf({ 'main.bicep': "module again 'main.bicep' = {\n  name: 'again'\n}\n" });
  assert.deepEqual(cycle.rows, ['Microsoft.Resources/deployments again']);
  assert.equal(cycle.complete, false);
  assert.match(cycle.problems[0].message, /includes itself/);
  const big = modelOf({ 'main.bicep': "resource many 'Microsoft.Insights/actionGroups@2023-01-01' = [for i in range(0, 5000): {\n  name: 'ag-${i}'\n}]\n" });
  assert.deepEqual(big.rows, ['Microsoft.Insights/actionGroups ?']);
});

test('broken input still gives a model: a resource with a syntax error and a file that is not Bicep', () => {
  const broken = modelOf({ 'main.bicep': `${ag("'ok'")}resource bad 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: \n` });
  assert.equal(broken.complete, false);
  assert.ok(broken.rows.includes('Microsoft.Insights/actionGroups ok'));
  const garbage = modelOf({ 'main.bicep': '{{{ not bicep ]]' });
  assert.deepEqual(garbage.rows, []);
  assert.equal(garbage.complete, false);
});
