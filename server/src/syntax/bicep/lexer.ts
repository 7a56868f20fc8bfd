import type { SyntaxProblem } from '../span';
import { TokenKind } from './tokens';

/** A comment, kept out of the token stream so the parser never sees it. */
export interface Comment {
  readonly kind: 'line' | 'block';
  readonly offset: number;
  readonly length: number;
}

/** `#disable-next-line A B`, `#disable-diagnostics A`, `#restore-diagnostics A` (first on their line). */
export interface Pragma {
  readonly kind: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  readonly offset: number;
  readonly length: number;
  readonly codes: readonly string[];
}

/** String token details packed in `TokenStream.info`. */
export const StringInfo = {
  multiline: 1,
  unterminated: 2,
  /** The count of `$` before `'''` is stored from this bit on. */
  dollarShift: 2,
} as const;

/** Tokens as parallel arrays: cheaper than one object per token on multi-megabyte files. */
export interface TokenStream {
  /** TokenKind of each token; the last one is EndOfFile. */
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** For string tokens: multiline flag, unterminated flag and `$` count (see StringInfo). */
  readonly info: Int32Array;
  readonly comments: Comment[];
  readonly pragmas: Pragma[];
  readonly problems: SyntaxProblem[];
}

const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, DoubleQuote = 34, Hash = 35, Dollar = 36,
  Percent = 37, Amp = 38, Quote = 39, LParen = 40, RParen = 41, Star = 42, Plus = 43, Comma = 44,
  Minus = 45, Dot = 46, Slash = 47, D0 = 48, D9 = 57, Colon = 58, Semi = 59, Lt = 60, Eq = 61,
  Gt = 62, Question = 63, At = 64, A = 65, Z = 90, LSquare = 91, Backslash = 92, RSquare = 93,
  Caret = 94, Underscore = 95, a = 97, z = 122, LBrace = 123, Pipe = 124, RBrace = 125, Tilde = 126,
  Bom = 0xfeff,
}

const maxIdentifierLength = 255;

function isIdentifierStart(c: number): boolean {
  return (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || c === Ch.Underscore;
}
function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= Ch.D0 && c <= Ch.D9);
}
function isHex(c: number): boolean {
  return (c >= Ch.D0 && c <= Ch.D9) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** An open `${` hole (string) or an object brace opened inside a hole. */
interface Hole {
  readonly brace: boolean;
  readonly multiline: boolean;
  readonly dollars: number;
  /** Where the string that owns this hole starts, for the "not closed" message. */
  readonly stringStart: number;
}

/** Splits Bicep text into tokens, comments and pragmas. Never throws; problems go to `problems`. */
export function lex(text: string): TokenStream {
  // typed arrays grown by doubling: no per-token objects, no boxed numbers
  let capacity = Math.max(64, text.length >> 2);
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let info = new Int32Array(capacity);
  let count = 0;
  const comments: Comment[] = [];
  const pragmas: Pragma[] = [];
  const problems: SyntaxProblem[] = [];
  const holes: Hole[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === Ch.Bom ? 1 : 0;

  const grow = (): void => {
    capacity *= 2;
    const k = new Uint8Array(capacity); k.set(kinds); kinds = k;
    const s = new Int32Array(capacity); s.set(starts); starts = s;
    const e = new Int32Array(capacity); e.set(ends); ends = e;
    const x = new Int32Array(capacity); x.set(info); info = x;
  };
  const push = (kind: TokenKind, start: number, end: number, extra = 0): void => {
    if (count === capacity) grow();
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    info[count] = extra;
    count++;
  };
  const problem = (offset: number, length: number, message: string): void => {
    problems.push({ offset, length, message });
  };

  /** Only spaces and tabs between the start of the line and `at`. */
  const firstOnLine = (at: number): boolean => {
    for (let i = at - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === Ch.LF || c === Ch.CR) return true;
      if (c !== Ch.Space && c !== Ch.Tab && c !== Ch.Bom) return false;
    }
    return true;
  };

  /** Skips spaces, tabs, comments and pragmas; stops before a newline or a token. */
  const skipTrivia = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.Tab) {
        pos++;
      } else if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Slash) {
        const start = pos;
        pos += 2;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === Ch.LF || d === Ch.CR) break;
          pos++;
        }
        comments.push({ kind: 'line', offset: start, length: pos - start });
      } else if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Star) {
        const start = pos;
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) {
          pos = n;
          problem(start, 2, "this comment is not closed: add */ to end it");
        } else {
          pos = close + 2;
        }
        comments.push({ kind: 'block', offset: start, length: pos - start });
      } else if (c === Ch.Hash && firstOnLine(pos) && scanPragma()) {
        // recorded by scanPragma
      } else {
        return;
      }
    }
  };

  const scanPragma = (): boolean => {
    let end = pos + 1;
    while (end < n && (isIdentifierPart(text.charCodeAt(end)) || text.charCodeAt(end) === Ch.Minus)) end++;
    const name = text.slice(pos + 1, end);
    if (name !== 'disable-next-line' && name !== 'disable-diagnostics' && name !== 'restore-diagnostics') return false;
    const afterName = end;
    while (end < n && text.charCodeAt(end) !== Ch.LF && text.charCodeAt(end) !== Ch.CR) end++;
    // codes are separated from the name by a space: `#disable-next-line/* x */ code` has none
    const separated = afterName < n && (text.charCodeAt(afterName) === Ch.Space || text.charCodeAt(afterName) === Ch.Tab);
    const body = separated ? text.slice(afterName, end) : '';
    // a trailing // comment on the pragma line is not a code
    const commentAt = body.indexOf('//');
    const codes = (commentAt >= 0 ? body.slice(0, commentAt) : body).split(/[ \t]+/).filter((s) => s.length > 0);
    pragmas.push({ kind: name, offset: pos, length: end - pos, codes });
    if (codes.length === 0) problem(pos, end - pos, `add at least one diagnostic code after #${name}, like #${name} BCP081`);
    pos = end;
    return true;
  };

  /** Scans a single-line string piece after its opening `'` or `}`; returns its kind. */
  const scanStringPiece = (start: number, first: boolean): void => {
    while (true) {
      if (pos >= n) {
        problem(start, pos - start, "this string is not closed: add ' at its end");
        push(first ? TokenKind.StringComplete : TokenKind.StringRightPiece, start, pos, StringInfo.unterminated);
        return;
      }
      const c = text.charCodeAt(pos);
      if (c === Ch.LF || c === Ch.CR) {
        problem(start, pos - start, "this string is not closed: add ' before the end of the line");
        push(first ? TokenKind.StringComplete : TokenKind.StringRightPiece, start, pos, StringInfo.unterminated);
        return;
      }
      pos++;
      if (c === Ch.Quote) {
        push(first ? TokenKind.StringComplete : TokenKind.StringRightPiece, start, pos);
        return;
      }
      if (c === Ch.Dollar && text.charCodeAt(pos) === Ch.LBrace) {
        pos++;
        push(first ? TokenKind.StringLeftPiece : TokenKind.StringMiddlePiece, start, pos);
        holes.push({ brace: false, multiline: false, dollars: 0, stringStart: start });
        return;
      }
      if (c === Ch.Backslash) scanEscape(pos - 1);
    }
  };

  const scanEscape = (at: number): void => {
    const c = pos < n ? text.charCodeAt(pos) : -1;
    switch (c) {
      case 110: case 114: case 116: case Ch.Backslash: case Ch.Quote: case Ch.Dollar:
        pos++;
        return;
      case 117: { // u
        if (text.charCodeAt(pos + 1) !== Ch.LBrace) break;
        let i = pos + 2;
        while (i < n && isHex(text.charCodeAt(i))) i++;
        const digits = text.slice(pos + 2, i);
        if (digits.length === 0 || text.charCodeAt(i) !== Ch.RBrace) {
          problem(at, i - at, 'a \\u{...} escape needs hexadecimal digits and a closing }');
          pos = i;
          return;
        }
        if (digits.length > 8 || parseInt(digits, 16) > 0x10ffff) {
          problem(at, i + 1 - at, 'this \\u{...} escape is beyond the last Unicode code point (10FFFF)');
        }
        pos = i + 1;
        return;
      }
      case -1: case Ch.LF: case Ch.CR:
        problem(at, 1, 'a \\ at the end of a string must be escaped as \\\\');
        return;
    }
    problem(at, 2, `'\\${String.fromCharCode(c)}' is not an escape Bicep knows; use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{...}`);
    pos++;
  };

  /** Scans a `'''` string piece; `dollars` > 0 for `$'''` strings, whose holes need that many `$`. */
  const scanMultilinePiece = (start: number, first: boolean, dollars: number): void => {
    const extra = StringInfo.multiline | (dollars << StringInfo.dollarShift);
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Dollar) {
        let run = 0;
        while (text.charCodeAt(pos) === Ch.Dollar) { pos++; run++; }
        if (dollars > 0 && run >= dollars && text.charCodeAt(pos) === Ch.LBrace) {
          pos++;
          push(first ? TokenKind.StringLeftPiece : TokenKind.StringMiddlePiece, start, pos, extra);
          holes.push({ brace: false, multiline: true, dollars, stringStart: start });
          return;
        }
      } else if (c === Ch.Quote) {
        let run = 0;
        while (text.charCodeAt(pos) === Ch.Quote) { pos++; run++; }
        if (run >= 3) {
          push(first ? TokenKind.StringComplete : TokenKind.StringRightPiece, start, pos, extra);
          return;
        }
      } else {
        pos++;
      }
    }
    // reported at the end, where the closing quotes are missing, as Bicep does
    problem(n, 0, `this multi-line string (from line ${lineOf(start)}) is not closed: add ''' at its end`);
    push(first ? TokenKind.StringComplete : TokenKind.StringRightPiece, start, pos, extra | StringInfo.unterminated);
  };

  while (true) {
    // spaces between tokens are the commonest trivia: skip them before the general routine
    while (pos < n && text.charCodeAt(pos) === Ch.Space) pos++;
    skipTrivia();
    if (pos >= n) break;
    const start = pos;
    const c = text.charCodeAt(pos++);
    switch (c) {
      case Ch.LF:
      case Ch.CR: {
        if (holes.length > 0) {
          // a hole cannot span lines: end the string here, the newline is lexed next round
          const hole = holes.find((h) => !h.brace);
          pos = start;
          const last = problems.length > 0 ? problems[problems.length - 1] : undefined;
          // a string opened inside the hole has already been reported as not closed
          if (!(hole && last && last.offset >= hole.stringStart)) problem(hole ? hole.stringStart : start, hole ? start - hole.stringStart : 0, "this string is not closed: add } and ' before the end of the line");
          push(TokenKind.StringRightPiece, start, start, StringInfo.unterminated);
          holes.length = 0;
          break;
        }
        let end = pos;
        while (true) {
          while (pos < n && (text.charCodeAt(pos) === Ch.LF || text.charCodeAt(pos) === Ch.CR)) pos++;
          end = pos;
          skipTrivia();
          if (pos < n && (text.charCodeAt(pos) === Ch.LF || text.charCodeAt(pos) === Ch.CR)) continue;
          break;
        }
        push(TokenKind.NewLine, start, end);
        break;
      }
      case Ch.LBrace:
        if (holes.length > 0) holes.push({ brace: true, multiline: false, dollars: 0, stringStart: 0 });
        push(TokenKind.LeftBrace, start, pos);
        break;
      case Ch.RBrace: {
        const top = holes.length > 0 ? holes[holes.length - 1] : undefined;
        if (top && !top.brace) {
          holes.pop();
          if (top.multiline) scanMultilinePiece(start, false, top.dollars);
          else scanStringPiece(start, false);
        } else {
          if (top) holes.pop();
          push(TokenKind.RightBrace, start, pos);
        }
        break;
      }
      case Ch.Quote:
        if (text.charCodeAt(pos) === Ch.Quote && text.charCodeAt(pos + 1) === Ch.Quote) {
          pos += 2;
          scanMultilinePiece(start, true, 0);
        } else {
          scanStringPiece(start, true);
        }
        break;
      case Ch.Dollar: {
        let dollars = 1;
        while (text.charCodeAt(pos) === Ch.Dollar) { pos++; dollars++; }
        if (text.charCodeAt(pos) === Ch.Quote && text.charCodeAt(pos + 1) === Ch.Quote && text.charCodeAt(pos + 2) === Ch.Quote) {
          pos += 3;
          scanMultilinePiece(start, true, dollars);
        } else {
          unrecognized(start, "'$' only starts a $''' multi-line string; inside a string write ${...} for a value");
        }
        break;
      }
      case Ch.LParen: push(TokenKind.LeftParen, start, pos); break;
      case Ch.RParen: push(TokenKind.RightParen, start, pos); break;
      case Ch.LSquare: push(TokenKind.LeftSquare, start, pos); break;
      case Ch.RSquare: push(TokenKind.RightSquare, start, pos); break;
      case Ch.At: push(TokenKind.At, start, pos); break;
      case Ch.Comma: push(TokenKind.Comma, start, pos); break;
      case Ch.Semi: push(TokenKind.Semicolon, start, pos); break;
      case Ch.Plus: push(TokenKind.Plus, start, pos); break;
      case Ch.Minus: push(TokenKind.Minus, start, pos); break;
      case Ch.Star: push(TokenKind.Asterisk, start, pos); break;
      case Ch.Slash: push(TokenKind.Slash, start, pos); break;
      case Ch.Percent: push(TokenKind.Modulo, start, pos); break;
      case Ch.Caret: push(TokenKind.Hat, start, pos); break;
      case Ch.Dot:
        if (text.charCodeAt(pos) === Ch.Dot && text.charCodeAt(pos + 1) === Ch.Dot) {
          pos += 2;
          push(TokenKind.Ellipsis, start, pos);
        } else {
          push(TokenKind.Dot, start, pos);
        }
        break;
      case Ch.Question:
        if (text.charCodeAt(pos) === Ch.Question) { pos++; push(TokenKind.DoubleQuestion, start, pos); }
        else push(TokenKind.Question, start, pos);
        break;
      case Ch.Colon:
        if (text.charCodeAt(pos) === Ch.Colon) { pos++; push(TokenKind.DoubleColon, start, pos); }
        else push(TokenKind.Colon, start, pos);
        break;
      case Ch.Bang: {
        const d = text.charCodeAt(pos);
        if (d === Ch.Eq) { pos++; push(TokenKind.NotEquals, start, pos); }
        else if (d === Ch.Tilde) { pos++; push(TokenKind.NotEqualsInsensitive, start, pos); }
        else push(TokenKind.Exclamation, start, pos);
        break;
      }
      case Ch.Lt:
        if (text.charCodeAt(pos) === Ch.Eq) { pos++; push(TokenKind.LessThanOrEqual, start, pos); }
        else push(TokenKind.LeftChevron, start, pos);
        break;
      case Ch.Gt:
        if (text.charCodeAt(pos) === Ch.Eq) { pos++; push(TokenKind.GreaterThanOrEqual, start, pos); }
        else push(TokenKind.RightChevron, start, pos);
        break;
      case Ch.Eq: {
        const d = text.charCodeAt(pos);
        if (d === Ch.Eq) { pos++; push(TokenKind.Equals, start, pos); }
        else if (d === Ch.Tilde) { pos++; push(TokenKind.EqualsInsensitive, start, pos); }
        else if (d === Ch.Gt) { pos++; push(TokenKind.Arrow, start, pos); }
        else push(TokenKind.Assignment, start, pos);
        break;
      }
      case Ch.Amp:
        if (text.charCodeAt(pos) === Ch.Amp) { pos++; push(TokenKind.LogicalAnd, start, pos); }
        else unrecognized(start, "a single '&' is not an operator; write && for a logical and");
        break;
      case Ch.Pipe:
        if (text.charCodeAt(pos) === Ch.Pipe) { pos++; push(TokenKind.LogicalOr, start, pos); }
        else push(TokenKind.Pipe, start, pos);
        break;
      case Ch.DoubleQuote: {
        // one problem for a whole "..." on the line, not one per quote
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === Ch.LF || d === Ch.CR) break;
          pos++;
          if (d === Ch.DoubleQuote) break;
        }
        unrecognized(start, "strings take single quotes in Bicep: write '...' instead of \"...\"");
        break;
      }
      default:
        if (c >= Ch.D0 && c <= Ch.D9) {
          while (pos < n) {
            const d = text.charCodeAt(pos);
            if (d < Ch.D0 || d > Ch.D9) break;
            pos++;
          }
          push(TokenKind.Integer, start, pos);
        } else if (isIdentifierStart(c)) {
          while (pos < n && isIdentifierPart(text.charCodeAt(pos))) pos++;
          const length = pos - start;
          let kind = TokenKind.Identifier;
          if (length === 4 && text.startsWith('true', start)) kind = TokenKind.TrueKeyword;
          else if (length === 5 && text.startsWith('false', start)) kind = TokenKind.FalseKeyword;
          else if (length === 4 && text.startsWith('null', start)) kind = TokenKind.NullKeyword;
          else if (length > maxIdentifierLength) problem(start, length, `this name is ${length} characters long; Bicep allows at most ${maxIdentifierLength}`);
          push(kind, start, pos);
        } else {
          // one token (and one problem) for a run of characters Bicep does not know
          while (pos < n && isUnknownStart(text.charCodeAt(pos))) pos++;
          unrecognized(start, `'${text.slice(start, Math.min(pos, start + 10))}' is not valid Bicep here`);
        }
    }
  }
  push(TokenKind.EndOfFile, n, n);
  return {
    kinds: kinds.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    info: info.subarray(0, count),
    comments,
    pragmas,
    problems,
  };

  /** 1-based line of an offset; only used for messages, so a scan is fine. */
  function lineOf(offset: number): number {
    let line = 1;
    for (let i = 0; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === Ch.LF || (c === Ch.CR && text.charCodeAt(i + 1) !== Ch.LF)) line++;
    }
    return line;
  }

  function unrecognized(start: number, message: string): void {
    problem(start, pos - start, message);
    push(TokenKind.Unrecognized, start, pos);
  }
}

/** Characters that start no token (so a run of them becomes one Unrecognized token). */
function isUnknownStart(c: number): boolean {
  if (isIdentifierPart(c)) return false;
  switch (c) {
    case Ch.Tab: case Ch.LF: case Ch.CR: case Ch.Space: case Ch.Bang: case Ch.DoubleQuote: case Ch.Hash:
    case Ch.Dollar: case Ch.Percent: case Ch.Amp: case Ch.Quote: case Ch.LParen: case Ch.RParen:
    case Ch.Star: case Ch.Plus: case Ch.Comma: case Ch.Minus: case Ch.Dot: case Ch.Slash: case Ch.Colon:
    case Ch.Semi: case Ch.Lt: case Ch.Eq: case Ch.Gt: case Ch.Question: case Ch.At: case Ch.LSquare:
    case Ch.RSquare: case Ch.Caret: case Ch.LBrace: case Ch.Pipe: case Ch.RBrace:
      return false;
  }
  return true;
}
