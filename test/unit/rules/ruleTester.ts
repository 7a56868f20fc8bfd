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
import type { Finding } from '../../../server/src/rules/finding';
import { fixUntilStable } from '../../../server/src/fixes/fixFiles';
import { onlyFixOf } from '../../../server/src/fixes/fixEdits';
import { diffLines } from 'diff';

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
  /**
   * The text of every file the rule's fixes change, after applying them (like typescript-eslint's
   * `output`). Omitted: the case must offer no safe fix. Files not listed must stay as they are.
   */
  readonly output?: Files;
  /** The output stated as rewrites of the input: per file, each `[from, to]` (from occurring once). */
  readonly rewrites?: { readonly [file: string]: ReadonlyArray<readonly [string, string]> };
  /**
   * Where a finding offers several fixes (a choice the editor shows, `check --fix` never makes):
   * the title of the one to apply, as the user picking it would. Without it only a finding's only fix applies.
   */
  readonly choose?: string;
}

function expectedOutput(c: InvalidCase): Files | undefined {
  if (c.output === undefined && c.rewrites === undefined) return undefined;
  const result: Record<string, string> = { ...c.output };
  for (const [file, rewrites] of Object.entries(c.rewrites ?? {})) result[file] = rewrites.reduce((text, [from, to]) => rewritten(text, from, to), c.files[file]);
  return result;
}

/** What changed from `before` to `after`: a rewrite per changed line when lines were only changed, else one per changed block of lines. */
function rewritesOf(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length === b.length) {
    const rewrites = a.flatMap((line, i) => (line === b[i] ? [] : regionRewrite(line, b[i])));
    if (rewrites.every(([from]) => before.split(from).length === 2)) return rewrites;
  }
  const rewrites: Array<[string, string]> = [];
  // Rewrites apply one after another: each must occur once in the text the earlier ones left.
  let current = before;
  let kept = '';
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      kept += part.value;
      continue;
    }
    const removed = part.removed ? part.value : '';
    const added = part.removed ? (parts[i + 1]?.added ? parts[++i].value : '') : part.value;
    // Anchor on the lines before the change until the text it replaces occurs once.
    const lines = kept.split('\n').slice(0, -1);
    let context = '';
    while ((context + removed).length === 0 || current.split(context + removed).length !== 2) {
      if (lines.length === 0) return regionRewrite(before, after);
      context = `${lines.pop()}\n${context}`;
    }
    rewrites.push([context + removed, context + added]);
    current = current.split(context + removed).join(context + added);
    kept += removed;
  }
  return rewrites;
}

/** One rewrite widened to whole words, then lines, until it occurs once. */
function regionRewrite(before: string, after: string): Array<[string, string]> {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const boundary = /[\s'"]/;
  while (start > 0 && !boundary.test(before[start - 1])) start--;
  while (end > 0 && !boundary.test(before[before.length - end])) end--;
  const from = () => before.slice(start, before.length - end);
  while ((from().length === 0 || before.split(from()).length !== 2) && (start > 0 || end > 0)) {
    if (start > 0) start = before.lastIndexOf('\n', start - 2) + 1;
    else end = Math.max(0, before.length - before.indexOf('\n', before.length - end + 1));
  }
  return [[from(), after.slice(start, after.length - end)]];
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

/** Every finding of every file of the workspace, with the texts `readText` gives (edited ones win over the disk). */
function workspaceFindings(folder: string, names: readonly string[], readText: (file: string) => string | undefined): Finding[] {
  const reader = diskReader(folder, readText);
  return names.flatMap((name) => {
    const file = path.join(folder, name);
    const text = readText(file) ?? '';
    return analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: folder, reader });
  });
}

/** Findings as a multiset of rule, file and message (offsets move when a fix edits text). */
function tally(findings: readonly Finding[], folder: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.ruleId} ${path.relative(folder, finding.file)}: ${finding.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Applies the rule's fixes to the case's workspace until nothing more applies, and checks what
 * typescript-eslint's RuleTester checks plus a re-analysis: (a) each fixed finding is gone, (b) no
 * new finding of any rule (HN001/HN002 included), (c) the text equals `output`, (d) fixing the
 * output again changes nothing.
 */
function checkFix(rule: Rule, c: InvalidCase): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `hn-fix-${rule.id}-`));
  try {
    const names = Object.keys(c.files);
    for (const [name, text] of Object.entries(c.files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    const onDisk = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
    const before = workspaceFindings(folder, names, onDisk);
    const offered = before.filter((finding) => finding.ruleId === rule.id && (finding.fixes?.length ?? 0) > 0);
    if (offered.length > 0 && !rule.fix) assert.fail(`${rule.id} offers fixes but does not declare one (defineRule's fix option)`);
    const fixOf = (finding: Finding) => onlyFixOf(finding) ?? (c.choose === undefined ? undefined : finding.fixes?.find((f) => f.title === c.choose));
    if (c.choose !== undefined) assert.ok(offered.some((finding) => (finding.fixes?.length ?? 0) > 1 && finding.fixes!.some((f) => f.title === c.choose)), `no finding offers '${c.choose}' among several fixes`);
    const run = fixUntilStable(onDisk, (readText) => workspaceFindings(folder, names, readText), { accept: (finding) => finding.ruleId === rule.id, fixOf });
    const changed = Object.fromEntries([...run.changed].filter(([file, text]) => text !== onDisk(file)).map(([file, text]) => [path.relative(folder, file), text]));
    // HN_PRINT_FIXES=file collects what the fixes did, to review and state as a new case's rewrites.
    if (process.env.HN_PRINT_FIXES) for (const [name, text] of Object.entries(changed)) fs.appendFileSync(process.env.HN_PRINT_FIXES, `${JSON.stringify({ rule: rule.id, case: c.name, file: name, rewrites: rewritesOf(c.files[name], text) })}\n`);
    const output = expectedOutput(c);
    if (output === undefined) {
      assert.deepEqual(changed, {}, `the fixes of this case change files: state the expected text as \`output\``);
      return;
    }
    assert.deepEqual(changed, output, '(c) the fixed text');
    const current = (file: string) => run.changed.get(file) ?? onDisk(file);
    const after = workspaceFindings(folder, names, current);
    const fixedBefore = tally(offered.filter((finding) => fixOf(finding) !== undefined), folder);
    const remaining = tally(after.filter((finding) => finding.ruleId === rule.id), folder);
    for (const key of fixedBefore.keys()) assert.ok(!remaining.has(key), `(a) the fixed finding is still reported: ${key}`);
    const earlier = tally(before, folder);
    for (const [key, count] of tally(after, folder)) assert.ok(count <= (earlier.get(key) ?? 0), `(b) the fix introduced a finding: ${key}`);
    const again = fixUntilStable(current, (readText) => workspaceFindings(folder, names, readText), { accept: (finding) => finding.ruleId === rule.id, fixOf });
    assert.equal(again.changed.size, 0, `(d) fixing the output again changes ${[...again.changed.keys()].map((file) => path.relative(folder, file)).join(', ')}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function usesBicep(files: Files): boolean {
  return Object.keys(files).some((name) => /\.bicep(param)?$/.test(name));
}

/** typescript-eslint style table test: valid cases report nothing, invalid ones exactly the expected findings. */
/**
 * `supplementary`: a second table of a rule whose own table (hnNNN.test.ts) proves its fix in both
 * syntaxes; its rows still prove every fix they offer.
 */
export function testRule(rule: Rule, table: RuleTable, options: { readonly supplementary?: boolean } = {}): void {
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
    test(`${rule.id} fix: ${c.name}`, { todo }, () => checkFix(rule, c));
  }
  if (rule.fix && !options.supplementary) test(`${rule.id} declares a fix: table rows prove it in Bicep and in ARM JSON`, () => assert.deepEqual(fixProofGaps(rule, table), []));
}

/** What a rule that declares a fix lacks in its table: an invalid case whose output is a fixed Bicep file, and one for ARM JSON. */
export function fixProofGaps(rule: Rule, table: RuleTable): string[] {
  if (!rule.fix) return [];
  const outputs = table.invalid.flatMap((c) => Object.keys(expectedOutput(c) ?? {}));
  const gaps: string[] = [];
  if (!outputs.some((name) => /\.bicep(param)?$/.test(name))) gaps.push(`${rule.id} has no invalid case whose output is a fixed Bicep file`);
  if (!outputs.some((name) => name.endsWith('.json'))) gaps.push(`${rule.id} has no invalid case whose output is a fixed ARM JSON file`);
  return gaps;
}

/** `text` with `from`, which must occur exactly once, written as `to`: states a fix's expected output next to its input. */
export function rewritten(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`'${from}' occurs ${parts.length - 1} times, not once`);
  return parts.join(to);
}

/** The titles of the fixes each finding of `ruleId` offers in a small workspace (what the editor lists, choices included). */
export function offeredFixTitles(ruleId: string, files: Files): string[][] {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `hn-offered-${ruleId}-`));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    const onDisk = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
    return workspaceFindings(folder, Object.keys(files), onDisk)
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => (finding.fixes ?? []).map((f) => f.title));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
