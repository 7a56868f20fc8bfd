import { FixExpression, type FixValue } from '../rules/fixIntent';
import type { TextLayout } from './textLayout';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Bicep string literal: single quotes, with `\`, `'`, `${` and line breaks escaped. */
export function bicepString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

export function bicepKey(name: string): string {
  return identifier.test(name) ? name : bicepString(name);
}

/**
 * A value as Bicep writes it. Multi-line objects and arrays start their members one step deeper
 * than `indent` (the indentation of the line they are written on); `inline` writes one line.
 */
export function bicepText(value: FixValue, indent: string, layout: TextLayout, inline = false): string {
  if (value instanceof FixExpression) return value.bicep;
  if (value === null) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    const items = value as readonly FixValue[];
    if (items.length === 0) return '[]';
    if (inline) return `[${items.map((item) => bicepText(item, indent, layout, true)).join(', ')}]`;
    return `[${layout.eol}${items.map((item) => `${inner}${bicepText(item, inner, layout)}${layout.eol}`).join('')}${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: FixValue });
  if (entries.length === 0) return '{}';
  if (inline) return `{ ${entries.map(([key, item]) => `${bicepKey(key)}: ${bicepText(item, indent, layout, true)}`).join(', ')} }`;
  return `{${layout.eol}${entries.map(([key, item]) => `${inner}${bicepKey(key)}: ${bicepText(item, inner, layout)}${layout.eol}`).join('')}${indent}}`;
}

/** `{ a: { b: value } }` for path [a, b]. */
export function nestedValue(path: readonly string[], value: FixValue): FixValue {
  return path.reduceRight<FixValue>((inner, key) => ({ [key]: inner }), value);
}
