export interface SeededRandom {
  (): number;
  /** The whole state: `seededRandom(r.state)` draws what `r` draws next. */
  readonly state: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.defineProperty(next, 'state', { get: () => state }) as SeededRandom;
}

export type Mutation = 'truncate' | 'delete' | 'duplicate' | 'flip' | 'nest' | 'hugeString' | 'splice';
export const mutations: readonly Mutation[] = ['truncate', 'delete', 'duplicate', 'flip', 'nest', 'hugeString', 'splice'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const at = (random: () => number, text: string) => Math.floor(random() * (text.length + 1));
const noise = ['{', '}', '[', ']', '(', ')', "'", '"', '$', '${', '@', ':', ',', '\n', '\\', '/*', '//', '\u0000', '\uFEFF', '\uD800', 'resource', 'module', 'param', 'if', 'for', '[concat(', '=>', '?', '!', '...'];

/** One hostile variant of a real file: cut, holed, repeated, corrupted, nested deep or bloated. */
export function mutate(text: string, mutation: Mutation, random: () => number): string {
  switch (mutation) {
    case 'truncate':
      return text.slice(0, at(random, text));
    case 'delete': {
      const start = at(random, text);
      return text.slice(0, start) + text.slice(start + Math.floor(random() * 200));
    }
    case 'duplicate': {
      const start = at(random, text);
      const piece = text.slice(start, start + Math.floor(random() * 400));
      const where = at(random, text);
      return text.slice(0, where) + piece.repeat(1 + Math.floor(random() * 3)) + text.slice(where);
    }
    case 'flip': {
      const chars = [...text];
      for (let n = 1 + Math.floor(random() * 8); n > 0 && chars.length > 0; n--) chars[Math.floor(random() * chars.length)] = pick(random, noise);
      return chars.join('');
    }
    case 'nest': {
      const depth = 200 + Math.floor(random() * 20_000);
      const [open, close] = pick(random, [['[', ']'], ['{', '}'], ['(', ')'], ["{ a: ", ' }'], ['[concat(', ')]'], ['if (', ')']]);
      const where = at(random, text);
      return text.slice(0, where) + open.repeat(depth) + (random() < 0.5 ? close.repeat(depth) : '') + text.slice(where);
    }
    case 'hugeString': {
      const where = at(random, text);
      const quote = pick(random, ["'", '"', "'''"]);
      return text.slice(0, where) + quote + 'x'.repeat(100_000 + Math.floor(random() * 2_000_000)) + (random() < 0.7 ? quote : '') + text.slice(where);
    }
    case 'splice': {
      const start = at(random, text);
      return text.slice(0, start) + pick(random, noise).repeat(1 + Math.floor(random() * 5)) + text.slice(start);
    }
  }
}
