import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPolicyTree } from '../../../server/src/syntax/policy/readPolicyTree';
import { nodeAtPath, toPlainData, type PolicyNode } from '../../../server/src/syntax/policy/policyTree';
import { parseYamlDocument } from '../../../server/src/syntax/policy/yamlDocument';
import { policyLimits } from '../../../server/src/syntax/policy/limits';
import { analysePolicyFile, firstTier } from '../../../server/src/rules/policy';
import { toJson, validYaml } from './policyCases';

const text = (source: string, span: { offset: number; length: number }) => source.slice(span.offset, span.offset + span.length);

test('YAML and JSON give the same tree shape, with spans on every key and value', () => {
  const yaml = readPolicyTree('p.hipaa-notify.yaml', validYaml);
  const json = readPolicyTree('p.hipaa-notify.json', toJson(validYaml));
  assert.deepEqual(yaml.problems, []);
  assert.deepEqual(json.problems, []);
  assert.deepEqual(toPlainData(yaml.root!), toPlainData(json.root!));
  const within = nodeAtPath(yaml.root, ['spec', 'escalation', 1, 'within'])!;
  assert.equal(text(validYaml, within.node), 'PT4H');
  assert.equal(text(validYaml, within.entry!.keySpan), 'within');
  const jsonText = toJson(validYaml);
  const jsonWithin = nodeAtPath(json.root, ['spec', 'escalation', 1, 'within'])!;
  assert.equal(text(jsonText, jsonWithin.node), '"PT4H"');
  assert.equal(text(jsonText, jsonWithin.entry!.keySpan), '"within"');
  const state = nodeAtPath(yaml.root, ['spec', 'discovery', 0, 'states', 0])!;
  assert.equal(text(validYaml, state.node), 'NonCompliant');
});

test('the typed view exposes what the workspace rules (HN504, HN505) need, with spans', () => {
  const { policy } = analysePolicyFile('p.hipaa-notify.yaml', validYaml);
  assert.ok(policy);
  assert.deepEqual(policy.escalation.map((t) => text(validYaml, t.actionGroup!.span)), ['ag-hipaa-tier1', 'ag-hipaa-privacy-office']);
  assert.deepEqual(policy.discovery.map((d) => d.source?.value), ['azurePolicy', 'defenderForCloud', 'activityLog', 'logQuery']);
  assert.equal(policy.discovery[3].name?.value, 'phi-bulk-export');
  assert.deepEqual(policy.discovery[2].categories.map((c) => c.value), ['Administrative', 'Security', 'Policy']);
  assert.equal(text(validYaml, policy.auditTrail.workspace!.span), 'law-hipaa-audit');
  assert.equal(policy.timeZone?.value, 'America/Chicago');
});

test('an alias bomb is cut off by the node budget, quickly and without an exception', () => {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < levels.length; i++) bomb += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]\n`;
  const started = Date.now();
  const result = analysePolicyFile('p.hipaa-notify.yaml', bomb);
  assert.ok(Date.now() - started < 2000, 'bounded time');
  assert.ok(result.findings.some((f) => f.ruleId === 'HN001' && /more than \d+ (values|aliases)/.test(f.message)), JSON.stringify(result.findings.map((f) => f.message)));
  assert.equal(result.policy, undefined);
});

test('aliases within bounds are expanded and spanned where the alias is written', () => {
  const source = 'x: &g 7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f\ny: *g\n';
  const tree = readPolicyTree('p.hipaa-notify.yaml', source);
  const y = nodeAtPath(tree.root, ['y'])!.node;
  assert.deepEqual([y.kind, y.kind === 'scalar' && y.value, text(source, y)], ['scalar', '7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f', '*g']);
});

test('deep nesting is bounded in YAML flow, YAML block and JSON', () => {
  const inputs: [string, string][] = [
    ['p.hipaa-notify.yaml', '['.repeat(5000) + ']'.repeat(5000)],
    ['p.hipaa-notify.yaml', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1\n'],
    ['p.hipaa-notify.json', '['.repeat(100000) + ']'.repeat(100000)],
    ['p.hipaa-notify.json', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
  ];
  for (const [file, source] of inputs) {
    const result = analysePolicyFile(file, source);
    assert.ok(result.findings.some((f) => /nested|could not be read|more than/.test(f.message)), `${file}: ${JSON.stringify(result.findings.slice(0, 3).map((f) => f.message))}`);
  }
});

test('a huge file gets one problem and is not parsed', () => {
  const huge = validYaml + '#' + 'x'.repeat(policyLimits.maxLength) + '\n';
  for (const file of ['p.hipaa-notify.yaml', 'p.hipaa-notify.json']) {
    const result = analysePolicyFile(file, huge);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0].message, /longer than \d+ KB/);
  }
});

test('duplicate keys are reported in YAML and JSON; the first one counts', () => {
  const yaml = analysePolicyFile('p.hipaa-notify.yaml', validYaml.replace('  entity:\n', '  entity:\n    role: businessAssociate\n'));
  const duplicates = yaml.findings.filter((f) => f.ruleId === 'HN001');
  assert.equal(duplicates.length, 1);
  assert.match(duplicates[0].message, /appears twice/);
  const json = analysePolicyFile('p.hipaa-notify.json', '{ "apiVersion": "hipaa-notify/v1", "apiVersion": "x" }');
  const jsonDuplicates = json.findings.filter((f) => f.ruleId === 'HN001');
  assert.equal(jsonDuplicates.length, 1);
  assert.match(jsonDuplicates[0].message, /appears twice/);
  assert.equal(jsonDuplicates[0].span.offset, 2 + '"apiVersion": "hipaa-notify/v1", '.length);
});

test('__proto__ keys are data: nothing is polluted and the schema calls them unknown', () => {
  const yaml = '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n';
  const json = '{ "__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } } }';
  for (const [file, source] of [['p.hipaa-notify.yaml', yaml], ['p.hipaa-notify.json', json]]) {
    const tree = readPolicyTree(file, source);
    const plain = toPlainData(tree.root!) as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(plain, '__proto__'), file);
    const findings = analysePolicyFile(file, source).findings;
    assert.ok(findings.some((f) => f.message.startsWith('unknown field `__proto__`')), file);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(plain), null);
  }
});

test('a second YAML document is rejected with a clear message', () => {
  const { problems } = parseYamlDocument(validYaml + '---\nkind: NotificationPolicy\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /holds one YAML document; remove the second one/);
});

test('empty files and broken YAML never throw', () => {
  assert.match(analysePolicyFile('p.hipaa-notify.yaml', '').findings[0].message, /the file is empty/);
  assert.match(analysePolicyFile('p.hipaa-notify.json', '').findings[0].message, /expected a value|empty/);
  for (const source of ['a: [1, 2', 'a: "x', ':::', '- - - ', '{', '? [a]: b', 'a: !!binary xx', '&a a: *a']) {
    for (const file of ['p.hipaa-notify.yaml', 'p.hipaa-notify.json']) assert.doesNotThrow(() => analysePolicyFile(file, source), `${file}: ${source}`);
  }
});

test('JSON policies may carry comments (for suppressions); trailing commas are errors', () => {
  assert.deepEqual(readPolicyTree('p.hipaa-notify.json', '// note\n{ "a": 1 }').problems, []);
  assert.ok(readPolicyTree('p.hipaa-notify.json', '{ "a": 1, }').problems.length > 0);
});

function depthOf(node: PolicyNode): number {
  if (node.kind === 'map') return 1 + Math.max(0, ...node.entries.map((e) => depthOf(e.value)));
  if (node.kind === 'list') return 1 + Math.max(0, ...node.items.map(depthOf));
  return 0;
}

test('trees within the bounds keep their full depth', () => {
  const source = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1\n';
  assert.equal(depthOf(readPolicyTree('p.hipaa-notify.yaml', source).root!), 10);
});

test('a duplicate key inside an aliased mapping is reported once', () => {
  const source = 'x: &m\n  k: 1\n  k: 2\ny: *m\nz: *m\n';
  const duplicates = readPolicyTree('p.hipaa-notify.yaml', source).problems.filter((p) => /appears twice/.test(p.message));
  assert.equal(duplicates.length, 1);
  assert.equal(source.slice(duplicates[0].offset, duplicates[0].offset + duplicates[0].length), 'k');
});

test('a mapping with thousands of keys is read in bounded time (no quadratic duplicate check)', () => {
  const source = 'a:\n' + Array.from({ length: 9000 }, (_, i) => `  k${i}: ${i}`).join('\n') + '\n';
  const started = Date.now();
  analysePolicyFile('p.hipaa-notify.yaml', source);
  assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
});

test('firstTier is the lowest tier number, for the workspace rule HN505', () => {
  const { policy } = analysePolicyFile('p.hipaa-notify.yaml', validYaml.replace('tier: 1', 'tier: 3'));
  assert.equal(firstTier(policy!)?.actionGroup?.value, 'ag-hipaa-privacy-office');
});
