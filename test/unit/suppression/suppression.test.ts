import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDirective } from '../../../server/src/suppression/directive';
import { applySuppressions } from '../../../server/src/suppression/suppression';
import { armSuppressions, canHoldSuppressions } from '../../../server/src/suppression/armSuppressions';
import { parseJsonDocument } from '../../../server/src/syntax/arm/jsonDocument';
import type { Finding } from '../../../server/src/rules/finding';

test('directives: rule IDs, reasons and non-directives', () => {
  assert.deepEqual(parseDirective(' hipaa-notify-disable-next-line HN101 HN109 -- shared mailbox'), { ruleIds: ['HN101', 'HN109'], reason: 'shared mailbox' });
  assert.deepEqual(parseDirective(' hipaa-notify-disable-next-line hn101,HN102'), { ruleIds: ['HN101', 'HN102'] });
  assert.deepEqual(parseDirective('hipaa-notify-disable-next-line HN101 --   '), { ruleIds: ['HN101'] });
  assert.equal(parseDirective(' just a comment about hipaa-notify-disable-next-line'), undefined);
  assert.equal(parseDirective(' hipaa-notify-disable-next-lines HN101'), undefined);
});

const template = `{
  "resources": [
    // hipaa-notify-disable-next-line HN101 -- on-call mailbox reviewed quarterly
    {
      "type": "Microsoft.Insights/actionGroups",
      "name": "ag"
    },
    {
      "type": "Microsoft.Insights/actionGroups",
      "name": "ag2",
      // hipaa-notify-disable-next-line HN103
      "properties": {
        "enabled": false
      },
      "metadata": { "hipaa-notify": { "suppress": { "HN304": "lock is set by the platform team", "HN109": "" } } }
    }
  ]
}`;

function findingAt(ruleId: string, needle: string): Finding {
  return { ruleId, level: 'warning', message: ruleId, file: 'a.json', span: { offset: template.indexOf(needle), length: needle.length } };
}

test('ARM comments cover the next property or item to its end; metadata covers its resource', () => {
  const { root } = parseJsonDocument(template, { arm: true });
  const suppressions = armSuppressions(template, root);
  assert.equal(suppressions.length, 4);
  const findings = [
    findingAt('HN101', '"name": "ag"'), // inside the item after the first comment: suppressed
    findingAt('HN101', '"name": "ag2"'), // same rule, other resource: kept
    findingAt('HN103', '"enabled": false'), // inside the property after the second comment: suppressed
    findingAt('HN304', '"name": "ag2"'), // metadata, with reason: suppressed
    findingAt('HN109', '"type": "Microsoft.Insights/actionGroups",\n      "name": "ag2"'), // metadata without reason: suppressed
    findingAt('HN104', '"enabled": false'), // not named: kept
  ];
  const kept = applySuppressions(findings, 'a.json', suppressions);
  assert.deepEqual(kept.filter((f) => f.ruleId !== 'HN009').map((f) => `${f.ruleId} ${template.slice(f.span.offset, f.span.offset + 13)}`), [
    'HN101 "name": "ag2"',
    'HN104 "enabled": fa',
  ]);
  const missing = kept.filter((f) => f.ruleId === 'HN009');
  assert.equal(missing.length, 2, 'the comment without a reason and the metadata entry with an empty reason');
  assert.ok(missing.every((f) => f.level === 'info' && /give a reason/.test(f.message)));
  assert.match(template.slice(missing[0].span.offset, missing[0].span.offset + missing[0].span.length), /^\/\/ hipaa-notify-disable-next-line HN103$/);
});

test('findings of other files are not touched', () => {
  const { root } = parseJsonDocument(template, { arm: true });
  const other = { ...findingAt('HN101', '"name": "ag"'), file: 'b.json' };
  assert.deepEqual(applySuppressions([other], 'a.json', armSuppressions(template, root)).filter((f) => f.ruleId !== 'HN009'), [other]);
});

test('a metadata key spelt with JSON escapes still suppresses; a template naming hipaa-notify nowhere needs no parse', () => {
  const escaped = template.replace('"hipaa-notify": {', '"hipaa\\u002dnotify": {').replace(/\/\/ hipaa-notify-disable-next-line[^\n]*\n/g, '');
  assert.ok(!escaped.includes('hipaa-notify'));
  assert.ok(canHoldSuppressions(escaped));
  assert.deepEqual(armSuppressions(escaped, parseJsonDocument(escaped, { arm: true }).root).map((s) => s.ruleIds[0]), ['HN304', 'HN109']);
  const plain = escaped.replace('"hipaa\\u002dnotify": {', '"other": {');
  assert.equal(canHoldSuppressions(plain), false);
  assert.deepEqual(armSuppressions(plain, parseJsonDocument(plain, { arm: true }).root), []);
});
