import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentKindOf } from '../../../server/src/syntax/documentKind';

const rg = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const cases: Array<[string, string, string | undefined, string]> = [
  ['main.bicep', '', undefined, 'bicep'],
  ['main.bicepparam', '', undefined, 'bicepparam'],
  ['claims.hipaa-notify.yaml', '', undefined, 'policy'],
  ['claims.hipaa-notify.yml', '', undefined, 'policy'],
  ['claims.hipaa-notify.json', '{}', undefined, 'policy'],
  ['hipaa-notify.json', '{}', undefined, 'config'],
  ['azuredeploy.json', `{ "$schema": "${rg}" }`, undefined, 'armTemplate'],
  ['x.json', `// comment\n{ "contentVersion": "1.0.0.0", "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#" }`, undefined, 'armTemplate'],
  ['x.json', `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#" }`, undefined, 'armParameters'],
  ['broken.json', `{ "$schema": "${rg}", "resources": [ `, undefined, 'armTemplate'],
  ['nested.json', `{ "a": { "$schema": "${rg}" } }`, undefined, 'none'],
  ['package.json', '{ "name": "x" }', undefined, 'none'],
  ['Untitled-1', 'param x string', 'bicep', 'bicep'],
  ['Untitled-2', `{ "$schema": "${rg}" }`, 'jsonc', 'armTemplate'],
  ['values.yaml', 'a: 1', 'yaml', 'none'],
];

test('document kinds from names, $schema and language ids', () => {
  for (const [name, text, languageId, expected] of cases) {
    assert.equal(documentKindOf(name, text, languageId), expected, name);
  }
});
