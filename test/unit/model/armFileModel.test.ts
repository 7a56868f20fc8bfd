import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildArmFileModel } from '../../../server/src/model/armFileModel';
import { plainOf } from '../../../server/src/model/value';
import { rgSchema } from './evaluateHelper';

test('buildArmFileModel pairs the parameter file inside the workspace and reports parameters the template does not declare', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-model-'));
  try {
    const file = path.join(workspace, 'main.json');
    const text = JSON.stringify({ $schema: rgSchema, parameters: { name: { type: 'string', defaultValue: 'default' } }, resources: [{ type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: "[parameters('name')]" }] });
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(workspace, 'main.parameters.json'), JSON.stringify({ parameters: { name: { value: 'from-file' }, extra: { value: 1 } } }));

    const alone = buildArmFileModel(file, text);
    assert.equal(plainOf(alone!.evaluation.resources[0].name), 'default');
    assert.equal(alone!.parameterFile, undefined);

    const paired = buildArmFileModel(file, text, workspace);
    assert.equal(plainOf(paired!.evaluation.resources[0].name), 'from-file');
    assert.equal(paired!.evaluation.resources[0].name.origin.file, path.join(workspace, 'main.parameters.json'));
    assert.deepEqual(paired!.problems.map((problem) => problem.message), ["the template main.json declares no parameter 'extra'"]);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

test('buildArmFileModel returns undefined for text that is not a JSON object', () => {
  assert.equal(buildArmFileModel('/w/x.json', 'not json'), undefined);
});
