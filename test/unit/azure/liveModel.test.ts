import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionParentOf, resourceGroupIdOf, typeAndNameOf } from '../../../server/src/azure/resourceIds';
import { liveModels } from '../../../server/src/azure/liveModel';
import { principalOwner } from '../../../server/src/model/managedIdentity';
import { valueAt } from '../../../server/src/model/value';
import type { LiveSnapshot } from '../../../server/src/azure';

const sub = '/subscriptions/11111111-1111-4111-8111-111111111111';
const rg = `${sub}/resourceGroups/rg`;

test('resource IDs: type and full name, extension parents, resource groups', () => {
  assert.deepEqual(typeAndNameOf(`${rg}/providers/Microsoft.EventGrid/systemTopics/t/eventSubscriptions/s`), { type: 'Microsoft.EventGrid/systemTopics/eventSubscriptions', name: 't/s' });
  assert.deepEqual(typeAndNameOf(`${rg}/providers/Microsoft.Logic/workflows/la/providers/Microsoft.Insights/diagnosticSettings/d`), { type: 'Microsoft.Insights/diagnosticSettings', name: 'd' });
  assert.equal(extensionParentOf(`${rg}/providers/Microsoft.Logic/workflows/la/providers/Microsoft.Insights/diagnosticSettings/d`), `${rg}/providers/Microsoft.Logic/workflows/la`);
  assert.equal(extensionParentOf(`${rg}/providers/Microsoft.Authorization/locks/l`), rg);
  assert.equal(extensionParentOf(`${sub}/providers/Microsoft.Insights/diagnosticSettings/d`), sub);
  assert.equal(extensionParentOf(`${rg}/providers/Microsoft.Logic/workflows/la`), undefined);
  assert.equal(resourceGroupIdOf(`${rg}/providers/Microsoft.Logic/workflows/la`), rg.toLowerCase());
});

const snapshot = (resources: LiveSnapshot['resources'], errors: LiveSnapshot['errors'] = []): LiveSnapshot => ({
  format: 'hipaa-notify-live-snapshot',
  version: 1,
  readAt: '2026-12-04T14:00:00.000Z',
  cloud: { name: 'Custom', resourceManager: 'https://127.0.0.1:1' },
  complete: true,
  subscriptions: [{ id: '11111111-1111-4111-8111-111111111111', name: 's', state: 'Enabled' }],
  resources,
  errors,
});

test('a grantee principal ID that a resource of the snapshot owns becomes that identity, as x.identity.principalId is in a template', () => {
  const [model] = liveModels(
    snapshot([
      { id: `${rg}/providers/Microsoft.Logic/workflows/la`, type: 'Microsoft.Logic/workflows', name: 'la', identity: { type: 'SystemAssigned', principalId: 'AAAA0000-0000-4000-8000-000000000001' } },
      { id: `${rg}/providers/Microsoft.KeyVault/vaults/kv`, type: 'Microsoft.KeyVault/vaults', name: 'kv', properties: { accessPolicies: [{ objectId: 'aaaa0000-0000-4000-8000-000000000001', permissions: { secrets: ['get'] } }, { objectId: 'bbbb0000-0000-4000-8000-000000000002' }] } },
    ]),
  );
  const vault = model.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults')!;
  assert.deepEqual(principalOwner(valueAt(vault.properties!, ['accessPolicies', 0, 'objectId'])), { type: 'Microsoft.Logic/workflows', name: 'la' });
  assert.equal(valueAt(vault.properties!, ['accessPolicies', 1, 'objectId'])?.kind, 'string');
});

test('extension resources point at their target; subscription-level ones deploy to the subscription; unreadable scopes are half-known', () => {
  const [model] = liveModels(
    snapshot(
      [
        { id: `${rg}/providers/Microsoft.Logic/workflows/la/providers/Microsoft.Insights/diagnosticSettings/d`, type: 'Microsoft.Insights/diagnosticSettings', name: 'd', properties: {} },
        { id: `${sub}/providers/Microsoft.Insights/diagnosticSettings/activity`, type: 'Microsoft.Insights/diagnosticSettings', name: 'activity', properties: {} },
        { id: `${rg}/providers/Microsoft.Storage/storageAccounts/st`, type: 'Microsoft.Storage/storageAccounts', name: 'st' },
      ],
      [{ scope: `${rg}/providers/Microsoft.Storage/storageAccounts/st`, status: 403, message: 'denied', what: 'diagnosticSettings' }, { scope: `${sub}/resourceGroups/other`, status: 403, message: 'denied', what: 'resources' }],
    ),
  );
  const [setting, activity, store] = model.resources;
  assert.equal(setting.scope?.kind === 'string' && setting.scope.value, `${rg}/providers/Microsoft.Logic/workflows/la`);
  assert.equal(activity.targetScope, 'subscription');
  assert.equal(activity.scope, undefined);
  assert.ok(model.partial.has(store));
  assert.ok(!model.partial.has(setting));
  assert.ok([...model.partial].some((r) => r.type === 'Microsoft.Resources/resourceGroups' && r.name.kind === 'string' && r.name.value === 'other'));
});

test('a resource that could not be read at all is a container placeholder, never a resource of its type with no properties', () => {
  const denied = `${rg}/providers/Microsoft.Logic/workflows/hidden`;
  const [model] = liveModels(snapshot([], [{ scope: denied, status: 403, message: 'denied', what: 'resource' }]));
  assert.deepEqual(model.resources.map((r) => [r.type, r.origin.file]), [['Microsoft.Resources/resourceGroups', denied]]);
  assert.ok(model.partial.has(model.resources[0]));
});
