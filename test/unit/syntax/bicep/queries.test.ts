import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decoratorName, findDecorator, findProperty, parseBicep, propertiesOf, splitResourceType, stringValue,
  type ObjectExpression, type ResourceDeclaration,
} from '../../../../server/src/syntax/bicep/index';

const file = parseBicep(`@description('Action group')
@sys.batchSize(1)
resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ops'
  'location': 'global'
  properties: {
    enabled: true
  }
}`);
const resource = file.root.statements[0] as ResourceDeclaration;
const body = resource.value as ObjectExpression;

test('properties by name, identifiers and quoted keys alike', () => {
  assert.deepEqual([...propertiesOf(body).keys()], ['name', 'location', 'properties']);
  assert.equal(stringValue(findProperty(body, 'LOCATION')?.value), 'global');
  assert.equal(findProperty(body, 'missing'), undefined);
});

test('decorators by name, with or without the sys. namespace', () => {
  assert.deepEqual(resource.decorators.map(decoratorName), ['description', 'batchSize']);
  assert.ok(findDecorator(resource, 'batchSize'));
});

test('resource type strings split into type and API version', () => {
  assert.deepEqual(splitResourceType(stringValue(resource.type)!), { type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01' });
  assert.deepEqual(splitResourceType('blobServices'), { type: 'blobServices', apiVersion: undefined });
});
