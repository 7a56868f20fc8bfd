import { stringValue, unknownValue, type Value } from '../value';
import { cappedArray, cappedString, expected, invalid, isInteger, lenientFunction, strictFunction, textOf, type CallSite, type FunctionFamily, type KnownValue } from './library';

function withString(site: CallSite, value: KnownValue, compute: (text: string) => Value): Value {
  return value.kind === 'string' ? compute(value.value) : expected(site, 'a string', value);
}

/** .NET composite formatting, as `format()` uses it: `{0}`, `{0:D3}`, `{{` and `}}`. */
function formatText(site: CallSite, pattern: string, args: readonly KnownValue[]): Value {
  let result = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '{' && pattern[i + 1] === '{') {
      result += '{';
      i += 2;
    } else if (c === '}' && pattern[i + 1] === '}') {
      result += '}';
      i += 2;
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      const hole = /^(\d+)(?::([A-Za-z])(\d*))?$/.exec(close < 0 ? '' : pattern.slice(i + 1, close));
      if (hole === null) return invalid(site, `the format item at position ${i} is not one this tool computes`);
      const arg = args[Number(hole[1])];
      if (arg === undefined) return invalid(site, `format item {${hole[1]}} has no matching argument`);
      const text = hole[2] === undefined ? textOf(arg) : formattedNumber(arg, hole[2], hole[3]);
      if (text === undefined) return invalid(site, `cannot format ${arg.kind} with {${pattern.slice(i + 1, close)}}`);
      result += text;
      i = close + 1;
    } else if (c === '}') {
      return invalid(site, "a lone '}' in the format string (write '}}')");
    } else {
      result += c;
      i++;
    }
    if (result.length > 1_000_000) return cappedString(result, site);
  }
  return cappedString(result, site);
}

function formattedNumber(arg: KnownValue, specifier: string, width: string): string | undefined {
  if (!isInteger(arg)) return undefined;
  const digits = width === '' ? 0 : Number(width);
  const n = arg.value;
  switch (specifier) {
    case 'D':
    case 'd':
      return (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(digits, '0');
    case 'X':
    case 'x': {
      if (n < 0) return undefined;
      const hex = n.toString(16).padStart(digits, '0');
      return specifier === 'X' ? hex.toUpperCase() : hex;
    }
    default:
      return undefined;
  }
}

function indexOfIgnoringCase(haystack: string, needle: string, last: boolean): number {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  return last ? h.lastIndexOf(n) : h.indexOf(n);
}

export const stringFunctions: FunctionFamily = {
  // Wildcard matching whose exact pattern rules are not pinned down here: known to exist, not computed.
  like: lenientFunction(2, 2, (_, site) => unknownValue('like() is not evaluated statically', site.origin, 'boolean')),
  format: strictFunction(1, Infinity, ([pattern, ...args], site) => withString(site, pattern, (text) => formatText(site, text, args))),
  replace: strictFunction(3, 3, ([original, oldText, newText], site) => {
    if (original.kind !== 'string' || oldText.kind !== 'string' || newText.kind !== 'string') return invalid(site, 'expects three strings');
    if (oldText.value === '') return invalid(site, 'the text to replace is empty');
    return cappedString(original.value.split(oldText.value).join(newText.value), site);
  }),
  toLower: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => stringValue(text.toLowerCase(), site.origin))),
  toUpper: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => stringValue(text.toUpperCase(), site.origin))),
  trim: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => stringValue(text.trim(), site.origin))),
  split: strictFunction(2, 2, ([value, delimiter], site) =>
    withString(site, value, (text) => {
      const delimiters = delimiter.kind === 'string' ? [delimiter.value] : delimiter.kind === 'array' ? delimiter.items.map((item) => (item.kind === 'string' ? item.value : undefined)) : undefined;
      if (delimiters === undefined || delimiters.some((d) => d === undefined || d === '')) return invalid(site, 'the delimiter must be a non-empty string or an array of them');
      let parts = [text];
      for (const d of delimiters as string[]) parts = parts.flatMap((part) => part.split(d));
      return cappedArray(parts.map((part) => stringValue(part, site.origin)), site);
    }),
  ),
  substring: strictFunction(2, 3, ([value, start, length], site) =>
    withString(site, value, (text) => {
      if (!isInteger(start) || (length !== undefined && !isInteger(length))) return invalid(site, 'start and length must be integers');
      const count = length === undefined ? text.length - start.value : (length as { value: number }).value;
      if (start.value < 0 || start.value > text.length || count < 0 || start.value + count > text.length) {
        return invalid(site, `the range (start ${start.value}, length ${count}) is outside the string of length ${text.length}`);
      }
      return stringValue(text.substr(start.value, count), site.origin);
    }),
  ),
  startsWith: strictFunction(2, 2, ([value, prefix], site) => {
    if (value.kind !== 'string' || prefix.kind !== 'string') return invalid(site, 'expects two strings');
    return { kind: 'boolean', value: value.value.toLowerCase().startsWith(prefix.value.toLowerCase()), origin: site.origin };
  }),
  endsWith: strictFunction(2, 2, ([value, suffix], site) => {
    if (value.kind !== 'string' || suffix.kind !== 'string') return invalid(site, 'expects two strings');
    return { kind: 'boolean', value: value.value.toLowerCase().endsWith(suffix.value.toLowerCase()), origin: site.origin };
  }),
  lastIndexOf: strictFunction(2, 2, ([value, item], site) => {
    if (value.kind === 'string' && item.kind === 'string') return { kind: 'number', value: indexOfIgnoringCase(value.value, item.value, true), origin: site.origin };
    return invalid(site, 'expects two strings');
  }),
  padLeft: strictFunction(2, 3, ([value, totalLength, padding], site) => {
    const text = value.kind === 'string' || value.kind === 'number' ? textOf(value) : undefined;
    if (text === undefined || !isInteger(totalLength)) return invalid(site, 'expects a string or integer and a length');
    const pad = padding === undefined ? ' ' : padding.kind === 'string' && padding.value.length === 1 ? padding.value : undefined;
    if (pad === undefined) return invalid(site, 'the padding must be a single character');
    if (totalLength.value > 16_000) return invalid(site, 'the total length is too large');
    return stringValue(text.padStart(totalLength.value, pad), site.origin);
  }),
  base64: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => cappedString(Buffer.from(text, 'utf8').toString('base64'), site))),
  base64ToString: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => cappedString(Buffer.from(text, 'base64').toString('utf8'), site))),
  uriComponent: strictFunction(1, 1, ([value], site) => withString(site, value, (text) => cappedString(encodeURIComponent(text), site))),
  uriComponentToString: strictFunction(1, 1, ([value], site) =>
    withString(site, value, (text) => {
      try {
        return cappedString(decodeURIComponent(text), site);
      } catch {
        return invalid(site, 'the text is not a valid URI component');
      }
    }),
  ),
  uri: strictFunction(2, 2, ([base, relative], site) => {
    if (base.kind !== 'string' || relative.kind !== 'string') return invalid(site, 'expects two strings');
    try {
      return cappedString(new URL(relative.value, base.value).toString(), site);
    } catch {
      return invalid(site, 'the base is not an absolute URI');
    }
  }),
  dataUri: strictFunction(1, 1, ([value], site) =>
    withString(site, value, (text) => cappedString(`data:text/plain;charset=utf8;base64,${Buffer.from(text, 'utf8').toString('base64')}`, site)),
  ),
  dataUriToString: strictFunction(1, 1, ([value], site) =>
    withString(site, value, (text) => {
      const match = /^data:[^,]*?(;base64)?,(.*)$/s.exec(text);
      if (match === null) return invalid(site, 'the text is not a data URI');
      return cappedString(match[1] ? Buffer.from(match[2], 'base64').toString('utf8') : decodeURIComponent(match[2]), site);
    }),
  ),
};
