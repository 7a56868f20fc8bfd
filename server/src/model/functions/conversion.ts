import { booleanValue, jsonTextOf, numberValue, unknownValue, valueOfJson } from '../value';
import { cappedString, expected, invalid, strictFunction, textOf, type CallSite, type FunctionFamily } from './library';

/** Bracket nesting outside strings: deeper JSON would overflow the stack when converted. */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > 200) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

function parsedJson(text: string, site: CallSite) {
  if (tooDeep(text)) return invalid(site, 'the JSON nests too deeply');
  try {
    return valueOfJson(JSON.parse(text), site.origin);
  } catch {
    return invalid(site, 'the text is not strict JSON');
  }
}

export const conversionFunctions: FunctionFamily = {
  json: strictFunction(1, 1, ([value], site) => (value.kind === 'string' ? parsedJson(value.value, site) : expected(site, 'a string', value))),
  base64ToJson: strictFunction(1, 1, ([value], site) => (value.kind === 'string' ? parsedJson(Buffer.from(value.value, 'base64').toString('utf8'), site) : expected(site, 'a string', value))),
  string: strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'string') return value;
    if (value.kind === 'null') return unknownValue('string(null) is not computed', site.origin, 'string');
    const text = value.kind === 'array' || value.kind === 'object' ? jsonTextOf(value) : textOf(value);
    return text === undefined ? unknownValue('a part of the value is not known', site.origin, 'string') : cappedString(text, site);
  }),
  int: strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'number') return numberValue(Math.trunc(value.value), site.origin);
    if (value.kind === 'string' && /^\s*[+-]?\d+\s*$/.test(value.value)) {
      const n = Number(value.value.trim());
      return Number.isSafeInteger(n) ? numberValue(n, site.origin) : invalid(site, 'the number is too large');
    }
    return invalid(site, 'expects an integer or a string of digits');
  }),
  float: strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'number') return value;
    if (value.kind === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value.value)) return numberValue(Number(value.value.trim()), site.origin);
    return invalid(site, 'expects a number or a string of digits');
  }),
  bool: strictFunction(1, 1, ([value], site) => {
    if (value.kind === 'boolean') return value;
    if (value.kind === 'number') return booleanValue(value.value !== 0, site.origin);
    if (value.kind === 'string' && /^(true|false)$/i.test(value.value.trim())) return booleanValue(value.value.trim().toLowerCase() === 'true', site.origin);
    return invalid(site, "expects a boolean, an integer or 'true'/'false'");
  }),
};
