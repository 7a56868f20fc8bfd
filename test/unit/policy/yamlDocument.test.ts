import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as yaml from 'yaml';
import { parseYamlDocument } from '../../../server/src/syntax/policy/yamlDocument';

test('an unclosed quote is reported at the quote that opened it', () => {
  const source = 'spec:\n  name: ok\n  description: "runs on\n';
  const problems = parseYamlDocument(source).problems;
  assert.deepEqual(problems.map((p) => [source.slice(p.offset, p.offset + p.length), p.message]), [['"', 'this string is not closed (missing ")']]);
});

/** Scalars the reader looks at (through the yaml library's visit) while reading `text`. */
function scalarVisits(text: string): number {
  // the module object itself (not the import's read-only namespace), which the reader calls visit through
  const library: { visit: typeof yaml.visit } = require('yaml');
  const original = library.visit;
  let visits = 0;
  library.visit = ((node: yaml.Node | yaml.Document, visitor: yaml.visitor) => {
    const counted = typeof visitor === 'function' ? visitor : { ...visitor, Scalar: (...args: Parameters<yaml.visitorFn<yaml.Scalar>>) => (visits++, (visitor.Scalar ?? visitor.Node)?.(...args)) };
    return original(node as yaml.Document, counted as yaml.visitor);
  }) as typeof yaml.visit;
  try {
    parseYamlDocument(text);
  } finally {
    library.visit = original;
  }
  return visits;
}

test('a file of unclosed quotes is read in linear work: the quoted scalars are looked at once, not once per error', () => {
  const lines = (n: number) => 'spec:\n' + '  - "a\n'.repeat(n);
  const small = scalarVisits(lines(200));
  const large = scalarVisits(lines(800));
  assert.ok(small > 0, 'the reader finds the opening quotes through visit');
  assert.ok(large <= 5 * small, `4 times the lines cost ${(large / small).toFixed(1)} times the scalar visits (${small} -> ${large})`);
});
