import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { analysePolicyFile } from '../../../server/src/rules/policy';
import type { Finding } from '../../../server/src/rules/finding';
import { LineMap } from '../../../server/src/syntax/lineMap';

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
}

export function assertValid(c: ValidCase): void {
  const yamlText = edit(validYaml, ...c.edits);
  for (const [file, text] of [['policy.hipaa-notify.yaml', yamlText], ['policy.hipaa-notify.json', toJson(yamlText)]]) {
    const findings = findingsOf(file, text).filter((f) => f.ruleId === c.ruleId);
    assert.deepEqual(findings.map((f) => f.message), [], `${c.name} (${file}) must not report ${c.ruleId}`);
  }
}
