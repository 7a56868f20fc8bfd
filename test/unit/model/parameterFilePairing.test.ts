import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parameterFileNameFor, readPairedParameterFile } from '../../../server/src/model/parameterFilePairing';

const names: readonly (readonly [string, string | undefined])[] = [
  ['/w/azuredeploy.json', '/w/azuredeploy.parameters.json'],
  ['/w/main.JSON', '/w/main.parameters.json'],
  ['/w/main.parameters.json', undefined],
  ['/w/main.bicep', undefined],
];

for (const [template, expected] of names) {
  test(`${template} pairs with ${expected ?? 'nothing'}`, () => {
    assert.equal(parameterFileNameFor(template), expected);
  });
}

test('reads the paired file only inside the workspace root, also through symbolic links', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-pairing-'));
  try {
    const workspace = path.join(base, 'workspace');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(workspace);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(workspace, 'a.json'), '{}');
    fs.writeFileSync(path.join(workspace, 'a.parameters.json'), '{"parameters":{}}');
    fs.writeFileSync(path.join(outside, 'secret.json'), '{"leak":true}');
    fs.writeFileSync(path.join(workspace, 'b.json'), '{}');
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(workspace, 'b.parameters.json'));
    fs.writeFileSync(path.join(outside, 'c.json'), '{}');
    fs.writeFileSync(path.join(outside, 'c.parameters.json'), '{}');

    assert.deepEqual(readPairedParameterFile(path.join(workspace, 'a.json'), workspace), { file: path.join(workspace, 'a.parameters.json'), text: '{"parameters":{}}' });
    assert.equal(readPairedParameterFile(path.join(workspace, 'b.json'), workspace), undefined, 'a link out of the workspace is not followed');
    assert.equal(readPairedParameterFile(path.join(outside, 'c.json'), workspace), undefined, 'a template outside the workspace gets no pairing');
    assert.equal(readPairedParameterFile(path.join(workspace, 'missing.json'), workspace), undefined);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
