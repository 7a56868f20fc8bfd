/** A run of text in one file, in UTF-16 code units (what LSP and JavaScript strings count). */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A problem a parser found: where it is and what a person should read. Parsers never throw. */
export interface SyntaxProblem extends Span {
  readonly message: string;
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}
