import { ExpressionParser } from './expressions';
import { declarationKeywords } from './keywords';
import { StringInfo } from './lexer';
import { ExpressionFlags, ParseFailure, stops } from './parserBase';
import { decodeEscapes, skipLeadingLineBreak } from './strings';
import type {
  ArrayExpression, Expression, ForExpression, Identifier, IfCondition, Node, ObjectExpression, ObjectMember, ObjectProperty, Skipped,
  SpreadExpression, StringLiteral, StringSegment,
} from './syntaxTree';
import { TokenKind } from './tokens';

const NewLine = TokenKind.NewLine;
const RightBrace = TokenKind.RightBrace;
const RightSquare = TokenKind.RightSquare;
const StringRightPiece = TokenKind.StringRightPiece;
const StringMiddlePiece = TokenKind.StringMiddlePiece;
const Comma = TokenKind.Comma;
const Colon = TokenKind.Colon;

const objectElementStops = stops(NewLine, RightBrace);
const arrayElementStops = stops(NewLine, RightSquare);
const holeStops = stops(StringMiddlePiece, StringRightPiece, NewLine);

// shared by every string without holes
const noExpressions = [] as Expression[];

function hasFlag(flags: ExpressionFlags, flag: ExpressionFlags): boolean {
  return (flags & flag) === flag;
}

function end(node: Node): number {
  return node.offset + node.length;
}

/** Objects, arrays, `[for ...]` loops, `if (...)` bodies and strings: the bracketed parts of expressions. */
export abstract class CollectionParser extends ExpressionParser {
  /** Items separated by one comma or one line break, up to `closing` (objects, arrays, object and tuple types, import lists). */
  protected arrayOrObjectElements<T extends Node>(closing: TokenKind, parseItem: () => T, allowNestedResource = false): T[] {
    return this.inList(closing, () => this.elementList(closing, parseItem, allowNestedResource));
  }

  private elementList<T extends Node>(closing: TokenKind, parseItem: () => T, allowNestedResource: boolean): T[] {
    const items: T[] = [];
    if (this.check(closing)) return items;
    this.skipNewLines();
    let expectItem = true;
    while (!this.isAtEnd() && this.peek() !== closing) {
      // what follows cannot be an item (`var x`, a `}` of the enclosing object): the closing bracket was forgotten
      if (this.stopsOpenList(closing, allowNestedResource)) break;
      const stray = this.strayCloser(closing);
      if (stray === 'closed') break;
      if (stray === 'dropped') continue;
      if (!expectItem) {
        if (this.check(NewLine)) {
          this.skipNewLines();
        } else if (this.check(Comma)) {
          this.read();
          if (this.check(NewLine)) {
            this.skipEmpty("remove the ',' at the end of the line: items on separate lines need no comma");
            this.skipNewLines();
          }
        } else {
          this.skipEmpty("expected a new line or ',' between items");
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

  protected object(flags: ExpressionFlags): ObjectExpression {
    this.enter();
    const open = this.expect(TokenKind.LeftBrace, "expected '{'");
    const properties = this.arrayOrObjectElements(RightBrace, () => this.objectElement(flags), hasFlag(flags, ExpressionFlags.AllowResourceDeclarations));
    this.closeOrReport(RightBrace, "expected '}' to close the object");
    this.depth--;
    return this.node({ kind: 'ObjectExpression', properties, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  private objectElement(flags: ExpressionFlags): ObjectMember {
    const startPos = this.pos;
    const depth = this.depth;
    try {
      return this.objectElementOrThrow(flags);
    } catch (error) {
      return this.recoverFromThrow(error, startPos, depth, false, objectElementStops);
    }
  }

  private objectElementOrThrow(flags: ExpressionFlags): ObjectMember {
    if (
      hasFlag(flags, ExpressionFlags.AllowResourceDeclarations) &&
      (this.check(TokenKind.At) || (this.checkKeyword('resource') && this.kindAt(this.pos + 1) === TokenKind.Identifier))
    ) {
      return this.declaration('resource') as ObjectMember;
    }
    if (this.check(TokenKind.Ellipsis)) return this.spread(stops(Comma, NewLine, RightBrace));
    const start = this.pos;
    if (this.kindAt(start + 1) === TokenKind.Identifier && this.check(TokenKind.Identifier) && declarationKeywords.has(this.textOf(start))) {
      return this.misplacedDeclaration();
    }
    const keyKind = this.peek();
    const key =
      keyKind === TokenKind.Identifier
        ? this.identifierAt(this.read())
        : keyKind === TokenKind.StringComplete || keyKind === TokenKind.StringLeftPiece
          ? this.withRecovery<Identifier | StringLiteral>(() => this.propertyKey(), false, stops(Colon, NewLine, RightBrace))
          : this.recover(this.pos, this.failure('expected a property name (a name or a quoted string)'), false, stops(Colon, NewLine, RightBrace), false);
    const colon = this.expectOrSkip(Colon, "expected ':' after the property name", this.suppressAfter(key), objectElementStops);
    let value: Expression;
    if (colon) {
      value = this.skipped(this.lastEnd(), this.lastEnd());
    } else if (this.check(NewLine) || this.isAtEnd() || this.check(RightBrace)) {
      value = this.recover(this.pos, this.failure("expected a value after ':'"), false, objectElementStops, false);
    } else {
      value = this.expressionWithRecovery(ExpressionFlags.AllowComplexLiterals, false, objectElementStops);
    }
    return this.node<ObjectProperty>({ kind: 'ObjectProperty', key, value, offset: 0, length: 0, parent: undefined }, this.starts[start], Math.max(end(value), this.lastEnd()));
  }

  /** A declaration written inside an object: reported, parsed (so its braces pair up) and kept as skipped text. */
  protected misplacedDeclaration(): Skipped {
    const start = this.pos;
    const keyword = this.textOf(start);
    this.report(this.starts[start], this.ends[start] - this.starts[start], `a '${keyword}' declaration cannot be written inside an object; move it to the top level`);
    this.declaration();
    return this.skipped(this.starts[start], this.lastEnd());
  }

  protected propertyKey(): Identifier | StringLiteral {
    const kind = this.peek();
    if (kind === TokenKind.Identifier) return this.identifierAt(this.read());
    if (kind === TokenKind.StringComplete || kind === TokenKind.StringLeftPiece) {
      const key = this.string();
      if (key.kind === 'Skipped') this.fail('expected a property name');
      return key;
    }
    return this.fail('expected a property name (a name or a quoted string)');
  }

  private spread(stopMask: number): SpreadExpression {
    const start = this.read();
    const expression = this.expressionWithRecovery(ExpressionFlags.AllowComplexLiterals, false, stopMask);
    return this.node({ kind: 'SpreadExpression', expression, offset: 0, length: 0, parent: undefined }, this.starts[start], Math.max(end(expression), this.ends[start]));
  }

  protected array(): ArrayExpression {
    this.enter();
    const open = this.expect(TokenKind.LeftSquare, "expected '['");
    const items = this.arrayOrObjectElements(RightSquare, (): Expression | SpreadExpression =>
      this.check(TokenKind.Ellipsis)
        ? this.withRecovery(() => this.spread(stops(Comma, NewLine, RightSquare)), false, arrayElementStops)
        : this.expressionWithRecovery(ExpressionFlags.AllowComplexLiterals, false, arrayElementStops),
    );
    this.closeOrReport(RightSquare, "expected ']' to close the array");
    this.depth--;
    return this.node({ kind: 'ArrayExpression', items, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  protected forExpression(flags: ExpressionFlags, resourceContext: boolean): ForExpression {
    this.enter();
    const open = this.expect(TokenKind.LeftSquare, "expected '['");
    this.skipNewLines();
    this.expectKeyword('for', "expected 'for'");
    let item: Identifier;
    let index: Identifier | undefined;
    let variableFailed = false;
    if (this.check(TokenKind.Identifier)) {
      item = this.identifierAt(this.read());
    } else if (this.check(TokenKind.LeftParen)) {
      [item, index, variableFailed] = this.loopVariableBlock();
    } else {
      item = this.missingIdentifier(this.skipEmpty("expected a loop variable name or '(item, index)' after 'for'"));
      variableFailed = true;
    }
    const inKeyword = this.checkKeyword('in')
      ? (this.read(), undefined)
      : this.recover(this.pos, this.failure("expected 'in' after the loop variable"), variableFailed, stops(RightSquare, NewLine), false);
    // after the first mistake in a loop header, what follows is usually skipped text: one problem is enough
    let failed = variableFailed || inKeyword !== undefined;
    const iterable = this.withRecovery(() => this.expression(ExpressionFlags.AllowComplexLiterals), failed, stops(Colon, RightSquare, NewLine));
    failed ||= iterable.kind === 'Skipped';
    const colon = this.expectOrSkip(Colon, "expected ':' after the collection of the loop", failed, stops(RightSquare, NewLine));
    failed ||= colon !== undefined;
    const body = this.withRecovery<Expression | IfCondition>(
      () => this.forBody(flags, resourceContext),
      failed,
      stops(RightSquare, NewLine),
    );
    if (body.kind !== 'Skipped' && this.check(NewLine)) {
      if (this.isDeclarationStartAt(this.pos + 1)) {
        this.report(this.lastEnd(), 0, "expected ']' to close the loop before the next declaration");
        this.depth--;
        return this.node({ kind: 'ForExpression', item, index, iterable, body, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
      }
      this.skipNewLines();
    }
    if (this.check(RightSquare)) this.read();
    else {
      this.recover(this.pos, this.failure("expected ']' to close the loop"), this.suppressAfter(body), stops(RightSquare, NewLine), false);
      if (this.check(RightSquare)) this.read();
    }
    this.depth--;
    return this.node({ kind: 'ForExpression', item, index, iterable, body, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  private loopVariableBlock(): [Identifier, Identifier | undefined, boolean] {
    const open = this.pos;
    const items = this.parenthesizedList(() => this.expression(ExpressionFlags.None), false);
    const names = items.map((e) => (e.kind === 'VariableAccess' ? e.name : undefined));
    if (names.length !== 2 || names.some((n) => n === undefined)) {
      const failed = items.some((e) => e.kind === 'Skipped');
      if (!failed) {
        this.report(this.starts[open], this.lastEnd() - this.starts[open], 'a loop variable block holds two names: (item, index)');
      }
      const first = names[0] ?? this.missingIdentifier(this.skipped(this.starts[open], this.starts[open]));
      return [first, names[1], true];
    }
    return [names[0]!, names[1], false];
  }

  private forBody(flags: ExpressionFlags, resourceContext: boolean): Expression | IfCondition {
    if (!resourceContext) return this.expression(flags | ExpressionFlags.AllowComplexLiterals);
    if (this.check(TokenKind.LeftBrace)) return this.object(flags);
    if (this.checkKeyword('if')) return this.ifCondition(flags, true);
    return this.fail("expected '{' or 'if' to start the body");
  }

  protected ifCondition(flags: ExpressionFlags, insideFor: boolean): IfCondition {
    const keyword = this.expectKeyword('if', "expected 'if'");
    const condition = this.withRecovery(
      () => {
        if (!this.check(TokenKind.LeftParen)) this.fail("expected the condition in ( ) after 'if'");
        return this.parenthesized(flags & ~ExpressionFlags.AllowResourceDeclarations);
      },
      false,
      insideFor ? stops(RightSquare, TokenKind.LeftBrace, NewLine) : stops(TokenKind.LeftBrace, NewLine),
    );
    const body = this.withRecovery(
      () => this.objectOrFail(flags, "expected '{' after the condition"),
      this.suppressAfter(condition),
      insideFor ? stops(RightSquare, NewLine) : stops(NewLine),
    );
    return this.node({ kind: 'IfCondition', condition, body, offset: 0, length: 0, parent: undefined }, this.starts[keyword], Math.max(end(body), this.lastEnd()));
  }

  protected objectOrFail(flags: ExpressionFlags, message: string): ObjectExpression {
    if (!this.check(TokenKind.LeftBrace)) this.fail(message);
    return this.object(flags);
  }

  // ---- strings ----

  /** A string from its tokens: one complete token, or left piece, holes, middle pieces, right piece. */
  protected string(): StringLiteral | Skipped {
    const first = this.pos;
    const firstKind = this.peek();
    const multiline = (this.info[first] & StringInfo.multiline) !== 0;
    const segments: StringSegment[] = [];
    segments.push(this.segment(this.read(), true));
    if (firstKind === TokenKind.StringComplete) {
      const expressions = noExpressions;
      return this.node<StringLiteral>(
        { kind: 'StringLiteral', segments, expressions, value: segments[0].value, multiline, offset: 0, length: 0, parent: undefined },
        this.starts[first],
        this.ends[first],
      );
    }
    const expressions: Expression[] = [];
    while (true) {
      const empty = this.peek() === StringMiddlePiece || this.peek() === StringRightPiece;
      const hole = empty
        ? this.recover(this.pos, new ParseFailure(this.starts[this.pos], 1, 'expected an expression inside ${}'), false, holeStops, false)
        : this.withRecovery(() => this.holeExpression(), false, holeStops);
      expressions.push(hole);
      const kind = this.peek();
      if (kind === StringMiddlePiece) {
        segments.push(this.segment(this.read(), false));
      } else if (kind === StringRightPiece) {
        segments.push(this.segment(this.read(), false));
        return this.node<StringLiteral>({ kind: 'StringLiteral', segments, expressions, value: undefined, multiline, offset: 0, length: 0, parent: undefined }, this.starts[first], this.lastEnd());
      } else {
        // a line break or the end inside a hole: the lexer has reported the unclosed string
        return this.skipped(this.starts[first], this.lastEnd());
      }
    }
  }

  private holeExpression(): Expression {
    const expression = this.expression(ExpressionFlags.None);
    const kind = this.peek();
    if (kind !== StringMiddlePiece && kind !== StringRightPiece && kind !== NewLine) {
      this.fail('unexpected text inside ${...}: close the expression with }');
    }
    return expression;
  }

  private segment(index: number, first: boolean): StringSegment {
    const kind = this.kinds[index];
    const flags = this.info[index];
    const s = this.starts[index];
    const e = this.ends[index];
    const unterminated = (flags & StringInfo.unterminated) !== 0;
    let contentStart: number;
    let contentEnd: number;
    let value: string;
    if ((flags & StringInfo.multiline) !== 0) {
      const dollars = flags >> StringInfo.dollarShift;
      contentStart = first ? s + dollars + 3 : s + 1;
      if (kind === TokenKind.StringComplete || kind === StringRightPiece) contentEnd = unterminated ? e : e - 3;
      else contentEnd = e - dollars - 1;
      contentStart = Math.min(contentStart, e);
      contentEnd = Math.max(contentStart, contentEnd);
      const valueStart = first ? skipLeadingLineBreak(this.text, contentStart, contentEnd) : contentStart;
      value = this.text.slice(valueStart, contentEnd);
    } else {
      contentStart = Math.min(s + 1, e);
      if (kind === TokenKind.StringComplete || kind === StringRightPiece) contentEnd = unterminated ? e : e - 1;
      else contentEnd = e - 2;
      contentEnd = Math.max(contentStart, contentEnd);
      value = decodeEscapes(this.text, contentStart, contentEnd);
    }
    return { kind: 'StringSegment', value, offset: contentStart, length: contentEnd - contentStart, parent: undefined };
  }

}
