import type { Node } from './syntaxTree';

/**
 * Calls `visit` for each direct child of `node` in source order (string segments and holes are
 * visited segment-first rather than interleaved). Returning true from `visit` stops the walk.
 */
export function forEachChild(node: Node, visit: (child: Node) => boolean | void): boolean {
  // one case per kind, childless and frequent kinds first: this runs for every node of every tree
  switch (node.kind) {
    case 'Skipped':
    case 'Identifier':
    case 'StringSegment':
    case 'IntegerLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return false;
    case 'ObjectProperty':
      if (visit(node.key) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'StringLiteral':
      for (const child of node.segments) if (visit(child) === true) return true;
      for (const child of node.expressions) if (visit(child) === true) return true;
      return false;
    case 'VariableAccess':
      if (visit(node.name) === true) return true;
      return false;
    case 'ObjectExpression':
      for (const child of node.properties) if (visit(child) === true) return true;
      return false;
    case 'FunctionCall':
      if (node.object !== undefined && visit(node.object) === true) return true;
      if (visit(node.name) === true) return true;
      for (const child of node.arguments) if (visit(child) === true) return true;
      return false;
    case 'BinaryExpression':
      if (visit(node.left) === true) return true;
      if (visit(node.right) === true) return true;
      return false;
    case 'PropertyAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.property) === true) return true;
      return false;
    case 'ArrayExpression':
      for (const child of node.items) if (visit(child) === true) return true;
      return false;
    case 'TypeReference':
      if (visit(node.name) === true) return true;
      if (node.typeArguments !== undefined) { for (const child of node.typeArguments) if (visit(child) === true) return true; }
      return false;
    case 'Decorator':
      if (visit(node.expression) === true) return true;
      return false;
    case 'ParameterDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (node.defaultValue !== undefined && visit(node.defaultValue) === true) return true;
      return false;
    case 'ResourceDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'VariableDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (node.type !== undefined && visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'IndexAccess':
      if (visit(node.object) === true) return true;
      if (visit(node.index) === true) return true;
      return false;
    case 'TernaryExpression':
      if (visit(node.condition) === true) return true;
      if (visit(node.whenTrue) === true) return true;
      if (visit(node.whenFalse) === true) return true;
      return false;
    case 'ForExpression':
      if (visit(node.item) === true) return true;
      if (node.index !== undefined && visit(node.index) === true) return true;
      if (visit(node.iterable) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'UnaryExpression':
      if (visit(node.operand) === true) return true;
      return false;
    case 'OutputDeclaration':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
      if (visit(node.type) === true) return true;
      if (visit(node.value) === true) return true;
      return false;
    case 'Program':
      for (const child of node.statements) if (visit(child) === true) return true;
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
    case 'ParameterAssignment':
      for (const child of node.decorators) if (visit(child) === true) return true;
      if (visit(node.name) === true) return true;
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
    case 'SpreadExpression':
      if (visit(node.expression) === true) return true;
      return false;
    case 'IfCondition':
      if (visit(node.condition) === true) return true;
      if (visit(node.body) === true) return true;
      return false;
    case 'NonNullAssertion':
      if (visit(node.expression) === true) return true;
      return false;
    case 'ResourceAccess':
      if (visit(node.object) === true) return true;
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

function adopt(parent: Node, child: Node): void {
  (child as { parent: Node | undefined }).parent = parent;
  // recovery can leave an empty Skipped node just past the parent's last token: widen the parent over it
  const childEnd = child.offset + child.length;
  if (child.offset >= parent.offset && childEnd <= parent.offset + parent.length) return;
  const widened = parent as { offset: number; length: number };
  const end = Math.max(parent.offset + parent.length, childEnd);
  if (child.offset < parent.offset) widened.offset = child.offset;
  widened.length = end - widened.offset;
}

/**
 * Makes `node` the parent of its direct children and widens it to cover them; called as each node
 * is built (bottom-up). The same cases as forEachChild, written out: this runs once per node.
 */
export function adoptChildren(node: Node): void {
  switch (node.kind) {
    case 'Skipped':
    case 'Identifier':
    case 'StringSegment':
    case 'IntegerLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return;
    case 'ObjectProperty':
      adopt(node, node.key);
      adopt(node, node.value);
      return;
    case 'StringLiteral':
      for (const child of node.segments) adopt(node, child);
      for (const child of node.expressions) adopt(node, child);
      return;
    case 'VariableAccess':
      adopt(node, node.name);
      return;
    case 'ObjectExpression':
      for (const child of node.properties) adopt(node, child);
      return;
    case 'FunctionCall':
      if (node.object !== undefined) adopt(node, node.object);
      adopt(node, node.name);
      for (const child of node.arguments) adopt(node, child);
      return;
    case 'BinaryExpression':
      adopt(node, node.left);
      adopt(node, node.right);
      return;
    case 'PropertyAccess':
      adopt(node, node.object);
      adopt(node, node.property);
      return;
    case 'ArrayExpression':
      for (const child of node.items) adopt(node, child);
      return;
    case 'TypeReference':
      adopt(node, node.name);
      if (node.typeArguments !== undefined) { for (const child of node.typeArguments) adopt(node, child); }
      return;
    case 'Decorator':
      adopt(node, node.expression);
      return;
    case 'ParameterDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.type);
      if (node.defaultValue !== undefined) adopt(node, node.defaultValue);
      return;
    case 'ResourceDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.type);
      adopt(node, node.value);
      return;
    case 'VariableDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      if (node.type !== undefined) adopt(node, node.type);
      adopt(node, node.value);
      return;
    case 'IndexAccess':
      adopt(node, node.object);
      adopt(node, node.index);
      return;
    case 'TernaryExpression':
      adopt(node, node.condition);
      adopt(node, node.whenTrue);
      adopt(node, node.whenFalse);
      return;
    case 'ForExpression':
      adopt(node, node.item);
      if (node.index !== undefined) adopt(node, node.index);
      adopt(node, node.iterable);
      adopt(node, node.body);
      return;
    case 'UnaryExpression':
      adopt(node, node.operand);
      return;
    case 'OutputDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.type);
      adopt(node, node.value);
      return;
    case 'Program':
      for (const child of node.statements) adopt(node, child);
      return;
    case 'TargetScopeDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.value);
      return;
    case 'MetadataDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.value);
      return;
    case 'ParameterAssignment':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.value);
      return;
    case 'TypeDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.value);
      return;
    case 'FunctionDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.lambda);
      return;
    case 'ModuleDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.path);
      adopt(node, node.value);
      return;
    case 'TestDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.path);
      adopt(node, node.value);
      return;
    case 'AssertDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.value);
      return;
    case 'ImportDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.symbols);
      adopt(node, node.from);
      return;
    case 'ImportedSymbolList':
      for (const child of node.items) adopt(node, child);
      return;
    case 'ImportedSymbol':
      adopt(node, node.name);
      if (node.alias !== undefined) adopt(node, node.alias);
      return;
    case 'WildcardImport':
      adopt(node, node.alias);
      return;
    case 'ExtensionDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.specification);
      if (node.config !== undefined) adopt(node, node.config);
      if (node.alias !== undefined) adopt(node, node.alias);
      return;
    case 'UsingDeclaration':
      for (const child of node.decorators) adopt(node, child);
      if (node.path !== undefined) adopt(node, node.path);
      if (node.config !== undefined) adopt(node, node.config);
      return;
    case 'ExtendsDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.path);
      return;
    case 'ExtensionConfigDeclaration':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.name);
      adopt(node, node.config);
      return;
    case 'MissingDeclaration':
      for (const child of node.decorators) adopt(node, child);
      return;
    case 'SpreadExpression':
      adopt(node, node.expression);
      return;
    case 'IfCondition':
      adopt(node, node.condition);
      adopt(node, node.body);
      return;
    case 'NonNullAssertion':
      adopt(node, node.expression);
      return;
    case 'ResourceAccess':
      adopt(node, node.object);
      adopt(node, node.name);
      return;
    case 'ParenthesizedExpression':
      adopt(node, node.expression);
      return;
    case 'Lambda':
      for (const child of node.parameters) adopt(node, child);
      adopt(node, node.body);
      return;
    case 'TypedLambda':
      for (const child of node.parameters) adopt(node, child);
      adopt(node, node.returnType);
      adopt(node, node.body);
      return;
    case 'TypedParameter':
      adopt(node, node.name);
      adopt(node, node.type);
      return;
    case 'TypePropertyAccess':
      adopt(node, node.object);
      adopt(node, node.property);
      if (node.typeArguments !== undefined) { for (const child of node.typeArguments) adopt(node, child); }
      return;
    case 'TypeAdditionalPropertiesAccess':
      adopt(node, node.object);
      return;
    case 'TypeIndexAccess':
      adopt(node, node.object);
      adopt(node, node.index);
      return;
    case 'TypeItemsAccess':
      adopt(node, node.object);
      return;
    case 'ArrayType':
      adopt(node, node.element);
      return;
    case 'UnionType':
      for (const child of node.members) adopt(node, child);
      return;
    case 'NullableType':
      adopt(node, node.base);
      return;
    case 'NonNullableType':
      adopt(node, node.base);
      return;
    case 'UnaryType':
      adopt(node, node.operand);
      return;
    case 'ObjectType':
      for (const child of node.properties) adopt(node, child);
      return;
    case 'ObjectTypeProperty':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.key);
      adopt(node, node.value);
      return;
    case 'ObjectTypeAdditionalProperties':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.value);
      return;
    case 'TupleType':
      for (const child of node.items) adopt(node, child);
      return;
    case 'TupleTypeItem':
      for (const child of node.decorators) adopt(node, child);
      adopt(node, node.value);
      return;
    case 'ParenthesizedType':
      adopt(node, node.type);
      return;
    case 'ResourceType':
      if (node.resourceType !== undefined) adopt(node, node.resourceType);
      return;
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
