/** A change to one file's text, in the jsonc-parser shape plus the file it applies to. */
export interface TextEdit {
  readonly file: string;
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/** Applies non-overlapping edits of one file (any order given). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  return result;
}

/** Whether two edits of the same file touch: overlapping ranges or insertions at the same point. */
export function editsCollide(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.offset === b.offset) return true;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.offset === b.offset && a.length === b.length && a.newText === b.newText;
}
