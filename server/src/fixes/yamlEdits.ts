import { parseDocument } from 'yaml';
import { FixExpression, type FixIntent } from '../rules/fixIntent';
import type { TextEdit } from './textEdit';

/**
 * Edits of a YAML file (a notification policy) for one intent: a scalar written at an origin is
 * replaced, in the quoting style it was written in. Other intents do not apply to policy files.
 */
export function yamlEdits(file: string, text: string, intent: FixIntent): TextEdit[] | undefined {
  if (intent.kind !== 'replaceValue') return undefined;
  const { offset, length } = intent.at.span;
  const written = text.slice(offset, offset + length);
  const value = intent.value;
  if (written.length === 0 || /[\r\n]/.test(written) || /^[[{|>&*!]/.test(written)) return undefined;
  if (value instanceof FixExpression || (value !== null && typeof value === 'object')) return undefined;
  const newText = scalarText(value, written[0] === "'" || written[0] === '"' ? written[0] : undefined);
  const edited = text.slice(0, offset) + newText + text.slice(offset + length);
  // The edit must leave a document that still parses, with the value where it was.
  if (parseDocument(edited).errors.length > 0 || parseDocument(text).errors.length > 0) return undefined;
  return [{ file, offset, length, newText }];
}

/** A plain scalar when YAML reads it back as the same string, else quoted (in the quote the value had). */
function scalarText(value: string | number | boolean | null, quote: "'" | '"' | undefined): string {
  if (typeof value !== 'string') return String(value);
  if (quote === '"') return JSON.stringify(value);
  const plain = parseDocument(value).toJS() === value && !/^\s|\s$|: | #|^[-?:,[\]{}#&*!|>'"%@`]/.test(value);
  if (quote === undefined && plain) return value;
  return `'${value.replace(/'/g, "''")}'`;
}
