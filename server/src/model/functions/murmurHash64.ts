/**
 * The 64-bit MurmurHash variant behind ARM's `uniqueString()` (two 32-bit lanes with ARM's own
 * mixing constants, seed 0). Returned as two unsigned 32-bit halves: [high, low].
 */
export function armMurmurHash64(data: Uint8Array): readonly [number, number] {
  const m1 = 597399067;
  const m2 = 2869860233;
  const length = data.length;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  const word = (at: number, bytes: number): number => {
    let w = 0;
    for (let b = bytes - 1; b >= 0; b--) w = (w << 8) | data[at + b];
    return w >>> 0;
  };
  for (; i + 7 < length; i += 8) {
    let k1 = word(i, 4);
    let k2 = word(i + 4, 4);
    k1 = Math.imul(rotl(Math.imul(k1, m1), 15), m2);
    h1 = (rotl((h1 ^ k1) >>> 0, 19) + h2) >>> 0;
    h1 = (Math.imul(h1, 5) + 1444728091) >>> 0;
    k2 = Math.imul(rotl(Math.imul(k2, m2), 17), m1);
    h2 = (rotl((h2 ^ k2) >>> 0, 13) + h1) >>> 0;
    h2 = (Math.imul(h2, 5) + 197830471) >>> 0;
  }
  const tail = length - i;
  if (tail > 0) {
    const k1 = Math.imul(rotl(Math.imul(word(i, Math.min(tail, 4)), m1), 15), m2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = Math.imul(rotl(Math.imul(word(i + 4, tail - 4), m2), 17), m1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ length) >>> 0;
  h2 = (h2 ^ length) >>> 0;
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = finalMix(h1);
  h2 = finalMix(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return [h2, h1];
}

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

function finalMix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
