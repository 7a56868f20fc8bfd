import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { analysePolicyFile } from '../../../server/src/rules/policy';
import type { Finding } from '../../../server/src/rules/finding';
import { LineMap } from '../../../server/src/syntax/lineMap';
import * as os from 'node:os';
import * as path from 'node:path';
import { onlyFixOf } from '../../../server/src/fixes/fixEdits';
import { fixUntilStable } from '../../../server/src/fixes/fixFiles';

/** A policy with no findings, the starting point of every case. */
export const validYaml = `apiVersion: hipaa-notify/v1
kind: NotificationPolicy
metadata:
  name: contoso-breach-notification
  description: Breach and audit-failure notification for the claims platform
spec:
  entity:
    role: coveredEntity
    timeZone: America/Chicago
  discovery:
    - source: azurePolicy
      states: [NonCompliant]
    - source: defenderForCloud
      minimumSeverity: Medium
    - source: activityLog
      categories: [Administrative, Security, Policy]
    - source: logQuery
      name: phi-bulk-export
  escalation:
    - tier: 1
      within: PT15M
      actionGroup: ag-hipaa-tier1
      recipients:
        - entraGroup: 7f3c2a1e-0d5b-4c1a-9f8e-2b6d4e8a1c3f
        - armRole: Monitoring Contributor
    - tier: 2
      within: PT4H
      actionGroup: ag-hipaa-privacy-office
      recipients:
        - entraGroup: 0b9d8c7e-6f5a-4b3c-8d2e-1a0f9e8d7c6b
  deadlines:
    individuals: P60D
    media: P60D
    hhs: P60D
  auditTrail:
    workspace: law-hipaa-audit
    retentionDays: 2190
`;

/** The same policy as JSON, two-space indented, as people write `.hipaa-notify.json`. */
export function toJson(yamlText: string): string {
  return JSON.stringify(parse(yamlText), null, 2) + '\n';
}

/** Replaces each `from` (which must occur exactly once) by `to`. */
export function edit(text: string, ...edits: readonly (readonly [string, string])[]): string {
  let result = text;
  for (const [from, to] of edits) {
    assert.equal(result.split(from).length, 2, `edit target ${JSON.stringify(from)} must occur once`);
    result = result.replace(from, to);
  }
  return result;
}

export interface InvalidCase {
  readonly name: string;
  readonly edits: readonly (readonly [string, string])[];
  readonly ruleId: string;
  /** The text the finding covers in YAML; in JSON the same key or value as JSON writes it. */
  readonly at: string;
  /** 1-based line in the YAML form. */
  readonly line: number;
  readonly message: RegExp;
  /** What `at` looks like in the JSON form, when not JSON.stringify(at). */
  readonly atJson?: string;
  /** In the JSON form, `at` is the first occurrence after this text. */
  readonly jsonAfter?: string;
  /** The rule's fix writes this YAML in place of `at` (the JSON form is checked the same way); omitted: no fix applies. */
  readonly fixed?: string;
}

export interface ValidCase {
  readonly name: string;
  readonly edits: readonly (readonly [string, string])[];
  /** The rule that must stay silent (others may report, e.g. HN500 for a form the schema rejects). */
  readonly ruleId: string;
}

export function findingsOf(file: string, text: string): Finding[] {
  return analysePolicyFile(file, text).findings;
}

export const spanText = (text: string, finding: Finding) => text.slice(finding.span.offset, finding.span.offset + finding.span.length);

/** Checks one invalid case in YAML and in JSON: one finding of the rule, on `at`, at the line, with the message. */
export function assertInvalid(c: InvalidCase): void {
  const yamlText = edit(validYaml, ...c.edits);
  const forms: [string, string, string, number][] = [['policy.hipaa-notify.yaml', yamlText, c.at, c.line]];
  const jsonText = toJson(yamlText);
  const jsonAt = c.atJson ?? (/^\d+$/.test(c.at) ? c.at : JSON.stringify(c.at));
  const jsonIndex = jsonText.indexOf(jsonAt, c.jsonAfter ? jsonText.indexOf(c.jsonAfter) : 0);
  assert.ok(jsonIndex >= 0, `${c.name}: ${jsonAt} in the JSON form`);
  forms.push(['policy.hipaa-notify.json', jsonText, jsonAt, new LineMap(jsonText).positionAt(jsonIndex).line + 1]);
  for (const [file, text, at, line] of forms) {
    const findings = findingsOf(file, text).filter((f) => f.ruleId === c.ruleId);
    const where = `${c.name} (${file})`;
    assert.equal(findings.length, 1, `${where}: one ${c.ruleId}, got ${JSON.stringify(findings.map((f) => f.message))}`);
    const [finding] = findings;
    assert.equal(spanText(text, finding), at, `${where}: span`);
    assert.equal(new LineMap(text).positionAt(finding.span.offset).line + 1, line, `${where}: line`);
    assert.match(finding.message, c.message, where);
  }
  const fixedYaml = c.fixed === undefined ? undefined : yamlText.slice(0, yamlText.indexOf(c.at)) + c.fixed + yamlText.slice(yamlText.indexOf(c.at) + c.at.length);
  assertFix(c, 'policy.hipaa-notify.yaml', yamlText, fixedYaml);
  assertFix(c, 'policy.hipaa-notify.json', jsonText, fixedYaml === undefined ? undefined : toJson(fixedYaml));
}

/**
 * The rule's fixes applied to one form until nothing more applies: the text must equal
 * `expected` (or stay as it is when undefined), the finding must go, no other finding may
 * appear, and fixing again changes nothing.
 */
function assertFix(c: InvalidCase, name: string, text: string, expected: string | undefined): void {
  const file = path.join(os.tmpdir(), name);
  const accept = (finding: Finding) => finding.ruleId === c.ruleId;
  const run = fixUntilStable((f) => (f === file ? text : undefined), (read) => findingsOf(file, read(file) ?? ''), { accept, fixOf: onlyFixOf });
  const fixed = run.changed.get(file) ?? text;
  const where = `${c.name} (${name}) fix`;
  assert.equal(fixed, expected ?? text, `${where}: ${expected === undefined ? 'no fix applies' : 'the fixed text'}`);
  if (expected === undefined) return;
  const before = findingsOf(file, text).map((f) => `${f.ruleId} ${f.message}`);
  const after = findingsOf(file, fixed).map((f) => `${f.ruleId} ${f.message}`);
  assert.ok(!after.some((f) => f.startsWith(`${c.ruleId} `)), `${where}: the finding is gone, left: ${after.join(' | ')}`);
  for (const finding of after) assert.ok(before.includes(finding), `${where}: new finding ${finding}`);
  const again = fixUntilStable((f) => (f === file ? fixed : undefined), (read) => findingsOf(file, read(file) ?? ''), { accept, fixOf: onlyFixOf });
  assert.equal(again.changed.size, 0, `${where}: fixing again changes nothing`);
}

export function assertValid(c: ValidCase): void {
  const yamlText = edit(validYaml, ...c.edits);
  for (const [file, text] of [['policy.hipaa-notify.yaml', yamlText], ['policy.hipaa-notify.json', toJson(yamlText)]]) {
    const findings = findingsOf(file, text).filter((f) => f.ruleId === c.ruleId);
    assert.deepEqual(findings.map((f) => f.message), [], `${c.name} (${file}) must not report ${c.ruleId}`);
  }
}
