import type { SyntaxProblem } from '../span';
import { isExpressionText, literalText, type Expression, type TemplateString } from './expression';
import type { OffsetLocator } from './stringOffsets';

export interface ParsedTemplateString {
  readonly template: TemplateString;
  readonly problems: readonly SyntaxProblem[];
}

const identity: OffsetLocator = (index) => index;

/** Deeper nesting than this is reported, not parsed: it keeps the parser's stack bounded. */
const maxNesting = 200;

/** Reads a JSON string value the way ARM does. Never throws; problems carry document offsets. */
export function parseTemplateString(value: string, locate: OffsetLocator = identity): ParsedTemplateString {
  if (!isExpressionText(value)) return { template: { kind: 'literal', value: literalText(value) }, problems: [] };
  const parser = new ExpressionParser(value, locate);
  const expression = parser.parseWhole();
  return { template: { kind: 'expression', expression }, problems: parser.problems };
}

class SyntaxError {
  constructor(readonly problem: SyntaxProblem) {}
}

class ExpressionParser {
  readonly problems: SyntaxProblem[] = [];
  private pos = 1;
  private readonly end: number;
  private depth = 0;

  constructor(private readonly text: string, private readonly locate: OffsetLocator) {
    this.end = text.length - 1;
  }

  parseWhole(): Expression | undefined {
    try {
      this.skipSpace();
      if (this.pos >= this.end) throw this.error(0, this.end + 1, 'this expression is empty: write a function call between [ and ], or start the string with [[ to mean a literal [');
      const expression = this.parseExpression();
      this.skipSpace();
      if (this.pos < this.end) {
        throw this.error(this.pos, this.end, `unexpected '${this.text[this.pos]}' after the end of the expression`);
      }
      return expression;
    } catch (caught) {
      if (caught instanceof SyntaxError) {
        this.problems.push(caught.problem);
        return undefined;
      }
      throw caught;
    }
  }

  private parseExpression(): Expression {
    if (++this.depth > maxNesting) throw this.error(this.pos, 1, 'this expression is nested too deeply to analyse');
    let expression = this.parsePrimary();
    for (;;) {
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 46 /* . */ && this.pos < this.end) {
        this.pos++;
        this.skipSpace();
        const nameStart = this.pos;
        const name = this.readName();
        if (name === '') throw this.error(nameStart, 1, "expected a property name after '.'");
        expression = { kind: 'property', target: expression, name, nameSpan: this.span(nameStart, this.pos), ...this.span(expression, this.pos) };
      } else if (c === 91 /* [ */ && this.pos < this.end) {
        const open = this.pos++;
        this.skipSpace();
        if (this.pos >= this.end) throw this.error(open, 1, "expected an index and ']' after '['");
        const index = this.parseExpression();
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== 93 || this.pos >= this.end) throw this.error(open, 1, "expected ']' to close this index");
        this.pos++;
        expression = { kind: 'index', target: expression, index, ...this.span(expression, this.pos) };
      } else {
        break;
      }
    }
    this.depth--;
    return expression;
  }

  private parsePrimary(): Expression {
    this.skipSpace();
    const start = this.pos;
    if (start >= this.end) throw this.error(Math.max(0, start - 1), 1, 'expected a value here (a function call, a string in single quotes or a number)');
    const c = this.text.charCodeAt(start);
    if (c === 39 /* ' */) return this.parseString();
    if (isDigit(c) || ((c === 45 /* - */ || c === 43 /* + */) && isDigit(this.text.charCodeAt(start + 1)))) return this.parseNumber();
    const name = this.readCallName();
    if (name === '') throw this.error(start, 1, `unexpected '${this.text[start]}': expected a function call, a string in single quotes or a number`);
    const nameSpan = this.span(start, this.pos);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 40 /* ( */ || this.pos >= this.end) {
      if (name.includes('.')) throw this.error(start, name.length, `expected '(' after ${name}: a user-defined function must be called`);
      return { kind: 'identifier', name, ...nameSpan };
    }
    const open = this.pos++;
    const args: Expression[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 41 /* ) */ && this.pos < this.end) {
      this.pos++;
      return { kind: 'call', name, nameSpan, args, ...this.span(start, this.pos) };
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) throw this.error(open, 1, `expected ')' to close the call to ${name}`);
      if (this.text.charCodeAt(this.pos) === 44 /* , */) throw this.error(this.pos, 1, `expected an argument before ',' in the call to ${name}`);
      args.push(this.parseExpression());
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos);
      if (this.pos < this.end && next === 44) {
        this.pos++;
        this.skipSpace();
        if (this.pos < this.end && this.text.charCodeAt(this.pos) === 41) throw this.error(this.pos - 1, 1, `expected an argument after ',' in the call to ${name}`);
        continue;
      }
      if (this.pos < this.end && next === 41) {
        this.pos++;
        return { kind: 'call', name, nameSpan, args, ...this.span(start, this.pos) };
      }
      if (this.pos >= this.end) throw this.error(open, 1, `expected ')' to close the call to ${name}`);
      throw this.error(this.pos, 1, `expected ',' or ')' in the call to ${name}, found '${this.text[this.pos]}'`);
    }
  }

  private parseString(): Expression {
    const start = this.pos++;
    let value = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.end) throw this.error(start, this.end - start, "this string is not closed: add ' (write '' for a quote inside it)");
      if (this.text.charCodeAt(this.pos) === 39) {
        if (this.text.charCodeAt(this.pos + 1) === 39 && this.pos + 1 < this.end) {
          value += this.text.slice(chunk, this.pos + 1);
          this.pos += 2;
          chunk = this.pos;
          continue;
        }
        value += this.text.slice(chunk, this.pos);
        this.pos++;
        return { kind: 'string', value, ...this.span(start, this.pos) };
      }
      this.pos++;
    }
  }

  private parseNumber(): Expression {
    const start = this.pos;
    if (!isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    while (isDigit(this.text.charCodeAt(this.pos)) && this.pos < this.end) this.pos++;
    if (this.text.charCodeAt(this.pos) === 46 && isDigit(this.text.charCodeAt(this.pos + 1)) && this.pos + 1 < this.end) {
      this.pos++;
      while (isDigit(this.text.charCodeAt(this.pos)) && this.pos < this.end) this.pos++;
    }
    if (isNameChar(this.text.charCodeAt(this.pos)) && this.pos < this.end) throw this.error(start, this.pos - start + 1, 'a number is followed by letters here');
    return { kind: 'number', value: Number(this.text.slice(start, this.pos)), ...this.span(start, this.pos) };
  }

  /** A function name, possibly `namespace.name` for user functions. */
  private readCallName(): string {
    const start = this.pos;
    const first = this.readName();
    if (first === '' || isDigit(first.charCodeAt(0)) || first.charCodeAt(0) === 45) {
      this.pos = start;
      return '';
    }
    // `ns.fn(` is a user function; `x.y` without a call is a property access, handled by the caller.
    if (this.text.charCodeAt(this.pos) === 46) {
      const save = this.pos;
      this.pos++;
      const second = this.readName();
      let after = this.pos;
      while (after < this.end && isSpace(this.text.charCodeAt(after))) after++;
      if (second !== '' && this.text.charCodeAt(after) === 40 && after < this.end) return `${first}.${second}`;
      this.pos = save;
    }
    return first;
  }

  private readName(): string {
    const start = this.pos;
    while (this.pos < this.end && isNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private span(start: number | { readonly offset: number }, end: number): { offset: number; length: number } {
    const offset = typeof start === 'number' ? this.locate(start) : start.offset;
    return { offset, length: this.locate(end) - offset };
  }

  private error(start: number, length: number, message: string): SyntaxError {
    const offset = this.locate(start);
    return new SyntaxError({ offset, length: Math.max(1, this.locate(start + Math.max(1, length)) - offset), message });
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c === 36 || c === 45;
}
