import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainOf, stringValue, type Value } from '../../../server/src/model/value';
import { evaluateTemplate, rgSchema } from './evaluateHelper';
import { sameUnknownName } from '../../../server/src/model/resourceReference';

const summary = (result: ReturnType<typeof evaluateTemplate>) => result.resources.map((r) => [r.type, plainOf(r.name), r.condition]);

test('child resources nested in a parent get full types and parent/child names', () => {
  const result = evaluateTemplate({
    parameters: { vnet: { type: 'string', defaultValue: 'net1' } },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-04-01',
        name: "[parameters('vnet')]",
        resources: [
          { type: 'subnets', apiVersion: '2023-04-01', name: 'default', resources: [] },
          { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-04-01', name: "[concat(parameters('vnet'), '/second')]" },
          { type: 'providers/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'Microsoft.Insights/diag' },
        ],
      },
    ],
  });
  assert.deepEqual(summary(result), [
    ['Microsoft.Network/virtualNetworks', 'net1', true],
    ['Microsoft.Network/virtualNetworks/subnets', 'net1/default', true],
    ['Microsoft.Network/virtualNetworks/subnets', 'net1/second', true],
    ['Microsoft.Network/virtualNetworks/providers/diagnosticSettings', 'net1/Microsoft.Insights/diag', true],
  ]);
  assert.equal(result.resources[1].apiVersion, '2023-04-01');
});

test('copy loops expand (children follow each instance); copyIndex() with offset and by name', () => {
  const result = evaluateTemplate({
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: "[format('st{0}', copyIndex(1))]",
        copy: { name: 'stores', count: 2 },
        properties: {
          copy: [{ name: 'rules', count: 2, input: { index: "[copyIndex('rules')]", of: "[copyIndex('stores')]" } }],
        },
        resources: [{ type: 'blobServices', apiVersion: '2023-01-01', name: 'default' }],
      },
    ],
  });
  assert.deepEqual(summary(result), [
    ['Microsoft.Storage/storageAccounts', 'st1', true],
    ['Microsoft.Storage/storageAccounts/blobServices', 'st1/default', true],
    ['Microsoft.Storage/storageAccounts', 'st2', true],
    ['Microsoft.Storage/storageAccounts/blobServices', 'st2/default', true],
  ]);
  assert.deepEqual(result.resources[2].copy, { name: 'stores', index: 1, count: 2 });
  assert.deepEqual(plainOf(result.resources[2].properties!), { rules: [{ index: 0, of: 1 }, { index: 1, of: 1 }] });
});

test('a copy count past 800 or unknown leaves one record whose loop-dependent values are unknown', () => {
  for (const count of [801, "[parameters('n')]"]) {
    const result = evaluateTemplate({
      parameters: { n: { type: 'int' } },
      resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: "[format('app{0}', copyIndex())]", copy: { name: 'apps', count } }],
    });
    assert.equal(result.resources.length, 1);
    assert.deepEqual(result.resources[0].copy, { name: 'apps', index: undefined, count: undefined });
    assert.equal(result.resources[0].name.kind, 'unknown');
  }
});

test('conditions: true, false, unknown; a false parent makes children false; problems inside false resources are not reported', () => {
  const result = evaluateTemplate({
    parameters: { on: { type: 'bool', defaultValue: false }, mode: { type: 'string' } },
    resources: [
      { condition: "[not(parameters('on'))]", type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: 'ag1' },
      {
        condition: "[parameters('on')]",
        type: 'Microsoft.Insights/actionGroups',
        apiVersion: '2023-01-01',
        name: 'ag2',
        properties: { bad: "[parameters('missing')]" },
        resources: [{ type: 'x', name: 'child' }],
      },
      { condition: "[equals(parameters('mode'), 'a')]", type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: 'ag3' },
    ],
  });
  assert.deepEqual(summary(result), [
    ['Microsoft.Insights/actionGroups', 'ag1', true],
    ['Microsoft.Insights/actionGroups', 'ag2', false],
    ['Microsoft.Insights/actionGroups/x', 'ag2/child', false],
    ['Microsoft.Insights/actionGroups', 'ag3', 'unknown'],
  ]);
  assert.deepEqual(result.problems, []);
});

test('values keep the origin where they are written: a parameter default, not the resource using it', () => {
  const result = evaluateTemplate({
    parameters: { email: { type: 'string', defaultValue: 'ops@contoso.com' } },
    variables: { receivers: [{ name: 'ops', emailAddress: "[parameters('email')]" }] },
    resources: [
      { type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: 'ag', properties: { enabled: true, emailReceivers: "[variables('receivers')]", short: "[toUpper('ag')]" } },
    ],
  });
  const properties = result.resources[0].properties!;
  assert.equal(properties.kind, 'object');
  if (properties.kind !== 'object') return;
  const receivers = properties.properties.find((p) => p.name === 'emailReceivers')!.value;
  assert.equal(receivers.kind, 'array');
  const email = receivers.kind === 'array' && receivers.items[0].kind === 'object' ? receivers.items[0].properties[1].value : undefined;
  assert.equal(email?.kind, 'string');
  const at = email!.origin.span;
  assert.equal(result.text.slice(at.offset, at.offset + at.length), '"ops@contoso.com"');
  const short = properties.properties.find((p) => p.name === 'short')!.value;
  assert.equal(result.text.slice(short.origin.span.offset, short.origin.span.offset + short.origin.span.length), "toUpper('ag')");
  const enabled = properties.properties.find((p) => p.name === 'enabled')!.value;
  assert.equal(result.text.slice(enabled.origin.span.offset, enabled.origin.span.offset + enabled.origin.span.length), 'true');
});

test('an object with one unknown property is still a known object', () => {
  const result = evaluateTemplate({
    parameters: { key: { type: 'securestring' } },
    resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: 's', properties: { a: 'known', b: "[parameters('key')]", c: "[reference('x').id]" } }],
  });
  assert.deepEqual(plainOf(result.resources[0].properties!), {
    a: 'known',
    b: { $unknown: "parameter 'key' has no default value" },
    c: { $unknown: 'depends on reference(), known only at deployment' },
  });
});

test('parameter values from outside replace defaults; null keeps the default', () => {
  const template = {
    parameters: { a: { type: 'string', defaultValue: 'default' }, b: { type: 'string', defaultValue: 'b-default' } },
    resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: "[concat(parameters('a'), '-', parameters('b'))]" }],
  };
  const origin = { file: '/w/main.parameters.json', span: { offset: 0, length: 1 } };
  const result = evaluateTemplate(template, new Map<string, Value>([['a', stringValue('given', origin)], ['b', { kind: 'null', origin }]]));
  assert.equal(plainOf(result.resources[0].name), 'given-b-default');
});

test('variables: copy variables, self reference, user functions', () => {
  const result = evaluateTemplate({
    functions: [{ namespace: 'hn', members: { tag: { parameters: [{ name: 'n', type: 'string' }], output: { type: 'string', value: "[concat('hn-', parameters('n'))]" } } } }],
    variables: {
      copy: [{ name: 'names', count: 2, input: "[hn.tag(string(copyIndex('names')))]" }],
      loop: "[variables('loop')]",
    },
    resources: [],
    outputs: { names: { type: 'array', value: "[variables('names')]" }, loop: { type: 'string', value: "[variables('loop')]" } },
  });
  assert.deepEqual(plainOf(result.outputs[0].value), ['hn-0', 'hn-1']);
  assert.equal(result.outputs[1].value.kind, 'unknown');
  assert.ok(result.problems.some((p) => /refers to itself/.test(p.message)));
});

test('nested inline deployments: inner scope takes its own parameters, outer scope sees the parent; resources follow the deployment', () => {
  const result = evaluateTemplate({
    parameters: { prefix: { type: 'string', defaultValue: 'outer' } },
    variables: { v: 'outer-var' },
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'inner',
        properties: {
          expressionEvaluationOptions: { scope: 'inner' },
          mode: 'Incremental',
          parameters: { prefix: { value: "[concat(parameters('prefix'), '-passed')]" }, items: { copy: [{ name: 'value', count: 2, input: "[copyIndex('value')]" }] } },
          template: {
            $schema: rgSchema,
            parameters: { prefix: { type: 'string' }, items: { type: 'array' } },
            variables: { v: 'inner-var' },
            resources: [{ type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: "[concat(parameters('prefix'), '-', variables('v'), '-', length(parameters('items')))]" }],
          },
        },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'outer',
        condition: false,
        properties: {
          mode: 'Incremental',
          template: { $schema: rgSchema, resources: [{ type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: "[concat(parameters('prefix'), '-', variables('v'))]" }] },
        },
      },
    ],
  });
  assert.deepEqual(summary(result), [
    ['Microsoft.Resources/deployments', 'inner', true],
    ['Microsoft.Insights/actionGroups', 'outer-passed-inner-var-2', true],
    ['Microsoft.Resources/deployments', 'outer', false],
    ['Microsoft.Insights/actionGroups', 'outer-outer-var', false],
  ]);
  assert.deepEqual(result.resources.map((r) => r.deployedBy), [undefined, 0, undefined, 2]);
});

test('languageVersion 2.0 symbolic resources and existing resources', () => {
  const result = evaluateTemplate({
    languageVersion: '2.0',
    resources: {
      kv: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-02-01', name: 'kv1' },
      ag: { type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01', name: 'ag', location: 'global', tags: { owner: 'ops' }, identity: { type: 'SystemAssigned' }, dependsOn: ['kv'] },
    },
  });
  assert.deepEqual(result.resources.map((r) => [r.symbolicName, r.existing, plainOf(r.name)]), [
    ['kv', true, 'kv1'],
    ['ag', false, 'ag'],
  ]);
  const ag = result.resources[1];
  assert.deepEqual([plainOf(ag.location!), plainOf(ag.tags!), plainOf(ag.identity!), ag.dependsOn.map(plainOf)], ['global', { owner: 'ops' }, { type: 'SystemAssigned' }, ['kv']]);
});

test('subscription templates: resourceGroup() is not available, subscription() is', () => {
  const result = evaluateTemplate(
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      resources: [],
      outputs: { a: { type: 'string', value: '[resourceGroup().name]' }, b: { type: 'object', value: '[subscription()]' } },
    }),
  );
  assert.match((result.outputs[0].value as { reason: string }).reason, /not available in a template deployed to a subscription/);
  assert.equal(result.outputs[1].value.kind, 'object');
});

test('bounded work: huge ranges, deep self-expanding variables and runaway strings end as unknown', () => {
  const variables: Record<string, string> = { v0: "[concat('xxxxxxxxxx', 'xxxxxxxxxx')]" };
  for (let i = 1; i <= 40; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  const started = Date.now();
  const result = evaluateTemplate({ variables, resources: [], outputs: { big: { type: 'string', value: "[variables('v40')]" }, r: { type: 'array', value: '[range(0, 2000000000)]' } } });
  assert.ok(Date.now() - started < 5000);
  assert.equal(result.outputs[0].value.kind, 'unknown');
  assert.equal(result.outputs[1].value.kind, 'unknown');
});

test('a malformed expression is unknown and the rest of the template still evaluates', () => {
  const result = evaluateTemplate({ resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: "[concat('a']", properties: { ok: "[toUpper('b')]" } }] });
  assert.equal(result.resources[0].name.kind, 'unknown');
  assert.deepEqual(plainOf(result.resources[0].properties!), { ok: 'B' });
});

test('languageVersion 2.0: a nullable parameter without a value is unknown in a template opened alone, null when its caller passes all it will', () => {
  const template = {
    languageVersion: '2.0',
    parameters: { maybe: { type: 'string', nullable: true }, plain: { type: 'string' } },
    resources: {},
    outputs: { a: { type: 'string', value: "[coalesce(parameters('maybe'), 'fallback')]" }, b: { type: 'string', value: "[parameters('plain')]" } },
  };
  const alone = evaluateTemplate(template);
  assert.equal(alone.outputs[0].value.kind, 'unknown');
  assert.equal(alone.outputs[1].value.kind, 'unknown');
  const called = evaluateTemplate(template, new Map(), '/w/main.json', true);
  assert.equal(plainOf(called.outputs[0].value), 'fallback');
  assert.equal(called.outputs[1].value.kind, 'unknown');
});

test('tryGet on a string is null, so coalesce falls through to the string (AVM action lists)', () => {
  const result = evaluateTemplate({
    variables: { action: "[resourceId('Microsoft.Insights/actionGroups', 'ag')]" },
    resources: [],
    outputs: { id: { type: 'string', value: "[coalesce(tryGet(variables('action'), 'actionGroupId'), variables('action'))]" } },
  });
  const id = result.outputs[0].value;
  assert.equal(id.kind, 'unknown');
  assert.equal(id.kind === 'unknown' ? id.resource?.type : undefined, 'Microsoft.Insights/actionGroups');
});

test('resourceId over an unknown name still names the resource type and that same name value', () => {
  const result = evaluateTemplate({
    parameters: { vaultName: { type: 'string' } },
    resources: [{ type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: "[parameters('vaultName')]", properties: { x: "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]" } }],
  });
  const vault = result.resources[0];
  const id = vault.properties?.kind === 'object' ? vault.properties.properties[0].value : undefined;
  assert.equal(id?.kind === 'unknown' ? id.resource?.type : undefined, 'Microsoft.KeyVault/vaults');
  assert.ok(id?.kind === 'unknown' && id.resource && sameUnknownName(id.resource.names[0], vault.name));
});

test('a resource ID with an unknown subscription still names the resource it points at', () => {
  const result = evaluateTemplate({
    variables: { ag: 'breach-ag' },
    resources: [{ type: 'Microsoft.Insights/metricAlerts', apiVersion: '2018-03-01', name: 'a', properties: { actions: [{ actionGroupId: "[resourceId('Microsoft.Insights/actionGroups', variables('ag'))]" }] } }],
  });
  const properties = result.resources[0].properties!;
  const actions = properties.kind === 'object' ? properties.properties[0].value : undefined;
  const id = actions?.kind === 'array' && actions.items[0].kind === 'object' ? actions.items[0].properties[0].value : undefined;
  assert.equal(id?.kind, 'unknown');
  if (id?.kind !== 'unknown') return;
  assert.equal(id.resource?.type, 'Microsoft.Insights/actionGroups');
  assert.deepEqual(id.resource?.names.map(plainOf), ['breach-ag']);
});

test('hostile nesting ends as unknown or a problem, never a stack overflow', () => {
  const deepJson = `{"$schema": "${rgSchema}", "resources": [{"type": "a.b/c", "name": "x", "properties": {"p": ${'['.repeat(5000)}${']'.repeat(5000)}}}]}`;
  assert.throws(() => evaluateTemplate(deepJson), /not a template/);
  const chained: Record<string, string> = {};
  for (let i = 0; i < 300; i++) chained[`v${i}`] = `[${'concat('.repeat(150)}${i === 0 ? "'x'" : `variables('v${i - 1}')`}${')'.repeat(150)}]`;
  const chain = evaluateTemplate({ variables: chained, resources: [], outputs: { o: { type: 'string', value: "[variables('v299')]" } } });
  assert.equal(chain.outputs[0].value.kind, 'unknown');
  let child: object = { type: 'a.b/c', name: 'x' };
  for (let i = 0; i < 400; i++) child = { type: 'a.b/c', name: 'x', resources: [child] };
  const children = evaluateTemplate({ resources: [child] });
  assert.ok(children.resources.length <= 52);
  const recursive = evaluateTemplate({
    functions: [{ namespace: 'n', members: { f: { parameters: [{ name: 'x', type: 'int' }], output: { type: 'int', value: "[n.f(add(parameters('x'), 1))]" } } } }],
    resources: [],
    outputs: { o: { type: 'int', value: '[n.f(1)]' }, j: { type: 'object', value: `[json('${'['.repeat(50000)}${']'.repeat(50000)}')]` } },
  });
  assert.equal(recursive.outputs[0].value.kind, 'unknown');
  assert.equal(recursive.outputs[1].value.kind, 'unknown');
});

test('nested deployments deeper than 10 levels are not evaluated, with a problem', () => {
  let template: Record<string, unknown> = { $schema: rgSchema, resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: 'leaf' }] };
  for (let i = 0; i < 15; i++) {
    template = { $schema: rgSchema, resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: `d${i}`, properties: { mode: 'Incremental', template } }] };
  }
  const result = evaluateTemplate(template);
  assert.equal(result.resources.filter((r) => r.type === 'Microsoft.Resources/deployments').length, 11);
  assert.ok(result.resources.every((r) => r.type !== 'Microsoft.Web/sites'));
  assert.ok(result.problems.some((p) => /nested deployments deeper than 10/.test(p.message)));
});
