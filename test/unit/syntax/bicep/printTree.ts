import type { Node } from '../../../../server/src/syntax/bicep/index';

/** A compact S-expression of a tree, for table tests: `(+ a (* b c))`, `(obj (name 'x'))`. */
export function printTree(node: Node | undefined): string {
  if (node === undefined) return '_';
  const all = (nodes: readonly Node[]): string => nodes.map(printTree).join(' ');
  const decorators = (list: readonly Node[]): string => (list.length > 0 ? `${all(list)} ` : '');
  switch (node.kind) {
    case 'Program': return all(node.statements);
    case 'Skipped': return '<skipped>';
    case 'Identifier': return node.missing ? '<missing>' : node.name;
    case 'Decorator': return `@${printTree(node.expression)}`;
    case 'TargetScopeDeclaration': return `(targetScope ${printTree(node.value)})`;
    case 'MetadataDeclaration': return `(metadata ${printTree(node.name)} ${printTree(node.value)})`;
    case 'ParameterDeclaration': return `(${decorators(node.decorators)}param ${printTree(node.name)} ${printTree(node.type)}${node.defaultValue ? ' ' + printTree(node.defaultValue) : ''})`;
    case 'ParameterAssignment': return `(param ${printTree(node.name)} ${printTree(node.value)})`;
    case 'VariableDeclaration': return `(${decorators(node.decorators)}var ${printTree(node.name)}${node.type ? ' ' + printTree(node.type) : ''} ${printTree(node.value)})`;
    case 'TypeDeclaration': return `(${decorators(node.decorators)}type ${printTree(node.name)} ${printTree(node.value)})`;
    case 'FunctionDeclaration': return `(${decorators(node.decorators)}func ${printTree(node.name)} ${printTree(node.lambda)})`;
    case 'ResourceDeclaration': return `(${decorators(node.decorators)}resource ${printTree(node.name)} ${printTree(node.type)}${node.existing ? ' existing' : ''} ${printTree(node.value)})`;
    case 'ModuleDeclaration': return `(${decorators(node.decorators)}module ${printTree(node.name)} ${printTree(node.path)} ${printTree(node.value)})`;
    case 'TestDeclaration': return `(test ${printTree(node.name)} ${printTree(node.path)} ${printTree(node.value)})`;
    case 'OutputDeclaration': return `(${decorators(node.decorators)}output ${printTree(node.name)} ${printTree(node.type)} ${printTree(node.value)})`;
    case 'AssertDeclaration': return `(assert ${printTree(node.name)} ${printTree(node.value)})`;
    case 'ImportDeclaration': return `(import ${printTree(node.symbols)} ${printTree(node.from)})`;
    case 'ImportedSymbolList': return `{${all(node.items)}}`;
    case 'ImportedSymbol': return node.alias ? `(as ${printTree(node.name)} ${printTree(node.alias)})` : printTree(node.name);
    case 'WildcardImport': return `(* ${printTree(node.alias)})`;
    case 'ExtensionDeclaration': return `(extension ${printTree(node.specification)}${node.config ? ' with ' + printTree(node.config) : ''}${node.alias ? ' as ' + printTree(node.alias) : ''})`;
    case 'UsingDeclaration': return `(using ${node.path ? printTree(node.path) : 'none'}${node.config ? ' with ' + printTree(node.config) : ''})`;
    case 'ExtendsDeclaration': return `(extends ${printTree(node.path)})`;
    case 'ExtensionConfigDeclaration': return `(extensionConfig ${printTree(node.name)} ${printTree(node.config)})`;
    case 'MissingDeclaration': return `(${all(node.decorators)})`;
    case 'StringLiteral': {
      if (node.expressions.length === 0) return `'${node.segments[0].value}'`;
      const parts: string[] = [];
      node.segments.forEach((segment, i) => {
        parts.push(`'${segment.value}'`);
        if (i < node.expressions.length) parts.push(printTree(node.expressions[i]));
      });
      return `(str ${parts.join(' ')})`;
    }
    case 'StringSegment': return `'${node.value}'`;
    case 'IntegerLiteral': return node.text;
    case 'BooleanLiteral': return String(node.value);
    case 'NullLiteral': return 'null';
    case 'ObjectExpression': return node.properties.length === 0 ? '(obj)' : `(obj ${all(node.properties)})`;
    case 'ObjectProperty': return `(${printTree(node.key)} ${printTree(node.value)})`;
    case 'ArrayExpression': return node.items.length === 0 ? '(arr)' : `(arr ${all(node.items)})`;
    case 'SpreadExpression': return `(... ${printTree(node.expression)})`;
    case 'ForExpression': return `(for ${printTree(node.item)}${node.index ? ' ' + printTree(node.index) : ''} ${printTree(node.iterable)} ${printTree(node.body)})`;
    case 'IfCondition': return `(if ${printTree(node.condition)} ${printTree(node.body)})`;
    case 'TernaryExpression': return `(? ${printTree(node.condition)} ${printTree(node.whenTrue)} ${printTree(node.whenFalse)})`;
    case 'BinaryExpression': return `(${node.operator} ${printTree(node.left)} ${printTree(node.right)})`;
    case 'UnaryExpression': return `(${node.operator} ${printTree(node.operand)})`;
    case 'NonNullAssertion': return `(nonnull ${printTree(node.expression)})`;
    case 'PropertyAccess': return `(${node.safe ? '.?' : '.'} ${printTree(node.object)} ${printTree(node.property)})`;
    case 'IndexAccess': return `([${node.safe ? '?' : ''}${node.fromEnd ? '^' : ''}] ${printTree(node.object)} ${printTree(node.index)})`;
    case 'ResourceAccess': return `(:: ${printTree(node.object)} ${printTree(node.name)})`;
    case 'FunctionCall': {
      const callee = node.object ? `${printTree(node.object)}.${printTree(node.name)}` : printTree(node.name);
      return node.arguments.length === 0 ? `(call ${callee})` : `(call ${callee} ${all(node.arguments)})`;
    }
    case 'VariableAccess': return printTree(node.name);
    case 'ParenthesizedExpression': return `(paren ${printTree(node.expression)})`;
    case 'Lambda': return `(=> (${all(node.parameters)}) ${printTree(node.body)})`;
    case 'TypedLambda': return `(=> (${all(node.parameters)}) ${printTree(node.returnType)} ${printTree(node.body)})`;
    case 'TypedParameter': return `(${printTree(node.name)} ${printTree(node.type)})`;
    case 'TypeReference': return node.typeArguments ? `(${printTree(node.name)}<> ${all(node.typeArguments)})` : printTree(node.name);
    case 'TypePropertyAccess': return node.typeArguments
      ? `(. ${printTree(node.object)} ${printTree(node.property)}<> ${all(node.typeArguments)})`
      : `(. ${printTree(node.object)} ${printTree(node.property)})`;
    case 'TypeAdditionalPropertiesAccess': return `(.* ${printTree(node.object)})`;
    case 'TypeIndexAccess': return `([] ${printTree(node.object)} ${printTree(node.index)})`;
    case 'TypeItemsAccess': return `([*] ${printTree(node.object)})`;
    case 'ArrayType': return `(${printTree(node.element)}[])`;
    case 'UnionType': return `(| ${all(node.members)})`;
    case 'NullableType': return `(${printTree(node.base)}?)`;
    case 'NonNullableType': return `(${printTree(node.base)}!)`;
    case 'UnaryType': return `(${node.operator} ${printTree(node.operand)})`;
    case 'ObjectType': return node.properties.length === 0 ? '(objtype)' : `(objtype ${all(node.properties)})`;
    case 'ObjectTypeProperty': return `(${decorators(node.decorators)}${printTree(node.key)} ${printTree(node.value)})`;
    case 'ObjectTypeAdditionalProperties': return `(${decorators(node.decorators)}* ${printTree(node.value)})`;
    case 'TupleType': return `(tuple ${all(node.items)})`;
    case 'TupleTypeItem': return `${decorators(node.decorators)}${printTree(node.value)}`;
    case 'ParenthesizedType': return `(paren ${printTree(node.type)})`;
    case 'ResourceType': return `(resource ${printTree(node.resourceType)})`;
  }
}
