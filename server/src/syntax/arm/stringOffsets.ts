/**
 * Maps an index in a JSON string's decoded value to its document offset. `rawOffset` is the offset
 * of the opening quote. Escapes (`\n`, `\uXXXX`) make decoded and raw text differ in length.
 */
export type OffsetLocator = (index: number) => number;

export function locatorOfJsonString(text: string, rawOffset: number, rawLength: number): OffsetLocator {
  const start = rawOffset + 1;
  const end = Math.max(start, rawOffset + rawLength - (text.charCodeAt(rawOffset + rawLength - 1) === 34 && rawLength > 1 ? 1 : 0));
  // searched only inside the string: indexOf would run on to the end of the document for every string
  let escaped = false;
  for (let i = start; i < end && !escaped; i++) escaped = text.charCodeAt(i) === 92; /* \ */
  if (!escaped) return (index) => start + index;
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    offsets.push(i);
    if (text.charCodeAt(i) === 92 /* \ */) i += text.charCodeAt(i + 1) === 117 /* u */ ? 6 : 2;
    else i++;
  }
  offsets.push(Math.min(i, end));
  return (index) => (index < offsets.length ? offsets[Math.max(0, index)] : end);
}
