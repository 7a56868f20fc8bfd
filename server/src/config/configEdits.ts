import { modify } from 'jsonc-parser';
import type { ConfiguredLevel } from '../rules/finding';
import { layoutOf } from '../fixes/textLayout';

/** Where editors find the config schema when the extension's own association does not apply. */
export const configSchemaUrl = 'https://raw.githubusercontent.com/hipaa-notify/hipaa-notify/main/schemas/config.schema.json';

/** A new hipaa-notify.json that sets one rule's level. */
export function newConfigText(ruleId: string, level: ConfiguredLevel): string {
  return `${JSON.stringify({ $schema: configSchemaUrl, rules: { [ruleId]: level } }, null, 2)}\n`;
}

/** Edits of an existing hipaa-notify.json that set `rules.<id>` to `level`, in the file's layout. */
export function ruleLevelEdits(text: string, ruleId: string, level: ConfiguredLevel): Array<{ offset: number; length: number; newText: string }> {
  const layout = layoutOf(text);
  const formattingOptions = { insertSpaces: layout.unit !== '\t', tabSize: layout.unit === '\t' ? 4 : layout.unit.length, eol: layout.eol };
  return modify(text, ['rules', ruleId], level, { formattingOptions }).map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content }));
}
