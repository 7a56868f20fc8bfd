/**
 * The Bicep syntax tree. Every node has a kind, an offset and a length (UTF-16 code units) and
 * its parent (undefined for the program). Missing or broken pieces are `Skipped` nodes (or a
 * `missing` Identifier), so a consumer never meets undefined where the grammar requires a part.
 */
export interface NodeBase {
  readonly offset: number;
  readonly length: number;
  readonly parent: Node | undefined;
}

// ---- program and declarations ----

export interface Program extends NodeBase {
  readonly kind: 'Program';
  readonly statements: readonly Statement[];
}

/** Tokens the parser could not use; the matching problem is in `BicepFile.problems`. */
export interface Skipped extends NodeBase {
  readonly kind: 'Skipped';
}

export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  readonly name: string;
  /** True when the name is absent or broken (then `name` is ''). */
  readonly missing: boolean;
}

export interface Decorator extends NodeBase {
  readonly kind: 'Decorator';
  /** A FunctionCall (`@minLength(3)`, `@sys.description('x')`), a VariableAccess or PropertyAccess (`@secure`), or Skipped. */
  readonly expression: Expression;
}

interface DeclarationBase extends NodeBase {
  readonly decorators: readonly Decorator[];
}

export interface TargetScopeDeclaration extends DeclarationBase {
  readonly kind: 'TargetScopeDeclaration';
  readonly value: Expression;
}
export interface MetadataDeclaration extends DeclarationBase {
  readonly kind: 'MetadataDeclaration';
  readonly name: Identifier;
  readonly value: Expression;
}
/** `param name type (= default)?`; in a .bicepparam file see ParameterAssignment instead. */
export interface ParameterDeclaration extends DeclarationBase {
  readonly kind: 'ParameterDeclaration';
  readonly name: Identifier;
  readonly type: TypeExpression;
  readonly defaultValue: Expression | undefined;
}
/** `param name = value` in a .bicepparam file. */
export interface ParameterAssignment extends DeclarationBase {
  readonly kind: 'ParameterAssignment';
  readonly name: Identifier;
  readonly value: Expression;
}
export interface VariableDeclaration extends DeclarationBase {
  readonly kind: 'VariableDeclaration';
  readonly name: Identifier;
  readonly type: TypeExpression | undefined;
  readonly value: Expression;
}
export interface TypeDeclaration extends DeclarationBase {
  readonly kind: 'TypeDeclaration';
  readonly name: Identifier;
  readonly value: TypeExpression;
}
export interface FunctionDeclaration extends DeclarationBase {
  readonly kind: 'FunctionDeclaration';
  readonly name: Identifier;
  readonly lambda: TypedLambda | Skipped;
}
/** Resource body: ObjectExpression, IfCondition, ForExpression, or Skipped when broken. */
export type ResourceBody = ObjectExpression | IfCondition | ForExpression | Skipped;
export interface ResourceDeclaration extends DeclarationBase {
  readonly kind: 'ResourceDeclaration';
  readonly name: Identifier;
  /** `'Microsoft.Insights/actionGroups@2023-01-01'`. */
  readonly type: StringLiteral | Skipped;
  readonly existing: boolean;
  readonly value: ResourceBody;
}
export interface ModuleDeclaration extends DeclarationBase {
  readonly kind: 'ModuleDeclaration';
  readonly name: Identifier;
  /** `'./m.bicep'`, `'br:registry/repo:tag'`, `'br/alias:repo:tag'`, `'ts:sub/rg/spec:v'`. */
  readonly path: StringLiteral | Skipped;
  readonly value: ResourceBody;
}
export interface TestDeclaration extends DeclarationBase {
  readonly kind: 'TestDeclaration';
  readonly name: Identifier;
  readonly path: StringLiteral | Skipped;
  readonly value: ObjectExpression | Skipped;
}
export interface OutputDeclaration extends DeclarationBase {
  readonly kind: 'OutputDeclaration';
  readonly name: Identifier;
  readonly type: TypeExpression;
  readonly value: Expression;
}
export interface AssertDeclaration extends DeclarationBase {
  readonly kind: 'AssertDeclaration';
  readonly name: Identifier;
  readonly value: Expression;
}
/** `import {a, b as c} from 'path'` or `import * as ns from 'path'`. */
export interface ImportDeclaration extends DeclarationBase {
  readonly kind: 'ImportDeclaration';
  readonly symbols: ImportedSymbolList | WildcardImport | Skipped;
  readonly from: StringLiteral | Skipped;
}
export interface ImportedSymbolList extends NodeBase {
  readonly kind: 'ImportedSymbolList';
  readonly items: readonly (ImportedSymbol | Skipped)[];
}
export interface ImportedSymbol extends NodeBase {
  readonly kind: 'ImportedSymbol';
  readonly name: Identifier | StringLiteral;
  readonly alias: Identifier | undefined;
}
export interface WildcardImport extends NodeBase {
  readonly kind: 'WildcardImport';
  readonly alias: Identifier;
}
/** `extension name|'spec' (with {config})? (as alias)?`; also the legacy `import 'spec' ...`. */
export interface ExtensionDeclaration extends DeclarationBase {
  readonly kind: 'ExtensionDeclaration';
  readonly specification: Identifier | StringLiteral | Skipped;
  readonly config: ObjectExpression | Skipped | undefined;
  readonly alias: Identifier | undefined;
  /** Written with the legacy `import` keyword. */
  readonly legacyImport: boolean;
}
/** `.bicepparam`: `using 'path'` or `using none`, optionally `with {config}`. */
export interface UsingDeclaration extends DeclarationBase {
  readonly kind: 'UsingDeclaration';
  /** undefined for `using none`. */
  readonly path: StringLiteral | Skipped | undefined;
  readonly config: ObjectExpression | Skipped | undefined;
}
export interface ExtendsDeclaration extends DeclarationBase {
  readonly kind: 'ExtendsDeclaration';
  readonly path: StringLiteral | Skipped;
}
/** `.bicepparam`: `extensionConfig alias with {config}`. */
export interface ExtensionConfigDeclaration extends DeclarationBase {
  readonly kind: 'ExtensionConfigDeclaration';
  readonly name: Identifier;
  readonly config: ObjectExpression | Skipped;
}
/** Decorators followed by no declaration. */
export interface MissingDeclaration extends DeclarationBase {
  readonly kind: 'MissingDeclaration';
}

export type Declaration =
  | TargetScopeDeclaration | MetadataDeclaration | ParameterDeclaration | ParameterAssignment
  | VariableDeclaration | TypeDeclaration | FunctionDeclaration | ResourceDeclaration
  | ModuleDeclaration | TestDeclaration | OutputDeclaration | AssertDeclaration | ImportDeclaration
  | ExtensionDeclaration | UsingDeclaration | ExtendsDeclaration | ExtensionConfigDeclaration
  | MissingDeclaration;

export type Statement = Declaration | Skipped;

// ---- expressions ----

/**
 * A string: `segments` are the literal pieces (decoded) around the `expressions` in `${...}`
 * holes, so segments.length === expressions.length + 1.
 */
export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  readonly segments: readonly StringSegment[];
  readonly expressions: readonly Expression[];
  /** The decoded value when the string has no holes; undefined otherwise. */
  readonly value: string | undefined;
  readonly multiline: boolean;
}
/** Literal text of a string between holes; offset/length cover the raw source text of the piece. */
export interface StringSegment extends NodeBase {
  readonly kind: 'StringSegment';
  readonly value: string;
}
export interface IntegerLiteral extends NodeBase {
  readonly kind: 'IntegerLiteral';
  /** May lose precision beyond 2^53; `text` holds the digits as written. */
  readonly value: number;
  readonly text: string;
}
export interface BooleanLiteral extends NodeBase {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
}
export interface NullLiteral extends NodeBase {
  readonly kind: 'NullLiteral';
}
/** What an object literal holds: properties, spreads and, in resource bodies, nested resource declarations. */
export type ObjectMember = ObjectProperty | SpreadExpression | ResourceDeclaration | MissingDeclaration | Skipped;
export interface ObjectExpression extends NodeBase {
  readonly kind: 'ObjectExpression';
  readonly properties: readonly ObjectMember[];
}
export interface ObjectProperty extends NodeBase {
  readonly kind: 'ObjectProperty';
  readonly key: Identifier | StringLiteral | Skipped;
  readonly value: Expression;
}
export interface ArrayExpression extends NodeBase {
  readonly kind: 'ArrayExpression';
  readonly items: readonly (Expression | SpreadExpression)[];
}
export interface SpreadExpression extends NodeBase {
  readonly kind: 'SpreadExpression';
  readonly expression: Expression;
}
/** `[for item in items: body]` / `[for (item, index) in items: body]`. */
export interface ForExpression extends NodeBase {
  readonly kind: 'ForExpression';
  readonly item: Identifier;
  readonly index: Identifier | undefined;
  readonly iterable: Expression;
  readonly body: Expression | IfCondition;
}
/** `if (condition) {body}` of a resource or module. */
export interface IfCondition extends NodeBase {
  readonly kind: 'IfCondition';
  readonly condition: Expression;
  readonly body: ObjectExpression | Skipped;
}
export interface TernaryExpression extends NodeBase {
  readonly kind: 'TernaryExpression';
  readonly condition: Expression;
  readonly whenTrue: Expression;
  readonly whenFalse: Expression;
}
export type BinaryOperator =
  | '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';
export interface BinaryExpression extends NodeBase {
  readonly kind: 'BinaryExpression';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export interface UnaryExpression extends NodeBase {
  readonly kind: 'UnaryExpression';
  readonly operator: '!' | '-';
  readonly operand: Expression;
}
/** `x!` */
export interface NonNullAssertion extends NodeBase {
  readonly kind: 'NonNullAssertion';
  readonly expression: Expression;
}
/** `x.p` or `x.?p` (safe). */
export interface PropertyAccess extends NodeBase {
  readonly kind: 'PropertyAccess';
  readonly object: Expression;
  readonly property: Identifier;
  readonly safe: boolean;
}
/** `x[i]`, `x[?i]` (safe), `x[^i]` (from the end). */
export interface IndexAccess extends NodeBase {
  readonly kind: 'IndexAccess';
  readonly object: Expression;
  readonly index: Expression;
  readonly safe: boolean;
  readonly fromEnd: boolean;
}
/** `parent::child` */
export interface ResourceAccess extends NodeBase {
  readonly kind: 'ResourceAccess';
  readonly object: Expression;
  readonly name: Identifier;
}
/** `f(a)`, or with `object` set: `sys.concat(a)`, `az.resourceGroup()`, `stg.listKeys()`. */
export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  readonly object: Expression | undefined;
  readonly name: Identifier;
  readonly arguments: readonly Expression[];
}
export interface VariableAccess extends NodeBase {
  readonly kind: 'VariableAccess';
  readonly name: Identifier;
}
export interface ParenthesizedExpression extends NodeBase {
  readonly kind: 'ParenthesizedExpression';
  readonly expression: Expression;
}
/** `x => body`, `(a, b) => body`. */
export interface Lambda extends NodeBase {
  readonly kind: 'Lambda';
  readonly parameters: readonly Identifier[];
  readonly body: Expression;
}
/** `(a string, b int) string => body` of a `func` declaration. */
export interface TypedLambda extends NodeBase {
  readonly kind: 'TypedLambda';
  readonly parameters: readonly (TypedParameter | Skipped)[];
  readonly returnType: TypeExpression;
  readonly body: Expression;
}
export interface TypedParameter extends NodeBase {
  readonly kind: 'TypedParameter';
  readonly name: Identifier;
  readonly type: TypeExpression;
}

export type Expression =
  | StringLiteral | IntegerLiteral | BooleanLiteral | NullLiteral | ObjectExpression | ArrayExpression
  | ForExpression | TernaryExpression | BinaryExpression | UnaryExpression | NonNullAssertion
  | PropertyAccess | IndexAccess | ResourceAccess | FunctionCall | VariableAccess
  | ParenthesizedExpression | Lambda | Skipped;

// ---- types ----

/** `string`, `myType`, `resourceInput<'T@v'>`. */
export interface TypeReference extends NodeBase {
  readonly kind: 'TypeReference';
  readonly name: Identifier;
  /** Present for `name<...>`. */
  readonly typeArguments: readonly TypeExpression[] | undefined;
}
/** `sys.string`, `ns.myType`, `t.prop`, `az.resourceInput<'T@v'>`. */
export interface TypePropertyAccess extends NodeBase {
  readonly kind: 'TypePropertyAccess';
  readonly object: TypeExpression;
  readonly property: Identifier;
  readonly typeArguments: readonly TypeExpression[] | undefined;
}
/** `t.*` */
export interface TypeAdditionalPropertiesAccess extends NodeBase {
  readonly kind: 'TypeAdditionalPropertiesAccess';
  readonly object: TypeExpression;
}
/** `t[0]` */
export interface TypeIndexAccess extends NodeBase {
  readonly kind: 'TypeIndexAccess';
  readonly object: TypeExpression;
  readonly index: Expression;
}
/** `t[*]` */
export interface TypeItemsAccess extends NodeBase {
  readonly kind: 'TypeItemsAccess';
  readonly object: TypeExpression;
}
/** `t[]` */
export interface ArrayType extends NodeBase {
  readonly kind: 'ArrayType';
  readonly element: TypeExpression;
}
export interface UnionType extends NodeBase {
  readonly kind: 'UnionType';
  readonly members: readonly TypeExpression[];
}
/** `t?` */
export interface NullableType extends NodeBase {
  readonly kind: 'NullableType';
  readonly base: TypeExpression;
}
/** `t!` */
export interface NonNullableType extends NodeBase {
  readonly kind: 'NonNullableType';
  readonly base: TypeExpression;
}
/** `-1`, `!true` as types. */
export interface UnaryType extends NodeBase {
  readonly kind: 'UnaryType';
  readonly operator: '!' | '-';
  readonly operand: TypeExpression;
}
export interface ObjectType extends NodeBase {
  readonly kind: 'ObjectType';
  readonly properties: readonly (ObjectTypeProperty | ObjectTypeAdditionalProperties | Skipped)[];
}
export interface ObjectTypeProperty extends NodeBase {
  readonly kind: 'ObjectTypeProperty';
  readonly decorators: readonly Decorator[];
  readonly key: Identifier | StringLiteral | Skipped;
  readonly value: TypeExpression;
}
/** `*: type` */
export interface ObjectTypeAdditionalProperties extends NodeBase {
  readonly kind: 'ObjectTypeAdditionalProperties';
  readonly decorators: readonly Decorator[];
  readonly value: TypeExpression;
}
export interface TupleType extends NodeBase {
  readonly kind: 'TupleType';
  readonly items: readonly (TupleTypeItem | Skipped)[];
}
export interface TupleTypeItem extends NodeBase {
  readonly kind: 'TupleTypeItem';
  readonly decorators: readonly Decorator[];
  readonly value: TypeExpression;
}
export interface ParenthesizedType extends NodeBase {
  readonly kind: 'ParenthesizedType';
  readonly type: TypeExpression;
}
/** `resource 'T@v'` as the type of a param or output (the string is optional for outputs). */
export interface ResourceType extends NodeBase {
  readonly kind: 'ResourceType';
  readonly resourceType: StringLiteral | Skipped | undefined;
}

export type TypeExpression =
  | TypeReference | TypePropertyAccess | TypeAdditionalPropertiesAccess | TypeIndexAccess
  | TypeItemsAccess | ArrayType | UnionType | NullableType | NonNullableType | UnaryType
  | ObjectType | TupleType | ParenthesizedType | ResourceType
  | StringLiteral | IntegerLiteral | BooleanLiteral | NullLiteral | Skipped;

export type Node =
  | Program | Skipped | Identifier | Decorator | Declaration | ImportedSymbolList | ImportedSymbol
  | WildcardImport | Expression | StringSegment | ObjectProperty | SpreadExpression | IfCondition
  | TypedLambda | TypedParameter | TypeExpression | ObjectTypeProperty | ObjectTypeAdditionalProperties
  | TupleTypeItem;

export type NodeKind = Node['kind'];
