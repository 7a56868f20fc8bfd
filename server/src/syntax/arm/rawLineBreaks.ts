import type { Node } from 'jsonc-parser';

/**
 * ARM (Newtonsoft) accepts raw line breaks inside strings; jsonc-parser ends the string there.
 * We hand jsonc-parser a copy with each such break replaced by a same-length stand-in (so every
 * offset stays true) and put the breaks back into the string values afterwards.
 */
const standIn: Readonly<Record<number, string>> = { 10: '\u0001', 13: '\u0002' };

export interface MaskedText {
  readonly text: string;
  /** Offsets of the replaced breaks, ascending; empty when nothing was replaced. */
  readonly breaks: readonly number[];
  /** Where nesting first goes past `maxDepth`: jsonc-parser recurses and would overflow the stack. */
  readonly tooDeepAt: number | undefined;
}

export function maskRawLineBreaks(text: string, maxDepth: number): MaskedText {
  const breaks: number[] = [];
  const length = text.length;
  let depth = 0;
  let tooDeepAt: number | undefined;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth && tooDeepAt === undefined) tooDeepAt = i;
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      i++;
    } else if (c === 34 /* " */) {
      i++;
      while (i < length) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i += 2;
        else if (s === 34) break;
        else {
          if (s === 10 || s === 13) breaks.push(i);
          i++;
        }
      }
      i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? length : end + 2;
    } else {
      i++;
    }
  }
  if (breaks.length === 0) return { text, breaks, tooDeepAt };
  let masked = '';
  let from = 0;
  for (const at of breaks) {
    masked += text.slice(from, at) + standIn[text.charCodeAt(at)];
    from = at + 1;
  }
  return { text: masked + text.slice(from), breaks, tooDeepAt };
}

/** Puts the line breaks back into the values of the string nodes that hold them. */
export function restoreRawLineBreaks(root: Node | undefined, breaks: readonly number[]): void {
  if (root === undefined || breaks.length === 0) return;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!spansABreak(node, breaks)) continue;
    // jsonc-parser's nodes are plain objects typed readonly; this is the one place that writes one, right after parsing.
    if (node.type === 'string' && typeof node.value === 'string') (node as { value: string }).value = node.value.replace(/\u0001/g, '\n').replace(/\u0002/g, '\r');
    else if (node.children !== undefined) stack.push(...node.children);
  }
}

function spansABreak(node: Node, breaks: readonly number[]): boolean {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] < node.offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < breaks.length && breaks[lo] < node.offset + node.length;
}
