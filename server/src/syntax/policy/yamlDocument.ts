import { parseAllDocuments, visit, type Document } from 'yaml';
import type { SyntaxProblem } from '../span';
import { policyLimits } from './limits';

export interface YamlDocument {
  readonly document: Document | undefined;
  readonly problems: readonly SyntaxProblem[];
}

export interface YamlOptions {
  /**
   * Report duplicate keys through the yaml library (default). Its check is quadratic in the
   * size of a mapping; the policy reader turns it off and finds duplicates itself.
   */
  readonly uniqueKeys?: boolean;
}

/** Parses one YAML 1.2 document; a file with several documents is reported, not merged. Never throws. */
export function parseYamlDocument(text: string, options: YamlOptions = {}): YamlDocument {
  if (text.length > policyLimits.maxLength) {
    return { document: undefined, problems: [{ offset: 0, length: 0, message: `the file is longer than ${policyLimits.maxLength / 1024} KB; a notification policy is a few kilobytes` }] };
  }
  // The YAML library takes seconds on flow collections nested thousands deep; no policy nests past a few.
  if (flowNesting(text) > maxFlowNesting) {
    return { document: undefined, problems: [{ offset: 0, length: 0, message: `the file nests [ ] or { } more than ${maxFlowNesting} levels deep and is not analysed` }] };
  }
  let list: Document[];
  // the library's errors are Error objects: without stack traces a file of thousands of mistakes parses several times faster
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: options.uniqueKeys !== false, strict: true, version: '1.2', merge: false });
    list = Array.isArray(documents) ? documents : [];
  } catch {
    return { document: undefined, problems: [{ offset: 0, length: 0, message: 'the file could not be read as YAML (it may be nested too deeply)' }] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const problems: SyntaxProblem[] = [];
  for (const doc of list.slice(0, 1)) {
    let quotes: QuotedScalars | undefined;
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const quote = error.code === 'MISSING_CHAR' ? unclosedQuoteBefore((quotes ??= quotedScalars(doc)), start) : undefined;
      if (quote) problems.push(quote);
      else problems.push({ offset: start, length: Math.max(end - start, 1), message: yamlMessage(error.code, error.message) });
    }
  }
  if (list.length > 1) {
    const second = list[1];
    const offset = second.range?.[0] ?? 0;
    problems.push({ offset, length: 3, message: 'a notification policy file holds one YAML document; remove the second one (after ---)' });
  }
  return { document: list[0], problems };
}

function yamlMessage(code: string, raw: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping; keep one';
  return firstSentence(raw);
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/** The quoted scalars of a document by start offset, with the furthest end reached up to each. */
interface QuotedScalars {
  readonly from: number[];
  readonly to: number[];
  readonly quote: string[];
  readonly furthestTo: number[];
}

function quotedScalars(doc: Document): QuotedScalars {
  const found: { from: number; to: number; quote: string }[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return;
      const [from, to] = node.range ?? [0, 0];
      found.push({ from, to, quote: node.type === 'QUOTE_DOUBLE' ? '"' : "'" });
    },
  });
  found.sort((a, b) => a.from - b.from);
  const furthestTo: number[] = [];
  for (const scalar of found) furthestTo.push(Math.max(scalar.to, furthestTo.length > 0 ? furthestTo[furthestTo.length - 1] : -1));
  return { from: found.map((s) => s.from), to: found.map((s) => s.to), quote: found.map((s) => s.quote), furthestTo };
}

/**
 * The yaml library reports an unclosed quote where the text ends; the person needs the quote
 * that opened it: the last quoted scalar that runs up to the error. The scalars are collected
 * once per document (a visit per error made a file of unclosed quotes quadratic).
 */
function unclosedQuoteBefore(quotes: QuotedScalars, errorAt: number): SyntaxProblem | undefined {
  // the last scalar starting before the error, then back while an earlier one may still reach it
  let lo = 0;
  let hi = quotes.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes.from[mid] < errorAt) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && quotes.furthestTo[i] >= errorAt; i--) {
    if (quotes.to[i] >= errorAt) return { offset: quotes.from[i], length: 1, message: `this string is not closed (missing ${quotes.quote[i]})` };
  }
  return undefined;
}

const maxFlowNesting = 256;

/** Deepest nesting of YAML flow collections, skipping quoted scalars and comments. */
function flowNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      while (++i < text.length && text[i] !== '"') if (text[i] === '\\') i++;
    } else if (c === "'") {
      while (++i < text.length && text[i] !== "'");
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return deepest;
}
