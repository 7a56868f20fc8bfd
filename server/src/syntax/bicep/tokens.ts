/**
 * Token kinds. The first sixteen are the ones the parser synchronises on after an error, so a
 * set of them fits in one bit mask (see `stopsAt` in parserBase.ts).
 */
export const enum TokenKind {
  NewLine = 0,
  RightBrace = 1,
  RightParen = 2,
  RightSquare = 3,
  StringRightPiece = 4,
  StringMiddlePiece = 5,
  Comma = 6,
  Colon = 7,
  Assignment = 8,
  LeftBrace = 9,
  Identifier = 10,
  StringComplete = 11,
  StringLeftPiece = 12,
  RightChevron = 13,
  EndOfFile = 14,

  At = 16,
  LeftParen,
  LeftSquare,
  Dot,
  Ellipsis,
  Question,
  DoubleQuestion,
  DoubleColon,
  Semicolon,
  Equals,
  NotEquals,
  EqualsInsensitive,
  NotEqualsInsensitive,
  LeftChevron,
  LessThanOrEqual,
  GreaterThanOrEqual,
  Plus,
  Minus,
  Asterisk,
  Slash,
  Modulo,
  Exclamation,
  LogicalAnd,
  LogicalOr,
  Pipe,
  Arrow,
  Hat,
  Integer,
  TrueKeyword,
  FalseKeyword,
  NullKeyword,
  Unrecognized,
}

/** Binding power of binary operators (higher binds tighter); 0 = not a binary operator. */
export function binaryPrecedence(kind: TokenKind): number {
  switch (kind) {
    case TokenKind.DoubleQuestion: return 30;
    case TokenKind.LogicalOr: return 40;
    case TokenKind.LogicalAnd: return 50;
    case TokenKind.Equals:
    case TokenKind.NotEquals:
    case TokenKind.EqualsInsensitive:
    case TokenKind.NotEqualsInsensitive: return 70;
    case TokenKind.LeftChevron:
    case TokenKind.RightChevron:
    case TokenKind.LessThanOrEqual:
    case TokenKind.GreaterThanOrEqual: return 80;
    case TokenKind.Plus:
    case TokenKind.Minus: return 90;
    case TokenKind.Asterisk:
    case TokenKind.Slash:
    case TokenKind.Modulo: return 100;
    default: return 0;
  }
}
