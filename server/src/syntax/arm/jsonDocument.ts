import { parseTree, printParseErrorCode, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { cappedProblems, type SyntaxProblem } from '../span';
import { member, stringOf } from './jsonNodes';
import { maskRawLineBreaks, restoreRawLineBreaks } from './rawLineBreaks';
import { missingCloser } from './missingCloser';
import { targetScopeOfSchema } from './targetScope';
import { expressionProblemsIn } from './templateStrings';

export interface JsonDocument {
  /** The tree jsonc-parser recovers, also for broken input; undefined only for empty input. */
  readonly root: Node | undefined;
  readonly problems: readonly SyntaxProblem[];
}

const jsonErrorMessages: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character: this is not valid JSON here',
  [ParseErrorCode.InvalidNumberFormat]: 'this number is not written the way JSON allows',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value (a string, number, object, array, true, false or null)',
  [ParseErrorCode.ColonExpected]: "expected ':' after the property name",
  [ParseErrorCode.CommaExpected]: "expected ',' between items",
  [ParseErrorCode.CloseBraceExpected]: "expected '}' to close the object",
  [ParseErrorCode.CloseBracketExpected]: "expected ']' to close the array",
  [ParseErrorCode.EndOfFileExpected]: 'unexpected text after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'this comment is not closed (missing */)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'this comment is not closed (missing */)',
  [ParseErrorCode.UnexpectedEndOfString]: 'this string is not closed (missing ")',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'this number ends too early',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape: it needs four hexadecimal digits',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape in a string (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  [ParseErrorCode.InvalidCharacter]: 'a control character (such as a line break) inside a string',
};

/** A person's wording of a jsonc-parser error (shared by every JSON front end). */
export function jsonErrorMessage(code: ParseErrorCode): string {
  return jsonErrorMessages[code] ?? `JSON syntax error (${printParseErrorCode(code)})`;
}

export interface JsonOptions {
  /**
   * ARM accepts comments, trailing commas and raw line breaks inside strings. A deployment
   * template read this way also reports its malformed `[...]` expressions.
   */
  readonly arm?: boolean;
  /** JSONC (config and policy files): comments are allowed. */
  readonly comments?: boolean;
}

/** Deeper JSON is not parsed (jsonc-parser recurses per level); real templates stay far below. */
export const maxJsonDepth = 1000;

function problemsOf(errors: readonly ParseError[], options: JsonOptions): SyntaxProblem[] {
  return errors
    .filter((error) => !(options.arm && error.error === ParseErrorCode.InvalidCharacter))
    .map((error) => ({ offset: error.offset, length: Math.max(error.length, 1), message: jsonErrorMessage(error.error) }));
}

/**
 * One forgotten `}` or `]` makes the parser report at the end of the file, or a cascade of errors
 * after it. When the indentation shows where the closer belongs and putting it there leaves fewer
 * errors, that place is reported once, with what remains of the others.
 */
function recoveredProblems(text: string, errors: readonly ParseError[], options: JsonOptions): SyntaxProblem[] {
  const missing = missingCloser(text);
  if (!missing) return problemsOf(errors, options);
  const remaining: ParseError[] = [];
  parseTree(text.slice(0, missing.offset) + missing.closer + text.slice(missing.offset), remaining, {
    allowTrailingComma: options.arm === true,
    disallowComments: options.arm !== true && options.comments !== true,
    allowEmptyContent: false,
  });
  const after = problemsOf(remaining, options);
  if (after.length >= problemsOf(errors, options).length) return problemsOf(errors, options);
  const what = missing.closer === '}' ? "expected '}' to close the object" : "expected ']' to close the array";
  const opened = lineOf(text, missing.opener) + 1;
  return [
    { offset: Math.max(0, missing.offset - 1), length: 1, message: `${what} that starts on line ${opened}` },
    ...after.map((p) => (p.offset > missing.offset ? { ...p, offset: p.offset - 1 } : p)),
  ].sort((a, b) => a.offset - b.offset);
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseJsonDocument(text: string, options: JsonOptions = {}): JsonDocument {
  const errors: ParseError[] = [];
  const masked = maskRawLineBreaks(text, maxJsonDepth);
  if (masked.tooDeepAt !== undefined) {
    return { root: undefined, problems: [{ offset: masked.tooDeepAt, length: 1, message: `the JSON is nested more than ${maxJsonDepth} levels deep here and is not analysed` }] };
  }
  const source = options.arm === true ? masked : { text, breaks: [] };
  const root = parseTree(source.text, errors, {
    allowTrailingComma: options.arm === true,
    disallowComments: options.arm !== true && options.comments !== true,
    allowEmptyContent: false,
  });
  restoreRawLineBreaks(root, source.breaks);
  const problems = errors.length > 0 ? recoveredProblems(source.text, errors, options) : [];
  if (options.arm === true && targetScopeOfSchema(stringOf(member(root, '$schema'))) !== undefined) {
    problems.push(...expressionProblemsIn(text, root));
    problems.sort((a, b) => a.offset - b.offset);
  }
  return { root, problems: cappedProblems(problems) };
}
