import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBicepFileModel, buildBicepParamModel } from '../../../../server/src/model/bicep/bicepFileModel';
import { plainOf } from '../../../../server/src/model/value';
import { loaderIn } from './bicepHelper';

const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/bicep/notification');

/** The model in plain data, file paths relative to the fixture; regenerate with UPDATE_SNAPSHOTS=1 and review the diff. */
function snapshotOf(entry: string): unknown {
  const file = path.join(fixtures, entry);
  const build = entry.endsWith('.bicepparam') ? buildBicepParamModel : buildBicepFileModel;
  const model = build(file, fs.readFileSync(file, 'utf8'), loaderIn(fixtures));
  const relative = (other: string) => path.relative(fixtures, other).split(path.sep).join('/');
  return {
    complete: model.complete,
    resources: model.resources.map((resource) => ({
      type: resource.type,
      name: plainOf(resource.name),
      apiVersion: resource.apiVersion,
      condition: resource.condition,
      ...(resource.existing ? { existing: true } : {}),
      ...(resource.copy ? { copy: resource.copy } : {}),
      ...(resource.deployedBy !== undefined ? { deployedBy: resource.deployedBy } : {}),
      ...(resource.scope ? { scope: plainOf(resource.scope) } : {}),
      declaredIn: relative(resource.origin.file),
      properties: resource.properties === undefined ? null : plainOf(resource.properties),
    })),
    problems: model.problems.map((problem) => `${relative(problem.file)}: ${problem.message}`),
  };
}

for (const entry of ['main.bicep', 'main.bicepparam']) {
  test(`the Bicep notification fixture (${entry}) evaluates to the reviewed snapshot`, () => {
    const snapshotFile = path.join(fixtures, `${entry}.evaluated.json`);
    const actual = snapshotOf(entry);
    if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(snapshotFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(fs.readFileSync(snapshotFile, 'utf8')));
  });
}
