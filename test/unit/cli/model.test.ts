import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../../..');
const cli = path.join(repo, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8' });

test('model --format json lists type, name, API version, deployed state and location of each resource', () => {
  const result = run('model', 'test/fixtures/analysis/policy-workspace/infra/alerts.json', '--format', 'json');
  assert.equal(result.status, 0, result.stderr);
  const { resources } = JSON.parse(result.stdout);
  assert.equal(resources.length, 5);
  assert.deepEqual(resources[0], {
    type: 'Microsoft.Insights/actionGroups', name: 'ag-hipaa-tier1', apiVersion: '2023-01-01', deployed: true, existing: false,
    file: 'test/fixtures/analysis/policy-workspace/infra/alerts.json', line: 8,
  });
  assert.equal(resources[1].deployed, false, 'condition: false');
});

test('model takes its parameter values from the paired parameter file', () => {
  const result = run('model', 'test/fixtures/analysis/arm-references/azuredeploy.json', '--format', 'json');
  assert.equal(result.status, 0, result.stderr);
  const names = JSON.parse(result.stdout).resources.map((r: { name: string | null }) => r.name);
  assert.deepEqual(names, [null, null], 'both names use parameters the template does not declare');
});

test('model rejects files that are not templates, and bad arguments, with exit code 2', () => {
  for (const args of [['model', 'package.json'], ['model'], ['model', 'a.json', 'b.json'], ['model', 'x.json', '--format', 'sarif'], ['model', 'missing.json']]) {
    const result = run(...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /^hipaa-notify: /);
  }
});
