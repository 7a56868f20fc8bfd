import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The CLI must never pass by mistake: each case a user or a CI job can get wrong.
const repo = path.resolve(__dirname, '../../../..');
const cli = path.join(repo, 'dist/cli.js');
const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-cli-mistakes-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const group = (name: string, extra = '') => `{
  "$schema": "${schema}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Insights/actionGroups",
      "apiVersion": "2023-01-01",
      "name": "${name}",
      "location": "Global",
      "properties": { "groupShortName": "g", "enabled": true${extra} }
    }
  ]
}
`;
const personal = ', "emailReceivers": [ { "name": "dana", "emailAddress": "dana.whitfield@contoso.com" } ], "armRoleReceivers": []';

test('a binary file, package.json and a large non-template JSON named on the command line are skipped with a note, and a run that checks nothing exits 2', () => {
  const big = JSON.stringify(Array.from({ length: 120_000 }, (_, i) => ({ id: i, name: `item-${i}` })));
  const dir = folder({ 'azuredeploy.json': Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]), 'package.json': '{ "name": "x", "version": "1.0.0" }', 'data.json': big });
  for (const [file, why] of [['azuredeploy.json', /azuredeploy\.json: skipped: a binary file/], ['package.json', /package\.json: skipped: not an ARM template \(no deploymentTemplate \$schema\)/], ['data.json', /data\.json: skipped: not an ARM template/]] as const) {
    const { code, stdout, stderr } = run(['check', file], dir);
    assert.equal(code, 2, file);
    assert.match(stderr, why);
    assert.match(stderr, /nothing to check/);
    assert.doesNotMatch(stdout, /no findings/);
  }
  // Past the size bound only the file's start is read: still recognised as no template.
  const bounded = run(['check', 'data.json', '--max-file-size', '1'], dir);
  assert.equal(bounded.code, 2);
  assert.match(bounded.stderr, /data\.json: skipped: not an ARM template/);
});

test('a skipped file beside a template is a note, and the template decides the exit code', () => {
  const dir = folder({ 'package.json': '{ "name": "x" }', 'azuredeploy.json': group('ag-ok') });
  const { code, stdout, stderr } = run(['check', 'package.json', 'azuredeploy.json'], dir);
  assert.match(stderr, /package\.json: skipped/);
  assert.match(stdout, /^1 file checked/m);
  assert.equal(code, 1, 'the action group has no receivers (HN103, error)');
});

test('an empty folder and a mistyped path exit 2 with a clear message', () => {
  const dir = folder({ 'empty/.keep': '' });
  const empty = run(['check', 'empty'], dir);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /^hipaa-notify: nothing to check: no Bicep, ARM template, parameter or policy file in empty$/m);
  const typo = run(['check', 'infra/mian'], dir);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /^hipaa-notify: infra\/mian: no such file or folder$/m);
});

test('paths are relative to the current folder with one folder or several, and absolute with --absolute-paths', () => {
  const dir = folder({ 'a/azuredeploy.json': group('ag-a'), 'b/azuredeploy.json': group('ag-b') });
  const one = run(['check', 'a'], dir).stdout;
  assert.match(one, /^a\/azuredeploy\.json:8:\d+ error HN103/m);
  const two = run(['check', 'a', 'b'], dir).stdout;
  assert.match(two, /^a\/azuredeploy\.json:8:/m);
  assert.match(two, /^b\/azuredeploy\.json:8:/m);
  const inside = run(['check', '.'], path.join(dir, 'a')).stdout;
  assert.match(inside, /^azuredeploy\.json:8:/m);
  const absolute = run(['check', 'a', '--absolute-paths'], dir).stdout;
  assert.ok(absolute.includes(`${path.join(fs.realpathSync(dir), 'a', 'azuredeploy.json')}:8:`) || absolute.includes(`${path.join(dir, 'a', 'azuredeploy.json')}:8:`), absolute);
});

test('--output into a missing folder is a user mistake, not an internal error', () => {
  const dir = folder({ 'azuredeploy.json': group('ag-a') });
  const { code, stderr } = run(['check', '.', '--output', 'reports/out.sarif', '--format', 'sarif'], dir);
  assert.equal(code, 2);
  assert.match(stderr, /cannot write the report to reports\/out\.sarif: the folder reports does not exist/);
  assert.doesNotMatch(stderr, /internal error/);
});

test('--help works on every command and exits 0; unknown options name the command', () => {
  const dir = folder({});
  for (const command of ['check', 'model']) {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = run([command, flag], dir);
      assert.equal(code, 0, `${command} ${flag}`);
      assert.match(stdout, new RegExp(`^usage: hipaa-notify ${command} `));
      assert.match(stdout, /--format/);
    }
  }
  assert.match(run(['--help'], dir).stdout, /hipaa-notify check .*\n.*hipaa-notify model/);
  const unknown = run(['model', '--frmat', 'json', 'x.json'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option '--frmat' for model\nRun 'hipaa-notify model --help'/);
});

test('the summary counts in words: 1 error, 2 warnings', () => {
  const dir = folder({ 'a/azuredeploy.json': group('ag-a'), 'b/azuredeploy.json': group('ag-b', personal), 'c/azuredeploy.json': group('ag-c', personal) });
  const { stdout } = run(['check', '.'], dir);
  assert.match(stdout, /^3 files checked: 1 error, 2 warnings, \d+ info$/m);
});

test('colour: on with FORCE_COLOR or --color, never with NO_COLOR or --no-color, off when piped', () => {
  const dir = folder({ 'azuredeploy.json': group('ag-a') });
  const escape = /\u001b\[\d+m/;
  assert.doesNotMatch(run(['check', '.'], dir).stdout, escape, 'a pipe is not a terminal');
  assert.match(run(['check', '.'], dir, { FORCE_COLOR: '1' }).stdout, /\u001b\[31merror\u001b\[0m/);
  assert.doesNotMatch(run(['check', '.'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, escape);
  assert.match(run(['check', '.', '--color'], dir, { NO_COLOR: '1' }).stdout, escape);
  assert.doesNotMatch(run(['check', '.', '--no-color'], dir, { FORCE_COLOR: '1' }).stdout, escape);
});

test('colour on a real terminal, and none there with NO_COLOR', { skip: spawnSync('script', ['--version']).status !== 0 ? 'util-linux script is not installed' : undefined }, () => {
  const dir = folder({ 'azuredeploy.json': group('ag-a') });
  const inTerminal = (env: string) => spawnSync('script', ['-qec', `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} check .`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } }).stdout;
  assert.match(inTerminal(''), /\u001b\[31merror/);
  assert.doesNotMatch(inTerminal('NO_COLOR=1'), /\u001b\[/);
});

test('the size bound is documented, configurable, and a template past it is an error, not a pass', () => {
  const padding = ' '.repeat(2 * 1024 * 1024);
  const dir = folder({ 'azuredeploy.json': group('ag-a').replace('"contentVersion"', `${padding}"contentVersion"`) });
  assert.match(run(['check', '--help'], dir).stdout, /--max-file-size MB .*default 8/);
  const bounded = run(['check', '.', '--max-file-size', '1'], dir);
  assert.equal(bounded.code, 1);
  assert.match(bounded.stdout, /HN001 the file is larger than 1 MB and is not analysed \(raise the bound with --max-file-size\)/);
  const raised = run(['check', '.', '--max-file-size', '3'], dir);
  assert.match(raised.stdout, /HN103/);
  assert.equal(run(['check', '.', '--max-file-size', 'lots'], dir).code, 2);
});

test('--quiet shows errors only; --max-warnings N fails above N warnings', () => {
  const dir = folder({ 'a/azuredeploy.json': group('ag-a', personal) });
  const all = run(['check', '.'], dir);
  assert.equal(all.code, 0);
  assert.match(all.stdout, / warning HN101 /);
  const quiet = run(['check', '.', '--quiet'], dir);
  assert.doesNotMatch(quiet.stdout, / warning /);
  assert.doesNotMatch(quiet.stdout, / info /);
  assert.equal(run(['check', '.', '--max-warnings', '1'], dir).code, 0);
  const over = run(['check', '.', '--max-warnings', '0'], dir);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /1 warning, more than --max-warnings 0/);
  assert.equal(run(['check', '.', '--max-warnings', '-1'], dir).code, 2);
});

test('--format github prints workflow annotations with escaped properties', () => {
  const dir = folder({ 'a/azuredeploy.json': group('ag-a', personal) });
  const { stdout } = run(['check', '.', '--format', 'github'], dir);
  const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
  assert.ok(annotations.some((line) => /^::warning file=a\/azuredeploy\.json,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=HN101 action-group-hardcoded-recipients::.*dana\.whitfield/.test(line)), stdout);
  assert.ok(annotations.some((line) => line.startsWith('::notice ')), 'info findings are notices');
});

test('YAML: an unclosed quote is reported at the quote, not at the end of the file', () => {
  const dir = folder({ 'claims.hipaa-notify.yaml': 'apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\nmetadata:\n  name: "claims\nspec:\n  deadlines:\n    individuals: P60D\n' });
  const { stdout } = run(['check', '.'], dir);
  const syntax = stdout.split('\n').filter((line) => line.includes('HN001'));
  assert.deepEqual(syntax, ['claims.hipaa-notify.yaml:4:9 error HN001 this string is not closed (missing ")']);
});

test('ARM JSON: one missing brace is reported once, where it is missing', () => {
  const text = group('ag-a').replace('      "properties": { "groupShortName": "g", "enabled": true }\n    }\n', '      "properties": { "groupShortName": "g", "enabled": true }\n\n');
  const dir = folder({ 'azuredeploy.json': text.replace('  ]\n}', '    ,{ "type": "Microsoft.Insights/actionGroups", "apiVersion": "2023-01-01", "name": "ag-b" }\n  ]\n}') });
  const { stdout } = run(['check', '.'], dir);
  const syntax = stdout.split('\n').filter((line) => line.includes('HN001'));
  assert.deepEqual(syntax, ["azuredeploy.json:10:62 error HN001 expected '}' to close the object that starts on line 5"]);
});
