import type { Node } from './syntaxTree';

/**
 * Calls `visit` for each direct child of `node` in source order (string segments and holes are
 * visited segment-first rather than interleaved). Returning true from `visit` stops the walk.
 */
export function forEachChild(node: Node, visit: (child: Node) => boolean | void): boolean {
  // one case per kind: direct property reads stay fast on multi-megabyte trees
  switch (node.kind) {
    case 'Program':
      for (const child of node.statements) if (visit(child) === true) return true;
      return false;
    case 'Decorator':
      if (visit(node.expression) === true) return true;
      return false;
    case 'TargetScopeDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'MetadataDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ParameterDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (node.defaultValue !== undefined && visit(node.defaultValue) === true) return true;
      return false;
    case 'ParameterAssignment':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'VariableDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (node.type !== undefined && visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'TypeDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'FunctionDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.lambda) === true) return true;
      return false;
    case 'ResourceDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ModuleDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.path) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'TestDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.path) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'OutputDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'AssertDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ImportDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.symbols) === true) return true;
      if (visit(node.from) === true) return true;
      return false;
    case 'ImportedSymbolList':
      for (const child of node.items) if (visit(child) === true) return true;
      return false;
    case 'ImportedSymbol':
      if (visit(node.name) === true) return true;
      if (node.alias !== undefined && visit(node.alias) === true) return true;
      return false;
    case 'WildcardImport':
      if (visit(node.alias) === true) return true;
      return false;
    case 'ExtensionDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.specification) === true) return true;
      if (node.config !== undefined && visit(node.config) === true) return true;
      if (node.alias !== undefined && visit(node.alias) === true) return true;
      return false;
    case 'UsingDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (node.path !== undefined && visit(node.path) === true) return true;
      if (node.config !== undefined && visit(node.config) === true) return true;
      return false;
    case 'ExtendsDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.path) === true) return true;
      return false;
    case 'ExtensionConfigDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.config) === true) return true;
      return false;
    case 'MissingDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      return false;
    case 'StringLiteral':
      for (const child of node.segments) if (visit(child) === true) return true;
      for (const child of node.expressions) if (visit(child) === true) return true;
      return false;
    case 'ObjectExpression':
      for (const child of node.properties) if (visit(child) === true) return true;
      return false;
    case 'ObjectProperty':
      if (visit(node.key) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ArrayExpression':
      for (const child of node.items) if (visit(child) === true) return true;
      return false;
    case 'SpreadExpression':
      if (visit(node.expression) === true) return true;
      return false;
    case 'ForExpression':
      if (visit(node.item) === true) return true;
      if (node.index !== undefined && visit(node.index) === true) return true;
      if (visit(node.iterable) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'IfCondition':
      if (visit(node.condition) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'TernaryExpression':
      if (visit(node.condition) === true) return true;
      if (visit(node.whenTrue) === true) return true;
      if (visit(node.whenFalse) === true) return true;
      return false;
    case 'BinaryExpression':
      if (visit(node.left) === true) return true;
      if (visit(node.right) === true) return true;
      return false;
    case 'UnaryExpression':
      if (visit(node.operand) === true) return true;
      return false;
    case 'NonNullAssertion':
      if (visit(node.expression) === true) return true;
      return false;
    case 'PropertyAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.property) === true) return true;
      return false;
    case 'IndexAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.index) === true) return true;
      return false;
    case 'ResourceAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.name) === true) return true;
      return false;
    case 'FunctionCall':
      if (node.object !== undefined && visit(node.object) === true) return true;
      if (visit(node.name) === true) return true;
      for (const child of node.arguments) if (visit(child) === true) return true;
      return false;
    case 'VariableAccess':
      if (visit(node.name) === true) return true;
      return false;
    case 'ParenthesizedExpression':
      if (visit(node.expression) === true) return true;
      return false;
    case 'Lambda':
      for (const child of node.parameters) if (visit(child) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'TypedLambda':
      for (const child of node.parameters) if (visit(child) === true) return true;
      if (visit(node.returnType) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'TypedParameter':
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      return false;
    case 'TypeReference':
      if (visit(node.name) === true) return true;
      if (node.typeArguments !== undefined) { for (const child of node.typeArguments) if (visit(child) === true) return true; }
      return false;
    case 'TypePropertyAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.property) === true) return true;
      if (node.typeArguments !== undefined) { for (const child of node.typeArguments) if (visit(child) === true) return true; }
      return false;
    case 'TypeAdditionalPropertiesAccess':
      if (visit(node.object) === true) return true;
      return false;
    case 'TypeIndexAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.index) === true) return true;
      return false;
    case 'TypeItemsAccess':
      if (visit(node.object) === true) return true;
      return false;
    case 'ArrayType':
      if (visit(node.element) === true) return true;
      return false;
    case 'UnionType':
      for (const child of node.members) if (visit(child) === true) return true;
      return false;
    case 'NullableType':
      if (visit(node.base) === true) return true;
      return false;
    case 'NonNullableType':
      if (visit(node.base) === true) return true;
      return false;
    case 'UnaryType':
      if (visit(node.operand) === true) return true;
      return false;
    case 'ObjectType':
      for (const child of node.properties) if (visit(child) === true) return true;
      return false;
    case 'ObjectTypeProperty':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.key) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ObjectTypeAdditionalProperties':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'TupleType':
      for (const child of node.items) if (visit(child) === true) return true;
      return false;
    case 'TupleTypeItem':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'ParenthesizedType':
      if (visit(node.type) === true) return true;
      return false;
    case 'ResourceType':
      if (node.resourceType !== undefined && visit(node.resourceType) === true) return true;
      return false;
    case 'Skipped':
    case 'Identifier':
    case 'StringSegment':
    case 'IntegerLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return false;
  }
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

let adopter: { offset: number; length: number } | undefined;

function adopt(child: Node): void {
  const parent = adopter!;
  (child as { parent: unknown }).parent = parent;
  // recovery can leave an empty Skipped node just past the parent's last token: widen the parent over it
  const end = Math.max(parent.offset + parent.length, child.offset + child.length);
  if (child.offset < parent.offset) parent.offset = child.offset;
  parent.length = end - parent.offset;
}

/** Makes `node` the parent of its direct children and widens it to cover them (the parser builds bottom-up). */
export function adoptChildren(node: Node): void {
  adopter = node as unknown as { offset: number; length: number };
  forEachChild(node, adopt);
  adopter = undefined;
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
