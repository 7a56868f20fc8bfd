import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';

const repo = path.resolve(__dirname, '../../../..');
const cli = path.join(repo, 'dist/cli.js');
const workspace = path.join(repo, 'test/fixtures/cli/workspace');

function run(args: string[], cwd = workspace, env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('text output is one compiler-style line per finding; node_modules and ignore globs are skipped', () => {
  const { code, stdout } = run(['check', '.']);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1), ["broken/azuredeploy.json:6:49 error HN001 expected ',' between items"]);
  assert.match(lines.at(-1)!, /^2 files checked: 1 error, 0 warnings, 0 info$/);
});

test('a clean file exits 0', () => {
  const { code, stdout } = run(['check', 'ok']);
  assert.equal(code, 0);
  assert.match(stdout, /1 file checked, no findings/);
});

test('usage errors and unreadable input exit 2 with a message and no stack trace', () => {
  for (const args of [['check', '--format', 'xml'], ['lint'], ['check', 'missing-folder'], ['check', '--config', 'nope.json', '.']]) {
    const { code, stderr } = run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^hipaa-notify: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});

test('--config with ignore globs from another file, and --output writes the report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-cli-'));
  const config = path.join(dir, 'custom.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { HN001: 'warning' } }));
  const out = path.join(dir, 'report.json');
  const { code } = run(['check', 'broken', '--format=json', '--config', config, '--output', out]);
  assert.equal(code, 0, 'HN001 lowered to warning by the config');
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(report.findings.length, 1);
  assert.deepEqual(report.findings[0], {
    ruleId: 'HN001', level: 'warning', message: "expected ',' between items", file: 'broken/azuredeploy.json',
    startLine: 6, startColumn: 49, endLine: 6, endColumn: 55,
  });
});

test('SARIF output validates against the SARIF 2.1.0 schema and lists every rule', () => {
  const { code, stdout } = run(['check', '.', '--format', 'sarif']);
  assert.equal(code, 1);
  const log = JSON.parse(stdout) as { version: string; runs: any[] };
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run0 = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.ok(run0.tool.driver.rules.length >= 30);
  // No placeholder address: each rule carries its documentation page.
  assert.ok(run0.tool.driver.rules.every((r: { helpUri?: string; help: { markdown?: string } }) => r.helpUri === undefined && /^# HN\d{3}/.test(r.help.markdown ?? '')));
  assert.equal(run0.results.length, 1);
  const [result] = run0.results;
  assert.equal(result.ruleId, 'HN001');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation, {
    artifactLocation: { uri: 'broken/azuredeploy.json', uriBaseId: 'SRCROOT' },
    region: { startLine: 6, startColumn: 49, endLine: 6, endColumn: 55 },
  });
  assert.equal(run0.originalUriBaseIds.SRCROOT.uri, `file://${workspace}/`);
});
