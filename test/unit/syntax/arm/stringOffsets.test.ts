import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonDocument } from '../../../../server/src/syntax/arm/jsonDocument';
import { locatorOfJsonString } from '../../../../server/src/syntax/arm/stringOffsets';

test('a JSON string maps decoded indexes to document offsets, with and without escapes', () => {
  const text = '{"a": "[f(1)]", "b": "[f(\\"x\\")]"}';
  const plain = text.indexOf('"[f(1)]"');
  assert.equal(locatorOfJsonString(text, plain, 8)(3), plain + 4);
  const escaped = text.indexOf('"[f(\\"');
  // decoded '[f("x")]': index 3 is the quote written as \" and index 4 the x after it
  assert.equal(text.slice(locatorOfJsonString(text, escaped, 14)(3), locatorOfJsonString(text, escaped, 14)(4)), '\\"');
});

/** Characters String.prototype.indexOf looks at while `run` runs. */
function indexOfScans(run: () => void): number {
  const original = String.prototype.indexOf;
  let scanned = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    const found = original.call(this, search, from);
    scanned += (found < 0 ? this.length : found + 1) - Math.max(0, from ?? 0);
    return found;
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return scanned;
}

test('the expressions of a template are located in linear work: a string is searched for escapes, not the rest of the document', () => {
  const template = (n: number) => `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "variables": {${Array.from({ length: n }, (_, i) => `"v${i}": "[concat(]"`).join(',\n')}}}`;
  const work = (n: number) => {
    const text = template(n);
    let problems = 0;
    // the ARM reading of the document parses every expression (HN001 problems) and locates them
    const scanned = indexOfScans(() => (problems = parseJsonDocument(text, { arm: true }).problems.length));
    assert.equal(problems, n);
    return scanned;
  };
  const small = work(200);
  const large = work(800);
  assert.ok(large <= 5 * small + 1000, `4 times the strings scanned ${(large / Math.max(1, small)).toFixed(1)} times the characters (${small} -> ${large})`);
});
