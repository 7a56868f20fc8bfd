import type {
  Decorator, Declaration, Expression, Identifier, Node, ObjectExpression, ObjectProperty, Skipped, StringLiteral,
} from './syntaxTree';

/** The name of a property key: the identifier, or the string's value when it has no holes. */
export function propertyKeyName(property: ObjectProperty): string | undefined {
  const key = property.key;
  if (key.kind === 'Identifier') return key.missing ? undefined : key.name;
  if (key.kind === 'StringLiteral') return key.value;
  return undefined;
}

/** The properties of an object literal, by name (the first one wins when a name repeats). */
export function propertiesOf(object: ObjectExpression): Map<string, ObjectProperty> {
  const map = new Map<string, ObjectProperty>();
  for (const item of object.properties) {
    if (item.kind !== 'ObjectProperty') continue;
    const name = propertyKeyName(item);
    if (name !== undefined && !map.has(name)) map.set(name, item);
  }
  return map;
}

/** The property named `name` (Bicep property names compare case-insensitively, as ARM's do). */
export function findProperty(object: ObjectExpression, name: string): ObjectProperty | undefined {
  const lower = name.toLowerCase();
  for (const item of object.properties) {
    if (item.kind === 'ObjectProperty' && propertyKeyName(item)?.toLowerCase() === lower) return item;
  }
  return undefined;
}

/** `description` for `@description('x')`, `@sys.description('x')` and `@secure`. */
export function decoratorName(decorator: Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.kind === 'FunctionCall') return expression.name.missing ? undefined : expression.name.name;
  if (expression.kind === 'VariableAccess') return expression.name.name;
  if (expression.kind === 'PropertyAccess') return expression.property.name;
  return undefined;
}

/** The decorator called `name` on a declaration, if any. */
export function findDecorator(declaration: Declaration, name: string): Decorator | undefined {
  return declaration.decorators.find((d) => decoratorName(d) === name);
}

/** The value of a string without holes; undefined for anything else. */
export function stringValue(node: Expression | Identifier | Skipped | Node | undefined): string | undefined {
  return node?.kind === 'StringLiteral' ? (node as StringLiteral).value : undefined;
}

/** `{ type: 'Microsoft.Insights/actionGroups', apiVersion: '2023-01-01' }` from `'Microsoft.Insights/actionGroups@2023-01-01'`. */
export function splitResourceType(text: string): { readonly type: string; readonly apiVersion: string | undefined } {
  const at = text.lastIndexOf('@');
  return at < 0 ? { type: text, apiVersion: undefined } : { type: text.slice(0, at), apiVersion: text.slice(at + 1) };
}
