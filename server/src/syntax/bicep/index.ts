import { LineMap } from '../lineMap';
import { cappedProblems, type SyntaxProblem } from '../span';
import { BicepParser } from './declarations';
import { lex, type Comment, type Pragma } from './lexer';
import type { Node, Program } from './syntaxTree';

export type * from './syntaxTree';
export type { Comment, Pragma } from './lexer';
export { forEachChild, walk, nodeAt } from './walk';
export { decoratorName, findDecorator, findProperty, propertiesOf, propertyKeyName, splitResourceType, stringValue } from './queries';

export type BicepFileKind = 'bicep' | 'bicepparam';

export interface BicepFile {
  readonly kind: BicepFileKind;
  readonly text: string;
  readonly root: Program;
  /** Syntax errors, in source order. The language server reports them as HN001. */
  readonly problems: readonly SyntaxProblem[];
  readonly lineMap: LineMap;
  /** All `//` and `/* *\/` comments, in source order. */
  readonly comments: readonly Comment[];
  /** `#disable-next-line`, `#disable-diagnostics`, `#restore-diagnostics`, in source order. */
  readonly pragmas: readonly Pragma[];
}

export interface ParseOptions {
  readonly kind?: BicepFileKind;
}

/** Starts the message of the problem reported when the parser itself fails (a bug; tests fail on it). */
export const internalErrorPrefix = 'the Bicep parser failed on this file, please report it: ';

/** Files longer than this (UTF-16 code units) are not parsed: one problem, an empty tree. */
export const maxBicepFileLength = 10 * 1024 * 1024;

/** Parses a .bicep or .bicepparam file. Never throws: broken input gives a partial tree and problems. */
export function parseBicep(text: string, options: ParseOptions = {}): BicepFile {
  const kind = options.kind ?? 'bicep';
  if (text.length > maxBicepFileLength) {
    const root: Program = { kind: 'Program', statements: [], offset: 0, length: text.length, parent: undefined };
    const megabytes = Math.round(text.length / (1024 * 1024));
    const message = `this file is too large to check (${megabytes} MB; the limit is ${maxBicepFileLength / (1024 * 1024)} MB)`;
    return new ParsedBicepFile(kind, text, root, [{ offset: 0, length: 0, message }], [], []);
  }
  const tokens = lex(text);
  const parser = new BicepParser(text, tokens, kind === 'bicepparam');
  let root: Program;
  try {
    root = parser.program();
  } catch (error) {
    // a parser bug must not take the language server down: report it on the file instead
    root = { kind: 'Program', statements: [], offset: 0, length: text.length, parent: undefined };
    const message = `${internalErrorPrefix}${error instanceof Error ? error.message : String(error)}`;
    return new ParsedBicepFile(kind, text, root, [{ offset: 0, length: 0, message }], tokens.comments, tokens.pragmas);
  }
  const problems = tokens.problems.length === 0 ? parser.problems : [...tokens.problems, ...parser.problems];
  // recovery can report an unclosed bracket after the problems inside it
  if (problems.length > 1) problems.sort((a, b) => a.offset - b.offset);
  return new ParsedBicepFile(kind, text, root, cappedProblems(problems), tokens.comments, tokens.pragmas);
}

/** A parsed file whose line map is built on first use: many callers only need the tree. */
class ParsedBicepFile implements BicepFile {
  private lines: LineMap | undefined;

  constructor(
    readonly kind: BicepFileKind,
    readonly text: string,
    readonly root: Program,
    readonly problems: readonly SyntaxProblem[],
    readonly comments: readonly Comment[],
    readonly pragmas: readonly Pragma[],
  ) {}

  get lineMap(): LineMap {
    return (this.lines ??= new LineMap(this.text));
  }
}

/** The text of a comment without its `//` or `/* *\/` markers. */
export function commentText(file: BicepFile, comment: Comment): string {
  const raw = file.text.slice(comment.offset, comment.offset + comment.length);
  if (comment.kind === 'line') return raw.slice(2);
  return raw.endsWith('*/') ? raw.slice(2, -2) : raw.slice(2);
}

/** Comments that sit on `line` (0-based), in order. */
export function commentsOnLine(file: BicepFile, line: number): Comment[] {
  const start = file.lineMap.lineStart(line);
  const next = line + 1 < file.lineMap.lineCount ? file.lineMap.lineStart(line + 1) : file.text.length + 1;
  const result: Comment[] = [];
  for (let i = firstCommentEndingAfter(file.comments, start); i < file.comments.length; i++) {
    const c = file.comments[i];
    if (c.offset >= next) break;
    result.push(c);
  }
  return result;
}

/**
 * The comments directly above `node`: on the lines just before its first line, with no code or
 * blank line between (where `// hipaa-notify-disable-next-line` and doc comments sit).
 */
export function leadingComments(file: BicepFile, node: Node): Comment[] {
  const result: Comment[] = [];
  let line = file.lineMap.positionAt(node.offset).line - 1;
  while (line >= 0) {
    const onLine = commentsOnLine(file, line);
    if (onLine.length === 0) break;
    const lineStart = file.lineMap.lineStart(line);
    if (file.text.slice(lineStart, onLine[0].offset).trim() !== '') break;
    result.unshift(...onLine);
    line--;
  }
  return result;
}

function firstCommentEndingAfter(comments: readonly Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].offset + comments[mid].length < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
