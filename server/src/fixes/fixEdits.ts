import type { Fix, FixIntent } from '../rules/fixIntent';
import type { Finding } from '../rules/finding';
import { bicepEdits } from './bicepEdits';
import { jsonEdits } from './jsonEdits';
import { yamlEdits } from './yamlEdits';
import { diffLines } from 'diff';
import type { Origin } from '../model/value';
import { applyEdits, editsCollide, sameEdit, type TextEdit } from './textEdit';

/** Reads a file's current text (an open editor's buffer or the disk); undefined when it cannot be read. */
export type ReadText = (file: string) => string | undefined;

function intentFile(intent: FixIntent): string {
  switch (intent.kind) {
    case 'replaceValue':
    case 'replaceStart':
      return intent.at.file;
    case 'setProperty':
      return intent.object.file;
    case 'addItem':
      return intent.array.file;
    case 'addResource':
      return intent.beside.file;
    case 'addParameter':
      return intent.near.file;
  }
}

/**
 * The text edits of a fix, or undefined when any of its intents no longer matches the text (the
 * file changed, the value is computed rather than written): a fix is applied whole or not at all.
 * Its intents apply one after another (each sees the text the earlier ones left, its origin
 * moved along), so several may touch the same object; the result is given as the changed lines
 * of each file.
 */
export function editsOf(fix: Fix, readText: ReadText): TextEdit[] | undefined {
  const original = new Map<string, string>();
  const current = new Map<string, string>();
  const applied = new Map<string, Array<{ offset: number; length: number; delta: number }>>();
  for (const intent of fix.intents) {
    const file = intentFile(intent);
    if (!current.has(file)) {
      const text = readText(file);
      if (text === undefined) return undefined;
      original.set(file, text);
      current.set(file, text);
      applied.set(file, []);
    }
    const moved = movedIntent(intent, applied.get(file)!);
    if (!moved) return undefined;
    const text = current.get(file)!;
    const own = /\.bicep(param)?$/i.test(file) ? bicepEdits(file, text, moved) : /\.jsonc?$/i.test(file) ? jsonEdits(file, text, moved) : /\.ya?ml$/i.test(file) ? yamlEdits(file, text, moved) : undefined;
    if (!own) return undefined;
    const unique = own.filter((edit, i) => own.findIndex((other) => sameEdit(edit, other)) === i);
    if (unique.some((edit, i) => unique.some((other, j) => i !== j && editsCollide(edit, other)))) return undefined;
    current.set(file, applyEdits(text, unique));
    // Later intents' origins are in the original text: remember how each edit moved what follows.
    for (const edit of [...unique].sort((a, b) => a.offset - b.offset)) applied.get(file)!.push({ offset: edit.offset, length: edit.length, delta: edit.newText.length - edit.length });
  }
  const edits: TextEdit[] = [];
  for (const [file, text] of current) edits.push(...lineEdits(file, original.get(file)!, text));
  return edits;
}

/** The intent with its origin moved past the edits applied before it; undefined when an edit cut through it. */
function movedIntent(intent: FixIntent, edits: ReadonlyArray<{ offset: number; length: number; delta: number }>): FixIntent | undefined {
  const move = (origin: Origin): Origin | undefined => {
    let { offset, length } = origin.span;
    for (const edit of edits) {
      const end = offset + length;
      // An insertion right at the start of the origin comes before it; one right at its end, after it.
      if (edit.offset + edit.length <= offset) offset += edit.delta;
      else if (edit.offset >= offset && edit.offset + edit.length <= end && !(edit.length === 0 && edit.offset === end)) length += edit.delta;
      else if (edit.offset >= end) continue;
      else return undefined;
    }
    return { file: origin.file, span: { offset, length } };
  };
  switch (intent.kind) {
    case 'replaceValue':
    case 'replaceStart': {
      const at = move(intent.at);
      return at && { ...intent, at };
    }
    case 'setProperty': {
      const object = move(intent.object);
      return object && { ...intent, object };
    }
    case 'addItem': {
      const array = move(intent.array);
      return array && { ...intent, array };
    }
    case 'addResource': {
      const beside = move(intent.beside);
      return beside && { ...intent, beside };
    }
    case 'addParameter': {
      const near = move(intent.near);
      return near && { ...intent, near };
    }
  }
}

/** `before` -> `after` as one edit per changed block of lines, offsets in `before`. */
function lineEdits(file: string, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const edits: TextEdit[] = [];
  let offset = 0;
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      offset += part.value.length;
      continue;
    }
    const removed = part.removed ? part.value : '';
    const added = part.removed ? (parts[i + 1]?.added ? parts[++i].value : '') : part.value;
    edits.push({ file, offset, length: removed.length, newText: added });
    offset += removed.length;
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
