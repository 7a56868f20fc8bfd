import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseFile } from '../../server/src/analysis';

const folder = path.resolve(__dirname, '../../../test/fixtures/analysis/arm-references');
const read = (name: string) => {
  const file = path.join(folder, name);
  return { file, text: fs.readFileSync(file, 'utf8') };
};
const show = (source: { text: string }, findings: ReturnType<typeof analyseFile>) =>
  findings.map((f) => `${f.ruleId} ${f.level} ${source.text.slice(f.span.offset, f.span.offset + f.span.length)}: ${f.message}`);

test('ARM templates: unresolved parameters and variables are HN002 at the name, suppressions apply', () => {
  const source = read('azuredeploy.json');
  assert.deepEqual(show(source, analyseFile(source, 'armTemplate', { workspaceRoot: folder }).filter((f) => f.ruleId === 'HN002')), [
    "HN002 warning 'actionGroupNmae': the template has no parameter 'actionGroupNmae'",
    "HN002 warning 'shortNmae': the template has no variable 'shortNmae'",
  ]);
});

test('a parameter file reports values for parameters its template does not declare', () => {
  const source = read('azuredeploy.parameters.json');
  const findings = analyseFile(source, 'armParameters', { workspaceRoot: folder });
  assert.deepEqual(show(source, findings), [
    `HN002 warning "actionGroupNameTypo": the template azuredeploy.json declares no parameter 'actionGroupNameTypo'`,
  ]);
});

test('with reads switched off, a parameter file is only checked for syntax', () => {
  const source = read('azuredeploy.parameters.json');
  assert.deepEqual(analyseFile(source, 'armParameters', { workspaceRoot: null }), []);
});

test('a malformed ARM expression is an HN001 inside the string', () => {
  const text = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ { "type": "a/b", "name": "[concat(\'a\', \'b\']" } ] }';
  const findings = analyseFile({ file: '/tmp/x.json', text }, 'armTemplate', { workspaceRoot: null });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'HN001');
  assert.match(findings[0].message, /concat/);
});

test('Bicep syntax errors are HN001, and the following declarations still parse', () => {
  const text = "param location string = resourceGroup().location\nvar x = \nresource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'ag'\n  location: 'Global'\n}\n";
  // The file's own folder is its workspace: an empty one, not all of /tmp (which made this test take 30 s and more).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-analysis-'));
  const findings = analyseFile({ file: path.join(workspace, 'main.bicep'), text }, 'bicep');
  fs.rmSync(workspace, { recursive: true, force: true });
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].ruleId, 'HN001');
  assert.equal(text.slice(0, findings[0].span.offset).split('\n').length, 2, 'on the line of the half-typed variable');
});
