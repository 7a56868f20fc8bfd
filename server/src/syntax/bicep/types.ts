import { CollectionParser } from './collections';
import { ExpressionFlags, maxNestingDepth, stops } from './parserBase';
import type {
  Decorator, Identifier, ObjectType, ObjectTypeAdditionalProperties, ObjectTypeProperty, ResourceType, Skipped,
  StringLiteral, TupleType, TupleTypeItem, TypeExpression,
} from './syntaxTree';
import { TokenKind } from './tokens';

const operandStops = stops(TokenKind.StringRightPiece, TokenKind.RightBrace, TokenKind.RightParen, TokenKind.RightSquare, TokenKind.NewLine);

function end(node: { offset: number; length: number }): number {
  return node.offset + node.length;
}

/** Type expressions: unions, nullable, object and tuple types, `name<args>`, member and index access on types. */
export abstract class TypeParser extends CollectionParser {
  /** A declared type; `resource 'T@v'` allowed (the string optional when `allowOptionalResourceType`). */
  protected type(allowOptionalResourceType: boolean): TypeExpression {
    if (this.checkKeyword('resource') && this.kindAt(this.pos + 1) !== TokenKind.LeftChevron) {
      const keyword = this.read();
      let resourceType: StringLiteral | Skipped | undefined;
      const kind = this.peek();
      if (kind === TokenKind.StringComplete || kind === TokenKind.StringLeftPiece) {
        resourceType = this.string();
      } else if (!allowOptionalResourceType) {
        resourceType = this.recover(this.pos, this.failure("expected the resource type in quotes after 'resource', like 'Microsoft.Storage/storageAccounts@2023-05-01'"), false, stops(TokenKind.Assignment, TokenKind.NewLine), false);
      }
      return this.node<ResourceType>({ kind: 'ResourceType', resourceType, offset: 0, length: 0, parent: undefined }, this.starts[keyword], this.lastEnd());
    }
    return this.typeExpression();
  }

  /** `withRecovery(() => this.typeExpression(), ...)`, reporting a token that cannot start a type without throwing. */
  protected typeExpressionWithRecovery(suppress: boolean, stopMask: number): TypeExpression {
    if (!this.startsOperand() && !this.hasUnionSeparator() && this.depth < maxNestingDepth) return this.typeMissing(suppress, stopMask);
    return this.withRecovery(() => this.typeExpression(), suppress, stopMask);
  }

  private typeMissing(suppress: boolean, stopMask: number): Skipped {
    return this.recover(this.pos, this.failure(`expected a type${this.afterPrevious()}, such as string, int, bool, object, array or a type name`), suppress, stopMask, false);
  }

  protected typeExpression(): TypeExpression {
    this.enter();
    const start = this.pos;
    let leadingPipe = false;
    if (this.hasUnionSeparator()) {
      this.skipNewLines();
      this.read();
      leadingPipe = true;
    }
    const first = this.unaryType();
    if (!leadingPipe && !this.hasUnionSeparator()) {
      this.depth--;
      return first;
    }
    const members: TypeExpression[] = [first];
    while (this.hasUnionSeparator()) {
      this.skipNewLines();
      this.read();
      if (this.check(TokenKind.NewLine)) {
        members.push(this.skipEmpty("expected a type after '|'"));
      } else {
        members.push(this.startsOperand() ? this.withRecovery(() => this.unaryType(), false, operandStops) : this.typeMissing(false, operandStops));
      }
    }
    this.depth--;
    return this.node({ kind: 'UnionType', members, offset: 0, length: 0, parent: undefined }, this.starts[start], this.lastEnd());
  }

  private hasUnionSeparator(): boolean {
    return this.check(TokenKind.Pipe) || (this.check(TokenKind.NewLine) && this.kindAt(this.pos + 1) === TokenKind.Pipe);
  }

  private unaryType(): TypeExpression {
    let current = this.unaryTypeBase();
    while (true) {
      if (this.check(TokenKind.Question)) {
        this.read();
        current = this.node({ kind: 'NullableType', base: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
      } else if (this.check(TokenKind.Exclamation)) {
        this.read();
        current = this.node({ kind: 'NonNullableType', base: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
      } else {
        return current;
      }
    }
  }

  private unaryTypeBase(): TypeExpression {
    const kind = this.peek();
    if (kind !== TokenKind.Exclamation && kind !== TokenKind.Minus) return this.memberType();
    const operatorIndex = this.read();
    const operand = this.withRecovery(() => this.memberType(), false, operandStops);
    const operator = kind === TokenKind.Exclamation ? '!' : '-';
    return this.node({ kind: 'UnaryType', operator, operand, offset: 0, length: 0, parent: undefined }, this.starts[operatorIndex], Math.max(end(operand), this.ends[operatorIndex]));
  }

  private memberType(): TypeExpression {
    let current = this.primaryType();
    while (true) {
      if (this.check(TokenKind.LeftSquare)) {
        this.read();
        if (this.check(TokenKind.RightSquare)) {
          this.read();
          current = this.node({ kind: 'ArrayType', element: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
        } else if (this.check(TokenKind.Asterisk)) {
          this.read();
          this.expect(TokenKind.RightSquare, "expected ']' after '[*'");
          current = this.node({ kind: 'TypeItemsAccess', object: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
        } else {
          const index = this.expression(ExpressionFlags.None);
          this.expect(TokenKind.RightSquare, "expected ']' to close the index");
          current = this.node({ kind: 'TypeIndexAccess', object: current, index, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
        }
      } else if (this.check(TokenKind.Dot)) {
        this.read();
        if (this.check(TokenKind.Asterisk)) {
          this.read();
          current = this.node({ kind: 'TypeAdditionalPropertiesAccess', object: current, offset: 0, length: 0, parent: undefined }, current.offset, this.lastEnd());
          continue;
        }
        const property = this.identifierOrSkip("expected a property or type name after '.'");
        const typeArguments = this.check(TokenKind.LeftChevron) ? this.typeArguments() : undefined;
        current = this.node({ kind: 'TypePropertyAccess', object: current, property, typeArguments, offset: 0, length: 0, parent: undefined }, current.offset, Math.max(end(property), this.lastEnd()));
      } else {
        return current;
      }
    }
  }

  private typeArguments(): TypeExpression[] {
    this.read();
    const args = this.functionElements(
      TokenKind.RightChevron,
      () => this.typeExpressionWithRecovery(false, stops(TokenKind.NewLine, TokenKind.Comma, TokenKind.RightChevron)),
      'type argument',
    );
    this.closeOrReport(TokenKind.RightChevron, "expected '>' to close the type arguments");
    return args;
  }

  private primaryType(): TypeExpression {
    const index = this.pos;
    switch (this.peek()) {
      case TokenKind.Integer:
        this.read();
        return this.node({ kind: 'IntegerLiteral', value: Number(this.textOf(index)), text: this.textOf(index), offset: 0, length: 0, parent: undefined }, this.starts[index], this.ends[index]);
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
        return this.objectType();
      case TokenKind.LeftSquare:
        return this.tupleType();
      case TokenKind.LeftParen: {
        const items = this.parenthesizedList(() => this.typeExpression(), false);
        let inner: TypeExpression;
        if (items.length === 1) {
          inner = items[0];
        } else {
          if (!items.some((i) => i.kind === 'Skipped')) this.report(this.ends[index], 0, items.length === 0 ? "expected a type inside '( )'" : 'parentheses hold exactly one type');
          inner = this.skipped(this.ends[index], this.ends[index]);
        }
        return this.node({ kind: 'ParenthesizedType', type: inner, offset: 0, length: 0, parent: undefined }, this.starts[index], this.lastEnd());
      }
      case TokenKind.Identifier: {
        const name = this.identifierAt(this.read());
        const typeArguments = this.check(TokenKind.LeftChevron) ? this.typeArguments() : undefined;
        return this.node({ kind: 'TypeReference', name, typeArguments, offset: 0, length: 0, parent: undefined }, name.offset, this.lastEnd());
      }
      default:
        return this.fail(`expected a type${this.afterPrevious()}, such as string, int, bool, object, array or a type name`);
    }
  }

  private objectType(): ObjectType {
    const open = this.read();
    const properties = this.arrayOrObjectElements(TokenKind.RightBrace, () => this.objectTypeProperty());
    this.closeOrReport(TokenKind.RightBrace, "expected '}' to close the object type");
    return this.node({ kind: 'ObjectType', properties, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  private objectTypeProperty(): ObjectTypeProperty | ObjectTypeAdditionalProperties | Skipped {
    const start = this.pos;
    const decorators: Decorator[] = this.decorators();
    let additional = false;
    const key = this.withRecovery<Identifier | StringLiteral>(() => {
      if (this.check(TokenKind.Asterisk)) {
        const star = this.read();
        additional = true;
        return this.node<Identifier>({ kind: 'Identifier', name: '*', missing: false, offset: 0, length: 0, parent: undefined }, this.starts[star], this.ends[star]);
      }
      return this.propertyKey();
    }, false, stops(TokenKind.Colon, TokenKind.NewLine, TokenKind.RightBrace));
    const colon = this.expectOrSkip(TokenKind.Colon, "expected ':' after the property name", this.suppressAfter(key), stops(TokenKind.NewLine, TokenKind.RightBrace));
    const value = colon
      ? this.skipped(this.lastEnd(), this.lastEnd())
      : this.typeExpressionWithRecovery(false, stops(TokenKind.NewLine, TokenKind.RightBrace));
    const offset = this.starts[start];
    const stop = Math.max(end(value), this.lastEnd());
    if (additional) return this.node<ObjectTypeAdditionalProperties>({ kind: 'ObjectTypeAdditionalProperties', decorators, value, offset: 0, length: 0, parent: undefined }, offset, stop);
    return this.node<ObjectTypeProperty>({ kind: 'ObjectTypeProperty', decorators, key, value, offset: 0, length: 0, parent: undefined }, offset, stop);
  }

  private tupleType(): TupleType {
    const open = this.read();
    const items = this.arrayOrObjectElements(TokenKind.RightSquare, () =>
      this.withRecovery<TupleTypeItem>(() => {
        const start = this.pos;
        const decorators = this.decorators();
        const value = this.typeExpression();
        return this.node<TupleTypeItem>({ kind: 'TupleTypeItem', decorators, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.lastEnd());
      }, false, stops(TokenKind.NewLine, TokenKind.RightSquare)),
    );
    this.closeOrReport(TokenKind.RightSquare, "expected ']' to close the tuple type");
    return this.node({ kind: 'TupleType', items, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }
}
