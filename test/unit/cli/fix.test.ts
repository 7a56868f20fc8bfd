import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../../..');
const cli = path.join(repo, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOf(sample: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-cli-fix-'));
  fs.cpSync(path.join(repo, 'samples', sample), folder, { recursive: true });
  return folder;
}

const texts = (folder: string) => Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));

test('check --fix --dry-run prints a unified diff, changes nothing and exits 1; --fix applies it and leaves only findings without a safe fix', () => {
  const folder = copyOf('claims-platform');
  try {
    const before = texts(folder);
    const dry = run(['check', '.', '--fix', '--dry-run'], folder);
    assert.equal(dry.code, 1);
    assert.deepEqual(texts(folder), before, 'a dry run writes nothing');
    assert.match(dry.stdout, /^--- a\/claims\.hipaa-notify\.yaml\n\+\+\+ b\/claims\.hipaa-notify\.yaml\n@@ /);
    assert.match(dry.stdout, /^--- a\/main\.bicep\n\+\+\+ b\/main\.bicep\n@@ /m);
    assert.match(dry.stdout, /^-    enabled: false\n\+    enabled: true$/m);
    assert.match(dry.stdout, /^-param escalationTimeZone = 'America\/New_York'\n\+param escalationTimeZone = 'Eastern Standard Time'$/m);
    assert.match(dry.stderr, /would fix \d+ findings in 3 files \(.*HN103 1.*HN206 1.*HN506 1.*\)/);

    const fixed = run(['check', '.', '--fix'], folder);
    assert.match(fixed.stderr, /^hipaa-notify: fixed \d+ findings in 3 files/);
    const after = texts(folder);
    assert.notEqual(after['main.bicep'], before['main.bicep']);
    assert.match(after['claims.hipaa-notify.yaml'], /^    timeZone: America\/Chicago$/m, 'the policy file is fixed too (HN503)');
    assert.match(after['claims.hipaa-notify.yaml'], /retentionDays: 2190\b/, 'HN506');
    for (const rule of ['HN103', 'HN104', 'HN109', 'HN201', 'HN205', 'HN206', 'HN207', 'HN208', 'HN304', 'HN503', 'HN506']) assert.doesNotMatch(fixed.stdout, new RegExp(` ${rule} `), `${rule} is fixed`);
    assert.doesNotMatch(fixed.stdout, / HN001 | HN002 /, 'the fixed files parse and resolve');
    assert.match(fixed.stdout, / HN302 /, 'what has no safe fix is still reported');

    const again = run(['check', '.', '--fix', '--dry-run'], folder);
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /no finding has a safe fix/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('check --fix leaves a guess (did-you-mean) for the editor, keeps CRLF and a BOM, and --dry-run needs --fix', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-cli-fix-'));
  try {
    const workflow = (zone: string, enabled: string) =>
      `\uFEFFresource digest 'Microsoft.Logic/workflows@2019-05-01' = {\r\n  name: 'la-digest'\r\n  location: 'eastus'\r\n  tags: {\r\n    'hipaa-notify': 'notification'\r\n  }\r\n  properties: {\r\n    state: '${enabled}'\r\n    definition: {\r\n      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'\r\n      contentVersion: '1.0.0.0'\r\n      triggers: {\r\n        Every_morning: {\r\n          type: 'Recurrence'\r\n          recurrence: {\r\n            frequency: 'Day'\r\n            interval: 1\r\n            startTime: '2026-01-05T08:00:00'\r\n            timeZone: '${zone}'\r\n          }\r\n        }\r\n      }\r\n      actions: {}\r\n    }\r\n  }\r\n}\r\n`;
    fs.writeFileSync(path.join(folder, 'main.bicep'), workflow('Eastern Standrd Time', 'Disabled'));
    const fixed = run(['check', '.', '--fix'], folder);
    assert.match(fixed.stdout, / HN206 .*use 'Eastern Standard Time'/, 'the near miss is still reported');
    const lock = "\r\nresource notificationLock 'Microsoft.Authorization/locks@2020-05-01' = {\r\n  name: 'hipaa-notify-do-not-delete'\r\n  scope: digest\r\n  properties: {\r\n    level: 'CanNotDelete'\r\n    notes: 'Part of the HIPAA breach notification chain (hipaa-notify HN304).'\r\n  }\r\n}\r\n";
    assert.equal(fs.readFileSync(path.join(folder, 'main.bicep'), 'utf8'), workflow('Eastern Standrd Time', 'Enabled') + lock, 'HN208 and HN304 fixed with CRLF kept, HN206 left');
    assert.equal(run(['check', '.', '--dry-run'], folder).code, 2);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
