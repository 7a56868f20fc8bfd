import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completePolicy, hoverPolicy } from '../../../server/src/policy-editing';
import { toJson, validYaml } from './policyCases';

const context = { actionGroupNames: ['ag-hipaa-tier1', 'ag-hipaa-privacy-office'], workspaceNames: ['law-hipaa-audit'] };

/** The text with `|` removed, and the offset where it was. */
function cursor(textWithBar: string): [string, number] {
  const offset = textWithBar.indexOf('|');
  assert.ok(offset >= 0);
  return [textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), offset];
}

function labels(textWithBar: string, file?: string): string[] {
  const [text, offset] = cursor(textWithBar);
  return completePolicy(text, offset, context, file).map((c) => c.label);
}

test('keys: what the schema allows in the mapping at the cursor, minus those already written', () => {
  assert.deepEqual(labels(validYaml.replace('    timeZone: America/Chicago\n', '    |\n')), ['timeZone']);
  assert.deepEqual(labels(validYaml.replace('      within: PT15M\n', '      wi|\n')), ['within']);
  assert.deepEqual(labels('|').sort(), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(labels('apiVersion: hipaa-notify/v1\nkind: NotificationPolicy\n|').sort(), ['metadata', 'spec']);
  assert.deepEqual(labels(validYaml.replace('        - armRole: Monitoring Contributor', '        - |')).sort(), ['armRole', 'email', 'entraGroup']);
});

test('keys that the discovery source already written rules out are not offered', () => {
  assert.deepEqual(labels('spec:\n  discovery:\n    - source: logQuery\n      |\n'), ['name']);
  assert.deepEqual(labels('spec:\n  discovery:\n    - source: activityLog\n      |\n'), ['categories']);
  assert.deepEqual(labels('spec:\n  discovery:\n    - |\n').sort(), ['categories', 'minimumSeverity', 'name', 'source', 'states']);
  assert.deepEqual(labels('{ "spec": { "discovery": [ { "source": "azurePolicy", | } ] } }', 'p.hipaa-notify.json'), ['states']);
});

test('key items say what the field takes, whether it is required, and insert YAML that continues the structure', () => {
  const [text, offset] = cursor('apiVersion: hipaa-notify/v1\nspec:\n  |\n');
  const items = completePolicy(text, offset, context);
  const escalation = items.find((i) => i.label === 'escalation')!;
  assert.equal(escalation.kind, 'key');
  assert.equal(escalation.detail, 'list (required)');
  assert.equal(escalation.insertText, 'escalation:\n    - ');
  assert.match(escalation.documentation, /Escalation tiers in order/);
  assert.match(escalation.documentation, /164\.308\(a\)\(6\)\(ii\)/);
  assert.deepEqual(escalation.replace, { offset, length: 0 });
  assert.equal(items.find((i) => i.label === 'entity')!.insertText, 'entity:\n    ');
});

test('values: enums, template names for actionGroup and workspace, IANA zones, examples for durations', () => {
  assert.deepEqual(labels(validYaml.replace('role: coveredEntity', 'role: co|')), ['coveredEntity', 'businessAssociate']);
  assert.deepEqual(labels(validYaml.replace('minimumSeverity: Medium', 'minimumSeverity: |')), ['Low', 'Medium', 'High']);
  assert.deepEqual(labels(validYaml.replace('actionGroup: ag-hipaa-tier1', 'actionGroup: |')), ['ag-hipaa-tier1', 'ag-hipaa-privacy-office']);
  assert.deepEqual(labels(validYaml.replace('workspace: law-hipaa-audit', 'workspace: law|')), ['law-hipaa-audit']);
  assert.ok(labels(validYaml.replace('timeZone: America/Chicago', 'timeZone: Am|')).includes('America/Chicago'));
  assert.deepEqual(labels(validYaml.replace('within: PT15M', 'within: |')), ['PT15M', 'PT4H']);
  assert.deepEqual(labels(validYaml.replace('states: [NonCompliant]', 'states: [NonCompliant, C|]')), ['NonCompliant', 'Compliant', 'Conflict', 'Exempt', 'Unknown', 'Error']);
  assert.deepEqual(labels('spec:\n  discovery:\n    - source: activityLog\n      categories:\n        - |\n').slice(0, 3), ['Administrative', 'Security', 'Policy']);
  assert.deepEqual(labels('apiVersion: |'), ['hipaa-notify/v1']);
});

test('the partly typed word is what a completion replaces', () => {
  const [text, offset] = cursor(validYaml.replace('role: coveredEntity', 'role: cov|ered'));
  const [item] = completePolicy(text, offset, context);
  assert.deepEqual(item.replace, { offset: offset - 3, length: 7 });
});

test('JSON: keys and values, quoted unless the cursor is inside quotes', () => {
  const json = toJson(validYaml);
  const roleAt = json.indexOf('"coveredEntity"') + 1;
  const inside = completePolicy(json, roleAt, context, 'p.hipaa-notify.json');
  assert.deepEqual(inside.map((i) => [i.label, i.insertText]), [['coveredEntity', 'coveredEntity'], ['businessAssociate', 'businessAssociate']]);
  assert.deepEqual(inside[0].replace, { offset: roleAt, length: 'coveredEntity'.length });
  const [text, offset] = cursor('{\n  "apiVersion": "hipaa-notify/v1",\n  |\n}');
  const keys = completePolicy(text, offset, context, 'p.hipaa-notify.json');
  assert.deepEqual(keys.map((k) => k.insertText).sort(), ['"kind": ', '"metadata": ', '"spec": ']);
  const [groupText, groupAt] = cursor('{ "spec": { "escalation": [ { "actionGroup": | } ] } }');
  assert.deepEqual(completePolicy(groupText, groupAt, context, 'p.hipaa-notify.json').map((i) => i.insertText), ['"ag-hipaa-tier1"', '"ag-hipaa-privacy-office"']);
});

test('nothing to offer outside the schema, never an exception', () => {
  assert.deepEqual(labels('spec:\n  nonsense:\n    |\n'), []);
  for (const broken of ['spec: [|', ': |', '- - |', '{ "a": [ |', '"|']) {
    assert.doesNotThrow(() => labels(broken));
    assert.doesNotThrow(() => labels(broken, 'p.hipaa-notify.json'));
  }
});

test('hover: the field, what it takes, its description and 45 CFR section, on key and value', () => {
  const onKey = hoverPolicy(validYaml, validYaml.indexOf('hhs:') + 1)!;
  assert.match(onKey.markdown, /^\*\*`hhs`\*\*: days \(ISO 8601, e\.g\. P60D\)/);
  assert.match(onKey.markdown, /Secretary of HHS/);
  assert.match(onKey.markdown, /\*45 CFR 164\.408\* · HN501/);
  assert.deepEqual(onKey.span, { offset: validYaml.indexOf('hhs:'), length: 3 });
  const retention = validYaml.indexOf('2190');
  const onValue = hoverPolicy(validYaml, retention + 2)!;
  assert.match(onValue.markdown, /164\.530\(j\)/);
  assert.deepEqual(onValue.span, { offset: retention, length: 4 });
  const json = toJson(validYaml);
  const jsonHover = hoverPolicy(json, json.indexOf('"within"') + 2, 'p.hipaa-notify.json')!;
  assert.match(jsonHover.markdown, /ISO 8601 duration after discovery/);
  assert.match(jsonHover.markdown, /HN507/);
});

test('hover: nothing on unknown fields or outside fields', () => {
  assert.equal(hoverPolicy('spec:\n  nonsense: 1\n', 10), undefined);
  assert.equal(hoverPolicy('', 0), undefined);
});

test('JSON: inside a key being typed, the text between the quotes is replaced and the key itself is offered', () => {
  const text = '{ "apiVersion": "hipaa-notify/v1", "kind": "NotificationPolicy" }';
  const offset = text.indexOf('kind') + 2;
  const items = completePolicy(text, offset, context, 'p.hipaa-notify.json');
  assert.deepEqual(items.map((i) => i.insertText).sort(), ['kind', 'metadata', 'spec']);
  assert.deepEqual(items[0].replace, { offset: text.indexOf('kind'), length: 4 });
  const open = '{ "apiVersion": "x", "me';
  assert.deepEqual(completePolicy(open, open.length, context, 'p.hipaa-notify.json').find((i) => i.label === 'metadata')?.replace, { offset: open.length - 2, length: 2 });
});
