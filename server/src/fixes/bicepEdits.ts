import { forEachChild, parseBicep, propertyKeyName, type BicepFile, type Node } from '../syntax/bicep';
import type { ArrayExpression, ObjectExpression } from '../syntax/bicep';
import { FixExpression, type AddParameter, type FixIntent, type FixValue, type NewResource } from '../rules/fixIntent';
import type { Span } from '../syntax/span';
import { bicepKey, bicepString, bicepText, nestedValue } from './bicepText';
import type { TextEdit } from './textEdit';
import { indentOfLineAt, layoutOf, lineStart, startsLine, type TextLayout } from './textLayout';

/** Edits of a .bicep or .bicepparam file for one intent; undefined when the text there is not what the intent expects. */
export function bicepEdits(file: string, text: string, intent: FixIntent): TextEdit[] | undefined {
  const parsed = parseBicep(text, { kind: /\.bicepparam$/i.test(file) ? 'bicepparam' : 'bicep' });
  if (parsed.problems.length > 0) return undefined;
  const editor = new BicepEditor(file, parsed, layoutOf(text));
  switch (intent.kind) {
    case 'replaceValue':
      return editor.replaceLiteral(intent.at.span, intent.value);
    case 'replaceStart':
      return editor.replaceStart(intent.at.span, intent.from, intent.to);
    case 'setProperty':
      return editor.setProperty(intent.object.span, intent.path, intent.value);
    case 'addItem':
      return editor.addItem(intent.array.span, intent.item);
    case 'addResource':
      return editor.addResource(intent.beside.span, intent.resource);
    case 'addParameter':
      return editor.addParameter(intent);
  }
}

const literalKinds = new Set(['BooleanLiteral', 'IntegerLiteral', 'NullLiteral', 'StringLiteral']);

class BicepEditor {
  private readonly text: string;

  constructor(
    private readonly file: string,
    private readonly parsed: BicepFile,
    private readonly layout: TextLayout,
  ) {
    this.text = parsed.text;
  }

  replaceLiteral(span: Span, value: FixValue): TextEdit[] | undefined {
    const node = this.nodeExactlyAt(span);
    if (!node || !literalKinds.has(node.kind)) return undefined;
    if (node.kind === 'StringLiteral' && (node.value === undefined || node.multiline)) return undefined;
    return [this.edit(node.offset, node.length, bicepText(value, indentOfLineAt(this.text, node.offset), this.layout))];
  }

  /** The start of a single-line string literal, interpolated or not, when its first segment starts with `from`. */
  replaceStart(span: Span, from: string, to: string): TextEdit[] | undefined {
    const node = this.nodeExactlyAt(span);
    if (node?.kind !== 'StringLiteral' || node.multiline) return undefined;
    const written = this.text.slice(node.offset + 1, node.offset + 1 + from.length);
    if (!node.segments[0]?.value.toLowerCase().startsWith(from.toLowerCase()) || written.toLowerCase() !== from.toLowerCase()) return undefined;
    return [this.edit(node.offset + 1, from.length, to)];
  }

  setProperty(span: Span, path: readonly string[], value: FixValue): TextEdit[] | undefined {
    const node = this.nodeExactlyAt(span);
    return node?.kind === 'ObjectExpression' ? this.setIn(node, path, value) : undefined;
  }

  addItem(span: Span, item: FixValue): TextEdit[] | undefined {
    const node = this.nodeExactlyAt(span);
    if (node?.kind !== 'ArrayExpression') return undefined;
    return this.insertMember(node, node.items, (indent, inline) => bicepText(item, indent, this.layout, inline), ']');
  }

  /** A top-level `resource` declaration after the one at `span` (itself top-level, without loop or condition). */
  addResource(span: Span, resource: NewResource): TextEdit[] | undefined {
    const beside = this.nodeExactlyAt(span);
    if (beside?.kind !== 'ResourceDeclaration' || beside.parent?.kind !== 'Program' || beside.value.kind !== 'ObjectExpression' || beside.name.missing) return undefined;
    const taken = new Set(this.parsed.root.statements.flatMap((statement) => ('name' in statement && statement.name && 'kind' in statement.name && statement.name.kind === 'Identifier' ? [statement.name.name.toLowerCase()] : [])));
    let symbol = resource.symbol;
    for (let n = 2; taken.has(symbol.toLowerCase()); n++) symbol = `${resource.symbol}${n}`;
    const { name, ...rest } = resource.body;
    const body: { [key: string]: FixValue } = { ...(name !== undefined ? { name } : {}), ...(resource.scoped ? { scope: new FixExpression(beside.name.name, '') } : {}), ...rest };
    const { eol } = this.layout;
    const declaration = `resource ${symbol} '${resource.type}@${resource.apiVersion}' = ${bicepText(body, '', this.layout)}`;
    return [this.edit(beside.offset + beside.length, 0, `${eol}${eol}${declaration}`)];
  }

  /** `@description(...) param name type (= default)` after the last parameter, else before the first declaration that is not a file header. */
  addParameter(parameter: AddParameter): TextEdit[] | undefined {
    if (this.parsed.kind !== 'bicep') return undefined;
    const statements = this.parsed.root.statements;
    const parameters = statements.filter((statement) => statement.kind === 'ParameterDeclaration');
    if (parameters.some((declaration) => declaration.kind === 'ParameterDeclaration' && declaration.name.name.toLowerCase() === parameter.name.toLowerCase())) return [];
    const { eol } = this.layout;
    const declaration = `@description(${bicepString(parameter.description)})${eol}param ${parameter.name} ${parameter.type}${parameter.defaultValue === undefined ? '' : ` = ${bicepText(parameter.defaultValue, '', this.layout)}`}`;
    const last = parameters[parameters.length - 1];
    if (last) return [this.edit(last.offset + last.length, 0, `${eol}${eol}${declaration}`)];
    const header = new Set(['TargetScopeDeclaration', 'MetadataDeclaration', 'ImportDeclaration', 'ExtensionDeclaration', 'UsingDeclaration']);
    const first = statements.find((statement) => !header.has(statement.kind));
    if (!first) return [this.edit(this.text.length, 0, `${this.text.length > 0 && !this.text.endsWith('\n') ? eol : ''}${declaration}${eol}`)];
    // Decorators and leading comments belong to the declaration they precede.
    const at = lineStart(this.text, first.offset);
    return [this.edit(at, 0, `${declaration}${eol}${eol}`)];
  }

  private setIn(object: ObjectExpression, path: readonly string[], value: FixValue): TextEdit[] | undefined {
    if (path.length === 0) return this.merge(object, value);
    const [key, ...rest] = path;
    const lower = key.toLowerCase();
    const existing = object.properties.find((member) => member.kind === 'ObjectProperty' && propertyKeyName(member)?.toLowerCase() === lower);
    if (existing?.kind === 'ObjectProperty') {
      if (rest.length === 0) return [this.edit(existing.value.offset, existing.value.length, bicepText(value, indentOfLineAt(this.text, existing.value.offset), this.layout))];
      return existing.value.kind === 'ObjectExpression' ? this.setIn(existing.value, rest, value) : undefined;
    }
    // A spread may already set it: the result would be ambiguous.
    if (object.properties.some((member) => member.kind === 'SpreadExpression')) return undefined;
    const written = nestedValue(rest, value);
    return this.insertMember(object, object.properties, (indent, inline) => `${bicepKey(key)}: ${bicepText(written, indent, this.layout, inline)}`, '}');
  }

  /** Sets each property of `value` in `object`: existing ones are replaced, the others inserted together. */
  private merge(object: ObjectExpression, value: FixValue): TextEdit[] | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof FixExpression) return undefined;
    const edits: TextEdit[] = [];
    const absent: Array<[string, FixValue]> = [];
    for (const [key, item] of Object.entries(value as { readonly [key: string]: FixValue })) {
      const existing = object.properties.find((member) => member.kind === 'ObjectProperty' && propertyKeyName(member)?.toLowerCase() === key.toLowerCase());
      if (existing?.kind === 'ObjectProperty') edits.push(this.edit(existing.value.offset, existing.value.length, bicepText(item, indentOfLineAt(this.text, existing.value.offset), this.layout)));
      else absent.push([key, item]);
    }
    if (absent.length === 0) return edits;
    if (object.properties.some((member) => member.kind === 'SpreadExpression')) return undefined;
    const inserted = this.insertMember(object, object.properties, (indent, inline) => absent.map(([key, item]) => `${bicepKey(key)}: ${bicepText(item, indent, this.layout, inline)}`).join(inline ? ', ' : `${this.layout.eol}${indent}`), '}');
    return inserted && [...edits, ...inserted];
  }

  /** Inserts a member before the closing bracket, on its own line when the literal is multi-line. */
  private insertMember(container: ObjectExpression | ArrayExpression, members: readonly Node[], render: (indent: string, inline: boolean) => string, close: '}' | ']'): TextEdit[] | undefined {
    const { eol, unit } = this.layout;
    const closeOffset = container.offset + container.length - 1;
    if (this.text[closeOffset] !== close) return undefined;
    const base = indentOfLineAt(this.text, container.offset);
    const last = members[members.length - 1];
    const multiline = this.text.slice(container.offset, closeOffset).includes('\n');
    if (!last) {
      if (multiline && startsLine(this.text, closeOffset)) {
        const indent = indentOfLineAt(this.text, closeOffset) + unit;
        return [this.edit(lineStart(this.text, closeOffset), 0, `${indent}${render(indent, false)}${eol}`)];
      }
      return [this.edit(container.offset, container.length, `${close === '}' ? '{' : '['}${eol}${base}${unit}${render(base + unit, false)}${eol}${base}${close}`)];
    }
    if (!multiline) return [this.edit(last.offset + last.length, 0, `, ${render(base, true)}`)];
    const indent = startsLine(this.text, last.offset) ? indentOfLineAt(this.text, last.offset) : base + unit;
    if (startsLine(this.text, closeOffset)) return [this.edit(lineStart(this.text, closeOffset), 0, `${indent}${render(indent, false)}${eol}`)];
    return [this.edit(last.offset + last.length, 0, `${eol}${indent}${render(indent, false)}`)];
  }

  /** The node written exactly at `span` (the innermost one, when several share it). */
  private nodeExactlyAt(span: Span): Node | undefined {
    let found: Node | undefined;
    let current: Node | undefined = this.parsed.root;
    while (current) {
      if (current.offset === span.offset && current.length === span.length) found = current;
      let next: Node | undefined;
      forEachChild(current, (child) => {
        if (child.offset <= span.offset && span.offset + span.length <= child.offset + child.length && child.kind !== 'Skipped') {
          next = child;
          return true;
        }
        return false;
      });
      current = next;
    }
    return found;
  }

  private edit(offset: number, length: number, newText: string): TextEdit {
    return { file: this.file, offset, length, newText };
  }
}
