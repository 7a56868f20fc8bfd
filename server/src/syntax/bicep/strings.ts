/** Decodes the escapes of single-line string text (between its delimiters). Invalid escapes stay as written. */
export function decodeEscapes(text: string, start: number, end: number): string {
  // a bounded scan: indexOf would search past `end`, to the end of a possibly huge file
  let firstEscape = start;
  while (firstEscape < end && text.charCodeAt(firstEscape) !== 92) firstEscape++;
  if (firstEscape >= end) return text.slice(start, end);
  let out = text.slice(start, firstEscape);
  let i = firstEscape;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 92 /* \ */ || i + 1 >= end) {
      out += text[i];
      i++;
      continue;
    }
    const e = text[i + 1];
    switch (e) {
      case 'n': out += '\n'; i += 2; break;
      case 'r': out += '\r'; i += 2; break;
      case 't': out += '\t'; i += 2; break;
      case '\\': out += '\\'; i += 2; break;
      case "'": out += "'"; i += 2; break;
      case '$': out += '$'; i += 2; break;
      case 'u': {
        let close = i + 3;
        while (close < end && text.charCodeAt(close) !== 125) close++;
        if (close >= end) close = -1;
        const digits = text.charCodeAt(i + 2) === 123 && close > 0 && close < end ? text.slice(i + 3, close) : '';
        const code = /^[0-9a-fA-F]{1,8}$/.test(digits) ? parseInt(digits, 16) : -1;
        if (code >= 0 && code <= 0x10ffff) {
          out += String.fromCodePoint(code);
          i = close + 1;
        } else {
          out += '\\u';
          i += 2;
        }
        break;
      }
      default:
        out += '\\' + e;
        i += 2;
    }
  }
  return out;
}

/** Where the decoded text of a multi-line string's first piece starts: one leading line break is dropped. */
export function skipLeadingLineBreak(text: string, start: number, end: number): number {
  if (start < end && text.charCodeAt(start) === 13 && text.charCodeAt(start + 1) === 10) return start + 2;
  if (start < end && (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13)) return start + 1;
  return start;
}
