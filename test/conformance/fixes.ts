import * as path from 'node:path';
import { deploymentFolders } from './deploymentFolders';
import { performance } from 'node:perf_hooks';
import { analyseFile } from '../../server/src/analysis';
import { editsOf } from '../../server/src/fixes/fixEdits';
import { applyEdits, type TextEdit } from '../../server/src/fixes/textEdit';
import type { Finding } from '../../server/src/rules/finding';
import type { Fix } from '../../server/src/rules/fixIntent';
import { documentKindOf } from '../../server/src/syntax/documentKind';
import { workspaceRuleFindings } from '../../server/src/workspace/workspaceFindings';
import { diskReader } from '../../server/src/workspace/workspaceReader';


interface RuleTally {
  offered: number;
  applied: number;
  /** The fix's intent no longer matched the text (a computed value, a file that does not parse). */
  notApplicable: number;
  left: number;
  newSyntaxErrors: number;
  newUnresolved: number;
  newOther: number;
  exceptions: number;
}

/**
 * Every fix the rules offer in a corpus, applied one at a time to an in-memory copy of its
 * deployment folder (the corpus is never written) and re-analysed: the finding must go, and
 * no HN001 (or other new finding) may appear. SHOW=1 prints each failure. Exit code 1 on a
 * fix that leaves its finding, a new HN001 or an exception.
 */
export function runFixesConformance(dirs: readonly string[]): number {
  const tallies = new Map<string, RuleTally>();
  const tally = (rule: string) => {
    let t = tallies.get(rule);
    if (!t) tallies.set(rule, (t = { offered: 0, applied: 0, notApplicable: 0, left: 0, newSyntaxErrors: 0, newUnresolved: 0, newOther: 0, exceptions: 0 }));
    return t;
  };
  const show = process.env.SHOW !== undefined;
  const folders = dirs.flatMap(deploymentFolders);
  const started = performance.now();
  for (const folder of folders) {
    let before: readonly Finding[];
    const reader = diskReader(folder);
    try {
      before = workspaceRuleFindings(reader);
    } catch {
      continue; // the rules conformance run reports these
    }
    const seen = new Set<string>();
    for (const finding of before) {
      for (const fix of finding.fixes ?? []) {
        // Copies of a loop share one written value: one fix, one check.
        const key = `${finding.ruleId}\u0000${JSON.stringify(fix.intents)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const t = tally(finding.ruleId);
        t.offered++;
        try {
          const outcome = check(folder, before, finding, fix, (file) => reader.readText(file));
          if (outcome === 'not applicable') {
            t.notApplicable++;
            continue;
          }
          t.applied++;
          if (outcome.left) t.left++;
          t.newSyntaxErrors += outcome.syntaxErrors;
          t.newUnresolved += outcome.unresolved;
          t.newOther += outcome.other.length;
          if (show && (outcome.left || outcome.syntaxErrors > 0 || outcome.unresolved > 0 || outcome.other.length > 0)) {
            console.log(`fixes: ${finding.ruleId} ${path.relative(process.cwd(), finding.file)} '${fix.title}': ${outcome.left ? "finding left; " : ""}${outcome.syntaxErrors} HN001, ${outcome.unresolved} HN002; new: ${outcome.other.join(' | ')}`);
          }
        } catch (error) {
          t.exceptions++;
          console.log(`fixes: EXCEPTION ${finding.ruleId} ${finding.file}\n${error instanceof Error ? error.stack : String(error)}`);
        }
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  let failures = 0;
  console.log(`fixes: ${folders.length} deployment folders, ${seconds} s`);
  console.log('  rule   offered applied not-applicable left-finding new-HN001 new-HN002 new-other exceptions');
  for (const [rule, t] of [...tallies].sort()) {
    failures += t.left + t.newSyntaxErrors + t.exceptions;
    console.log(`  ${rule}  ${[t.offered, t.applied, t.notApplicable, t.left, t.newSyntaxErrors, t.newUnresolved, t.newOther, t.exceptions].map((n) => String(n).padStart(8)).join(' ')}`);
  }
  console.log(`fixes: ${failures} failures (fixes that leave their finding, new HN001, exceptions)`);
  return failures === 0 ? 0 : 1;
}

type Outcome = 'not applicable' | { left: boolean; syntaxErrors: number; unresolved: number; other: string[] };

function check(folder: string, before: readonly Finding[], finding: Finding, fix: Fix, readText: (file: string) => string | undefined): Outcome {
  const edits = editsOf(fix, readText);
  if (!edits || edits.length === 0) return 'not applicable';
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const fixed = new Map<string, string>();
  for (const [file, fileEdits] of byFile) fixed.set(file, applyEdits(readText(file) ?? '', fileEdits));
  const reader = diskReader(folder, (file) => fixed.get(file));
  const after = workspaceRuleFindings(reader);
  const key = (f: Finding) => `${f.ruleId} ${f.file}: ${f.message}`;
  const count = (list: readonly Finding[], k: string) => list.filter((f) => key(f) === k).length;
  const left = count(after, key(finding)) >= count(before, key(finding));
  const earlier = new Map<string, number>();
  for (const f of before) earlier.set(key(f), (earlier.get(key(f)) ?? 0) + 1);
  const other: string[] = [];
  for (const f of after) {
    const k = key(f);
    const remaining = earlier.get(k) ?? 0;
    if (remaining > 0) earlier.set(k, remaining - 1);
    else other.push(`${f.ruleId} ${path.basename(f.file)}: ${f.message}`);
  }
  // Syntax and references, of the edited files only, before and after.
  let syntaxErrors = 0;
  let unresolved = 0;
  for (const [file, text] of fixed) {
    const original = readText(file) ?? '';
    const was = analyseFile({ file, text: original }, documentKindOf(file, original), { workspaceRoot: folder, reader: diskReader(folder) });
    const now = analyseFile({ file, text }, documentKindOf(file, text), { workspaceRoot: folder, reader });
    const of = (list: readonly Finding[], rule: string) => list.filter((f) => f.ruleId === rule).length;
    syntaxErrors += Math.max(0, of(now, 'HN001') - of(was, 'HN001'));
    unresolved += Math.max(0, of(now, 'HN002') - of(was, 'HN002'));
  }
  return { left, syntaxErrors, unresolved, other };
}
