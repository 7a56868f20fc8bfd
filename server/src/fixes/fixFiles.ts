import type { Finding } from '../rules/finding';
import type { Fix } from '../rules/fixIntent';
import { editsOf, safeFixOf } from './fixEdits';
import { applyEdits, editsCollide, sameEdit, type TextEdit } from './textEdit';

/** Most passes of fix-then-reanalyse; real fixes settle in two or three. */
export const maxFixPasses = 10;

export interface FixRun {
  /** Texts after fixing, for every file that changed. */
  readonly changed: ReadonlyMap<string, string>;
  /** How many findings' fixes were applied, per rule. */
  readonly appliedByRule: ReadonlyMap<string, number>;
  readonly passes: number;
}

/**
 * Applies the safe fix of every finding (one offered; several mean the user must choose),
 * re-analysing between passes until nothing more applies. `analyse` sees the current texts;
 * `canEdit` keeps fixes inside the files the caller may change.
 */
export function fixUntilStable(
  readText: (file: string) => string | undefined,
  analyse: (readText: (file: string) => string | undefined) => readonly Finding[],
  options: { readonly canEdit?: (file: string) => boolean; readonly accept?: (finding: Finding) => boolean; readonly fixOf?: (finding: Finding) => Fix | undefined } = {},
): FixRun {
  const changed = new Map<string, string>();
  const appliedByRule = new Map<string, number>();
  const current = (file: string) => changed.get(file) ?? readText(file);
  let passes = 0;
  while (passes < maxFixPasses) {
    const fixOf = options.fixOf ?? safeFixOf;
    const findings = analyse(current).filter((finding) => fixOf(finding) && (options.accept?.(finding) ?? true));
    const applied: Finding[] = [];
    const edits: TextEdit[] = [];
    for (const finding of findings) {
      const own = editsOf(fixOf(finding)!, current);
      if (!own || own.length === 0 || own.some((edit) => options.canEdit && !options.canEdit(edit.file))) continue;
      const fresh = own.filter((edit) => !edits.some((other) => sameEdit(edit, other)));
      if (fresh.some((edit) => edits.some((other) => editsCollide(edit, other)))) continue;
      edits.push(...fresh);
      applied.push(finding);
    }
    if (edits.length === 0) break;
    passes++;
    const byFile = new Map<string, TextEdit[]>();
    for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    for (const [file, fileEdits] of byFile) {
      const text = current(file);
      if (text !== undefined) changed.set(file, applyEdits(text, fileEdits));
    }
    for (const finding of applied) appliedByRule.set(finding.ruleId, (appliedByRule.get(finding.ruleId) ?? 0) + 1);
  }
  return { changed, appliedByRule, passes };
}
