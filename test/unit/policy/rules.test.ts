import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertInvalid, assertValid, edit, findingsOf, toJson, validYaml, type InvalidCase, type ValidCase } from './policyCases';
import { onlyFixOf } from '../../../server/src/fixes/fixEdits';
import { fixUntilStable } from '../../../server/src/fixes/fixFiles';
import { policyFileRules } from '../../../server/src/rules/policy';
import { ruleMeta } from '../../../server/src/rules/catalog';

const invalid: InvalidCase[] = [
  // HN500 (the did-you-mean fixes)
  { name: 'a misspelt key', edits: [['  description: Breach', '  descripton: Breach']], ruleId: 'HN500', at: 'descripton', line: 5, message: /unknown field `descripton`.*did you mean `description`/, fixed: 'description' },
  { name: 'a misspelt enum value', edits: [['role: coveredEntity', 'role: coveredEntty']], ruleId: 'HN500', at: 'coveredEntty', line: 8, message: /must be one of .*did you mean coveredEntity/, fixed: 'coveredEntity' },
  { name: 'an unknown key with nothing close', edits: [['  description: Breach', '  colour: Breach']], ruleId: 'HN500', at: 'colour', line: 5, message: /unknown field `colour`/ },
  // HN501
  { name: 'individuals P61D', edits: [['individuals: P60D', 'individuals: P61D']], ruleId: 'HN501', at: 'P61D', line: 32, message: /`individuals` is P61D \(61 days\).*164\.404\(b\).*P60D/ },
  { name: 'hhs P90D', edits: [['hhs: P60D', 'hhs: P90D']], ruleId: 'HN501', at: 'P90D', line: 34, message: /`hhs`.*164\.408/ },
  { name: 'media P2M is ambiguous', edits: [['media: P60D', 'media: P2M']], ruleId: 'HN501', at: 'P2M', line: 33, message: /months and years vary in length: P2M is 59 to 62 days/ },
  { name: 'media P1Y', edits: [['media: P60D', 'media: P1Y']], ruleId: 'HN501', at: 'P1Y', line: 33, message: /365 to 366 days/ },
  { name: 'weeks P9W', edits: [['hhs: P60D', 'hhs: P9W']], ruleId: 'HN501', at: 'P9W', line: 34, message: /63 days/ },
  { name: 'coveredEntity deadline for a business associate', edits: [['role: coveredEntity', 'role: businessAssociate'], ['hhs: P60D', 'hhs: P60D\n    coveredEntity: P75D']], ruleId: 'HN501', at: 'P75D', line: 35, message: /164\.410/ },
  // HN502
  { name: 'first.last', edits: [['- armRole: Monitoring Contributor', '- email: jane.doe@contoso.com']], ruleId: 'HN502', at: 'jane.doe@contoso.com', line: 25, message: /tier 1 notifies jane\.doe@contoso\.com.*person.*entraGroup/ },
  { name: 'flast', edits: [['        - entraGroup: 0b9d8c7e-6f5a-4b3c-8d2e-1a0f9e8d7c6b', '        - email: jdoe2@contoso.com']], ruleId: 'HN502', at: 'jdoe2@contoso.com', line: 30, message: /tier 2/ },
  { name: 'first_middle_last with +tag', edits: [['- armRole: Monitoring Contributor', '- email: "ana_m_lopez+alerts@contoso.com"']], ruleId: 'HN502', at: '"ana_m_lopez+alerts@contoso.com"', line: 25, message: /looks like a person/, atJson: '"ana_m_lopez+alerts@contoso.com"' },
  // HN503
  { name: 'Windows zone', edits: [['timeZone: America/Chicago', 'timeZone: Central Standard Time']], ruleId: 'HN503', at: 'Central Standard Time', line: 9, message: /Windows time zone ID.*America\/Chicago/, fixed: 'America/Chicago' },
  { name: 'unknown zone', edits: [['timeZone: America/Chicago', 'timeZone: America/Springfield']], ruleId: 'HN503', at: 'America/Springfield', line: 9, message: /not an IANA time zone/ },
  { name: 'offset', edits: [['timeZone: America/Chicago', 'timeZone: "-06:00"']], ruleId: 'HN503', at: '"-06:00"', line: 9, message: /fixed offset/, atJson: '"-06:00"' },
  { name: 'wrong case', edits: [['timeZone: America/Chicago', 'timeZone: america/chicago']], ruleId: 'HN503', at: 'america/chicago', line: 9, message: /case-sensitive: write America\/Chicago/, fixed: 'America/Chicago' },
  // HN506
  { name: 'one year', edits: [['retentionDays: 2190', 'retentionDays: 365']], ruleId: 'HN506', at: '365', line: 37, message: /kept 365 days.*164\.530\(j\).*2190/, fixed: '2190' },
  { name: 'one day short', edits: [['retentionDays: 2190', 'retentionDays: 2189']], ruleId: 'HN506', at: '2189', line: 37, message: /2189 days/, fixed: '2190' },
  // HN507
  { name: 'tier 1 after an hour', edits: [['within: PT15M', 'within: PT2H']], ruleId: 'HN507', at: 'PT2H', line: 21, message: /tier 1 is reached PT2H.*within one hour/, fixed: 'PT1H' },
  { name: 'tier 2 before tier 1', edits: [['within: PT4H', 'within: PT10M']], ruleId: 'HN507', at: 'PT10M', line: 27, message: /tier 2 is reached PT10M after discovery, before tier 1 \(PT15M\)/ },
  { name: 'tier 2 at the same time', edits: [['within: PT4H', 'within: PT900S']], ruleId: 'HN507', at: 'PT900S', line: 27, message: /at the same time as tier 1/ },
  { name: 'tiers listed out of order are ordered by number', edits: [['tier: 1', 'tier: 3'], ['within: PT4H', 'within: PT45M']], ruleId: 'HN507', at: 'PT15M', line: 21, message: /tier 3 is reached PT15M after discovery, before tier 2 \(PT45M\)/ },
  { name: 'two tiers numbered 1', edits: [['tier: 2', 'tier: 1']], ruleId: 'HN507', at: '1', line: 26, message: /two escalation tiers are numbered 1/, jsonAfter: 'Monitoring Contributor' },
];

const valid: ValidCase[] = [
  { name: 'exactly P60D everywhere', edits: [], ruleId: 'HN501' },
  { name: 'shorter deadlines', edits: [['individuals: P60D', 'individuals: P30D'], ['hhs: P60D', 'hhs: P1D']], ruleId: 'HN501' },
  { name: 'P1M is at most 31 days (the schema still asks for days)', edits: [['media: P60D', 'media: P1M']], ruleId: 'HN501' },
  { name: 'P8W is 56 days', edits: [['media: P60D', 'media: P8W']], ruleId: 'HN501' },
  { name: 'role mailbox privacy-office@', edits: [['- armRole: Monitoring Contributor', '- email: privacy-office@contoso.com']], ruleId: 'HN502' },
  { name: 'role mailbox security@', edits: [['- armRole: Monitoring Contributor', '- email: security@contoso.com']], ruleId: 'HN502' },
  { name: 'role mailbox hipaa.compliance.team@', edits: [['- armRole: Monitoring Contributor', '- email: hipaa.compliance.team@contoso.com']], ruleId: 'HN502' },
  { name: 'role mailbox soc-oncall@', edits: [['- armRole: Monitoring Contributor', '- email: soc-oncall@contoso.com']], ruleId: 'HN502' },
  { name: 'groups and roles only', edits: [], ruleId: 'HN502' },
  { name: 'UTC', edits: [['timeZone: America/Chicago', 'timeZone: UTC']], ruleId: 'HN503' },
  { name: 'Europe/Berlin', edits: [['timeZone: America/Chicago', 'timeZone: Europe/Berlin']], ruleId: 'HN503' },
  { name: 'link US/Eastern', edits: [['timeZone: America/Chicago', 'timeZone: US/Eastern']], ruleId: 'HN503' },
  { name: 'empty zone is left to the schema', edits: [['timeZone: America/Chicago', 'timeZone: ""']], ruleId: 'HN503' },
  { name: 'six years', edits: [], ruleId: 'HN506' },
  { name: 'seven years', edits: [['retentionDays: 2190', 'retentionDays: 2555']], ruleId: 'HN506' },
  { name: 'increasing tiers', edits: [], ruleId: 'HN507' },
  { name: 'tier 1 at exactly one hour', edits: [['within: PT15M', 'within: PT1H']], ruleId: 'HN507' },
  { name: 'tier 1 in seconds', edits: [['within: PT15M', 'within: PT3600S']], ruleId: 'HN507' },
  { name: 'unparseable within is left to the schema', edits: [['within: PT4H', 'within: soon']], ruleId: 'HN507' },
];

for (const c of invalid) test(`${c.ruleId} reports: ${c.name}`, () => assertInvalid(c));

test('a policy rule that declares a fix proves it on an invalid case (YAML and JSON)', () => {
  for (const rule of policyFileRules.filter((r) => r.fix)) assert.ok(invalid.some((c) => c.ruleId === rule.id && c.fixed !== undefined), `${rule.id} declares a fix but no case states what it writes`);
});

test('a fix keeps the quoting the value was written with', () => {
  const quoted = edit(validYaml, ['timeZone: America/Chicago', "timeZone: 'Central Standard Time'"], ['retentionDays: 2190', 'retentionDays: 365']);
  const file = '/tmp/policy.hipaa-notify.yaml';
  const run = fixUntilStable((f) => (f === file ? quoted : undefined), (read) => findingsOf(file, read(file) ?? ''), { fixOf: onlyFixOf });
  assert.equal(run.changed.get(file), edit(validYaml, ['timeZone: America/Chicago', "timeZone: 'America/Chicago'"]));
});
for (const c of valid) test(`${c.ruleId} is silent: ${c.name}`, () => assertValid(c));

test('the base policy has no findings in YAML and JSON', () => {
  assert.deepEqual(findingsOf('a.hipaa-notify.yaml', validYaml), []);
  assert.deepEqual(findingsOf('a.hipaa-notify.json', toJson(validYaml)), []);
});

test('every file rule is in the catalog with its id, name and level, and has invalid and valid cases', () => {
  for (const rule of policyFileRules) {
    const meta = ruleMeta(rule.id);
    assert.ok(meta, rule.id);
    assert.equal(rule.name, meta.name);
    assert.equal(rule.level, meta.level);
    assert.ok(rule.description.length > 20);
    if (rule.id === 'HN500') continue;
    assert.ok(invalid.some((c) => c.ruleId === rule.id), `${rule.id} has an invalid case`);
    assert.ok(valid.some((c) => c.ruleId === rule.id), `${rule.id} has a valid case`);
  }
});

test('findings carry the catalog level and the file name', () => {
  const text = validYaml.replace('retentionDays: 2190', 'retentionDays: 30').replace('within: PT15M', 'within: PT3H');
  const findings = findingsOf('/w/p.hipaa-notify.yaml', text);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.level, f.file]), [
    ['HN507', 'warning', '/w/p.hipaa-notify.yaml'],
    ['HN506', 'error', '/w/p.hipaa-notify.yaml'],
  ]);
});
