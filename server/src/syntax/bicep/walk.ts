import type { Node, NodeKind } from './syntaxTree';

/** The properties of each node kind that hold child nodes, in source order. */
const childKeys: { readonly [K in NodeKind]: readonly string[] } = {
  Program: ['statements'],
  Skipped: [],
  Identifier: [],
  Decorator: ['expression'],
  TargetScopeDeclaration: ['decorators', 'value'],
  MetadataDeclaration: ['decorators', 'name', 'value'],
  ParameterDeclaration: ['decorators', 'name', 'type', 'defaultValue'],
  ParameterAssignment: ['decorators', 'name', 'value'],
  VariableDeclaration: ['decorators', 'name', 'type', 'value'],
  TypeDeclaration: ['decorators', 'name', 'value'],
  FunctionDeclaration: ['decorators', 'name', 'lambda'],
  ResourceDeclaration: ['decorators', 'name', 'type', 'value'],
  ModuleDeclaration: ['decorators', 'name', 'path', 'value'],
  TestDeclaration: ['decorators', 'name', 'path', 'value'],
  OutputDeclaration: ['decorators', 'name', 'type', 'value'],
  AssertDeclaration: ['decorators', 'name', 'value'],
  ImportDeclaration: ['decorators', 'symbols', 'from'],
  ImportedSymbolList: ['items'],
  ImportedSymbol: ['name', 'alias'],
  WildcardImport: ['alias'],
  ExtensionDeclaration: ['decorators', 'specification', 'config', 'alias'],
  UsingDeclaration: ['decorators', 'path', 'config'],
  ExtendsDeclaration: ['decorators', 'path'],
  ExtensionConfigDeclaration: ['decorators', 'name', 'config'],
  MissingDeclaration: ['decorators'],
  StringLiteral: ['segments', 'expressions'],
  StringSegment: [],
  IntegerLiteral: [],
  BooleanLiteral: [],
  NullLiteral: [],
  ObjectExpression: ['properties'],
  ObjectProperty: ['key', 'value'],
  ArrayExpression: ['items'],
  SpreadExpression: ['expression'],
  ForExpression: ['item', 'index', 'iterable', 'body'],
  IfCondition: ['condition', 'body'],
  TernaryExpression: ['condition', 'whenTrue', 'whenFalse'],
  BinaryExpression: ['left', 'right'],
  UnaryExpression: ['operand'],
  NonNullAssertion: ['expression'],
  PropertyAccess: ['object', 'property'],
  IndexAccess: ['object', 'index'],
  ResourceAccess: ['object', 'name'],
  FunctionCall: ['object', 'name', 'arguments'],
  VariableAccess: ['name'],
  ParenthesizedExpression: ['expression'],
  Lambda: ['parameters', 'body'],
  TypedLambda: ['parameters', 'returnType', 'body'],
  TypedParameter: ['name', 'type'],
  TypeReference: ['name', 'typeArguments'],
  TypePropertyAccess: ['object', 'property', 'typeArguments'],
  TypeAdditionalPropertiesAccess: ['object'],
  TypeIndexAccess: ['object', 'index'],
  TypeItemsAccess: ['object'],
  ArrayType: ['element'],
  UnionType: ['members'],
  NullableType: ['base'],
  NonNullableType: ['base'],
  UnaryType: ['operand'],
  ObjectType: ['properties'],
  ObjectTypeProperty: ['decorators', 'key', 'value'],
  ObjectTypeAdditionalProperties: ['decorators', 'value'],
  TupleType: ['items'],
  TupleTypeItem: ['decorators', 'value'],
  ParenthesizedType: ['type'],
  ResourceType: ['resourceType'],
};

/**
 * Calls `visit` for each direct child of `node` in source order (string segments and holes are
 * visited segment-first rather than interleaved). Returning true from `visit` stops the walk.
 */
export function forEachChild(node: Node, visit: (child: Node) => boolean | void): boolean {
  const record = node as unknown as Record<string, Node | readonly Node[] | undefined>;
  for (const key of childKeys[node.kind]) {
    const value = record[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const child of value as readonly Node[]) if (visit(child) === true) return true;
    } else if (visit(value as Node) === true) {
      return true;
    }
  }
  return false;
}

/** Visits `node` and all its descendants depth-first, pre-order. Return false from `visit` to skip a subtree. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  // an explicit stack: trees can be deep, and this walk must not overflow on any parser output
  const stack: Node[] = [node];
  const children: Node[] = [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (visit(current) === false) continue;
    children.length = 0;
    forEachChild(current, (child) => { children.push(child); });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/**
 * Sets `parent` on every node below `root` (the parser builds nodes bottom-up, parents last), and
 * widens any node whose span does not cover its children: recovery can place an empty Skipped
 * node just past the last token of its parent, and the tree promises children inside parents.
 */
export function setParents(root: Node): void {
  const order: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    order.push(current);
    forEachChild(current, (child) => {
      (child as { parent: Node | undefined }).parent = current;
      stack.push(child);
    });
  }
  // reverse pre-order visits every child before its parent
  for (let i = order.length - 1; i > 0; i--) {
    const child = order[i];
    const parent = child.parent as { offset: number; length: number };
    const end = Math.max(parent.offset + parent.length, child.offset + child.length);
    if (child.offset < parent.offset) parent.offset = child.offset;
    parent.length = end - parent.offset;
  }
}

/** The innermost node whose span contains `offset` (end-inclusive, so a cursor after a name finds it). */
export function nodeAt(root: Node, offset: number): Node {
  let current: Node = root;
  while (true) {
    let next: Node | undefined;
    forEachChild(current, (child) => {
      if (child.offset <= offset && offset <= child.offset + child.length && child.kind !== 'Skipped') {
        next = child;
        return true;
      }
      return false;
    });
    if (next === undefined) return current;
    current = next;
  }
}
