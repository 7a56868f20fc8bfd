import { findNodeAtOffset, getNodePath, modify, type Node } from 'jsonc-parser';
import { parseJsonDocument } from '../syntax/arm/jsonDocument';
import { layoutOf, indentOfLineAt, lineStart } from '../fixes/textLayout';

/** The reason a user types over; `reasonPlaceholder` marks where it sits in the inserted text. */
export const reasonPlaceholder = 'reason';

/** An insertion or replacement in one file, with where the reason placeholder lies in `newText`. */
export interface DisableEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
  /** Offset of the placeholder inside newText, when one was written. */
  readonly reasonAt?: number;
}

const directiveLine = /^([ \t]*(?:\/\/|#)[ \t]*hipaa-notify-disable-next-line)([ \t]+[A-Za-z0-9, \t]*?)?([ \t]*--.*)?$/;

/**
 * `// hipaa-notify-disable-next-line HNxxx -- reason` (`#` in YAML) on the line before `offset`,
 * at that line's indentation; when that line already holds a directive, the rule joins it.
 */
export function disableNextLineEdit(text: string, offset: number, ruleId: string, comment: '//' | '#'): DisableEdit {
  const start = lineStart(text, offset);
  if (start > 0) {
    const previousStart = lineStart(text, start - 1);
    const previous = text.slice(previousStart, start).replace(/\r?\n$/, '');
    const match = directiveLine.exec(previous);
    if (match) {
      const ids = (match[2] ?? '').trim().split(/[\s,]+/).filter(Boolean);
      if (ids.map((id) => id.toUpperCase()).includes(ruleId)) return { offset: start, length: 0, newText: '' };
      const end = previousStart + match[1].length + (match[2] ?? '').length;
      return { offset: end, length: 0, newText: ` ${ruleId}` };
    }
  }
  const { eol } = layoutOf(text);
  const line = `${indentOfLineAt(text, offset)}${comment} hipaa-notify-disable-next-line ${ruleId} -- `;
  return { offset: start, length: 0, newText: `${line}${reasonPlaceholder}${eol}`, reasonAt: line.length };
}

/**
 * `"metadata": { "hipaa-notify": { "suppress": { "HNxxx": "reason" } } }` in the ARM resource that
 * holds `offset` (an item of a `resources` array); undefined outside a resource.
 */
export function disableInMetadataEdits(text: string, offset: number, ruleId: string): DisableEdit[] | undefined {
  const { root, problems } = parseJsonDocument(text, { arm: true });
  if (!root || problems.length > 0) return undefined;
  let resource: Node | undefined;
  for (let node = findNodeAtOffset(root, offset, false); node; node = node.parent) {
    if (node.type === 'object' && node.parent?.type === 'array' && node.parent.parent?.type === 'property' && node.parent.parent.children?.[0]?.value === 'resources') {
      resource = node;
      break;
    }
  }
  if (!resource) return undefined;
  const layout = layoutOf(text);
  const formattingOptions = { insertSpaces: layout.unit !== '\t', tabSize: layout.unit === '\t' ? 4 : layout.unit.length, eol: layout.eol };
  return modify(text, [...getNodePath(resource), 'metadata', 'hipaa-notify', 'suppress', ruleId], reasonPlaceholder, { formattingOptions }).map((edit) => {
    const at = edit.content.lastIndexOf(`"${reasonPlaceholder}"`);
    return { offset: edit.offset, length: edit.length, newText: edit.content, ...(at >= 0 ? { reasonAt: at + 1 } : {}) };
  });
}
