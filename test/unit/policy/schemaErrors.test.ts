import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findingsOf, spanText, toJson, validYaml } from './policyCases';
import { LineMap } from '../../../server/src/syntax/lineMap';

interface SchemaCase {
  readonly name: string;
  readonly text: string;
  /** [text the finding covers, 1-based line, message fragment] for each HN500, in file order. */
  readonly expected: readonly (readonly [string, number, RegExp])[];
}

const cases: SchemaCase[] = [
  {
    name: 'duration that is not ISO 8601',
    text: edit(validYaml, ['within: PT15M', 'within: 15 minutes']),
    expected: [['15 minutes', 21, /^`within` must be an ISO 8601 duration such as PT15M$/]],
  },
  {
    name: 'misspelt key with a suggestion, on the key',
    text: edit(validYaml, ['      recipients:\n        - entraGroup: 7f3c', '      recipent:\n        - entraGroup: 7f3c']),
    expected: [
      ['tier', 20, /^missing required field `recipients` in escalation tier 1$/],
      ['recipent', 23, /^unknown field `recipent` in escalation tier 1 \(did you mean `recipients`\?\)$/],
    ],
  },
  {
    name: 'missing actionGroup, on the first key of the tier',
    text: edit(validYaml, ['      actionGroup: ag-hipaa-tier1\n', '']),
    expected: [['tier', 20, /^missing required field `actionGroup` in escalation tier 1$/]],
  },
  {
    name: 'missing field of a mapping points at the mapping key',
    text: edit(validYaml, ['    retentionDays: 2190\n', '']),
    expected: [['auditTrail', 35, /^missing required field `retentionDays` in auditTrail$/]],
  },
  {
    name: 'deadline in months',
    text: edit(validYaml, ['media: P60D', 'media: P1M']),
    expected: [['P1M', 33, /`media` must be a number of days such as P60D: months and years \(P2M, P1Y\) have no fixed length in days/]],
  },
  {
    name: 'deadline in hours',
    text: edit(validYaml, ['media: P60D', 'media: PT48H']),
    expected: [['PT48H', 33, /whole number of days/]],
  },
  {
    name: 'enum with a suggestion',
    text: edit(validYaml, ['minimumSeverity: Medium', 'minimumSeverity: medium']),
    expected: [['medium', 14, /^`minimumSeverity` must be one of Low, Medium, High \(did you mean Medium\?\)$/]],
  },
  {
    name: 'enum inside a list',
    text: edit(validYaml, ['categories: [Administrative, Security, Policy]', 'categories: [Administrative, Securty, Policy]']),
    expected: [['Securty', 16, /^item 2 of `categories` must be one of .*did you mean Security/]],
  },
  {
    name: 'GUID for Entra groups',
    text: edit(validYaml, ['entraGroup: 0b9d8c7e-6f5a-4b3c-8d2e-1a0f9e8d7c6b', 'entraGroup: privacy-officers']),
    expected: [['privacy-officers', 30, /Microsoft Entra group object ID/]],
  },
  {
    name: 'recipient with two kinds',
    text: edit(validYaml, ['        - armRole: Monitoring Contributor', '        - armRole: Monitoring Contributor\n          email: soc@contoso.com']),
    expected: [['armRole', 25, /^recipient 2 of escalation tier 1 must name exactly one of `entraGroup`, `armRole` or `email`/]],
  },
  {
    name: 'field of another discovery source',
    text: edit(validYaml, ['      minimumSeverity: Medium', '      categories: [Security]']),
    expected: [['categories', 14, /^`categories` applies only to discovery source activityLog, not to defenderForCloud$/]],
  },
  {
    name: 'wrong type: number for text, text for number, empty value',
    text: edit(validYaml, ['hhs: P60D', 'hhs: 60'], ['retentionDays: 2190', 'retentionDays: six years'], ['actionGroup: ag-hipaa-privacy-office', 'actionGroup:']),
    expected: [
      ['', 28, /^`actionGroup` must be text, not empty$/],
      ['60', 34, /^`hhs` must be a number of days written as text, such as P60D$/],
      ['six years', 37, /^`retentionDays` must be a whole number$/],
    ],
  },
  {
    name: 'wrong apiVersion and kind, bad metadata name',
    text: edit(validYaml, ['apiVersion: hipaa-notify/v1', 'apiVersion: hipaa-notify/v2'], ['kind: NotificationPolicy', 'kind: Policy'], ['name: contoso-breach-notification', 'name: Contoso Breach']),
    expected: [
      ['hipaa-notify/v2', 1, /^`apiVersion` must be `hipaa-notify\/v1`$/],
      ['Policy', 2, /^`kind` must be `NotificationPolicy`$/],
      ['Contoso Breach', 4, /lower-case letters, digits and hyphens/],
    ],
  },
  {
    name: 'business associate without a covered-entity deadline',
    text: edit(validYaml, ['role: coveredEntity', 'role: businessAssociate']),
    expected: [['deadlines', 31, /^missing required field `coveredEntity` in deadlines: a business associate must notify the covered entity \(45 CFR 164\.410\)$/]],
  },
  {
    name: 'unknown top-level field and __proto__ are data',
    text: validYaml + '__proto__:\n  polluted: true\nstatus: draft\n',
    expected: [
      ['__proto__', 38, /^unknown field `__proto__` in the policy/],
      ['status', 40, /^unknown field `status` in the policy/],
    ],
  },
  {
    name: 'a list where a mapping belongs',
    text: '- a\n- b\n',
    expected: [['- a\n- b\n', 1, /^the policy must be a mapping of fields$/]],
  },
];

for (const c of cases) {
  test(`HN500 (YAML): ${c.name}`, () => {
    const findings = findingsOf('p.hipaa-notify.yaml', c.text).filter((f) => f.ruleId === 'HN500');
    const lines = new LineMap(c.text);
    assert.deepEqual(
      findings.map((f) => [spanText(c.text, f), lines.positionAt(f.span.offset).line + 1]),
      c.expected.map(([at, line]) => [at, line]),
    );
    findings.forEach((f, i) => assert.match(f.message, c.expected[i][2]));
    for (const f of findings) assert.doesNotMatch(f.message, /must match|must NOT|#\/|\/spec\//, 'no raw ajv text or JSON pointers');
  });
}

test('HN500 (JSON): the same errors sit on the JSON key or value', () => {
  const yamlText = edit(validYaml, ['within: PT15M', 'within: PT15'], ['      recipients:\n        - entraGroup: 0b9d', '      recipents:\n        - entraGroup: 0b9d']);
  const json = toJson(yamlText);
  const findings = findingsOf('p.hipaa-notify.json', json).filter((f) => f.ruleId === 'HN500');
  assert.deepEqual(findings.map((f) => [spanText(json, f), f.message]), [
    ['"PT15"', '`within` must be an ISO 8601 duration such as PT15M'],
    ['"tier"', 'missing required field `recipients` in escalation tier 2'],
    ['"recipents"', 'unknown field `recipents` in escalation tier 2 (did you mean `recipients`?)'],
  ]);
});
