/** A run of text in one file, in UTF-16 code units (what LSP and JavaScript strings count). */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A problem a parser found: where it is and what a person should read. Parsers never throw. */
export interface SyntaxProblem extends Span {
  readonly message: string;
}

/** Syntax problems past this many are not kept (the file gets one problem saying so). */
export const maxSyntaxProblems = 1000;

/** The first `maxSyntaxProblems` of problems sorted by offset, and one saying the rest are left out. */
export function cappedProblems(sorted: SyntaxProblem[]): SyntaxProblem[] {
  if (sorted.length <= maxSyntaxProblems) return sorted;
  const message = `more than ${maxSyntaxProblems} syntax errors: the rest are not reported; fix these first`;
  return [...sorted.slice(0, maxSyntaxProblems), { offset: sorted[maxSyntaxProblems].offset, length: 0, message }];
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}
