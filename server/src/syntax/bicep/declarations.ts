import { declarationKeywordList } from './keywords';
import type { TokenStream } from './lexer';
import { ExpressionFlags, stops } from './parserBase';
import type {
  Declaration, Decorator, Expression, ExtensionDeclaration, Identifier, ImportedSymbol, ImportedSymbolList,
  ImportDeclaration, Node, ObjectExpression, Program, ResourceBody, Skipped, Statement, StringLiteral, TypedLambda,
  TypedParameter, TypeExpression, WildcardImport,
} from './syntaxTree';
import { TokenKind } from './tokens';
import { TypeParser } from './types';

const NL = stops(TokenKind.NewLine);
const complex = ExpressionFlags.AllowComplexLiterals;

function end(node: Node): number {
  return node.offset + node.length;
}

const bicepStatementHint = 'param, var, resource, module, output, type, func, import, metadata or targetScope';
const paramsStatementHint = 'using, param, var, type, import or extensionConfig';

/** Statements of .bicep and .bicepparam files; each ends at a line break. */
export class BicepParser extends TypeParser {
  constructor(
    text: string,
    tokens: TokenStream,
    private readonly paramsFile: boolean,
  ) {
    super(text, tokens);
  }

  program(): Program {
    const statements: Statement[] = [];
    while (!this.isAtEnd()) {
      if (this.check(TokenKind.NewLine)) {
        this.read();
        continue;
      }
      const before = this.pos;
      const statement = this.declaration();
      statements.push(statement);
      if (statement.kind !== 'Skipped' && !this.isAtEnd()) {
        if (this.check(TokenKind.NewLine)) this.read();
        else this.recover(this.pos, this.failure('unexpected text after the end of the declaration: start a new line'), false, NL, true);
      }
      this.resumeAfterBailing();
      if (this.pos === before) this.read();
    }
    this.resumeAfterBailing();
    return this.node<Program>({ kind: 'Program', statements, offset: 0, length: 0, parent: undefined }, 0, this.text.length);
  }

  protected declaration(expectedKeyword?: string): Declaration | Skipped {
    if (!this.check(TokenKind.Identifier) && !this.check(TokenKind.At)) {
      // reported and skipped as the failure below would be, without throwing (a line of stray characters per error)
      const message = expectedKeyword !== undefined ? `expected a nested '${expectedKeyword}' declaration` : 'expected a declaration: ' + (this.paramsFile ? paramsStatementHint : bicepStatementHint);
      return this.recover(this.pos, this.failure(message), false, NL, false);
    }
    return this.withRecovery<Declaration | Skipped>(() => {
      const start = this.pos;
      const decorators = this.decorators();
      const keyword = this.check(TokenKind.Identifier) ? this.textOf(this.pos) : undefined;
      if (keyword !== undefined && (expectedKeyword === undefined || keyword === expectedKeyword)) {
        const declaration = this.paramsFile ? this.paramsDeclaration(keyword, decorators, start) : this.bicepDeclaration(keyword, decorators, start);
        if (declaration) return declaration;
      }
      if (keyword !== undefined && expectedKeyword !== undefined && declarationKeywordList.includes(keyword)) {
        return this.misplacedDeclaration();
      }
      if (decorators.length > 0) {
        if (expectedKeyword !== undefined) this.report(this.starts[this.pos], this.ends[this.pos] - this.starts[this.pos], `expected a nested '${expectedKeyword}' declaration after the decorators`);
        return this.node<Declaration>({ kind: 'MissingDeclaration', decorators, offset: 0, length: 0, parent: undefined }, this.starts[start], this.lastEnd());
      }
      if (expectedKeyword !== undefined) return this.fail(`expected a nested '${expectedKeyword}' declaration`);
      const found = this.check(TokenKind.Identifier) ? `'${this.textOf(this.pos)}' does not start a declaration: expected ` : 'expected a declaration: ';
      return this.fail(found + (this.paramsFile ? paramsStatementHint : bicepStatementHint));
    }, false, NL);
  }

  private bicepDeclaration(keyword: string, decorators: Decorator[], start: number): Declaration | undefined {
    switch (keyword) {
      case 'targetScope': return this.targetScope(decorators, start);
      case 'metadata': return this.named('MetadataDeclaration', decorators, start, 'expected a metadata name');
      case 'param': return this.parameter(decorators, start);
      case 'var': return this.variable(decorators, start);
      case 'type': return this.typeDeclaration(decorators, start);
      case 'func': return this.functionDeclaration(decorators, start);
      case 'resource': return this.resource(decorators, start);
      case 'module': return this.moduleOrTest('ModuleDeclaration', decorators, start);
      case 'test': return this.moduleOrTest('TestDeclaration', decorators, start);
      case 'output': return this.output(decorators, start);
      case 'import': return this.importDeclaration(decorators, start);
      case 'extension': return this.extension(decorators, start, false);
      case 'assert': return this.named('AssertDeclaration', decorators, start, 'expected a name for the assertion');
      default: return undefined;
    }
  }

  private paramsDeclaration(keyword: string, decorators: Decorator[], start: number): Declaration | undefined {
    switch (keyword) {
      case 'using': return this.using(decorators, start);
      case 'extends': return this.extendsDeclaration(decorators, start);
      case 'param': return this.named('ParameterAssignment', decorators, start, 'expected a parameter name');
      case 'var': return this.variable(decorators, start);
      case 'type': return this.typeDeclaration(decorators, start);
      case 'import': return this.importDeclaration(decorators, start);
      case 'extension': return this.extension(decorators, start, false);
      case 'extensionConfig': return this.extensionConfig(decorators, start);
      default: return undefined;
    }
  }

  // ---- shared pieces ----

  private assignment(suppress: boolean, what: string, stopMask = NL): Skipped | undefined {
    return this.expectOrSkip(TokenKind.Assignment, `expected '=' and ${what}`, suppress, stopMask);
  }

  private value(suppress: boolean): Expression {
    return this.withRecovery(() => {
      if (this.check(TokenKind.NewLine) || this.isAtEnd()) this.fail(`expected a value${this.afterPrevious()}`);
      return this.expression(complex);
    }, suppress, NL);
  }

  private declarationEnd(value: Node | undefined): number {
    return value ? Math.max(end(value), this.lastEnd()) : this.lastEnd();
  }

  /** At a line end that does not continue with `| member` of a union type. */
  private atLineEndWithoutUnion(): boolean {
    if (this.isAtEnd()) return true;
    return this.check(TokenKind.NewLine) && this.kindAt(this.pos + 1) !== TokenKind.Pipe;
  }

  private stringOrFail(message: string): StringLiteral {
    const kind = this.peek();
    if (kind !== TokenKind.StringComplete && kind !== TokenKind.StringLeftPiece) this.fail(message);
    const result = this.string();
    if (result.kind === 'Skipped') this.fail(message);
    return result;
  }

  // ---- declarations ----

  private targetScope(decorators: Decorator[], start: number): Declaration {
    this.read();
    const assignment = this.assignment(false, "the scope, like targetScope = 'subscription'");
    const value = assignment ? assignment : this.value(false);
    return this.node({ kind: 'TargetScopeDeclaration', decorators, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  /** `keyword name = value` declarations: metadata, assert, and param in a .bicepparam file. */
  private named(kind: 'MetadataDeclaration' | 'AssertDeclaration' | 'ParameterAssignment', decorators: Decorator[], start: number, nameMessage: string): Declaration {
    this.read();
    const name = this.identifierWithRecovery(nameMessage, false, stops(TokenKind.Assignment, TokenKind.NewLine, TokenKind.Identifier));
    const assignment = this.assignment(this.suppressAfter(name), 'a value');
    const value = assignment ? this.skipped(this.lastEnd(), this.lastEnd()) : this.value(false);
    return this.node<Declaration>({ kind, decorators, name, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  private parameter(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected a parameter name', false, stops(TokenKind.Identifier, TokenKind.NewLine));
    const type = this.withRecovery(() => {
      if (this.atLineEndWithoutUnion() || this.check(TokenKind.Assignment)) this.fail(`expected the parameter's type (string, int, bool, object, array or a type name)`);
      return this.type(false);
    }, name.missing, stops(TokenKind.Assignment, TokenKind.LeftBrace, TokenKind.NewLine));
    let defaultValue: Expression | undefined;
    if (this.check(TokenKind.Assignment)) {
      this.read();
      defaultValue = this.value(false);
    } else if (!this.check(TokenKind.NewLine) && !this.isAtEnd()) {
      defaultValue = this.recover(this.pos, this.failure("expected '=' and a default value, or a new line"), this.suppressAfter(type), NL, false);
    }
    return this.node({ kind: 'ParameterDeclaration', decorators, name, type, defaultValue, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(defaultValue ?? type));
  }

  private variable(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected a variable name', false, stops(TokenKind.Identifier, TokenKind.NewLine));
    let type: TypeExpression | undefined;
    const kind = this.peek();
    if (kind !== TokenKind.NewLine && kind !== TokenKind.EndOfFile && kind !== TokenKind.Assignment) {
      type = this.withRecovery(() => this.type(false), this.suppressAfter(name), stops(TokenKind.Assignment, TokenKind.NewLine));
    }
    const assignment = this.assignment(this.suppressAfter(type ?? name), 'a value');
    const value = assignment ? this.skipped(this.lastEnd(), this.lastEnd()) : this.value(false);
    return this.node({ kind: 'VariableDeclaration', decorators, name, type, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  private typeDeclaration(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected a type name', false, stops(TokenKind.Assignment, TokenKind.NewLine));
    const assignment = this.assignment(this.suppressAfter(name), 'a type');
    const value = assignment
      ? this.skipped(this.lastEnd(), this.lastEnd())
      : this.withRecovery(() => {
          if (this.atLineEndWithoutUnion()) this.fail("expected a type after '='");
          return this.type(false);
        }, false, stops(TokenKind.Assignment, TokenKind.LeftBrace, TokenKind.NewLine));
    return this.node({ kind: 'TypeDeclaration', decorators, name, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  private functionDeclaration(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected a function name', false, stops(TokenKind.Assignment, TokenKind.NewLine));
    const lambda = this.withRecovery(() => this.typedLambda(), this.suppressAfter(name), NL);
    return this.node({ kind: 'FunctionDeclaration', decorators, name, lambda, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(lambda));
  }

  private typedLambda(): TypedLambda {
    if (!this.check(TokenKind.LeftParen)) this.fail("expected '(' and the function's parameters");
    const open = this.pos;
    const parameters = this.parenthesizedList(() => this.typedParameter(), true);
    const returnType = this.check(TokenKind.Arrow)
      ? this.skipEmpty("expected the function's return type before '=>'")
      : this.withRecovery(() => this.type(false), false, stops(TokenKind.NewLine, TokenKind.RightParen));
    const arrow = this.expectOrSkip(TokenKind.Arrow, "expected '=>' and the function body", false, stops(TokenKind.NewLine, TokenKind.RightParen));
    const body = arrow ? this.skipped(this.lastEnd(), this.lastEnd()) : this.lambdaBody();
    return this.node<TypedLambda>({ kind: 'TypedLambda', parameters, returnType, body, offset: 0, length: 0, parent: undefined }, this.starts[open], Math.max(end(body), this.lastEnd()));
  }

  private typedParameter(): TypedParameter {
    const name = this.identifierOrSkip('expected a parameter name');
    const type = this.withRecovery(() => this.type(false), false, stops(TokenKind.NewLine, TokenKind.Comma, TokenKind.RightParen));
    return this.node({ kind: 'TypedParameter', name, type, offset: 0, length: 0, parent: undefined }, name.offset, Math.max(end(type), this.lastEnd()));
  }

  private resource(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected a resource name', false, stops(TokenKind.StringComplete, TokenKind.StringLeftPiece, TokenKind.NewLine));
    const type = this.withRecovery(
      () => this.stringOrFail("expected the resource type in quotes, like 'Microsoft.Insights/actionGroups@2023-01-01'"),
      this.suppressAfter(name),
      stops(TokenKind.Assignment, TokenKind.NewLine),
    );
    const existing = this.checkKeyword('existing');
    if (existing) this.read();
    const value = this.body(ExpressionFlags.AllowResourceDeclarations | complex, type);
    return this.node({ kind: 'ResourceDeclaration', decorators, name, type, existing, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  private moduleOrTest(kind: 'ModuleDeclaration' | 'TestDeclaration', decorators: Decorator[], start: number): Declaration {
    this.read();
    const what = kind === 'ModuleDeclaration' ? 'module' : 'test';
    const name = this.identifierWithRecovery(`expected a ${what} name`, false, stops(TokenKind.StringComplete, TokenKind.StringLeftPiece, TokenKind.NewLine));
    const path = this.withRecovery(
      () => this.stringOrFail(`expected the ${what} path in quotes, like './${what}.bicep'${kind === 'ModuleDeclaration' ? " or 'br/public:...'" : ''}`),
      this.suppressAfter(name),
      stops(TokenKind.Assignment, TokenKind.NewLine),
    );
    if (kind === 'ModuleDeclaration') {
      const value = this.body(complex, path);
      return this.node({ kind, decorators, name, path, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
    }
    const value = this.testBody(path);
    return this.node({ kind, decorators, name, path, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  /** `= {…}`, `= if (c) {…}` or `= [for …]` of a resource or module. */
  private body(flags: ExpressionFlags, previous: Node): ResourceBody {
    const assignment = this.expectOrSkip(TokenKind.Assignment, "expected '=' and the body in { }", this.suppressAfter(previous), stops(TokenKind.LeftBrace, TokenKind.NewLine));
    if (!assignment && this.peek() === TokenKind.NewLine && this.isKeywordAt(this.pos + 1, 'if')) this.read();
    return this.withRecovery<ResourceBody>(() => {
      if (this.checkKeyword('if')) return this.ifCondition(flags, false);
      if (this.check(TokenKind.LeftBrace)) return this.object(flags);
      if (this.check(TokenKind.LeftSquare)) return this.forExpression(flags, true);
      return this.fail("expected '{', 'if' or '[for' to start the body");
    }, this.suppressAfter(assignment), NL);
  }

  private testBody(previous: Node): ObjectExpression | Skipped {
    const assignment = this.expectOrSkip(TokenKind.Assignment, "expected '=' and the test parameters in { }", this.suppressAfter(previous), stops(TokenKind.LeftBrace, TokenKind.NewLine));
    return this.withRecovery(() => this.objectOrFail(complex, "expected '{' to start the test body"), this.suppressAfter(assignment), NL);
  }

  private output(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected an output name', false, stops(TokenKind.Identifier, TokenKind.NewLine));
    const type = this.withRecovery(() => {
      if (this.check(TokenKind.Assignment) || this.check(TokenKind.NewLine) || this.isAtEnd()) this.fail("expected the output's type (string, int, bool, object, array or a type name)");
      return this.type(true);
    }, this.suppressAfter(name), stops(TokenKind.Assignment, TokenKind.NewLine));
    const assignment = this.assignment(this.suppressAfter(type), 'the output value');
    const value = assignment ? this.skipped(this.lastEnd(), this.lastEnd()) : this.value(false);
    return this.node({ kind: 'OutputDeclaration', decorators, name, type, value, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(value));
  }

  private importDeclaration(decorators: Decorator[], start: number): Declaration {
    this.read();
    const kind = this.peek();
    if (kind === TokenKind.StringComplete || kind === TokenKind.StringLeftPiece) return this.extension(decorators, start, true);
    let symbols: ImportedSymbolList | WildcardImport | Skipped;
    if (kind === TokenKind.LeftBrace) {
      symbols = this.importedSymbolList();
    } else if (kind === TokenKind.Asterisk) {
      symbols = this.withRecovery(() => this.wildcardImport(), false, NL);
    } else if (kind === TokenKind.NewLine || kind === TokenKind.EndOfFile || kind === TokenKind.Identifier) {
      symbols = this.skipEmpty("expected '{' and the names to import, or '* as name'");
    } else {
      const bad = this.read();
      this.report(this.starts[bad], this.ends[bad] - this.starts[bad], "expected '{' and the names to import, or '* as name'");
      symbols = this.skipped(this.starts[bad], this.ends[bad]);
    }
    const from = this.withRecovery(() => {
      this.expectKeyword('from', "expected 'from' and the path of the file to import from");
      return this.stringOrFail("expected the path in quotes after 'from'");
    }, symbols.kind === 'Skipped', NL);
    return this.node<ImportDeclaration>({ kind: 'ImportDeclaration', decorators, symbols, from, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(from));
  }

  private importedSymbolList(): ImportedSymbolList {
    const open = this.read();
    const items = this.arrayOrObjectElements(TokenKind.RightBrace, () => this.importedSymbol());
    this.closeOrReport(TokenKind.RightBrace, "expected '}' to close the list of imported names");
    return this.node({ kind: 'ImportedSymbolList', items, offset: 0, length: 0, parent: undefined }, this.starts[open], this.lastEnd());
  }

  private importedSymbol(): ImportedSymbol | Skipped {
    const kind = this.peek();
    let name: Identifier | StringLiteral;
    if (kind === TokenKind.Identifier) {
      name = this.identifierAt(this.read());
    } else if (kind === TokenKind.StringComplete) {
      const s = this.string();
      if (s.kind === 'Skipped') return s;
      name = s;
    } else {
      const bad = this.read();
      this.report(this.starts[bad], this.ends[bad] - this.starts[bad], 'expected the name of an exported symbol');
      return this.skipped(this.starts[bad], this.ends[bad]);
    }
    let alias: Identifier | undefined;
    if (this.checkKeyword('as')) {
      this.read();
      alias = this.identifierWithRecovery("expected a name after 'as'", false, stops(TokenKind.Comma, TokenKind.NewLine));
    } else if (name.kind === 'StringLiteral') {
      this.report(name.offset, name.length, "a quoted imported name needs an alias: add 'as name'");
    }
    return this.node<ImportedSymbol>({ kind: 'ImportedSymbol', name, alias, offset: 0, length: 0, parent: undefined }, name.offset, this.lastEnd());
  }

  private wildcardImport(): WildcardImport {
    const star = this.read();
    this.expectKeyword('as', "expected 'as' and a namespace name after '*'");
    const alias = this.identifierAt(this.expect(TokenKind.Identifier, "expected a namespace name after 'as'"));
    return this.node({ kind: 'WildcardImport', alias, offset: 0, length: 0, parent: undefined }, this.starts[star], this.lastEnd());
  }

  private extension(decorators: Decorator[], start: number, legacyImport: boolean): Declaration {
    if (!legacyImport) this.read();
    let specification: Identifier | StringLiteral | Skipped;
    if (this.check(TokenKind.Identifier)) specification = this.identifierAt(this.read());
    else specification = this.withRecovery(() => this.stringOrFail("expected the extension name, or its reference in quotes"), false, NL);
    let config: ObjectExpression | Skipped | undefined;
    let alias: Identifier | undefined;
    const afterSpec = this.peek();
    if (afterSpec !== TokenKind.NewLine && afterSpec !== TokenKind.EndOfFile && !this.checkKeyword('as')) {
      config = this.withRecovery(() => this.withClause("expected 'with', 'as' or a new line"), this.suppressAfter(specification), NL);
    }
    const afterConfig = this.peek();
    if (afterConfig !== TokenKind.NewLine && afterConfig !== TokenKind.EndOfFile) {
      const asClause = this.withRecovery(() => {
        this.expectKeyword('as', "expected 'as' and an alias, or a new line");
        return this.identifierAt(this.expect(TokenKind.Identifier, "expected an alias name after 'as'"));
      }, this.suppressAfter(config), NL);
      if (asClause.kind === 'Identifier') alias = asClause;
    }
    return this.node<ExtensionDeclaration>(
      { kind: 'ExtensionDeclaration', decorators, specification, config, alias, legacyImport, offset: 0, length: 0, parent: undefined },
      this.starts[start],
      this.lastEnd(),
    );
  }

  private withClause(message: string): ObjectExpression | Skipped {
    this.expectKeyword('with', message);
    return this.withRecovery(() => this.objectOrFail(complex, "expected '{' and the configuration after 'with'"), false, NL);
  }

  private using(decorators: Decorator[], start: number): Declaration {
    this.read();
    let path: StringLiteral | Skipped | undefined;
    const kind = this.peek();
    if (kind === TokenKind.Identifier) {
      this.expectKeyword('none', "expected the path of the Bicep file in quotes, or 'none'");
    } else if (kind === TokenKind.StringComplete) {
      path = this.stringOrFail('expected the path of the Bicep file in quotes');
    } else {
      path = this.skipEmpty("expected the path of the Bicep file in quotes, or 'none'");
    }
    let config: ObjectExpression | Skipped | undefined;
    const after = this.peek();
    if (after !== TokenKind.NewLine && after !== TokenKind.EndOfFile) {
      config = this.withRecovery(() => this.withClause("expected 'with' or a new line"), this.suppressAfter(path), NL);
    }
    return this.node({ kind: 'UsingDeclaration', decorators, path, config, offset: 0, length: 0, parent: undefined }, this.starts[start], this.lastEnd());
  }

  private extendsDeclaration(decorators: Decorator[], start: number): Declaration {
    this.read();
    const path = this.withRecovery(() => this.stringOrFail("expected the path of the base parameters file in quotes after 'extends'"), false, NL);
    return this.node({ kind: 'ExtendsDeclaration', decorators, path, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(path));
  }

  private extensionConfig(decorators: Decorator[], start: number): Declaration {
    this.read();
    const name = this.identifierWithRecovery('expected the alias of the extension', false, stops(TokenKind.Identifier, TokenKind.NewLine));
    const config = this.withRecovery(() => this.withClause("expected 'with' and the configuration in { }"), this.suppressAfter(name), NL);
    return this.node({ kind: 'ExtensionConfigDeclaration', decorators, name, config, offset: 0, length: 0, parent: undefined }, this.starts[start], this.declarationEnd(config));
  }
}

