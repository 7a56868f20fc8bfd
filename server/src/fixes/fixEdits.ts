import type { Fix, FixIntent } from '../rules/fixIntent';
import type { Finding } from '../rules/finding';
import { bicepEdits } from './bicepEdits';
import { jsonEdits } from './jsonEdits';
import { editsCollide, sameEdit, type TextEdit } from './textEdit';

/** Reads a file's current text (an open editor's buffer or the disk); undefined when it cannot be read. */
export type ReadText = (file: string) => string | undefined;

function intentFile(intent: FixIntent): string {
  switch (intent.kind) {
    case 'replaceValue':
      return intent.at.file;
    case 'setProperty':
      return intent.object.file;
    case 'addItem':
      return intent.array.file;
    case 'addResource':
      return intent.beside.file;
    case 'addParameter':
      return intent.file;
  }
}

/** The files a fix edits. */
export function filesOf(fix: Fix): string[] {
  return [...new Set(fix.intents.map(intentFile))];
}

/**
 * The text edits of a fix, or undefined when any of its intents no longer matches the text (the
 * file changed, the value is computed rather than written): a fix is applied whole or not at all.
 */
export function editsOf(fix: Fix, readText: ReadText): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const intent of fix.intents) {
    const file = intentFile(intent);
    const text = readText(file);
    if (text === undefined) return undefined;
    const own = /\.bicep(param)?$/i.test(file) ? bicepEdits(file, text, intent) : /\.jsonc?$/i.test(file) ? jsonEdits(file, text, intent) : undefined;
    if (!own) return undefined;
    for (const edit of own) {
      if (edits.some((other) => sameEdit(edit, other))) continue;
      if (edits.some((other) => editsCollide(edit, other))) return undefined;
      edits.push(edit);
    }
  }
  return edits;
}

/** The fix `check --fix` and "fix all" may apply without asking: the only one offered, and not one that needs review. */
export function safeFixOf(finding: Finding): Fix | undefined {
  return finding.fixes?.length === 1 && !finding.fixes[0].needsReview ? finding.fixes[0] : undefined;
}

/** The only fix offered, one that needs review included: what a table test proves. */
export function onlyFixOf(finding: Finding): Fix | undefined {
  return finding.fixes?.length === 1 ? finding.fixes[0] : undefined;
}

/**
 * Edits of the given fixes that can be applied together in one pass: a fix whose edits collide
 * with an earlier one waits for the next pass (after re-analysis), identical edits (one value
 * shared by copies of a loop) are applied once.
 */
export function compatibleEdits(fixes: readonly Fix[], readText: ReadText, accept: (fix: Fix) => boolean = () => true): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const fix of fixes) {
    if (!accept(fix)) continue;
    const edits = editsOf(fix, readText);
    if (!edits || edits.length === 0) continue;
    const fresh = edits.filter((edit) => !chosen.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => chosen.some((other) => editsCollide(edit, other)))) continue;
    chosen.push(...fresh);
  }
  return chosen;
}
