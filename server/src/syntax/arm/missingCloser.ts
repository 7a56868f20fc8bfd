import { createScanner, SyntaxKind } from 'jsonc-parser';

/** A `}` or `]` that the indentation says is missing: where it belongs and what it closes. */
export interface MissingCloser {
  /** Where to insert it: just after the last token before the line that gives it away. */
  readonly offset: number;
  readonly closer: '}' | ']';
  /** Offset of the `{` or `[` it closes. */
  readonly opener: number;
}

interface Open {
  readonly closer: '}' | ']';
  readonly offset: number;
  readonly line: number;
  /** Indentation of the line the opener is on. */
  readonly indent: number;
}

/**
 * JSON alone cannot say where a forgotten brace belonged (the parser notices at the end of the
 * file); the indentation can. The first line, after an object or array that opened on an earlier
 * line, that is indented no deeper than the opener's line and does not close it shows where the
 * closer is missing (a closer indented less than the opener's line closes something further out).
 * Undefined when indentation gives no such sign.
 */
export function missingCloser(text: string): MissingCloser | undefined {
  const scanner = createScanner(text, false);
  const stack: Open[] = [];
  let line = 0;
  let lineStart = 0;
  let lineHasToken = false;
  let previousEnd = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.LineBreakTrivia) {
      line++;
      lineStart = scanner.getTokenOffset() + scanner.getTokenLength();
      lineHasToken = false;
      continue;
    }
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      // A block comment may span lines: count them so positions stay right.
      if (token === SyntaxKind.BlockCommentTrivia) {
        const comment = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
        const breaks = comment.split('\n').length - 1;
        if (breaks > 0) {
          line += breaks;
          lineStart = scanner.getTokenOffset() + comment.lastIndexOf('\n') + 1;
        }
      }
      continue;
    }
    const offset = scanner.getTokenOffset();
    const indent = offset - lineStart;
    const firstOnLine = !lineHasToken;
    lineHasToken = true;
    const top = stack.at(-1);
    if (firstOnLine && top && top.line < line && indent <= top.indent) {
      const closes = (token === SyntaxKind.CloseBraceToken && top.closer === '}') || (token === SyntaxKind.CloseBracketToken && top.closer === ']');
      if (!closes || indent < top.indent) return { offset: previousEnd, closer: top.closer, opener: top.offset };
    }
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      stack.push({ closer: token === SyntaxKind.OpenBraceToken ? '}' : ']', offset, line, indent: indentOf(text, lineStart) });
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      stack.pop();
    }
    previousEnd = offset + scanner.getTokenLength();
  }
  return undefined;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}
