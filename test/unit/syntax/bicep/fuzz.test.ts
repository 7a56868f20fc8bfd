import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep } from '../../../../server/src/syntax/bicep/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineDir, baselineSources } from './baselineFormat';
import { samples } from './samples';
import { assertTreeInvariants } from './treeInvariants';

/** mulberry32: a small seeded generator, so a failing case can be replayed from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const interesting = "{}[]()'\"$:,=\n\r\t?!.@|&^*/<>#\\ ab01";

type Mutation = (text: string, next: () => number) => string;

const mutations: Record<string, Mutation> = {
  truncate: (text, next) => text.slice(0, Math.floor(next() * text.length)),
  delete: (text, next) => {
    const start = Math.floor(next() * text.length);
    const length = Math.floor(next() * 40);
    return text.slice(0, start) + text.slice(start + length);
  },
  duplicate: (text, next) => {
    const start = Math.floor(next() * text.length);
    const length = Math.floor(next() * 80);
    return text.slice(0, start + length) + text.slice(start, start + length) + text.slice(start + length);
  },
  flip: (text, next) => {
    let out = text;
    const flips = 1 + Math.floor(next() * 4);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(next() * out.length);
      const replacement = next() < 0.7 ? interesting[Math.floor(next() * interesting.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
      out = out.slice(0, at) + replacement + out.slice(at + 1);
    }
    return out;
  },
};

const seed = 20261123;
const cases = 500;
const maxMillisecondsPerCase = 500;

/** Valid templates, and the baseline sources, whose mistakes take the mutations down the recovery paths. */
const seeds = [
  ...samples,
  ...baselineSources().map((name) => ({
    name,
    text: readFileSync(join(baselineDir, name), 'utf8'),
    kind: name.endsWith('.bicepparam') ? ('bicepparam' as const) : ('bicep' as const),
  })),
];

test(`fuzz: ${cases} mutated templates never throw, stay fast and give consistent trees (seed ${seed})`, () => {
  const next = random(seed);
  const names = Object.keys(mutations);
  for (let i = 0; i < cases; i++) {
    const sample = seeds[Math.floor(next() * seeds.length)];
    let text = sample.text;
    const steps = 1 + Math.floor(next() * 3);
    const applied: string[] = [];
    for (let s = 0; s < steps; s++) {
      const name = names[Math.floor(next() * names.length)];
      applied.push(name);
      text = mutations[name](text, next);
    }
    const label = `case ${i} (${sample.name}: ${applied.join(', ')})`;
    const start = performance.now();
    let file;
    try {
      file = parseBicep(text, { kind: sample.kind });
    } catch (error) {
      assert.fail(`${label} threw: ${(error as Error).stack}\n--- input ---\n${text}`);
    }
    const elapsed = performance.now() - start;
    assert.ok(elapsed < maxMillisecondsPerCase, `${label} took ${elapsed.toFixed(0)} ms`);
    try {
      assertTreeInvariants(file);
    } catch (error) {
      assert.fail(`${label}: ${(error as Error).message}\n--- input ---\n${text}`);
    }
  }
});
