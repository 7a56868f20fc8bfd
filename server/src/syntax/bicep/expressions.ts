import { ExpressionFlags, maxNestingDepth, ParserBase, stops } from './parserBase';
import type {
  ArrayExpression, BinaryExpression, BinaryOperator, Declaration, Decorator, Expression, ForExpression,
  FunctionCall, Identifier, Lambda, Node, ObjectExpression, Skipped, StringLiteral,
} from './syntaxTree';
import { declarationKeywords } from './keywords';
import { binaryPrecedence, TokenKind } from './tokens';

const NewLine = TokenKind.NewLine;
const RightBrace = TokenKind.RightBrace;
const RightParen = TokenKind.RightParen;
const RightSquare = TokenKind.RightSquare;
const StringRightPiece = TokenKind.StringRightPiece;
const Comma = TokenKind.Comma;
const Colon = TokenKind.Colon;

/** Where an operand or a ternary branch gives up on failure. */
const operandStops = stops(StringRightPiece, RightBrace, RightParen, RightSquare, NewLine);
const ternaryBranchStops = stops(Colon, StringRightPiece, RightBrace, RightParen, RightSquare, NewLine);
const argumentStops = stops(NewLine, Comma, RightParen);
const listItemStops = stops(StringRightPiece, RightBrace, RightParen, RightSquare, NewLine, Comma);
const closeParenStops = stops(StringRightPiece, RightBrace, RightSquare, NewLine);


// shared by every declaration without decorators (most of them)
const noDecorators = [] as Decorator[];

function hasFlag(flags: ExpressionFlags, flag: ExpressionFlags): boolean {
  return (flags & flag) === flag;
}

function closerText(kind: TokenKind): string {
  return kind === RightBrace ? '}' : kind === RightSquare ? ']' : kind === RightParen ? ')' : '>';
}

function openerText(kind: TokenKind): string {
  return kind === RightBrace ? '{' : kind === RightSquare ? '[' : kind === RightParen ? '(' : '<';
}

function end(node: Node): number {
  return node.offset + node.length;
}

/** Operators, member access, calls, lambdas, parentheses and decorators; the bracketed literals are in CollectionParser. */
export abstract class ExpressionParser extends ParserBase {
  /** A declaration allowed inside an object (a nested resource); provided by the declaration parser. */
  protected abstract declaration(expectedKeyword?: string): Declaration | Skipped;

  // ---- provided by the collection parser (objects, arrays, loops, strings) ----
  protected abstract object(flags: ExpressionFlags): ObjectExpression;
  protected abstract array(): ArrayExpression;
  protected abstract forExpression(flags: ExpressionFlags, resourceContext: boolean): ForExpression;
  protected abstract string(): StringLiteral | Skipped;

  // ---- helpers ----

  /** Expects a token; on failure reports (unless suppressed), skips to `stopMask` and returns the Skipped node. */
  protected expectOrSkip(kind: TokenKind, message: string, suppress: boolean, stopMask: number): Skipped | undefined {
    if (this.peek() === kind) {
      this.read();
      return undefined;
    }
    return this.recover(this.pos, this.failure(message), suppress, stopMask, false);
  }

  /** A description of the previous token for messages ("after ':'"). */
  protected afterPrevious(): string {
    if (this.pos === 0) return '';
    const kind = this.kinds[this.pos - 1];
    if (kind === TokenKind.NewLine) return '';
    const text = this.textOf(this.pos - 1);
    return text.length > 0 && text.length <= 20 ? ` after '${text}'` : '';
  }

  protected identifierOrSkip(message: string): Identifier {
    if (this.check(TokenKind.Identifier)) return this.identifierAt(this.read());
    return this.missingIdentifier(this.skipEmpty(message));
  }

  protected identifierWithRecovery(message: string, suppress: boolean, stopMask: number): Identifier {
    if (this.check(TokenKind.Identifier)) return this.identifierAt(this.read());
    const skipped = this.recover(this.pos, this.failure(message), suppress, stopMask, false);
    return this.missingIdentifier(skipped);
  }

  // ---- expressions ----

  /** `withRecovery(() => this.expression(flags), ...)` without the closure: this runs for most values. */
  protected expressionWithRecovery(flags: ExpressionFlags, suppress: boolean, stopMask: number): Expression {
    // nothing here can start an expression: report and skip as the failure in primary() would, without throwing
    // (an exception costs about a microsecond, which a line of stray commas or operators would pay per character)
    if (!this.startsOperand() && this.depth < maxNestingDepth) {
      return this.recover(this.pos, this.failure(`expected an expression${this.afterPrevious()}`), suppress, stopMask, false);
    }
    const startPos = this.pos;
    const depth = this.depth;
    try {
      return this.expression(flags);
    } catch (error) {
      return this.recoverFromThrow(error, startPos, depth, suppress, stopMask);
    }
  }

  expression(flags: ExpressionFlags): Expression {
    this.enter();
    const condition = this.binary(flags, 0);
    if (this.peek() === NewLine && this.kindAt(this.pos + 1) === TokenKind.Question) this.read();
    if (!this.check(TokenKind.Question)) {
      this.depth--;
      return condition;
    }
    this.read();
    const whenTrue = this.expressionWithRecovery(flags, false, ternaryBranchStops);
    if (whenTrue.kind !== 'Skipped' && this.peek() === NewLine && this.kindAt(this.pos + 1) === Colon) this.read();
    const colon = this.expectOrSkip(Colon, "expected ':' and the value for when the condition is false", this.suppressAfter(whenTrue), operandStops);
    const whenFalse = colon
      ? this.skipped(this.lastEnd(), this.lastEnd())
      : this.expressionWithRecovery(flags, false, operandStops);
    this.depth--;
    return this.node({ kind: 'TernaryExpression', condition, whenTrue, whenFalse, offset: 0, length: 0, parent: undefined }, condition.offset, Math.max(end(whenFalse), this.lastEnd()));
  }

  private binary(flags: ExpressionFlags, precedence: number): Expression {
    let left = this.unary(flags);
    while (true) {
      const kind = this.peek();
      const operatorPrecedence = binaryPrecedence(kind);
      if (operatorPrecedence <= precedence) return left;
      const operatorIndex = this.read();
      const operator = this.textOf(operatorIndex) as BinaryOperator;
      const startPos = this.pos;
      const depth = this.depth;
      let right: Expression;
      if (!this.startsOperand()) {
        right = this.recover(startPos, this.failure(`expected an expression after '${operator}'`), false, operandStops, false);
      } else {
        try {
          right = this.binary(flags, operatorPrecedence);
        } catch (error) {
          right = this.recoverFromThrow(error, startPos, depth, false, operandStops);
        }
      }
      left = this.node<BinaryExpression>(
        { kind: 'BinaryExpression', operator, left, right, offset: 0, length: 0, parent: undefined },
        left.offset,
        Math.max(end(right), this.ends[operatorIndex]),
      );
    }
  }

  /** Whether the current token can start an expression (for clearer messages than the generic one). */
  protected startsOperand(): boolean {
    switch (this.peek()) {
      case TokenKind.Identifier: case TokenKind.Integer: case TokenKind.TrueKeyword: case TokenKind.FalseKeyword:
      case TokenKind.NullKeyword: case TokenKind.StringComplete: case TokenKind.StringLeftPiece:
      case TokenKind.LeftBrace: case TokenKind.LeftSquare: case TokenKind.LeftParen:
      case TokenKind.Exclamation: case TokenKind.Minus:
        return true;
      default:
        return false;
    }
  }

  private unary(flags: ExpressionFlags): Expression {
    const kind = this.peek();
    if (kind !== TokenKind.Exclamation && kind !== TokenKind.Minus) return this.member(flags);
    const operatorIndex = this.read();
    const operator = kind === TokenKind.Exclamation ? '!' : '-';
    const operand = this.withRecovery(() => this.member(flags), false, operandStops);
    return this.node({ kind: 'UnaryExpression', operator, operand, offset: 0, length: 0, parent: undefined }, this.starts[operatorIndex], Math.max(end(operand), this.ends[operatorIndex]));
  }

  private member(flags: ExpressionFlags): Expression {
    let current = this.primary(flags);
    while (true) {
      const kind = this.peek();
      if (kind === TokenKind.LeftSquare) {
        this.read();
        let safe = false;
        let fromEnd = false;
        if (this.check(TokenKind.Question)) { this.read(); safe = true; }
        if (this.check(TokenKind.Hat)) { this.read(); fromEnd = true; }
        const index = this.check(RightSquare)
          ? this.skipEmpty('expected an index expression between [ and ]')
          : this.expression(flags);
        this.expect(RightSquare, "expected ']' to close the index");
        current = this.node({ kind: 'IndexAccess', object: current, index, safe, fromEnd, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
      } else if (kind === TokenKind.Dot) {
        this.read();
        let safe = false;
        let safeIndex = -1;
        if (this.check(TokenKind.Question)) { safeIndex = this.read(); safe = true; }
        const property = this.identifierOrSkip("expected a property or function name after '.'");
        if (this.check(TokenKind.LeftParen)) {
          if (safe) this.report(this.starts[safeIndex], this.ends[safeIndex] - this.starts[safeIndex], "'.?' cannot be used to call a function: write '.' instead");
          const args = this.callArguments(flags);
          current = this.node<FunctionCall>({ kind: 'FunctionCall', object: current, name: property, arguments: args, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
        } else {
          current = this.node({ kind: 'PropertyAccess', object: current, property, safe, offset: 0, length: 0, parent: undefined }, current.offset, Math.max(end(property), this.lastEnd()));
        }
      } else if (kind === TokenKind.DoubleColon) {
        this.read();
        const name = this.identifierOrSkip("expected a nested resource name after '::'");
        current = this.node({ kind: 'ResourceAccess', object: current, name, offset: 0, length: 0, parent: undefined }, current.offset, Math.max(end(name), this.lastEnd()));
      } else if (kind === TokenKind.Exclamation) {
        this.read();
        current = this.node({ kind: 'NonNullAssertion', expression: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
      } else {
        return current;
      }
    }
  }

  private primary(flags: ExpressionFlags): Expression {
    const index = this.pos;
    switch (this.peek()) {
      case TokenKind.Integer: {
        this.read();
        const text = this.textOf(index);
        if (text.length > 20 || (text.length === 20 && text > '18446744073709551615')) {
          this.fail('this number is too large: Bicep integers go up to 18446744073709551615', index);
        }
        return this.node({ kind: 'IntegerLiteral', value: Number(text), text, offset: 0, length: 0, parent: undefined }, this.starts[index], this.ends[index]);
      }
      case TokenKind.TrueKeyword:
      case TokenKind.FalseKeyword:
        this.read();
        return this.node({ kind: 'BooleanLiteral', value: this.kinds[index] === TokenKind.TrueKeyword, offset: 0, length: 0, parent: undefined }, this.starts[index], this.ends[index]);
      case TokenKind.NullKeyword:
        this.read();
        return this.node({ kind: 'NullLiteral', offset: 0, length: 0, parent: undefined }, this.starts[index], this.ends[index]);
      case TokenKind.StringComplete:
      case TokenKind.StringLeftPiece:
        return this.string();
      case TokenKind.LeftBrace:
        if (hasFlag(flags, ExpressionFlags.AllowComplexLiterals)) return this.object(flags);
        return this.fail('an object cannot be written here (for example inside ${...}); put it in a variable first');
      case TokenKind.LeftSquare:
        if (!hasFlag(flags, ExpressionFlags.AllowComplexLiterals)) {
          return this.fail('an array cannot be written here (for example inside ${...}); put it in a variable first');
        }
        if (this.isKeywordAt(this.indexSkippingNewLines(this.pos + 1), 'for')) return this.forExpression(flags, false);
        return this.array();
      case TokenKind.LeftParen:
        return this.parenthesizedOrLambda(flags);
      case TokenKind.Identifier:
        return this.callOrVariable(flags);
      default:
        return this.fail(`expected an expression${this.afterPrevious()}`);
    }
  }

  private callOrVariable(flags: ExpressionFlags): Expression {
    const name = this.identifierAt(this.read());
    if (this.check(TokenKind.LeftParen)) {
      const args = this.callArguments(flags);
      return this.node<FunctionCall>({ kind: 'FunctionCall', object: undefined, name, arguments: args, offset: 0, length: 0, parent: undefined }, name.offset, this.lastEnd());
    }
    if (this.check(TokenKind.Arrow)) {
      this.read();
      const body = this.lambdaBody();
      return this.node<Lambda>({ kind: 'Lambda', parameters: [name], body, offset: 0, length: 0, parent: undefined }, name.offset, Math.max(end(body), this.lastEnd()));
    }
    return this.node({ kind: 'VariableAccess', name, offset: 0, length: 0, parent: undefined }, name.offset, name.offset + name.length);
  }

  protected lambdaBody(): Expression {
    const next = this.indexSkippingNewLines();
    if (!(this.kindAt(next) === TokenKind.Identifier && declarationKeywords.has(this.textOf(next)))) this.skipNewLines();
    return this.expressionWithRecovery(ExpressionFlags.AllowComplexLiterals, false, stops(NewLine, RightParen));
  }

  /** `( args )` of a call: comma-separated, a new line allowed after a comma, no trailing comma. */
  protected callArguments(flags: ExpressionFlags): Expression[] {
    const open = this.expect(TokenKind.LeftParen, "expected '('");
    const args = this.functionElements(RightParen, () => this.expressionWithRecovery(flags, false, argumentStops), 'argument');
    if (this.check(RightParen)) {
      this.read();
    } else if (this.closedByWrongBracket) {
      this.closedByWrongBracket = false;
    } else if (this.openListStop !== undefined) {
      this.openListStop = undefined;
      this.report(this.starts[open], 1, "this '(' is not closed: add ')'");
    } else {
      this.skipEmpty("expected ')' to close the argument list");
    }
    return args;
  }

  /** Comma-separated items up to `closing` (calls and type arguments). */
  protected functionElements<T extends Node>(closing: TokenKind, parseItem: () => T | Skipped, what: string): (T | Skipped)[] {
    return this.inList(closing, () => this.functionElementList(closing, parseItem, what));
  }

  private functionElementList<T extends Node>(closing: TokenKind, parseItem: () => T | Skipped, what: string): (T | Skipped)[] {
    const items: (T | Skipped)[] = [];
    if (this.check(closing)) return items;
    this.skipNewLines();
    let expectItem = true;
    while (!this.isAtEnd() && this.peek() !== closing) {
      if (this.stopsOpenList(closing, false)) break;
      const stray = this.strayCloser(closing);
      if (stray === 'closed') break;
      if (stray === 'dropped') continue;
      if (!expectItem) {
        if (this.check(NewLine)) {
          const after = this.kindAt(this.pos + 1);
          if (after === TokenKind.EndOfFile) break;
          if (after !== closing) this.skipEmpty(`expected ',' between the ${what}s`);
          this.skipNewLines();
        } else if (this.check(Comma)) {
          this.read();
          this.skipNewLines();
          if (this.check(closing)) this.skipEmpty(`remove the trailing ',': a list of ${what}s cannot end with a comma`);
        } else {
          this.skipEmpty(`expected ',' or '${closing === RightParen ? ')' : '>'}' after the ${what}`);
        }
        expectItem = true;
        continue;
      }
      const before = this.pos;
      items.push(parseItem());
      this.ensureProgress(before, closing);
      expectItem = false;
    }
    return items;
  }

  /** Guards element loops: a piece that consumed nothing and stopped on an unexpected token would loop forever. */
  protected ensureProgress(before: number, closing: TokenKind): void {
    if (this.pos !== before) return;
    const kind = this.peek();
    if (kind !== NewLine && kind !== closing && kind !== TokenKind.EndOfFile && kind !== Comma) this.read();
  }

  /**
   * Set when a list stopped before its closing bracket because what follows cannot belong to it: the
   * missing bracket is reported at the end of the last line of the list.
   */
  protected openListStop: 'declaration' | 'enclosing' | undefined;

  /** The closing brackets of the lists being parsed, innermost last, and the token index of each opening one. */
  protected readonly openClosers: TokenKind[] = [];
  private readonly openerPositions: number[] = [];

  /** Set when a list was closed by the wrong kind of bracket (already reported). */
  protected closedByWrongBracket = false;

  /**
   * Handles a closing bracket that no open list is waiting for: on the line where this list opened
   * it is taken as this list's closing bracket, mistyped; elsewhere it is dropped. One problem
   * either way. Returns 'closed', 'dropped' or undefined (not such a bracket).
   */
  protected strayCloser(closing: TokenKind): 'closed' | 'dropped' | undefined {
    const kind = this.peek();
    if (kind !== RightBrace && kind !== RightSquare && kind !== RightParen) return undefined;
    if (kind === closing || this.openClosers.lastIndexOf(kind) >= 0) return undefined;
    const index = this.read();
    const found = this.textOf(index);
    if (this.openedOnThisLine()) {
      this.closedByWrongBracket = true;
      this.report(this.starts[index], 1, `expected '${closerText(closing)}' here, not '${found}'`);
      return 'closed';
    }
    this.report(this.starts[index], 1, `'${found}' has no matching '${openerText(kind)}': remove it`);
    return 'dropped';
  }

  /** Whether no line break lies between the innermost list's opening bracket and the current token. */
  private openedOnThisLine(): boolean {
    const opener = this.openerPositions[this.openerPositions.length - 1];
    return this.pos <= opener + 1 || this.newLinesBefore(this.pos) === this.newLinesBefore(opener + 1);
  }

  /** Runs `parse` (just after a list's opening bracket) with `closing` on the stack of expected closing brackets. */
  protected inList<T>(closing: TokenKind, parse: () => T): T {
    this.openClosers.push(closing);
    this.openerPositions.push(this.pos - 1);
    const depth = this.openClosers.length;
    try {
      return parse();
    } finally {
      this.openClosers.length = depth - 1;
      this.openerPositions.length = depth - 1;
    }
  }

  /**
   * Whether a list closed by `closing` was left open: at a declaration keyword starting a line, at
   * another kind of closing bracket, or (in arrays and calls) at a `name:` line of the enclosing
   * object. Sets `openListStop` and leaves the line break for the enclosing construct.
   */
  protected stopsOpenList(closing: TokenKind, allowNestedResource: boolean): boolean {
    const at = this.check(NewLine) ? this.pos + 1 : this.pos;
    const kind = this.kindAt(at);
    let stop: 'declaration' | 'enclosing' | undefined;
    if (kind === RightBrace || kind === RightSquare || kind === RightParen) {
      // another list's bracket closes this one only if an enclosing list is waiting for it; else it is stray
      if (kind !== closing && this.openClosers.lastIndexOf(kind) >= 0) stop = 'enclosing';
    } else if (this.isDeclarationStartAt(at, allowNestedResource)) {
      stop = 'declaration';
    } else if (
      closing !== RightBrace &&
      at > 0 && this.kinds[at - 1] === NewLine &&
      (kind === TokenKind.Identifier || kind === TokenKind.StringComplete) &&
      this.kindAt(at + 1) === Colon
    ) {
      stop = 'enclosing';
    }
    if (stop === undefined) return false;
    this.openListStop = stop;
    if (at === this.pos && this.pos > 0 && this.kinds[this.pos - 1] === NewLine) this.pos--;
    return true;
  }

  /** A declaration keyword followed by a name, like `var x` or `param p`: a new statement starts here. */
  protected atDeclarationStart(allowNestedResource: boolean): boolean {
    return this.isDeclarationStartAt(this.pos, allowNestedResource);
  }

  /**
   * A declaration keyword at the start of a line, unindented, followed by a name: a new top-level
   * statement. Indented ones are left to the enclosing object, which reports them as misplaced.
   */
  protected isDeclarationStartAt(index: number, allowNestedResource = false): boolean {
    if (this.kindAt(index) !== TokenKind.Identifier || this.kindAt(index + 1) !== TokenKind.Identifier) return false;
    const start = this.starts[index];
    if (start > 0) {
      const before = this.text.charCodeAt(start - 1);
      if (before !== 10 && before !== 13 && before !== 0xfeff) return false;
    }
    const length = this.ends[index] - this.starts[index];
    if (length < 3 || length > 15) return false;
    const word = this.textOf(index);
    if (allowNestedResource && word === 'resource') return false;
    return declarationKeywords.has(word);
  }

  /** `expect` for a closing token that reports and returns instead of throwing, so a half-typed body keeps its items. */
  protected closeOrReport(closing: TokenKind, message: string): void {
    if (this.check(closing)) {
      this.read();
    } else if (this.closedByWrongBracket) {
      this.closedByWrongBracket = false;
    } else if (this.openListStop !== undefined) {
      const suffix = this.openListStop === 'declaration' ? ' before the next declaration' : '';
      this.openListStop = undefined;
      this.report(this.lastEnd(), 0, message + suffix);
    } else {
      this.skipEmpty(message);
    }
  }

  /** `( e, e, ... )` with recovery per item; new lines allowed inside when `permitNewLines`. */
  protected parenthesizedList<T extends Node>(parseItem: () => T, permitNewLines: boolean): (T | Skipped)[] {
    return this.inList(RightParen, () => this.parenthesizedItems(parseItem, permitNewLines));
  }

  private parenthesizedItems<T extends Node>(parseItem: () => T, permitNewLines: boolean): (T | Skipped)[] {
    const open = this.expect(TokenKind.LeftParen, "expected '('");
    const items: (T | Skipped)[] = [];
    if (permitNewLines) this.skipNewLines();
    let crossedLine = this.pos > open + 1;
    let lineEnd = open + 1;
    while (!this.check(RightParen) && !(crossedLine && this.atDeclarationStart(false))) {
      const before = this.pos;
      items.push(this.withRecovery(parseItem, false, listItemStops));
      lineEnd = this.pos;
      if (permitNewLines && this.check(NewLine)) { this.skipNewLines(); crossedLine = true; }
      if (this.check(Comma)) {
        this.read();
        if (permitNewLines && this.check(NewLine)) { this.skipNewLines(); crossedLine = true; }
        if (this.pos === before) break;
      } else {
        break;
      }
    }
    const last = items.length > 0 ? items[items.length - 1] : undefined;
    if (crossedLine && !this.check(RightParen)) {
      // the '(' left open is the mistake, not whatever the next line holds
      this.report(this.starts[open], 1, "this '(' is not closed: add ')'");
      // leave the line breaks for the statement that follows
      if (this.kindAt(lineEnd) === NewLine || this.atDeclarationStart(false)) this.pos = Math.min(this.pos, lineEnd);
      this.synchronize(closeParenStops);
      return items;
    }
    this.expectOrSkip(RightParen, "expected ')'", this.suppressAfter(last), closeParenStops);
    return items;
  }

  protected parenthesized(flags: ExpressionFlags): Expression {
    const open = this.pos;
    const items = this.parenthesizedList(() => this.expression(flags), true);
    return this.parenthesizedResult(open, items);
  }

  private parenthesizedResult(open: number, items: Expression[]): Expression {
    let inner: Expression;
    if (items.length === 1) {
      inner = items[0];
    } else {
      const at = this.ends[open];
      if (!items.some((e) => e.kind === 'Skipped')) {
        this.report(at, 0, items.length === 0 ? "expected an expression inside '( )'" : "parentheses hold exactly one expression; remove the ','");
      }
      inner = this.skipped(at, items.length === 0 ? at : end(items[items.length - 1]));
    }
    return this.node({ kind: 'ParenthesizedExpression', expression: inner, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  private parenthesizedOrLambda(flags: ExpressionFlags): Expression {
    const open = this.pos;
    const items = this.parenthesizedList(() => this.expression(flags), true);
    if (!this.check(TokenKind.Arrow)) return this.parenthesizedResult(open, items);
    this.read();
    const parameters: Identifier[] = [];
    for (const item of items) {
      if (item.kind === 'VariableAccess') parameters.push(item.name);
      else if (item.kind !== 'Skipped') this.report(item.offset, item.length, 'a lambda parameter must be a plain name');
    }
    const body = this.lambdaBody();
    return this.node<Lambda>({ kind: 'Lambda', parameters, body, offset: 0, length: 0, parent: undefined }, this.starts[open], Math.max(end(body), this.lastEnd()));
  }

  // ---- decorators ----

  /** `@name`, `@name(args)`, `@ns.name(args)`, each followed by a line break. */
  protected decorators(): Decorator[] {
    if (!this.check(TokenKind.At)) return noDecorators;
    const list: Decorator[] = [];
    while (this.check(TokenKind.At)) {
      const at = this.read();
      const expression = this.check(TokenKind.Identifier)
        ? this.withRecovery(() => this.decoratorExpression(), false, stops(NewLine))
        : this.recover(this.pos, this.failure("expected a decorator name after '@'"), false, stops(NewLine), false);
      list.push(this.node({ kind: 'Decorator', expression, offset: 0, length: 0, parent: undefined }, this.starts[at], Math.max(end(expression), this.ends[at])));
      if (this.check(NewLine)) this.read();
      else this.recover(this.pos, this.failure('expected a new line after the decorator'), false, stops(NewLine), true);
      this.skipNewLines();
    }
    return list;
  }

  private decoratorExpression(): Expression {
    let current: Expression = this.callOrDecoratorName();
    while (this.check(TokenKind.Dot)) {
      this.read();
      const name = this.identifierOrSkip("expected a function or property name after '.'");
      if (this.check(TokenKind.LeftParen)) {
        const args = this.callArguments(ExpressionFlags.AllowComplexLiterals);
        current = this.node<FunctionCall>({ kind: 'FunctionCall', object: current, name, arguments: args, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
      } else {
        current = this.node({ kind: 'PropertyAccess', object: current, property: name, safe: false, offset: 0, length: 0, parent: undefined }, current.offset, Math.max(end(name), this.lastEnd()));
      }
    }
    return current;
  }

  private callOrDecoratorName(): Expression {
    const name = this.identifierAt(this.read());
    if (!this.check(TokenKind.LeftParen)) return this.node({ kind: 'VariableAccess', name, offset: 0, length: 0, parent: undefined }, name.offset, name.offset + name.length);
    const args = this.callArguments(ExpressionFlags.AllowComplexLiterals);
    return this.node<FunctionCall>({ kind: 'FunctionCall', object: undefined, name, arguments: args, offset: 0, length: 0, parent: undefined }, name.offset, this.lastEnd());
  }
}

