import { maxSyntaxProblems, type SyntaxProblem } from '../span';
import type { TokenStream } from './lexer';
import type { Identifier, Node, Skipped } from './syntaxTree';
import { declarationKeywords } from './keywords';
import { TokenKind } from './tokens';
import { adoptChildren } from './walk';

/** Thrown (as a plain object: no stack trace to capture) where the input does not fit; caught by `withRecovery`. */
export class ParseFailure {
  constructor(
    readonly offset: number,
    readonly length: number,
    readonly message: string,
  ) {}
}

export const enum ExpressionFlags {
  None = 0,
  /** Objects and arrays may appear (not inside `${...}` holes). */
  AllowComplexLiterals = 1,
  /** Nested `resource` declarations may appear among object properties. */
  AllowResourceDeclarations = 2,
}

/** A set of token kinds (all < 16) as a bit mask. */
export function stops(...kinds: TokenKind[]): number {
  let mask = 0;
  for (const kind of kinds) mask |= 1 << kind;
  return mask;
}

/** Deeper nesting than this is reported once and the rest of the declaration skipped. */
export const maxNestingDepth = 128;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Token reading, error reporting and recovery shared by the expression, type and declaration
 * parsers. Recovery follows Bicep's: a failure unwinds to the nearest `withRecovery`, which skips
 * to one of its stop tokens and leaves one problem and one Skipped node behind.
 */
export class ParserBase {
  protected pos = 0;
  protected readonly kinds: Uint8Array;
  protected readonly starts: Int32Array;
  protected readonly ends: Int32Array;
  protected readonly info: Int32Array;
  readonly problems: SyntaxProblem[] = [];
  protected depth = 0;
  /** Tokens at or after the fence read as end of file (used to abandon too-deep nesting). */
  private fence = Number.MAX_SAFE_INTEGER;
  private bailing = false;
  private readonly lexProblemOffsets: Set<number>;
  private lastProblemOffset = -1;
  private newLineCounts: Int32Array | undefined;

  constructor(
    protected readonly text: string,
    tokens: TokenStream,
  ) {
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.info = tokens.info;
    // where the lexer's problems start and end: a parser error there repeats the same mistake
    this.lexProblemOffsets = new Set(tokens.problems.flatMap((p) => [p.offset, p.offset + p.length]));
  }

  // ---- reading ----

  protected peek(): TokenKind {
    return this.pos < this.fence ? this.kinds[this.pos] : TokenKind.EndOfFile;
  }

  protected kindAt(index: number): TokenKind {
    return index < this.fence && index < this.kinds.length ? this.kinds[index] : TokenKind.EndOfFile;
  }

  /** Index of the next token that is not a newline. */
  protected indexSkippingNewLines(from = this.pos): number {
    return this.kindAt(from) === TokenKind.NewLine ? from + 1 : from;
  }

  protected check(kind: TokenKind): boolean {
    return this.peek() === kind;
  }

  protected isAtEnd(): boolean {
    return this.peek() === TokenKind.EndOfFile;
  }

  /** Consumes the current token and returns its index. */
  protected read(): number {
    const index = this.pos;
    if (this.peek() !== TokenKind.EndOfFile) this.pos++;
    return index;
  }

  protected skipNewLines(): void {
    while (this.peek() === TokenKind.NewLine) this.pos++;
  }

  /**
   * How many line-break tokens come before token `index`: two tokens are on one line when the
   * counts are equal. Built on first use (only recovery asks), so the question costs O(1) instead
   * of a scan back along the line, which made a long line of stray brackets quadratic.
   */
  protected newLinesBefore(index: number): number {
    if (this.newLineCounts === undefined) {
      const counts = new Int32Array(this.kinds.length + 1);
      let seen = 0;
      for (let i = 0; i < this.kinds.length; i++) {
        counts[i] = seen;
        if (this.kinds[i] === TokenKind.NewLine) seen++;
      }
      counts[this.kinds.length] = seen;
      this.newLineCounts = counts;
    }
    return this.newLineCounts[Math.min(Math.max(index, 0), this.kinds.length)];
  }

  protected textOf(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  protected isKeywordAt(index: number, keyword: string): boolean {
    return (
      this.kindAt(index) === TokenKind.Identifier &&
      this.ends[index] - this.starts[index] === keyword.length &&
      this.text.startsWith(keyword, this.starts[index])
    );
  }

  protected checkKeyword(keyword: string): boolean {
    return this.isKeywordAt(this.pos, keyword);
  }

  /** End offset of the last consumed token (start of the current one if none). */
  protected lastEnd(): number {
    return this.pos > 0 ? this.ends[this.pos - 1] : 0;
  }

  // ---- failing and reporting ----

  /** A failure at the current token: the span of the token, or an empty span for a newline or the end. */
  protected failure(message: string, index = this.pos): ParseFailure {
    const kind = this.kindAt(index);
    if (kind === TokenKind.NewLine || kind === TokenKind.EndOfFile || index >= this.kinds.length) {
      const at = index < this.kinds.length ? this.starts[index] : this.text.length;
      return new ParseFailure(at, 0, message);
    }
    return new ParseFailure(this.starts[index], this.ends[index] - this.starts[index], message);
  }

  protected fail(message: string, index = this.pos): never {
    throw this.failure(message, index);
  }

  protected expect(kind: TokenKind, message: string): number {
    if (this.peek() === kind) return this.read();
    return this.fail(message);
  }

  protected expectKeyword(keyword: string, message: string): number {
    if (this.checkKeyword(keyword)) return this.read();
    return this.fail(message);
  }

  protected report(offset: number, length: number, message: string): void {
    if (this.bailing) return;
    // the lexer already reported this spot, and one problem per mistake is enough
    if (this.lexProblemOffsets.has(offset) || offset === this.lastProblemOffset) return;
    // one past the bound, so that parseBicep can tell the file has more
    if (this.problems.length > maxSyntaxProblems) return;
    this.lastProblemOffset = offset;
    this.problems.push({ offset, length, message });
  }

  // ---- nodes ----

  /**
   * Positions a node built as a literal with every field (offset, length and parent included, so
   * each kind keeps one object shape), and adopts its children.
   */
  protected node<T extends Node>(fields: T, offset: number, end: number): T {
    const node = fields as Mutable<T>;
    node.offset = offset;
    node.length = end - offset;
    node.parent = undefined;
    adoptChildren(node as T);
    return node as T;
  }

  protected skipped(offset: number, end: number): Skipped {
    return { kind: 'Skipped', offset, length: end - offset, parent: undefined };
  }

  /** An empty Skipped node at the current token, reporting `message` there if given. */
  protected skipEmpty(message?: string): Skipped {
    // while abandoning deep nesting the current token lies beyond the enclosing nodes: stay where they end
    const at = this.bailing
      ? this.lastEnd()
      : this.kindAt(this.pos) === TokenKind.EndOfFile || this.pos >= this.kinds.length ? this.text.length : this.starts[this.pos];
    if (message !== undefined) {
      const failure = this.failure(message);
      this.report(failure.offset, failure.length, failure.message);
    }
    return this.skipped(at, at);
  }

  protected identifierAt(index: number): Identifier {
    // a leaf built directly: the most frequent node, it needs no adoption
    const offset = this.starts[index];
    const end = this.ends[index];
    return { kind: 'Identifier', name: this.text.slice(offset, end), missing: false, offset, length: end - offset, parent: undefined };
  }

  protected missingIdentifier(skipped: Skipped): Identifier {
    return this.node<Identifier>({ kind: 'Identifier', name: '', missing: true, offset: 0, length: 0, parent: undefined }, skipped.offset, skipped.offset + skipped.length);
  }

  /** Whether an error after `previous` would only repeat it (it is an empty, failed piece). */
  protected suppressAfter(previous: Node | undefined): boolean {
    if (previous === undefined) return false;
    if (previous.kind === 'Skipped') return previous.length === 0;
    if (previous.kind === 'Identifier') return previous.missing && previous.length === 0;
    return false;
  }

  // ---- recovery ----

  /**
   * Runs `parse`; if it fails, reports the failure (unless `suppress`) and skips tokens up to, not
   * including, one of `stopMask`'s kinds, returning them as one Skipped node.
   */
  protected withRecovery<T extends Node>(parse: () => T, suppress: boolean, stopMask: number): T | Skipped {
    const startPos = this.pos;
    const depth = this.depth;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      this.depth = depth;
      return this.recover(startPos, error, suppress, stopMask, false);
    }
  }

  /** The catch half of `withRecovery`, for hot paths that inline the try to avoid allocating a closure. */
  protected recoverFromThrow(error: unknown, startPos: number, depth: number, suppress: boolean, stopMask: number): Skipped {
    if (!(error instanceof ParseFailure)) throw error;
    this.depth = depth;
    return this.recover(startPos, error, suppress, stopMask, false);
  }

  protected recover(startPos: number, error: ParseFailure, suppress: boolean, stopMask: number, consumeTerminator: boolean): Skipped {
    if (!suppress) this.report(error.offset, error.length, error.message);
    if (this.bailing) return this.skipEmpty();
    this.synchronize(stopMask);
    if (consumeTerminator && this.peek() < 16 && ((1 << this.peek()) & stopMask) !== 0) this.read();
    const start = startPos < this.kinds.length ? this.starts[startPos] : this.text.length;
    const end = this.pos > startPos ? this.ends[this.pos - 1] : start;
    return this.skipped(start, end);
  }

  protected synchronize(stopMask: number): void {
    while (true) {
      const kind = this.peek();
      if (kind === TokenKind.EndOfFile) return;
      if (kind < 16 && ((1 << kind) & stopMask) !== 0) return;
      this.pos++;
    }
  }

  // ---- nesting ----

  /** Call on entering a nesting construct; leave with `this.depth--`. */
  protected enter(): void {
    if (++this.depth <= maxNestingDepth) return;
    this.report(this.starts[Math.min(this.pos, this.kinds.length - 1)], 1, `this is nested more than ${maxNestingDepth} levels deep; split it into smaller parts`);
    this.bailing = true;
    // abandon the rest of this declaration: tokens up to the next line that starts a declaration read as the end
    this.fence = this.nextDeclarationLine(this.pos);
    this.pos = this.fence;
    throw new ParseFailure(0, 0, '');
  }

  /** Back at the top level after abandoning a too-deep declaration. */
  protected resumeAfterBailing(): void {
    if (!this.bailing) return;
    this.bailing = false;
    this.fence = Number.MAX_SAFE_INTEGER;
    this.depth = 0;
  }

  private nextDeclarationLine(from: number): number {
    for (let i = from; i < this.kinds.length; i++) {
      if (this.kinds[i] !== TokenKind.NewLine) continue;
      const next = i + 1;
      if (this.kinds[next] === TokenKind.EndOfFile || this.kinds[next] === TokenKind.At) return i;
      if (this.kinds[next] === TokenKind.Identifier && declarationKeywords.has(this.textOf(next))) return i;
    }
    return this.kinds.length - 1;
  }
}
