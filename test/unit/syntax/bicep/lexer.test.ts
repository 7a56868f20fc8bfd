import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../../../../server/src/syntax/bicep/lexer';
import { TokenKind } from '../../../../server/src/syntax/bicep/tokens';

/** The tokens of `text` as `kind:text`, newlines as `NL`, without the final end-of-file token. */
function tokens(text: string): string[] {
  const stream = lex(text);
  const out: string[] = [];
  for (let i = 0; i < stream.kinds.length - 1; i++) {
    const piece = text.slice(stream.starts[i], stream.ends[i]);
    out.push(stream.kinds[i] === TokenKind.NewLine ? 'NL' : piece);
  }
  return out;
}

function kinds(text: string): TokenKind[] {
  return [...lex(text).kinds].slice(0, -1);
}

test('operators are the longest match', () => {
  assert.deepEqual(tokens('a==b!=c=~d!~e<=f>=g&&h||i??j=>k...l::m.?n[?o[^p'), [
    'a', '==', 'b', '!=', 'c', '=~', 'd', '!~', 'e', '<=', 'f', '>=', 'g', '&&', 'h', '||', 'i', '??', 'j', '=>', 'k', '...', 'l', '::', 'm', '.', '?', 'n', '[', '?', 'o', '[', '^', 'p',
  ]);
});

test('true, false and null are reserved; other keywords are identifiers', () => {
  assert.deepEqual(kinds('true false null param resource'), [
    TokenKind.TrueKeyword, TokenKind.FalseKeyword, TokenKind.NullKeyword, TokenKind.Identifier, TokenKind.Identifier,
  ]);
});

test('a run of line breaks, blank lines and comment-only lines is one newline token', () => {
  assert.deepEqual(tokens('a\n\n  // c\r\n\r\n/* d */\n b'), ['a', 'NL', 'b']);
  const stream = lex('a\n\n  // c\r\n/* d */\nb');
  assert.deepEqual(stream.comments.map((c) => c.kind), ['line', 'block']);
});

test('interpolated strings split into left, middle and right pieces', () => {
  const text = "'a${b}c${d}e'";
  assert.deepEqual(tokens(text), ["'a${", 'b', '}c${', 'd', "}e'"]);
  assert.deepEqual(kinds(text), [TokenKind.StringLeftPiece, TokenKind.Identifier, TokenKind.StringMiddlePiece, TokenKind.Identifier, TokenKind.StringRightPiece]);
});

test('braces inside a hole do not close it', () => {
  assert.deepEqual(tokens("'${f({a: 1})}'"), ["'${", 'f', '(', '{', 'a', ':', '1', '}', ')', "}'"]);
});

test('escaped ${ is text, not a hole', () => {
  assert.deepEqual(kinds("'\\${x}'"), [TokenKind.StringComplete]);
});

test("multi-line strings end at the first run of three quotes and ignore escapes and ${", () => {
  assert.deepEqual(tokens("'''a\\n${b}''''x"), ["'''a\\n${b}''''", 'x']);
});

test('$\'\'\' strings have holes with as many $ as they start with', () => {
  assert.deepEqual(tokens("$$'''a${b}$${c}'''"), ["$$'''a${b}$${", 'c', "}'''"]);
});

test('a byte order mark is skipped; CRLF is one line break', () => {
  assert.deepEqual(tokens('\uFEFFparam\r\nx'), ['param', 'NL', 'x']);
});

test('pragmas are trivia with their codes', () => {
  const stream = lex('#disable-next-line BCP081 no-unused-params\nparam x string\n  #disable-diagnostics A B // why\n#restore-diagnostics A');
  assert.deepEqual(stream.pragmas.map((p) => [p.kind, ...p.codes]), [
    ['disable-next-line', 'BCP081', 'no-unused-params'],
    ['disable-diagnostics', 'A', 'B'],
    ['restore-diagnostics', 'A'],
  ]);
  assert.deepEqual(stream.problems, []);
});

test('a # that is not a pragma at the start of a line is not valid', () => {
  const stream = lex('var x = #foo');
  assert.equal(stream.problems.length, 1);
});

test('lexer problems: unclosed strings and comments, bad escapes, unknown characters', () => {
  const messages = (text: string) => lex(text).problems.map((p) => p.message);
  assert.deepEqual(messages("'abc"), ["this string is not closed: add ' at its end"]);
  assert.deepEqual(messages("'abc\nx"), ["this string is not closed: add ' before the end of the line"]);
  assert.deepEqual(messages('/* open'), ['this comment is not closed: add */ to end it']);
  assert.deepEqual(messages("'\\x'"), ["'\\x' is not an escape Bicep knows; use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{...}"]);
  assert.deepEqual(messages('a ¤ b'), ["'¤' is not valid Bicep here"]);
  assert.deepEqual(messages('a & b'), ["a single '&' is not an operator; write && for a logical and"]);
  assert.equal(messages('x'.repeat(256))[0], 'this name is 256 characters long; Bicep allows at most 255');
});

test('token offsets are UTF-16 offsets into the text', () => {
  const text = "'é😀' x";
  const stream = lex(text);
  assert.equal(text.slice(stream.starts[1], stream.ends[1]), 'x');
});
