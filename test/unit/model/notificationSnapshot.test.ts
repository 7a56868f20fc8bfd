import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArmTemplate } from '../../../server/src/syntax/arm/readArmTemplate';
import { readArmParameterFile } from '../../../server/src/syntax/arm/armParameterFile';
import { evaluateArmTemplate } from '../../../server/src/model/evaluateArmTemplate';
import { parameterValuesOf } from '../../../server/src/model/armParameterValues';
import { readPairedParameterFile } from '../../../server/src/model/parameterFilePairing';
import { plainOf } from '../../../server/src/model/value';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/arm/notification');
const templateFile = path.join(fixtures, 'azuredeploy.json');
const snapshotFile = path.join(fixtures, 'azuredeploy.evaluated.json');

/** The evaluated model in plain data; regenerate with UPDATE_SNAPSHOTS=1 and review the diff. */
function evaluatedSnapshot(): unknown {
  const template = readArmTemplate(templateFile, fs.readFileSync(templateFile, 'utf8'));
  assert.ok(template);
  assert.deepEqual(template.problems, []);
  const paired = readPairedParameterFile(templateFile, fixtures);
  assert.ok(paired, 'azuredeploy.parameters.json pairs with azuredeploy.json');
  const parameters = readArmParameterFile(paired.file, paired.text);
  assert.ok(parameters);
  const evaluation = evaluateArmTemplate(template, parameterValuesOf(parameters));
  return {
    resources: evaluation.resources.map((resource) => ({
      type: resource.type,
      name: plainOf(resource.name),
      apiVersion: resource.apiVersion,
      condition: resource.condition,
      ...(resource.copy ? { copy: resource.copy } : {}),
      ...(resource.deployedBy !== undefined ? { deployedBy: resource.deployedBy } : {}),
      ...(resource.location ? { location: plainOf(resource.location) } : {}),
      ...(resource.tags ? { tags: plainOf(resource.tags) } : {}),
      ...(resource.sku ? { sku: plainOf(resource.sku) } : {}),
      dependsOn: resource.dependsOn.map(plainOf),
      properties: resource.properties === undefined ? undefined : plainOf(resource.properties),
    })),
    outputs: Object.fromEntries(evaluation.outputs.map((output) => [output.name, plainOf(output.value)])),
    problems: evaluation.problems.map((problem) => problem.message),
  };
}

test('the notification fixture evaluates, with its parameter file, to the reviewed snapshot', () => {
  const actual = evaluatedSnapshot();
  if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(snapshotFile, `${JSON.stringify(actual, null, 2)}\n`);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(snapshotFile, 'utf8')));
});
