import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, findingsOf, spanText, toJson, validYaml } from './policyCases';

const personal = edit(validYaml, ['        - armRole: Monitoring Contributor', '        - email: jane.doe@contoso.com']);

test('a YAML comment on the line before suppresses the finding on the next line', () => {
  const text = edit(personal, ['        - email: jane.doe', '        # hipaa-notify-disable-next-line HN502 -- on-call lead until the group exists\n        - email: jane.doe']);
  assert.deepEqual(findingsOf('p.hipaa-notify.yaml', text), []);
});

test('a comment before a key covers everything inside it', () => {
  const text = edit(personal, ['      recipients:\n        - entraGroup: 7f3c', '      # hipaa-notify-disable-next-line HN502 -- reviewed\n      recipients:\n        - entraGroup: 7f3c']);
  assert.deepEqual(findingsOf('p.hipaa-notify.yaml', text), []);
});

test('other rules, other lines and trailing comments are not suppressed', () => {
  const otherRule = edit(personal, ['        - email: jane.doe', '        # hipaa-notify-disable-next-line HN501 -- no\n        - email: jane.doe']);
  assert.deepEqual(findingsOf('p.hipaa-notify.yaml', otherRule).map((f) => f.ruleId), ['HN502']);
  const tooEarly = edit(personal, ['      recipients:\n        - entraGroup: 7f3c', '      # hipaa-notify-disable-next-line HN502 -- no\n      actionGroup2: x\n      recipients:\n        - entraGroup: 7f3c']);
  assert.ok(findingsOf('p.hipaa-notify.yaml', tooEarly).some((f) => f.ruleId === 'HN502'));
  const trailing = edit(personal, ['jane.doe@contoso.com', 'jane.doe@contoso.com # hipaa-notify-disable-next-line HN502 -- no']);
  assert.ok(findingsOf('p.hipaa-notify.yaml', trailing).some((f) => f.ruleId === 'HN502'));
});

test('a suppression without a reason still suppresses, and is reported as HN009 (info) on the comment', () => {
  const text = edit(personal, ['        - email: jane.doe', '        # hipaa-notify-disable-next-line HN502\n        - email: jane.doe']);
  const findings = findingsOf('p.hipaa-notify.yaml', text);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.level, spanText(text, f)]), [['HN009', 'info', '# hipaa-notify-disable-next-line HN502']]);
  assert.match(findings[0].message, /give a reason/);
});

test('JSON policies take the same directive as a // comment', () => {
  const json = toJson(personal).replace('      "recipients": [', '      // hipaa-notify-disable-next-line HN502 -- shared on-call phone bridge\n      "recipients": [');
  assert.ok(json.includes('hipaa-notify-disable'));
  assert.deepEqual(findingsOf('p.hipaa-notify.json', json), []);
  assert.deepEqual(findingsOf('p.hipaa-notify.json', toJson(personal)).map((f) => f.ruleId), ['HN502']);
});
