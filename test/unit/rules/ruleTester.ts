import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseFile } from '../../../server/src/analysis';
import { documentKindOf } from '../../../server/src/syntax/documentKind';
import { LineMap } from '../../../server/src/syntax/lineMap';
import { templateModelOf } from '../../../server/src/workspace/templateModels';
import { diskReader } from '../../../server/src/workspace/workspaceReader';
import type { Rule } from '../../../server/src/rules/rule';

/** A small workspace: file name -> text. A `*.hipaa-notify.yaml` file switches workspace rules on. */
export type Files = Readonly<Record<string, string>>;

export interface ValidCase {
  readonly name: string;
  readonly files: Files;
}

export interface ExpectedFinding {
  readonly file: string;
  /** 1-based line of the finding's start. */
  readonly line: number;
  readonly message: RegExp;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** A minimal compliant policy, for workspace rules. */
export const minimalPolicy = `apiVersion: hipaa-notify/v1
kind: NotificationPolicy
metadata:
  name: rule-test
spec:
  entity:
    role: coveredEntity
    timeZone: America/Chicago
  discovery: []
  escalation: []
  deadlines:
    individuals: P60D
  auditTrail:
    workspace: law-hipaa-audit
    retentionDays: 2190
`;

export const armSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** An ARM template holding `resources` (JSON text of the array items) and optional parameters/variables. */
export function armTemplate(resources: string, extra: { parameters?: string; variables?: string } = {}): string {
  return `{
  "$schema": "${armSchema}",
  "contentVersion": "1.0.0.0",
  "parameters": {${extra.parameters ?? ''}},
  "variables": {${extra.variables ?? ''}},
  "resources": [
${resources}
  ]
}
`;
}

let bicepModeled: boolean | undefined;
/** Bicep cases run once Bicep templates are lowered into the model. */
export function isBicepModeled(): boolean {
  if (bicepModeled === undefined) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-probe-'));
    const model = templateModelOf(path.join(folder, 'main.bicep'), "resource ag 'Microsoft.Insights/actionGroups@2023-01-01' = {\n  name: 'x'\n  location: 'Global'\n}\n", diskReader(folder));
    bicepModeled = model?.complete === true && model.resources.length === 1;
  }
  return bicepModeled;
}

function findingsOf(rule: Rule, files: Files): Array<{ file: string; line: number; message: string }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `hn-${rule.id}-`));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    const reader = diskReader(folder);
    const result: Array<{ file: string; line: number; message: string }> = [];
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(folder, name);
      const lines = new LineMap(text);
      for (const finding of analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: folder, reader })) {
        if (finding.ruleId !== rule.id) continue;
        result.push({ file: name, line: lines.positionAt(finding.span.offset).line + 1, message: finding.message });
      }
    }
    return result.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function usesBicep(files: Files): boolean {
  return Object.keys(files).some((name) => /\.bicep(param)?$/.test(name));
}

/** typescript-eslint style table test: valid cases report nothing, invalid ones exactly the expected findings. */
export function testRule(rule: Rule, table: RuleTable): void {
  for (const c of table.valid) {
    const todo = usesBicep(c.files) && !isBicepModeled() ? 'Bicep lowering is not wired into the model yet' : undefined;
    test(`${rule.id} valid: ${c.name}`, { todo }, () => {
      assert.deepEqual(findingsOf(rule, c.files), []);
    });
  }
  for (const c of table.invalid) {
    const todo = usesBicep(c.files) && !isBicepModeled() ? 'Bicep lowering is not wired into the model yet' : undefined;
    test(`${rule.id} invalid: ${c.name}`, { todo }, () => {
      const actual = findingsOf(rule, c.files);
      assert.equal(actual.length, c.findings.length, `expected ${c.findings.length} finding(s), got:\n${actual.map((f) => `${f.file}:${f.line} ${f.message}`).join('\n')}`);
      c.findings.forEach((expected, i) => {
        assert.equal(actual[i].file, expected.file);
        assert.equal(actual[i].line, expected.line, `line of: ${actual[i].message}`);
        assert.match(actual[i].message, expected.message);
      });
    });
  }
}
