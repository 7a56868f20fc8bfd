/** How a file is laid out, so inserted text looks as if the author wrote it. */
export interface TextLayout {
  readonly eol: '\n' | '\r\n';
  /** One indentation step: a tab or some spaces. */
  readonly unit: string;
}

/** The file's line ending (the first one wins) and indentation step (tabs, else the smallest space indent). */
export function layoutOf(text: string): TextLayout {
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  let tabs = 0;
  let spaces = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1];
    if (indent.startsWith('\t')) tabs++;
    else {
      spaces++;
      smallest = Math.min(smallest, indent.length);
    }
    if (tabs + spaces > 200) break;
  }
  const unit = tabs > spaces ? '\t' : ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 2);
  return { eol, unit };
}

/** The whitespace that starts the line holding `offset`. */
export function indentOfLineAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, start + 200))![0];
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether only spaces and tabs stand between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}
